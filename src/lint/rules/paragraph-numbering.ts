import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'paragraph-numbering',
    description: 'Numbered report sections run 1..n, and paragraphs N.M run in order under section N',
    category: 'numbering',
    severity: 'warning',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const paper of meeting.papers) {
          const sections = paper.sections.filter((s) => s.depth === 2 && s.number !== null);
          // One numbered heading is a title that starts with a number ("4 Themes for ..."), not a numbering to check.
          let expectedSection = 1;
          for (const s of sections.length > 1 ? sections : []) {
            if (s.number !== expectedSection) {
              context.report(`Unexpected section ${s.number}, expected ${expectedSection}`, s.position);
            }
            expectedSection = s.number! + 1;
          }
          if (paper.paragraphs.length === 0) continue;
          let expectedIndex = 1;
          let current: number | null = null;
          for (const p of paper.paragraphs) {
            const section = sections.filter((s) => s.position.line < p.position.line).at(-1)?.number ?? null;
            if (section !== current) {
              current = section;
              expectedIndex = 1;
            }
            if (section !== null && p.section !== section) {
              context.report(
                `Unexpected paragraph ${p.label} under section ${section}, expected ${section}.${expectedIndex}`,
                p.position,
              );
            } else if (p.index !== expectedIndex) {
              context.report(`Unexpected paragraph ${p.label}, expected ${p.section}.${expectedIndex}`, p.position);
            }
            expectedIndex = p.index + 1;
          }
        }
      }
    }
  },
);
