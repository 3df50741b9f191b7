import { defineRule } from '../rule.js';
import { minuteNumberingOf } from '../../model/numbering.js';
import { municipalYear } from '../../dates/calendar.js';
import { parseMinuteNumber } from '../../parse/minutes.js';
import type { Meeting } from '../../model/types.js';
import { slashStyle } from '../helpers.js';

export default defineRule(
  {
    id: 'minute-reference',
    description: 'A "Minute No." reference resolves to a minute',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const { municipalYearStart } = context.model.config;
    const year = (m: Meeting) => municipalYear(m.date, municipalYearStart);
    const numbersOf = (m: Meeting) => (m.minutes?.minutes ?? []).flatMap((x) => (x.number ? [x.number] : []));
    for (const committee of context.model.committees) {
      const minuteNumbering = minuteNumberingOf(committee, context.model.config);
      for (const meeting of committee.meetings) {
        const own = meeting.minutes?.minutes ?? [];
        // Minutes that are not numbered cannot be referred to by number: nothing to check.
        if (own.length === 0 || !meeting.minutes?.numbered) continue;
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
            const number = parseMinuteNumber(ref.number, slashStyle(committee));
            if (!number) continue;
            const first = numbersOf(meeting)[0]?.value ?? 0;
            // Under running numbering a lower number belongs to an earlier meeting: look for it there.
            if (minuteNumbering !== 'per-meeting' && number.value < first) {
              const sameRun = (m: Meeting) =>
                m.date < meeting.date && (minuteNumbering === 'continuous' || year(m) === year(meeting));
              if (context.index.meetingsWithMinute(committee.id, ref.number).some(sameRun)) continue;
              // Not found: wrong only if an earlier meeting of the run in the content covers that number.
              const covered = committee.meetings.filter(sameRun).some((m) => {
                const list = numbersOf(m);
                return list.length > 0 && list[0].value <= number.value && number.value <= list.at(-1)!.value;
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
