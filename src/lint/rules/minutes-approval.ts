import { defineRule } from '../rule.js';
import { heldOnDates, longDate, minutesOfKind } from '../helpers.js';

const APPROVAL = /\b(correct record|approved|confirmed|agreed|signed)\b/i;

export default defineRule(
  {
    id: 'minutes-approval',
    description: 'A held meeting’s minutes are approved as a correct record in the minutes of the committee’s next meeting',
    category: 'records',
    severity: 'warning',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        if (meeting.status !== 'held' || !meeting.minutes) continue;
        const next = context.index.next(meeting);
        if (!next?.minutes) continue; // the next meeting's minutes are not written yet
        const approved = minutesOfKind(next, 'previous-minutes').some((minute) => {
          const dates = heldOnDates(minute).map((d) => d.date);
          const names = dates.length === 0 || dates.includes(meeting.date);
          return names && minute.resolutions.some((r) => APPROVAL.test([r.text, ...r.parts.map((p) => p.text)].join(' ')));
        });
        if (!approved) {
          context.report(
            `Unexpected minutes of ${longDate(meeting.date)} left unapproved, expected a resolution approving them in the minutes of ${longDate(next.date)}`,
            meeting.minutes.position,
            { related: { message: 'the next meeting’s minutes', position: next.minutes.position } },
          );
        }
      }
    }
  },
);
