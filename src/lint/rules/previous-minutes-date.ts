import { defineRule } from '../rule.js';
import { dayBefore, heldOnDates, longDate, meetingPosition, minutesOfKind } from '../helpers.js';
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
          named.push(...heldOnDates(minute, meeting.date));
        }
        // The minutes approved may be the previous meeting's; the last ordinary meeting's, where a special meeting came
        // between; or, with the previous meeting's named too, the meeting before (minutes not ready at the last one).
        const days = named.map((d) => dayBefore(d, meeting.date));
        const ordinary = context.index.previousOrdinary(meeting);
        const allowed = new Set([previous.date, ...(ordinary ? [ordinary.date] : [])]);
        const before = context.index.previous(previous);
        if (before && days.includes(previous.date)) allowed.add(before.date);
        named.forEach((d, k) => {
          const day = days[k];
          if (day && !allowed.has(day)) {
            context.report(
              `Unexpected ${d.text} as the previous meeting's date, expected ${longDate(previous.date)}`,
              d.position,
              { related: { message: 'the previous meeting', position: meetingPosition(previous) } },
            );
          }
        });
      }
    }
  },
);
