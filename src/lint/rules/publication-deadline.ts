import { defineRule } from '../rule.js';
import { addDaysIso, clearWorkingDays, daysBetween, isWorkingDay, latestPublication, type CountedDays } from '../../dates/calendar.js';
import { longDate } from '../helpers.js';
import type { Agenda, Meeting } from '../../model/types.js';

export default defineRule(
  {
    id: 'publication-deadline',
    description: 'Agendas must be published as far ahead as the jurisdiction requires; a late supplement needs an urgency reason',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    const { publicationClearDays: clearDays, publicationHours: hours, holidays, publicationCountDays: days } = context.model.config;
    // Principal councils count working days; town and parish councils count Saturdays too.
    const unit = days === 'mon-fri' ? 'clear working day' : 'clear day';
    if (clearDays === null && hours === null) return;

    const late = (meeting: Meeting, agenda: Agenda): string | null => {
      const published = agenda.published!;
      if (clearDays !== null) {
        const clear = clearWorkingDays(published, meeting.date, holidays, days);
        return clear < clearDays ? `${clear} ${unit}${clear === 1 ? '' : 's'}` : null;
      }
      // Hours count from the start of the publication day to the meeting's time.
      const [h, m] = (meeting.time ?? '00:00').split(/[:.]/).map(Number);
      const given = daysBetween(published, meeting.date) * 24 + h + m / 60;
      return given < hours! ? `${Math.floor(given)} hours` : null;
    };
    const needed = clearDays !== null ? `${clearDays} ${unit}s` : `${hours} hours`;

    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        if (meeting.status === 'cancelled') continue;
        if (meeting.agenda?.published) {
          const short = late(meeting, meeting.agenda);
          if (short) {
            // The last day that would have met the deadline, so the clerk knows how late it was.
            const by = clearDays !== null ? `, published by ${longDate(lastWorkingDay(latestPublication(meeting.date, clearDays, holidays, days), holidays, days))}` : '';
            context.report(
              `Unexpected publication on ${longDate(meeting.agenda.published)}, ${short} before the meeting, expected at least ${needed}${by}`,
              meeting.agenda.fields.published ?? meeting.agenda.position,
            );
          }
        }
        for (const supplement of meeting.supplements) {
          if (!supplement.published || supplement.urgency) continue;
          const short = late(meeting, supplement);
          if (short) {
            context.report(
              `Unexpected supplement published ${short} before the meeting without a reason, expected at least ${needed} or an "urgency:" reason`,
              supplement.fields.published ?? supplement.position,
            );
          }
        }
      }
    }
  },
);

/** The day itself, or the working day before it: the day a clerk could have published by. */
function lastWorkingDay(day: string, holidays: string, days: CountedDays): string {
  let d = day;
  for (let i = 0; i < 14 && !isWorkingDay(d, holidays, days); i++) d = addDaysIso(d, -1);
  return d;
}
