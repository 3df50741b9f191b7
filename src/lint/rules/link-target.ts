import { defineRule } from '../rule.js';
import { longDate, reportParseProblems } from '../helpers.js';

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
        // Minutes of an earlier meeting not written yet are "to follow" in a pack in preparation: a warning until the
        // pack's publication date, then an error, since the pack would go out without them.
        for (const agenda of [meeting.agenda, ...meeting.supplements]) {
          for (const link of (agenda?.items ?? []).flatMap((i) => i.links)) {
            if (link.kind !== 'minutes' || link.exists || !link.target) continue;
            const published = agenda!.published ?? meeting.published;
            const preparing = published === null || published > context.asOf;
            context.report(
              preparing
                ? `Unexpected link to minutes not written yet "${link.href}" (to follow), expected them at ${link.target} before the pack is published${published ? ` on ${longDate(published)}` : ''}`
                : `Unexpected link to missing file "${link.href}", expected it at ${link.target}`,
              link.position,
              { severity: preparing ? 'warning' : 'error' },
            );
          }
        }
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
