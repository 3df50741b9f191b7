import { defineRule } from '../rule.js';
import { findSection, hasContent } from '../reports.js';

const WORDINGS = ['background papers', 'background documents', 'list of background papers', 'background papers and documents'];

export default defineRule(
  {
    id: 'report-background-papers',
    description: 'Reports list their background papers, or say there are none (where the council’s report template asks)',
    category: 'records',
    severity: 'warning',
  },
  (context) => {
    const template = context.model.config.reports;
    if (!template?.backgroundPapers) return;
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const paper of meeting.papers) {
          if (!template.types.includes(paper.type)) continue;
          // A section, or a line of its own: "Background papers: None".
          const section = findSection(paper, WORDINGS);
          const line = paper.blocks.find((b) => b.kind !== 'heading' && /^\W*background (?:papers|documents)\W*\s*[:\-–—]\s*\S/i.test(b.text));
          if (line || (section && hasContent(paper, section))) continue;
          context.report(
            section
              ? `Unexpected empty "${section.title}", expected the documents the report relied on, or "None"`
              : 'Unexpected report without its background papers, expected a "Background papers" section listing the documents it relied on, or saying "None" (s.100D Local Government Act 1972)',
            section?.position ?? paper.position,
          );
        }
      }
    }
  },
);
