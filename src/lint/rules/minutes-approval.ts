import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { minutesStatements, speaksOf, type MinutesStatement } from '../../parse/approvals.js';
import type { Meeting } from '../../model/types.js';

export default defineRule(
  {
    id: 'minutes-approval',
    description: 'A held meeting’s minutes are approved as a correct record in the minutes of the committee’s next meeting',
    category: 'records',
    severity: 'warning',
  },
  (context) => {
    const statements = new Map<Meeting, MinutesStatement[]>();
    const said = (at: Meeting) => {
      if (!statements.has(at)) statements.set(at, minutesStatements(at));
      return statements.get(at)!;
    };
    /** Whether a statement at `at` is about `meeting`'s minutes: naming its date or month, or naming none when it is the meeting just before. */
    const about = (s: MinutesStatement, meeting: Meeting, at: Meeting) =>
      speaksOf(s, meeting, context.index.previous(at) === meeting || context.index.previousOrdinary(at) === meeting);
    const approvedAt = (meeting: Meeting, at: Meeting) => said(at).some((s) => s.verdict === 'approved' && about(s, meeting, at));
    const deferralAt = (meeting: Meeting, at: Meeting) => said(at).find((s) => s.verdict === 'deferred' && s.until && about(s, meeting, at));
    /** The committee's first meeting on the day, or in the month, a deferral names. */
    const meetingFor = (meetings: readonly Meeting[], until: NonNullable<MinutesStatement['until']>) =>
      meetings.find((m) => m.status !== 'cancelled' && (until.day ? m.date >= until.day : m.date.slice(0, 7) >= until.month!)) ?? null;

    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        if (meeting.status !== 'held' || !meeting.minutes) continue;
        // Minutes are approved at the next suitable meeting: the next ordinary one (a special meeting is called for
        // its own business), or the one after it when they were not ready, or the one their approval was deferred
        // to ("deferred until January"). Until those minutes are written, nothing is known.
        const next = context.index.nextOrdinary(meeting);
        if (!next?.minutes || approvedAt(meeting, next)) continue;
        const deferral = deferralAt(meeting, next);
        const target = deferral ? meetingFor(committee.meetings, deferral.until!) : null;
        if (target) {
          if (!target.minutes || approvedAt(meeting, target)) continue;
          context.report(
            `Unexpected minutes of ${longDate(meeting.date)} left unapproved, expected a resolution approving them in the minutes of ${longDate(target.date)}, the meeting the minutes of ${longDate(next.date)} deferred them to ("${deferral!.until!.text}")`,
            meeting.minutes.position,
            { related: { message: 'the deferral', position: deferral!.position } },
          );
          continue;
        }
        const after = context.index.nextOrdinary(next);
        if (!after?.minutes || approvedAt(meeting, after)) continue;
        context.report(
          `Unexpected minutes of ${longDate(meeting.date)} left unapproved, expected a resolution approving them in the minutes of ${longDate(next.date)} or the meeting after`,
          meeting.minutes.position,
          { related: { message: 'the next meeting’s minutes', position: next.minutes.position } },
        );
      }
    }
  },
);
