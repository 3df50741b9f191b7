import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';

export default defineRule(
  {
    id: 'report-clearance',
    description: 'A published report carries the clearances the council’s template asks for (reports: clearance:), each given before publication',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const template = context.model.config.reports;
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const published = meeting.published;
        for (const paper of meeting.papers) {
          // A clearance given after the papers went out did not clear them.
          for (const c of paper.clearances) {
            if (published && c.on > published) {
              context.report(
                `Unexpected ${c.role} clearance on ${longDate(c.on)}, after the agenda was published on ${longDate(published)}, expected it given before publication`,
                c.position,
              );
            }
          }
          if (!template || template.clearance.length === 0 || !template.types.includes(paper.type) || paper.draft) continue;
          // Only papers on an agenda that is out (published by the day checked) must be cleared.
          if (!published || published > context.asOf) continue;
          const missing = template.clearance.filter((role) => !paper.clearances.some((c) => c.role === role));
          if (missing.length === 0) continue;
          context.report(
            `Unexpected report published without ${missing.join(' and ')} clearance, expected ${missing.map((m) => `"${m}: { by: ..., on: ... }"`).join(' and ')} under clearance: in its frontmatter, as the council's report template asks`,
            paper.fields.clearance ?? paper.position,
          );
        }
      }
    }
  },
);
