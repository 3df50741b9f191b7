import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { englishExecutive } from '../executive.js';

const yearAfter = (iso: string) => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;

export default defineRule(
  {
    id: 'special-urgency-report',
    description: 'A decision taken under special urgency is reported to the council within a year',
    category: 'dates',
    severity: 'warning',
  },
  (context) => {
    if (!englishExecutive(context.model)) return;
    for (const committee of context.model.committees) {
      for (const entry of committee.forwardPlan?.entries ?? []) {
        const exception = entry.exception;
        if (exception?.route !== 'special-urgency') continue;
        const taken = committee.decisions.find((r) => r.forwardPlan === entry.ref)?.date ?? entry.date?.date ?? exception.published;
        const by = yearAfter(taken);
        if (exception.reported ? exception.reported > by : context.asOf > by) {
          context.report(
            `Unexpected special urgency decision ${entry.ref} of ${longDate(taken)} ${exception.reported ? `reported to the council only on ${longDate(exception.reported)}` : 'not reported to the council'}, expected reported: a day by ${longDate(by)}: the leader reports the decisions taken under special urgency to the council at least once a year (reg 19)`,
            exception.fields.reported ?? exception.position,
          );
        }
      }
    }
  },
);
