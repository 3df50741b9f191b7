import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'agenda-numbering',
    description: 'Agenda items are numbered 1..n in order; a supplement uses the main agenda’s item numbers, increasing, or numbers on the items it adds',
    category: 'numbering',
    severity: 'error',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const items = meeting.agenda?.items ?? [];
        let expected = 1;
        const seen = new Map<number, (typeof items)[number]>();
        for (const item of items) {
          const first = seen.get(item.number);
          if (first) {
            context.report(`Unexpected item number ${item.number} again, expected ${expected}`, item.position, {
              related: { message: `item ${item.number} is first numbered here`, position: first.position },
            });
          } else if (item.number !== expected) {
            context.report(`Unexpected item number ${item.number}, expected ${expected}`, item.position);
          }
          seen.set(item.number, seen.get(item.number) ?? item);
          expected = item.number + 1;
        }
        // A supplement adds papers to the main agenda's items, or adds items of urgent business numbered on from the
        // last item (the chair's reasons in its urgency:; see urgent-item).
        let added = expected;
        for (const supplement of meeting.supplements) {
          let last = 0;
          for (const item of supplement.items) {
            if (!seen.has(item.number) && item.number === added) {
              added++;
            } else if (!seen.has(item.number)) {
              context.report(
                `Unexpected item number ${item.number} in supplement ${supplement.supplement}, expected the number of an item on the main agenda, or ${added} for an item of urgent business it adds`,
                item.position,
              );
            } else if (item.number <= last) {
              context.report(`Unexpected item number ${item.number} after ${last}, expected increasing item numbers`, item.position);
            }
            last = Math.max(last, item.number);
          }
        }
      }
    }
  },
);
