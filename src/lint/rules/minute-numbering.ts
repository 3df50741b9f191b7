import { defineRule } from '../rule.js';
import { reportParseProblems } from '../helpers.js';
import { municipalYear } from '../../dates/calendar.js';
import type { Minute } from '../../model/types.js';

export default defineRule(
  {
    id: 'minute-numbering',
    description: 'Minute numbers run in order without repeats or gaps, and continue from the previous meeting where numbering runs on',
    category: 'numbering',
    severity: 'error',
  },
  (context) => {
    reportParseProblems(context); // unnumbered minute headings
    const { minuteNumbering, municipalYearStart } = context.model.config;
    for (const committee of context.model.committees) {
      const prefix = committee.minutePrefix;
      for (const meeting of committee.meetings) {
        const minutes = meeting.minutes?.minutes ?? [];
        const seen = new Map<string, Minute>();
        let previous: Minute | null = null;
        for (const minute of minutes) {
          const { raw, value } = minute.number;
          if (prefix && minute.number.prefix.toUpperCase() !== prefix.toUpperCase()) {
            context.report(`Unexpected minute number ${raw}, expected the committee's prefix: ${prefix}${value}`, minute.position);
          }
          const first = seen.get(raw.toUpperCase());
          if (first) {
            context.report(`Unexpected minute number ${raw} again`, minute.position, {
              related: { message: `minute ${raw} is first numbered here`, position: first.position },
            });
          } else if (previous && value !== previous.number.value + 1) {
            const expected = `${minute.number.prefix}${previous.number.value + 1}`;
            context.report(
              value <= previous.number.value
                ? `Unexpected minute number ${raw} after ${previous.number.raw}, expected ${expected}`
                : `Unexpected minute number ${raw} after ${previous.number.raw}, expected ${expected}: minute numbers are skipped`,
              minute.position,
            );
          }
          seen.set(raw.toUpperCase(), first ?? minute);
          previous = minute;
        }

        // Across meetings: where numbering runs on, the first minute follows the previous meeting's last.
        if (minuteNumbering === 'per-meeting' || minutes.length === 0) continue;
        const before = context.index.previous(meeting);
        const last = before?.minutes?.minutes.at(-1);
        if (!before || !last) continue; // not in the content: nothing known
        if (
          minuteNumbering === 'per-year' &&
          municipalYear(before.date, municipalYearStart) !== municipalYear(meeting.date, municipalYearStart)
        ) {
          continue; // a new municipal year may restart the numbering; earlier meetings of it may be missing
        }
        const [first] = minutes;
        if (first.number.value !== last.number.value + 1) {
          context.report(
            `Unexpected first minute number ${first.number.raw}, expected ${first.number.prefix}${last.number.value + 1} to follow the previous meeting's last minute ${last.number.raw}`,
            first.position,
            { related: { message: `the previous meeting's last minute`, position: last.position } },
          );
        }
      }
    }
  },
);
