import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'plan-row',
    description: 'Each plan action has an owner, a due date and a status',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    for (const plan of context.model.plans) {
      for (const strand of plan.strands) {
        for (const row of strand.actions) {
          const name = `"${row.action.length > 50 ? `${row.action.slice(0, 47)}...` : row.action}"`;
          if (!row.owner) context.report(`Unexpected action ${name} with no owner, expected who is responsible`, row.cells.owner ?? row.position);
          if (row.due.kind === 'none') {
            context.report(`Unexpected action ${name} with no due date, expected a date, a month, Ongoing or TBC`, row.cells.due ?? row.position, { severity: 'warning' });
          } else if (row.due.kind === 'other') {
            context.report(`Unexpected due date "${row.due.raw}" for ${name}, expected a date, a month, Ongoing or TBC`, row.cells.due ?? row.position, { severity: 'warning' });
          }
          if (!row.statusRaw) {
            context.report(`Unexpected action ${name} with no status, expected R, A, G or Complete`, row.cells.status ?? row.position, { severity: 'warning' });
          } else if (!row.status) {
            context.report(`Unexpected status "${row.statusRaw}" for ${name}, expected R, A, G or Complete`, row.cells.status ?? row.position, { severity: 'warning' });
          }
        }
      }
    }
  },
);
