import { defineRule } from '../rule.js';
import { bodyDates, longDate, meetingPosition, minutesOfKind, dayAfter } from '../helpers.js';
import type { WrittenDate } from '../../model/types.js';

export default defineRule(
  {
    id: 'next-meeting-date',
    description: 'The date given for the next meeting should be the committee’s next meeting in the content',
    category: 'dates',
    severity: 'warning',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const next = context.index.next(meeting);
        if (!next) continue;
        const given: WrittenDate[] = [];
        for (const item of meeting.agenda?.items ?? []) if (item.kind === 'next-meeting' && item.dates[0]) given.push(item.dates[0]);
        for (const minute of minutesOfKind(meeting, 'next-meeting')) {
          const [first] = bodyDates(minute);
          if (first) given.push(first);
        }
        // The date given may be the next meeting's, or the next ordinary meeting's where a special one comes first.
        const ordinary = context.index.nextOrdinary(meeting);
        for (const d of given) {
          const day = dayAfter(d, meeting.date);
          if (day && day > meeting.date && day !== next.date && day !== ordinary?.date) {
            context.report(
              `Unexpected ${d.text} as the next meeting's date, expected ${longDate(next.date)}, the committee's next meeting`,
              d.position,
              { related: { message: 'the next meeting', position: meetingPosition(next) } },
            );
          }
        }
      }
    }
  },
);
