import { defineRule } from '../rule.js';
import { reportParseProblems } from '../helpers.js';

export default defineRule(
  {
    id: 'link-target',
    description: 'Agenda links must reach existing files, and every paper in a meeting folder must be reached',
    category: 'text',
    severity: 'error',
  },
  (context) => {
    // Missing and out-of-folder links are found while the agenda is read.
    reportParseProblems(context);
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const reached = new Set<string>();
        for (const agenda of [meeting.agenda, ...meeting.supplements]) {
          for (const item of agenda?.items ?? []) for (const link of item.links) if (link.target) reached.add(link.target);
        }
        for (const paper of meeting.papers) for (const a of paper.appendices) reached.add(a.file);
        const files = [...meeting.papers.map((p) => ({ file: p.file, position: p.position })), ...meeting.attachments];
        for (const { file, position } of files) {
          if (!reached.has(file)) {
            context.report(
              `Unexpected paper "${file.split('/').pop()}" that no agenda item, supplement or appendices list reaches, expected a link to it from the agenda`,
              position,
              { severity: 'warning' },
            );
          }
        }
      }
    }
  },
);
