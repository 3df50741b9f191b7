import { defineRule } from '../rule.js';
import { longDate, meetingPosition } from '../helpers.js';
import { givenNextDates } from '../next-meeting.js';

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
        // The date given may be the next meeting's, or the next ordinary meeting's where a special one comes first;
        // a month given ("in January") holds either when it falls in that month.
        const ordinary = context.index.nextOrdinary(meeting);
        const holds = (from: string, to: string, date: string | undefined) => date !== undefined && from <= date && date <= to;
        for (const given of givenNextDates(committee, meeting)) {
          if (!given.ours || !given.first || given.to <= meeting.date) continue;
          if (holds(given.from, given.to, next.date) || holds(given.from, given.to, ordinary?.date)) continue;
          context.report(
            `Unexpected ${given.text} as the next meeting's date, expected ${longDate(next.date)}, the committee's next meeting`,
            given.position,
            { related: { message: 'the next meeting', position: meetingPosition(next) } },
          );
        }
      }
    }
  },
);
