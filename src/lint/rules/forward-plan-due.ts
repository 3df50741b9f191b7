import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { executiveRecords } from '../executive.js';

export default defineRule(
  {
    id: 'forward-plan-due',
    description: 'A forward plan entry whose date has passed was decided, deferred to a new date, or withdrawn',
    category: 'dates',
    severity: 'warning',
  },
  (context) => {
    if (!executiveRecords(context.model)) return;
    for (const committee of context.model.committees) {
      const plan = committee.forwardPlan;
      if (!plan) continue;
      const taken = new Set<string>(committee.decisions.flatMap((r) => (r.forwardPlan ? [r.forwardPlan] : [])));
      for (const meeting of committee.meetings) {
        if (meeting.status === 'cancelled' || meeting.date > context.asOf) continue;
        for (const paper of meeting.papers) if (paper.forwardPlan) taken.add(paper.forwardPlan.ref);
      }
      for (const entry of plan.entries) {
        if (entry.withdrawn || taken.has(entry.ref)) continue;
        const last = entry.deferred.at(-1);
        const due = last ? last.to : entry.date;
        if (!due?.date || due.date >= context.asOf) continue;
        context.report(
          `Unexpected ${entry.ref} "${entry.matter}" still on the forward plan, due ${due.kind === 'month' ? due.raw : longDate(due.date)}${last ? ' (as deferred)' : ''}, expected by ${longDate(context.asOf)} a decision (a record in decisions.yml, or a paper naming it at a meeting), deferred: with a new date and the reason, or withdrawn:`,
          last?.position ?? entry.fields.date ?? entry.position,
        );
      }
    }
  },
);
