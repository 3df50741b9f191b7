import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import type { Action, ActionProgress, Meeting, Minute } from '../../model/types.js';

/** Whether a log entry's `minute:` names this minute: its number as written, or its title. */
function minuteNamed(minute: Minute, named: string): boolean {
  const key = named.trim().toLowerCase().replace(/\.$/, '');
  return minute.number ? minute.number.raw.toLowerCase() === key : minute.title.trim().toLowerCase() === key;
}

/** Whether a log entry's `action:` names this action: the start of its owner or of its words (or says nothing). */
function actionNamed(action: Action, named: string | null): boolean {
  if (named === null) return true;
  const key = named.trim().toLowerCase();
  return action.owner.toLowerCase().startsWith(key) || action.text.toLowerCase().startsWith(key);
}

/** The latest progress recorded on an action, if any. */
function progressOf(log: readonly ActionProgress[], meeting: Meeting, minute: Minute, action: Action): ActionProgress | null {
  const entries = log.filter((e) => e.meeting === meeting.date && minuteNamed(minute, e.minute) && actionNamed(action, e.action));
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1) ?? null;
}

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
    // ones have been reviewed at the meetings since. Progress between meetings is
    // recorded in the committee's actions.yml: done or dropped, or a new date.
    for (const committee of context.model.committees) {
      const latest = committee.meetings.filter((m) => m.minutes && m.date <= context.asOf).at(-1);
      const used = new Set<ActionProgress>();
      for (const minute of latest?.minutes?.minutes ?? []) {
        for (const action of minute.actions) {
          const progress = progressOf(committee.actions, latest!, minute, action);
          if (progress) used.add(progress);
          if (progress?.status === 'done' || progress?.status === 'dropped') continue;
          const due = progress?.due ?? action.due.date;
          if (overdue(due, context.asOf)) {
            const when = progress?.due ? `${longDate(progress.due)} (the new date in actions.yml)` : action.due.raw;
            context.report(
              `Unexpected action for ${action.owner || 'no owner'} still open, due ${when}, expected it done by ${longDate(context.asOf)} (record its progress in committees/${committee.id}/actions.yml)`,
              action.position,
            );
          }
        }
      }
      // An entry for an action the latest minutes hold is used above; one naming no action at all is a slip.
      for (const entry of committee.actions) {
        if (used.has(entry)) continue;
        const meeting = committee.meetings.find((m) => m.date === entry.meeting);
        const minute = meeting?.minutes?.minutes.find((m) => minuteNamed(m, entry.minute));
        const actions = minute?.actions.filter((a) => actionNamed(a, entry.action)) ?? [];
        if (actions.length > 0) continue;
        context.report(
          `Unexpected progress for an action of minute ${entry.minute} of ${longDate(entry.meeting)}, expected ${
            !meeting?.minutes ? 'the date of a meeting with minutes' : !minute ? 'the number (or title) of one of its minutes' : entry.action ? `the start of the owner or words of one of its actions ("${minute.actions[0]?.owner ?? ''}")` : 'a minute that records an action'
          }`,
          entry.position,
        );
      }
    }
  },
);
