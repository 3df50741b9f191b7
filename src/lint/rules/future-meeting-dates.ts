import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { givenNextDates } from '../next-meeting.js';

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
        // A day on or before the meeting, or a month wholly before its month ("in January 2025" in December 2025).
        for (const given of givenNextDates(committee, meeting)) {
          if (given.from === given.to ? given.to <= meeting.date : given.to < meeting.date) {
            context.report(
              `Unexpected ${given.text} for a future meeting, expected a date after this meeting on ${longDate(meeting.date)}`,
              given.position,
            );
          }
        }
      }
    }
  },
);
