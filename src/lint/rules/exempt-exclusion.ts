import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'exempt-exclusion',
    description: 'An exempt item comes after an agenda item excluding the press and public',
    category: 'exempt',
    severity: 'warning',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const exempt = new Set<string>();
        for (const paper of meeting.papers) {
          if (paper.exempt) exempt.add(paper.file);
          for (const a of paper.appendices) if (a.exempt) exempt.add(a.file);
        }
        if (exempt.size === 0 || !meeting.agenda) continue;
        const items = meeting.agenda.items;
        const exclusion = items.findIndex((i) => i.kind === 'exclusion');
        items.forEach((item, index) => {
          const holdsExempt =
            item.links.some((l) => l.target && exempt.has(l.target)) ||
            meeting.papers.some((p) => item.links.some((l) => l.target === p.file) && p.appendices.some((a) => a.exempt));
          if (holdsExempt && (exclusion < 0 || exclusion > index)) {
            context.report(
              `Unexpected exempt item ${item.number} before any exclusion of the press and public, expected an item excluding them first`,
              item.position,
            );
          }
        });
      }
    }
  },
);
