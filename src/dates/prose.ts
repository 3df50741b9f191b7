import { daysBetween, lastDayOfMonthIso, makeDate, weekdayOf, WEEKDAYS } from './calendar.js';
import type { DueDate } from '../model/types.js';

/** A date found in a string: where it sits and what it names. */
export interface DateMatch {
  index: number;
  length: number;
  text: string;
  date: string | null;
  weekday: string | null;
  weekdayMatches: boolean | null;
  invalid: 'impossible' | 'malformed' | null;
  /** Written without a year ("on Sunday 30th September"): the year was read from the context. */
  yearless?: true;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_ABBR: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const WEEKDAY_ABBR: Record<string, string> = {
  mon: 'Monday', tue: 'Tuesday', tues: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', thur: 'Thursday',
  thurs: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

// A dot follows only an abbreviation ("Sept."): the full stop after "10th March." ends the sentence.
const MONTH_RE = `(?:${MONTHS.join('|')}|(?:${Object.keys(MONTH_ABBR).join('|')})\\.?)`;
const WEEKDAY_RE = `(?:${WEEKDAYS.join('|')}|${Object.keys(WEEKDAY_ABBR).join('|')})\\.?`;
const SUFFIX_RE = '(?:st|nd|rd|th)';

// One pattern, tried left to right; named groups tell the forms apart.
const DATE_RE = new RegExp(
  [
    // Tuesday, 15th April, 2025 | 15 April 2025 | 24h April 2018 (malformed suffix)
    `(?:(?<wd1>${WEEKDAY_RE}),?\\s+)?(?<d1>\\d{1,2})(?<sfx1>[a-z]{1,3})?,?\\s+(?<m1>${MONTH_RE}),?\\s+(?<y1>\\d{4})`,
    // Tuesday, April 15th, 2025 | April 15, 2025
    `(?:(?<wd2>${WEEKDAY_RE}),?\\s+)?(?<m2>${MONTH_RE})\\s+(?<d2>\\d{1,2})(?<sfx2>${SUFFIX_RE})?,?\\s+(?<y2>\\d{4})`,
    // 2025-04-15, optionally after a weekday
    `(?:(?<wd3>${WEEKDAY_RE}),?\\s+)?(?<y3>\\d{4})-(?<m3>\\d{2})-(?<d3>\\d{2})`,
    // Without a year, read only where the context gives one: Sunday 30th September | 27th of September
    `(?:(?<wd4>${WEEKDAY_RE}),?\\s+)?(?<d4>\\d{1,2})(?<sfx4>${SUFFIX_RE})?\\s+(?:of\\s+)?(?<m4>${MONTH_RE})`,
    // September 30th (the ordinal suffix is needed: "May 5" is too often not a date)
    `(?:(?<wd5>${WEEKDAY_RE}),?\\s+)?(?<m5>${MONTH_RE})\\s+(?<d5>\\d{1,2})(?<sfx5>${SUFFIX_RE})`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'giu',
);

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(key);
  return full >= 0 ? full + 1 : MONTH_ABBR[key];
}

function weekdayName(written: string): string {
  const key = written.toLowerCase().replace(/\.$/, '');
  return WEEKDAYS.find((w) => w.toLowerCase() === key) ?? WEEKDAY_ABBR[key];
}

function isWordBoundary(text: string, index: number): boolean {
  return index <= 0 || index >= text.length || !/[\p{L}\p{N}]/u.test(text[index]);
}

/**
 * A date written without a year, read in the year its context gives: of the
 * context's own year and the year on the other side of the context (the next
 * January, written in October; the last December, written in February), the
 * reading nearer the context. Null when no such day exists (30 February).
 * Rules that know an event is past or still to come read it so (see
 * src/lint/helpers.ts, `dayBefore` and `dayAfter`).
 */
function yearlessDate(month: number, day: number, weekday: string | null, context: string): { date: string | null; weekdayMatches: boolean | null } {
  const year = Number(context.slice(0, 4));
  const own = makeDate(year, month, day);
  const other = makeDate(own !== null && own < context ? year + 1 : year - 1, month, day);
  const distance = (d: string) => Math.abs(daysBetween(context, d));
  const date = own && other ? (distance(other) < distance(own) ? other : own) : (own ?? other);
  return { date, weekdayMatches: weekday && date ? weekdayOf(date) === weekday : null };
}

/**
 * Every date written in a string, in order. With a `context` date (the
 * meeting a paper belongs to), dates written without a year are read too.
 */
export function findDates(text: string, context?: string | null): DateMatch[] {
  const found: DateMatch[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const g = m.groups!;
    const index = m.index!;
    const end = index + m[0].length;
    if (!isWordBoundary(text, index - 1) || !isWordBoundary(text, end)) continue;
    if (g.d4 !== undefined || g.d5 !== undefined) {
      const monthWord = g.m4 ?? g.m5;
      // Without a year, only a capitalised month is one ("1 May", not "item 1 may be").
      if (!context || !/^\p{Lu}/u.test(monthWord)) continue;
      const wdWritten = g.wd4 ?? g.wd5 ?? null;
      const weekday = wdWritten ? weekdayName(wdWritten) : null;
      const read = yearlessDate(monthNumber(monthWord), Number(g.d4 ?? g.d5), weekday, context);
      found.push({
        index,
        length: m[0].length,
        text: m[0],
        date: read.date,
        weekday,
        weekdayMatches: read.weekdayMatches,
        invalid: read.date === null ? 'impossible' : null,
        yearless: true,
      });
      continue;
    }
    const wd = g.wd1 ?? g.wd2 ?? g.wd3 ?? null;
    const year = Number(g.y1 ?? g.y2 ?? g.y3);
    const month = g.m3 ? Number(g.m3) : monthNumber(g.m1 ?? g.m2);
    const day = Number(g.d1 ?? g.d2 ?? g.d3);
    const suffix = g.sfx1;
    let invalid: DateMatch['invalid'] = null;
    if (suffix !== undefined && !/^(st|nd|rd|th)$/i.test(suffix)) invalid = 'malformed';
    const date = invalid ? null : makeDate(year, month, day);
    if (!invalid && date === null) invalid = 'impossible';
    const weekday = wd ? weekdayName(wd) : null;
    found.push({
      index,
      length: m[0].length,
      text: m[0],
      date,
      weekday,
      weekdayMatches: weekday && date ? weekdayOf(date) === weekday : null,
      invalid,
    });
  }
  return found;
}

/** A string that is, as a whole, one date in any written form; null if it is not. */
export function parseWrittenDate(text: string): DateMatch | null {
  const trimmed = text.trim().replace(/[.;]$/, '');
  const [first] = findDates(trimmed);
  return first && first.index === 0 && first.length === trimmed.length ? first : null;
}

const MONTH_YEAR_RE = new RegExp(`^(?:(?:by|end of|end)\\s+)?(${MONTH_RE})\\s*,?\\s+(\\d{4})$`, 'iu');

/** A due date as written in a plan, register or action. */
export function parseDue(raw: string | null | undefined): DueDate {
  const text = (raw ?? '').trim();
  if (text === '' || /^[-–—]$/.test(text)) return { raw: text, kind: 'none', date: null };
  if (/^ongoing$/i.test(text)) return { raw: text, kind: 'ongoing', date: null };
  if (/^(tbc|tba|to be confirmed|to be agreed)$/i.test(text)) return { raw: text, kind: 'tbc', date: null };
  const whole = parseWrittenDate(text);
  if (whole && whole.date) return { raw: text, kind: 'date', date: whole.date };
  const month = MONTH_YEAR_RE.exec(text);
  if (month) return { raw: text, kind: 'month', date: lastDayOfMonthIso(Number(month[2]), monthNumber(month[1])) };
  return { raw: text, kind: 'other', date: null };
}

/** A month named without a day: "January 2026", "in January" (a year read from the context), "next month". */
export interface MonthMatch {
  index: number;
  length: number;
  text: string;
  /** `YYYY-MM`. */
  month: string;
}

const MONTH_MENTION_RE = new RegExp(`(?<m>${MONTH_RE})(?:\\s*,?\\s+(?<y>\\d{4}))?|(?<next>next\\s+month)`, 'giu');
/** Words before a month written alone that make it one ("in May", "until January"), not "May" the verb or a name. */
const BEFORE_MONTH_ALONE = /\b(?:in|until|till|to|for|of|from|during|by|and|or|before|after)\s+$/i;

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The months named without a day in a text, in order: a month and year as
 * written; a month alone (capitalised, after "in", "until", "for" ...) read as
 * the nearest such month at or before the context's month (`towards: 'past'`,
 * minutes approved) or at or after it (`'future'`, the next meeting); "next
 * month" as the month after the context's. Months that are part of a date are
 * left to `findDates`.
 */
export function findMonths(text: string, context: string | null, towards: 'past' | 'future'): MonthMatch[] {
  const days = findDates(text, context);
  const inDate = (at: number) => days.some((d) => at >= d.index && at < d.index + d.length);
  const found: MonthMatch[] = [];
  const [cy, cm] = context ? [Number(context.slice(0, 4)), Number(context.slice(5, 7))] : [NaN, NaN];
  for (const m of text.matchAll(MONTH_MENTION_RE)) {
    const index = m.index!;
    const end = index + m[0].length;
    if (!isWordBoundary(text, index - 1) || !isWordBoundary(text, end) || inDate(index)) continue;
    const g = m.groups!;
    if (g.next !== undefined) {
      if (!context) continue;
      const next = cm === 12 ? monthKey(cy + 1, 1) : monthKey(cy, cm + 1);
      found.push({ index, length: m[0].length, text: m[0], month: next });
      continue;
    }
    // A day number after the month makes it a date written another way ("January 13"), not a month.
    if (/^\s+\d{1,2}\b/.test(text.slice(end, end + 4))) continue;
    const month = monthNumber(g.m);
    if (g.y !== undefined) {
      found.push({ index, length: m[0].length, text: m[0], month: monthKey(Number(g.y), month) });
      continue;
    }
    if (!context || !/^\p{Lu}\p{Ll}+$/u.test(g.m) || !MONTHS.includes(g.m.toLowerCase())) continue;
    if (!BEFORE_MONTH_ALONE.test(text.slice(Math.max(0, index - 12), index))) continue;
    const year = towards === 'past' ? (month <= cm ? cy : cy - 1) : month >= cm ? cy : cy + 1;
    found.push({ index, length: m[0].length, text: m[0], month: monthKey(year, month) });
  }
  return found;
}
