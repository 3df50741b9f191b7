import { defineRule } from '../rule.js';
import { dayBefore, longDate, minutesOfKind } from '../helpers.js';
import type { Meeting, Minute } from '../../model/types.js';

/** A resolution approving minutes: "approved as a correct record", "confirmed", "signed". */
const APPROVAL = /\b(correct record|true record|approved?|confirm(?:ed)?|agreed|sign(?:ed)?|adopt(?:ed)?)\b/i;
/**
 * Approval recorded without "Resolved", as many clerks write it: "signed as
 * a true record", "the minutes were unanimously approved", "Cllr X proposed
 * approval, Cllr Y seconded; carried".
 */
const APPROVAL_PROSE =
  /\b(?:(?:true|correct|accurate)\s+record|(?:were|was|be|being)\s+(?:unanimously\s+|duly\s+)?(?:approved|confirmed|agreed|accepted|adopted|signed)|proposed\s+(?:their\s+|the\s+minutes'?\s+)?(?:approval|acceptance|adoption)|(?:approved|confirmed|adopted)\s+(?:unanimously|without\s+amendment|as\s+(?:circulated|presented|written)))\b/i;

function approves(minute: Minute): boolean {
  if (minute.resolutions.some((r) => APPROVAL.test([r.text, ...r.parts.map((p) => p.text)].join(' ')))) return true;
  return minute.blocks.some((b) => b.kind !== 'heading' && APPROVAL_PROSE.test(b.text));
}

export default defineRule(
  {
    id: 'minutes-approval',
    description: 'A held meeting’s minutes are approved as a correct record in the minutes of the committee’s next meeting',
    category: 'records',
    severity: 'warning',
  },
  (context) => {
    /** Whether `at`'s minutes approve `meeting`'s: an approval naming its date, or naming none when it is the meeting just before. */
    const approvedAt = (meeting: Meeting, at: Meeting) =>
      minutesOfKind(at, 'previous-minutes').some((minute) => {
        // Every past date the minute names: "the minutes of the meetings held on 13 January and 3 February".
        const named = minute.dates.map((d) => dayBefore(d, at.date)).filter((d) => d !== null && d < at.date);
        const justBefore = context.index.previous(at) === meeting || context.index.previousOrdinary(at) === meeting;
        return (named.length === 0 ? justBefore : named.includes(meeting.date)) && approves(minute);
      });

    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        if (meeting.status !== 'held' || !meeting.minutes) continue;
        // Minutes are approved at the next suitable meeting: the next ordinary one (a special meeting is called for
        // its own business), or the one after it when they were not ready. Until both are written, nothing is known.
        const next = context.index.nextOrdinary(meeting);
        if (!next?.minutes || approvedAt(meeting, next)) continue;
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
