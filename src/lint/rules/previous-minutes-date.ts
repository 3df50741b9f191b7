import { defineRule } from '../rule.js';
import { heldOnDates, longDate, meetingPosition, minutesOfKind } from '../helpers.js';
import type { WrittenDate } from '../../model/types.js';

export default defineRule(
  {
    id: 'previous-minutes-date',
    description: '"Minutes of the previous meeting held on <date>" must name the previous meeting’s date',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const previous = context.index.previous(meeting);
        if (!previous) continue; // not in the content: nothing to check against
        const named: WrittenDate[] = [];
        for (const item of meeting.agenda?.items ?? []) if (item.kind === 'previous-minutes' && item.dates[0]) named.push(item.dates[0]);
        for (const minute of minutesOfKind(meeting, 'previous-minutes')) {
          const [title] = minute.dates.filter((d) => d.position.line === minute.position.line);
          if (title) named.push(title);
          named.push(...heldOnDates(minute));
        }
        for (const d of named) {
          if (d.date && d.date !== previous.date) {
            context.report(
              `Unexpected ${d.text} as the previous meeting's date, expected ${longDate(previous.date)}`,
              d.position,
              { related: { message: 'the previous meeting', position: meetingPosition(previous) } },
            );
          }
        }
      }
    }
  },
);
