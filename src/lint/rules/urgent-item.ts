import { defineRule } from '../rule.js';
import { minuteName } from '../helpers.js';
import { sameBusiness } from '../../parse/business.js';

/** Minutes that say why an item was taken as urgent business: "special circumstances", "urgency", "urgent", s.100B(4). */
const CIRCUMSTANCES = /\bspecial\s+circumstances\b|\burgen(?:t|cy)\b|\b100\s*B\s*\(\s*4\s*\)/i;

export default defineRule(
  {
    id: 'urgent-item',
    description: 'An item added to the agenda as urgent business comes with the chair’s reasons, and its minute records the special circumstances',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const main = new Set((meeting.agenda?.items ?? []).map((i) => i.number));
        for (const supplement of meeting.supplements) {
          const added = supplement.items.filter((i) => !main.has(i.number));
          if (added.length === 0) continue;
          // The chair's reasons, given where the item is added (s.100B(4)(b) Local Government Act 1972).
          if (!supplement.urgency) {
            context.report(
              `Unexpected item ${added[0].number} "${added[0].title}" added by supplement ${supplement.supplement} without the chair's reasons, expected urgency: in the supplement's frontmatter saying why it cannot wait for the next meeting`,
              added[0].position,
            );
          }
          // The minutes record the special circumstances that made it urgent.
          for (const item of added) {
            const minute = meeting.minutes?.minutes.find((m) => sameBusiness(item.title, m.title));
            if (!minute) continue;
            if (minute.blocks.some((b) => CIRCUMSTANCES.test(b.text)) || CIRCUMSTANCES.test(minute.title)) continue;
            context.report(
              `Unexpected ${minuteName(minute)} of item ${item.number}, added as urgent business, without the special circumstances, expected the minutes to record why it was taken as a matter of urgency (s.100B(4)(b) Local Government Act 1972)`,
              minute.position,
              { related: { message: `item ${item.number}, added by supplement ${supplement.supplement}`, position: item.position } },
            );
          }
        }
      }
    }
  },
);
