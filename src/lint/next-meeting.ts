import { findDates, findMonths } from '../dates/prose.js';
import { lastDayOfMonthIso } from '../dates/calendar.js';
import type { Committee, Meeting, Position, TextBlock, WrittenDate } from '../model/types.js';
import { normaliseTitle } from '../parse/business.js';
import { bodyDates, dayAfter, minutesOfKind, positionIn } from './helpers.js';

/**
 * A date given for a meeting to come: a day ("Tuesday 14 April 2026"), or a
 * month ("January 2026", "in January", "next month"), as the span of days it
 * allows.
 */
export interface GivenDate {
  text: string;
  /** The first and last day it allows: the same day for a date, the month's first and last for a month. */
  from: string;
  to: string;
  /** Said of this committee's next meeting (not "the next meeting of the Working Group"). */
  ours: boolean;
  /** The first date its item gives (a "Date of next meeting" item may give later ones too). */
  first: boolean;
  position: Position;
}

/** "our next meeting", "the next ordinary meeting of the Council", "date of the next meeting". */
const NEXT_MEETING = /\bnext\s+(?:[\p{L}'’-]+\s+){0,3}?meeting\b/giu;
/** What makes the phrase announce a meeting to come: "will be held", "is to be held", "is scheduled for", "to be held", ": ". */
const TO_COME = /^(?:\s+of\s+(?:the\s+|this\s+|our\s+)?(?<body>[^,.;:]{1,60}?))??\s*(?:,\s*)?(?:(?:which|that)\s+)?(?:will|shall|is\s+to|to\s+be|is\s+scheduled|has\s+been\s+(?:arranged|scheduled|set|fixed)|is\s+(?=on\b|in\b|at\b)|[:–—-]\s)/iu;
/** How far after the phrase a date is read: the rest of the sentence, at most this many characters. */
const SPAN = 160;
/** Words that stand for whichever body is meeting. */
const GENERIC_BODY = /^(?:council|committee|panel|board|sub[- ]?committee|group|forum|full\s+council|parish\s+council|town\s+council|community\s+council)$/i;

function monthSpan(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  return { from: `${month}-01`, to: lastDayOfMonthIso(y, m) };
}

/** The first day or month written in `text` from `at`, in the sentence: read as a time to come after `meetingDate`. */
function firstGiven(text: string, at: number, meetingDate: string): { text: string; from: string; to: string; index: number } | null {
  const stop = text.slice(at, at + SPAN).search(/[.;](?:\s|$)/);
  const tail = text.slice(at, stop < 0 ? at + SPAN : at + stop);
  const [day] = findDates(tail, meetingDate).filter((d) => d.date);
  const [month] = findMonths(tail, meetingDate, 'future');
  if (day && (!month || day.index <= month.index)) {
    const date = dayAfter(day, meetingDate)!;
    return { text: day.text, from: date, to: date, index: at + day.index };
  }
  if (month) return { text: month.text, ...monthSpan(month.month), index: at + month.index };
  return null;
}

/** Whether the body named after "next meeting of" is the committee itself. */
function isOurs(body: string | undefined, committee: Committee): boolean {
  if (!body) return true;
  const named = normaliseTitle(body.replace(/^(?:the|this|our)\s+/i, ''));
  return GENERIC_BODY.test(named) || normaliseTitle(committee.name).includes(named) || named.includes(normaliseTitle(committee.name));
}

/**
 * Every date a meeting's papers give for a meeting to come: the "Date of next
 * meeting" item of the agenda and minutes (its first date or month), and
 * elsewhere in the minutes a sentence that announces the next meeting ("at
 * our next meeting to be held in January 2025", "the next meeting will be on
 * Tuesday 3 March").
 */
export function givenNextDates(committee: Committee, meeting: Meeting): GivenDate[] {
  const given: GivenDate[] = [];
  const days = (dates: readonly WrittenDate[]) =>
    dates.forEach((d, k) => {
      const date = dayAfter(d, meeting.date);
      if (date) given.push({ text: d.text, from: date, to: date, ours: true, first: k === 0, position: d.position });
    });
  const month = (text: string, at: (index: number) => Position) => {
    const [found] = findMonths(text, meeting.date, 'future');
    if (found) given.push({ text: found.text, ...monthSpan(found.month), ours: true, first: true, position: at(found.index) });
    return !!found;
  };
  for (const item of meeting.agenda?.items ?? []) {
    if (item.kind !== 'next-meeting') continue;
    if (item.dates.length > 0) days(item.dates);
    else month(item.title, () => item.position);
  }
  const items = new Set<TextBlock>();
  for (const minute of minutesOfKind(meeting, 'next-meeting')) {
    for (const b of minute.blocks) items.add(b);
    const dates = bodyDates(minute);
    if (dates.length > 0) days(dates);
    else minute.blocks.filter((b) => b.kind !== 'heading').some((b) => month(b.text, (index) => positionIn(b, index)));
  }
  for (const block of meeting.minutes?.blocks ?? []) {
    if (items.has(block) || block.kind === 'heading') continue;
    for (const m of block.text.matchAll(NEXT_MEETING)) {
      const after = m.index! + m[0].length;
      const toCome = TO_COME.exec(block.text.slice(after, after + 80));
      if (!toCome) continue;
      const found = firstGiven(block.text, after, meeting.date);
      if (!found) continue;
      given.push({
        text: found.text,
        from: found.from,
        to: found.to,
        ours: isOurs(toCome.groups?.body, committee),
        first: true,
        position: positionIn(block, found.index),
      });
    }
  }
  return given;
}
