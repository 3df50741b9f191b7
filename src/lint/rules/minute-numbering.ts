import { defineRule } from '../rule.js';
import { minuteNumberingOf } from '../../model/numbering.js';
import { reportParseProblems } from '../helpers.js';
import { municipalYear } from '../../dates/calendar.js';
import type { Minute, MinuteNumber } from '../../model/types.js';
import { numberLike } from '../../parse/minutes.js';

export default defineRule(
  {
    id: 'minute-numbering',
    description: 'Minute numbers run in order without repeats or gaps, and continue from the previous meeting where numbering runs on',
    category: 'numbering',
    severity: 'error',
  },
  (context) => {
    reportParseProblems(context); // unreadable minute headings, said once a file
    const { municipalYearStart } = context.model.config;
    for (const committee of context.model.committees) {
      if (committee.minuteNumbers === 'none') continue;
      const minuteNumbering = minuteNumberingOf(committee, context.model.config);
      const prefix = committee.minutePrefix;
      for (const meeting of committee.meetings) {
        // Minutes that are not numbered are a style; a heading without a number in numbered minutes was reported once.
        const minutes = (meeting.minutes?.minutes ?? []).filter((m): m is Minute & { number: MinuteNumber } => m.number !== null);
        const seen = new Map<string, Minute>();
        let previous: (typeof minutes)[number] | null = null;
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
            const expected = numberLike(previous.number, previous.number.value + 1);
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
        const last = before?.minutes?.minutes.filter((m) => m.number !== null).at(-1);
        if (!before || !last?.number) continue; // not in the content: nothing known
        const [first] = minutes;
        if (
          minuteNumbering === 'per-year' &&
          (municipalYear(before.date, municipalYearStart) !== municipalYear(meeting.date, municipalYearStart) ||
            (first.number.year !== null && last.number.year !== null && first.number.year !== last.number.year))
        ) {
          continue; // a new municipal year may restart the numbering; earlier meetings of it may be missing
        }
        if (first.number.value !== last.number.value + 1) {
          context.report(
            `Unexpected first minute number ${first.number.raw}, expected ${numberLike(last.number, last.number.value + 1)} to follow the previous meeting's last minute ${last.number.raw}`,
            first.position,
            { related: { message: `the previous meeting's last minute`, position: last.position } },
          );
        }
      }
    }
  },
);
