import { defineRule } from '../rule.js';
import { bodyDates, dayAfter, longDate, minutesOfKind } from '../helpers.js';
import type { WrittenDate } from '../../model/types.js';

export default defineRule(
  {
    id: 'future-meeting-dates',
    description: 'Dates given for the next or future meetings must fall after the meeting itself',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const given: WrittenDate[] = [
          ...(meeting.agenda?.items ?? []).filter((i) => i.kind === 'next-meeting').flatMap((i) => i.dates),
          ...minutesOfKind(meeting, 'next-meeting').flatMap(bodyDates),
        ];
        for (const d of given) {
          const day = dayAfter(d, meeting.date);
          if (day && day <= meeting.date) {
            context.report(
              `Unexpected ${d.text} for a future meeting, expected a date after this meeting on ${longDate(meeting.date)}`,
              d.position,
            );
          }
        }
      }
    }
  },
);
