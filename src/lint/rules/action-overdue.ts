import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';

export default defineRule(
  {
    id: 'action-overdue',
    description: 'Actions, plan milestones and accepted recommendations past their date are complete',
    category: 'dates',
    severity: 'warning',
  },
  (context) => {
    const overdue = (date: string | null, asOf: string) => date !== null && date < asOf;

    for (const plan of context.model.plans) {
      const asOf = context.asOfGiven ? context.asOf : (plan.asOf ?? context.asOf);
      for (const strand of plan.strands) {
        for (const row of strand.actions) {
          if (row.status !== 'Complete' && overdue(row.due.date, asOf)) {
            context.report(
              `Unexpected ${row.status ? `status ${row.status}` : 'no status'} for "${row.action}", due ${row.due.raw}, expected Complete as of ${longDate(asOf)}`,
              row.cells.due ?? row.position,
            );
          }
        }
      }
    }

    for (const register of context.model.registers) {
      for (const rec of register.recommendations) {
        if (rec.decision === 'accepted' && rec.status !== 'Complete' && overdue(rec.actionBy.date, context.asOf)) {
          context.report(
            `Unexpected ${rec.ref} not complete, due ${rec.actionBy.raw}, expected Complete (in a Status column) as of ${longDate(context.asOf)}`,
            rec.cells.actionBy ?? rec.position,
          );
        }
      }
    }

    // Minutes are signed records and are never edited to mark an action done, so
    // only the actions of each committee's latest minutes are outstanding; earlier
    // ones have been reviewed at the meetings since.
    for (const committee of context.model.committees) {
      const latest = committee.meetings.filter((m) => m.minutes && m.date <= context.asOf).at(-1);
      for (const minute of latest?.minutes?.minutes ?? []) {
        for (const action of minute.actions) {
          if (overdue(action.due.date, context.asOf)) {
            context.report(
              `Unexpected action for ${action.owner || 'no owner'} still open, due ${action.due.raw}, expected it done by ${longDate(context.asOf)}`,
              action.position,
            );
          }
        }
      }
    }
  },
);
