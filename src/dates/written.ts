import { makeDate } from './calendar.js';
import type { WrittenDate } from '../model/types.js';

/**
 * The day a date written without a year names when it is a past event (the
 * minutes approved at a meeting): the last such day before the meeting. A
 * weekday written with it that agrees has fixed its year; a dated date is as written.
 */
export function dayBefore(d: Pick<WrittenDate, 'yearless' | 'date' | 'weekdayMatches'>, meeting: string): string | null {
  if (!d.yearless || !d.date || d.weekdayMatches || d.date < meeting) return d.date;
  return shiftYear(d.date, -1);
}

/** The day a date written without a year names when it is an event to come (the next meeting): the next such day after the meeting. */
export function dayAfter(d: Pick<WrittenDate, 'yearless' | 'date' | 'weekdayMatches'>, meeting: string): string | null {
  if (!d.yearless || !d.date || d.weekdayMatches || d.date > meeting) return d.date;
  return shiftYear(d.date, 1);
}

function shiftYear(iso: string, by: number): string | null {
  return makeDate(Number(iso.slice(0, 4)) + by, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}
