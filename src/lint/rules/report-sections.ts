import { defineRule } from '../rule.js';
import { findSection, hasContent } from '../reports.js';

export default defineRule(
  {
    id: 'report-sections',
    description: 'Reports have every section of the council’s report template (reports: in boardpack.yml), each with something in it',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const template = context.model.config.reports;
    if (!template || template.sections.length === 0) return;
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const paper of meeting.papers) {
          if (!template.types.includes(paper.type)) continue;
          for (const wordings of template.sections) {
            const section = findSection(paper, wordings);
            if (!section) {
              context.report(
                `Unexpected report without ${/^[aeiou]/i.test(wordings[0]) ? 'an' : 'a'} "${wordings[0]}" section, expected one as the council's report template asks (${wordings.map((w) => `"${w}"`).join(' or ')}; "None" if there is nothing to say)`,
                paper.position,
              );
            } else if (!hasContent(paper, section)) {
              context.report(`Unexpected empty section "${section.title}", expected what the report has to say under it, or "None"`, section.position);
            }
          }
        }
      }
    }
  },
);
