import { createRequire } from 'node:module';
// date-fns by function, not its index, which loads every function it has.
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
import { getDay } from 'date-fns/getDay';
import { isExists } from 'date-fns/isExists';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import type HolidaysClass from 'date-holidays';
import { TZDate } from '@date-fns/tz';

// The holiday data is large and only needed for publication deadlines: loaded the first time it is.
const require = createRequire(import.meta.url);
let Holidays: typeof HolidaysClass | null = null;

/** Dates are plain calendar days: `YYYY-MM-DD` strings, handled as local dates by date-fns. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The years a date in papers may fall in: any other is a slip, and counting days out to it would take seconds. */
export const YEARS = { first: 1900, last: 2199 } as const;

/** The ISO date for a year, month (1-12) and day, or null when no such day exists (or falls outside YEARS). */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  if (year < YEARS.first || year > YEARS.last || !isExists(year, month - 1, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a string is an ISO calendar date naming a real day. */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  return m !== null && makeDate(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

export function toDate(iso: IsoDate): Date {
  return parseISO(iso);
}

/** The calendar date as `yyyy-MM-dd`; formatISO, as format with a pattern would parse the pattern on every call, in loops over days. */
export function fromDate(date: Date): IsoDate {
  return formatISO(date, { representation: 'date' });
}

export function addDaysIso(iso: IsoDate, days: number): IsoDate {
  return fromDate(addDays(toDate(iso), days));
}

/** The same day so many months on (the month's last day where it has no such day). */
export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  return fromDate(addMonths(toDate(iso), months));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

export function lastDayOfMonthIso(year: number, month: number): IsoDate {
  return fromDate(lastDayOfMonth(new Date(year, month - 1, 1)));
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayOf(iso: IsoDate): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[getDay(toDate(iso))];
}

/** `Tuesday 15 April 2025`, the way British committee papers write a date. */
export function formatLong(iso: IsoDate): string {
  return format(toDate(iso), 'EEEE d MMMM yyyy');
}

// ---- bank holidays ------------------------------------------------------

const CALENDARS: Record<string, [string, string?]> = {
  'GB-ENG': ['GB', 'ENG'],
  'GB-WLS': ['GB', 'WLS'],
  'GB-SCT': ['GB', 'SCT'],
  'GB-NIR': ['GB', 'NIR'],
  US: ['US'],
};

export const HOLIDAY_CALENDARS = [...Object.keys(CALENDARS), 'none'] as const;

const holidayCache = new Map<string, Set<IsoDate>>();

/**
 * The holidays worked out so far, by `calendar:year`, for a cache to keep:
 * loading the holiday data and working a year out takes longer than
 * checking a committee's papers.
 */
export function knownHolidays(): Record<string, IsoDate[]> {
  return Object.fromEntries([...holidayCache].map(([key, days]) => [key, [...days]]));
}

/** Holidays a cache kept, from the same version of boardpack. */
export function rememberHolidays(known: Record<string, IsoDate[]>): void {
  for (const [key, days] of Object.entries(known)) if (!holidayCache.has(key)) holidayCache.set(key, new Set(days));
}

/** The public and bank holidays of one calendar year, from the date-holidays data. */
export function holidaysIn(calendar: string, year: number): Set<IsoDate> {
  const key = `${calendar}:${year}`;
  let days = holidayCache.get(key);
  if (days) return days;
  days = new Set();
  const where = CALENDARS[calendar];
  if (where) {
    Holidays ??= require('date-holidays') as typeof HolidaysClass;
    const hd = new Holidays(where[0], where[1] ?? '');
    for (const h of hd.getHolidays(year)) {
      if (h.type === 'public' || h.type === 'bank') days.add(h.date.slice(0, 10));
    }
  }
  holidayCache.set(key, days);
  return days;
}

/**
 * Which days count towards a notice period: `mon-fri` (principal councils:
 * weekends never count), `mon-sat` (town, parish and community councils:
 * Saturdays count, Sundays do not), or `all`. Holidays never count.
 */
export type CountedDays = 'mon-fri' | 'mon-sat' | 'all';

export function isWorkingDay(iso: IsoDate, calendar: string, days: CountedDays = 'mon-fri'): boolean {
  const day = getDay(toDate(iso));
  if (day === 0 && days !== 'all') return false;
  if (day === 6 && days === 'mon-fri') return false;
  return !holidaysIn(calendar, Number(iso.slice(0, 4))).has(iso);
}

/** The day `count` counted days after `from` (the day itself not counted): the end of a period "of N working days". */
export function workingDaysAfter(from: IsoDate, count: number, calendar: string, days: CountedDays = 'mon-fri'): IsoDate {
  let d = from;
  for (let n = 0; n < count; ) {
    d = addDaysIso(d, 1);
    if (isWorkingDay(d, calendar, days)) n++;
  }
  return d;
}

/**
 * Clear days between publication and meeting: the day of publication and the
 * day of the meeting are excluded, and so are the days that do not count
 * (weekends, or Sundays only, and holidays).
 */
export function clearWorkingDays(published: IsoDate, meeting: IsoDate, calendar: string, days: CountedDays = 'mon-fri'): number {
  let count = 0;
  for (let d = addDaysIso(published, 1); d < meeting; d = addDaysIso(d, 1)) {
    if (isWorkingDay(d, calendar, days)) count++;
    if (count > 1000) break; // far more than any notice period: no need to count on
  }
  return count;
}

/** The latest publication date that leaves `clearDays` clear days before the meeting. */
export function latestPublication(meeting: IsoDate, clearDays: number, calendar: string, days: CountedDays = 'mon-fri'): IsoDate {
  let d = addDaysIso(meeting, -1);
  let counted = 0;
  while (counted < clearDays) {
    if (isWorkingDay(d, calendar, days)) counted++;
    d = addDaysIso(d, -1);
  }
  // d is now the day before the last clear day; publication may fall on any day up to it.
  return d;
}

// ---- municipal years ----------------------------------------------------

/** The first year of the municipal year holding a date (`2025` for 2025/26), given the `MM-DD` it starts on. */
export function municipalYear(iso: IsoDate, start: string): number {
  const year = Number(iso.slice(0, 4));
  return iso.slice(5) >= start ? year : year - 1;
}

export function municipalYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

// ---- times in the council's time zone -----------------------------------

/**
 * A meeting's start: its day and time (`18:00` or `18.00`) in the council's
 * time zone (boardpack.yml's `timezone`), as a date that knows its zone; null
 * when no time is given.
 */
export function zonedStart(iso: IsoDate, time: string | null, timezone: string): TZDate | null {
  if (!time) return null;
  const [hours, minutes] = time.split(/[:.]/).map(Number);
  const [year, month, day] = iso.split('-').map(Number);
  return new TZDate(year, month - 1, day, hours, minutes, 0, timezone);
}

/** A zoned date and time as ISO 8601 with its offset from UTC: `2026-06-16T18:00:00+01:00`, or `2026-03-10T18:00:00Z` at UTC. */
export function isoWithOffset(date: TZDate): string {
  return formatISO(date);
}
