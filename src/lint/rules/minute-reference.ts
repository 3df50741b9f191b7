import { defineRule } from '../rule.js';
import { municipalYear } from '../../dates/calendar.js';
import { parseMinuteNumber } from '../../parse/minutes.js';
import type { Meeting } from '../../model/types.js';

export default defineRule(
  {
    id: 'minute-reference',
    description: 'A "Minute No." reference resolves to a minute',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const { minuteNumbering, municipalYearStart } = context.model.config;
    const year = (m: Meeting) => municipalYear(m.date, municipalYearStart);
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        const own = meeting.minutes?.minutes ?? [];
        if (own.length === 0) continue;
        for (const minute of own) {
          for (const ref of minute.references) {
            if (ref.meetingDate) {
              const other = ref.meetingDate.date && context.index.meetingOn(committee.id, ref.meetingDate.date);
              if (other && other.minutes && !context.index.minute(other, ref.number)) {
                context.report(
                  `Unexpected reference to Minute ${ref.number}, expected a minute of the meeting held on ${ref.meetingDate.text}`,
                  ref.position,
                  { related: { message: 'that meeting’s minutes', position: other.minutes.position } },
                );
              }
              continue; // a meeting not in the content cannot be checked
            }
            if (context.index.minute(meeting, ref.number)) continue;
            const number = parseMinuteNumber(ref.number);
            if (!number) continue;
            const first = own[0].number.value;
            // Under running numbering a lower number belongs to an earlier meeting: look for it there.
            if (minuteNumbering !== 'per-meeting' && number.value < first) {
              const sameRun = (m: Meeting) =>
                m.date < meeting.date && (minuteNumbering === 'continuous' || year(m) === year(meeting));
              if (context.index.meetingsWithMinute(committee.id, ref.number).some(sameRun)) continue;
              // Not found: wrong only if an earlier meeting of the run in the content covers that number.
              const covered = committee.meetings.filter(sameRun).some((m) => {
                const list = m.minutes?.minutes ?? [];
                return list.length > 0 && list[0].number.value <= number.value && number.value <= list.at(-1)!.number.value;
              });
              if (!covered) continue; // that meeting is not in the content: nothing known
            }
            context.report(`Unexpected reference to Minute ${ref.number}, which no minute has, expected a minute of this meeting or an earlier one`, ref.position);
          }
        }
      }
    }
  },
);
