import { findDates, findMonths, type DateMatch, type MonthMatch } from '../dates/prose.js';
import { dayBefore } from '../dates/written.js';
import type { Committee, Meeting, Minute, Position, TextBlock } from '../model/types.js';
import { itemKind } from './agenda.js';
import { positionIn } from './text.js';

/**
 * What a meeting's minutes say about earlier minutes, sentence by sentence:
 * that they were approved, or that their approval was put off (and to when).
 * Read from the "Minutes of the previous meeting" minute, whichever way it is
 * worded (a resolution, "AW proposed, PI seconded, and the minutes were
 * unanimously approved"), and from sentences elsewhere that say minutes were
 * approved: a paragraph before the first minute, a row of a table, a line in
 * another minute.
 */
export interface MinutesStatement {
  verdict: 'approved' | 'deferred';
  /** The days of the meetings named (`YYYY-MM-DD`), read as past. */
  days: string[];
  /** The months named without a day (`YYYY-MM`): "the minutes for November 2025 and December 2025". */
  months: string[];
  /** Names no meeting: the minutes of the meeting just before are meant. */
  unnamed: boolean;
  /** For a deferral, the day or month it was put off to ("until January"), if it says. */
  until: { day: string | null; month: string | null; text: string } | null;
  position: Position;
}

/** A resolution approving minutes: "approved as a correct record", "confirmed", "signed". */
const APPROVAL = /\b(correct record|true record|approved?|confirm(?:ed)?|agreed|sign(?:ed)?|adopt(?:ed)?)\b/i;
/**
 * Approval recorded without "Resolved", as many clerks write it: "signed as
 * a true record", "the minutes were unanimously approved", "Cllr X proposed
 * approval, Cllr Y seconded; carried".
 */
const APPROVAL_PROSE =
  /\b(?:(?:true|correct|accurate)\s+record|(?:were|was|be|being)\s+(?:unanimously\s+|duly\s+)?(?:approved|confirmed|agreed|accepted|adopted|signed)|proposed\s+(?:their\s+|the\s+minutes'?\s+)?(?:approval|acceptance|adoption)|(?:approved|confirmed|adopted)\s+(?:unanimously|without\s+amendment|as\s+(?:circulated|presented|written)))\b/i;
/** A motion to approve minutes, as American minutes record it: "Motion to approve the minutes of ...", "M/S Okafor/Liu to approve the minutes". */
const MOTION_TO_APPROVE = /\b(?:motion|moved|m\s*\/\s*s)\b[^.;]{0,120}?\bto\s+(?:approve|adopt|accept|confirm)\s+(?:the\s+)?(?:\w+\s+){0,2}?minutes\b/i;
/** How the motion went, anywhere in its paragraph: "Motion carried 4-0", "passed unanimously"; or not. */
const MOTION_CARRIED = /\b(?:carried|passed|approved|adopted|unanimous(?:ly)?|\d{1,2}\s*[-–]\s*\d{1,2})\b/i;
const MOTION_FAILED = /\b(?:failed|lost|defeated|withdrawn|not\s+carried)\b/i;
/** Approval put off: "deferred until January", "postponed to the next meeting", "not yet available". */
const DEFERRAL =
  /\b(?:deferred|deferral|postponed?|postponement|held\s+over|carried\s+(?:forward|over)|not\s+(?:yet\s+)?(?:available|ready|circulated|received|approved|signed)|(?:was|were)\s+not\s+(?:approved|agreed|signed|confirmed))\b/i;
/** A sentence elsewhere in the minutes about minutes, and one about the previous meeting's. */
const ABOUT_MINUTES = /\bminutes\b/i;
const PREVIOUS_MEETING = /\b(?:previous|last|preceding)\s+meeting\b|\bmeeting\s+(?:held\s+)?(?:on|of)\b/i;
/** Where a deferral's target begins: "deferred until January", "to the meeting on 13 January". */
const UNTIL = /\b(?:until|till|to|for|at)\b/i;

/** Where a deferral's target begins: the first "until", "to" ... after the word that defers ("the minutes relating to ..." is not it). */
function untilIn(text: string): number {
  const deferral = DEFERRAL.exec(text);
  if (!deferral) return -1;
  const after = text.slice(deferral.index).search(UNTIL);
  return after < 0 ? -1 : deferral.index + after;
}

/** The sentences of a block, with where each starts: a full stop or semicolon and a capital or a digit after it ends one. */
function sentences(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.;]\s+(?=[\p{Lu}\d(])/gu)) {
    const end = m.index! + 1;
    out.push({ text: text.slice(start, end), at: start });
    start = m.index! + m[0].length;
  }
  out.push({ text: text.slice(start), at: start });
  return out.filter((s) => s.text.trim() !== '');
}

/** A text block read for statements; `source` tells how strongly it must speak of minutes. */
interface Reading {
  block: TextBlock;
  /**
   * `item`: the previous-minutes minute, where any approval word counts; `row`: a table's row naming minutes, where
   * a cell may say "Approved"; `prose`: elsewhere, where it must say minutes were approved.
   */
  source: 'item' | 'row' | 'prose';
  /** Whether the text is known to be about minutes: a row of a table headed "Minutes". */
  aboutMinutes?: boolean;
  /** Whether a sentence naming no meeting means the meeting just before (in the previous-minutes minute, or before the first minute). */
  unnamedMeansPrevious: boolean;
}

/** The days of the dates that are before the meeting (a date without a year read as the last such day before it). */
function pastDays(dates: readonly DateMatch[], meetingDate: string): string[] {
  return dates.flatMap((d) => {
    const day = dayBefore(d, meetingDate);
    return day && day < meetingDate ? [day] : [];
  });
}

/** The months, of those named without a day, that are not after the meeting's. */
function pastMonths(months: readonly MonthMatch[], meetingDate: string): string[] {
  return months.flatMap((m) => (m.month <= meetingDate.slice(0, 7) ? [m.month] : []));
}

function read(reading: Reading, meetingDate: string, resolution: boolean): MinutesStatement[] {
  const found: MinutesStatement[] = [];
  const carried = MOTION_CARRIED.test(reading.block.text) && !MOTION_FAILED.test(reading.block.text);
  for (const s of sentences(reading.block.text)) {
    const deferred = DEFERRAL.test(s.text);
    const worded =
      reading.source === 'item'
        ? (resolution ? APPROVAL : APPROVAL_PROSE).test(s.text)
        : (reading.aboutMinutes || ABOUT_MINUTES.test(s.text)) && (reading.source === 'row' ? APPROVAL : APPROVAL_PROSE).test(s.text);
    const approved = !deferred && (worded || (carried && MOTION_TO_APPROVE.test(s.text)));
    if (!approved && !(deferred && (reading.source === 'item' || reading.aboutMinutes || ABOUT_MINUTES.test(s.text)))) continue;
    const dates = findDates(s.text, meetingDate);
    const months = findMonths(s.text, meetingDate, 'past');
    // A deferral names the meetings put off (before this one) and what they were put off to (after it).
    const untilAt = deferred ? untilIn(s.text) : -1;
    const before = (index: number) => !deferred || untilAt < 0 || index < untilAt;
    const days = pastDays(dates.filter((d) => before(d.index)), meetingDate);
    const named = pastMonths(months.filter((m) => before(m.index)), meetingDate);
    let until: MinutesStatement['until'] = null;
    if (deferred && untilAt >= 0) {
      const tail = s.text.slice(untilAt);
      const day = findDates(tail, meetingDate).find((d) => d.date && d.date > meetingDate);
      const month = findMonths(tail, meetingDate, 'future').find((m) => m.month >= meetingDate.slice(0, 7));
      if (day || month) until = { day: day?.date ?? null, month: month?.month ?? null, text: (day ?? month)!.text };
    }
    const unnamed = days.length === 0 && named.length === 0;
    if (unnamed && !reading.unnamedMeansPrevious && !PREVIOUS_MEETING.test(s.text)) continue;
    found.push({
      verdict: approved ? 'approved' : 'deferred',
      days,
      months: named,
      unnamed,
      until,
      position: positionIn(reading.block, s.at),
    });
  }
  return found;
}

/** Every statement a meeting's minutes make about earlier minutes. */
export function minutesStatements(meeting: Meeting): MinutesStatement[] {
  const minutes = meeting.minutes;
  if (!minutes) return [];
  const found: MinutesStatement[] = [];
  const firstMinute = minutes.minutes[0]?.position.line ?? Infinity;
  const inItems = new Set<TextBlock>();
  for (const minute of minutes.minutes) {
    if (itemKind(minute.title) !== 'previous-minutes') continue;
    found.push(...itemStatements(minute, meeting.date));
    for (const b of minute.blocks) inItems.add(b);
  }
  for (const block of minutes.blocks) {
    if (inItems.has(block) || block.kind === 'heading' || block.kind === 'table-cell') continue;
    found.push(...read({ block, source: 'prose', unnamedMeansPrevious: block.position.line < firstMinute }, meeting.date, false));
  }
  // A table's row is read as one line: "Minutes of 5 August 2025 | Approved and signed".
  for (const table of minutes.tables) {
    const aboutMinutes = table.header.some((c) => ABOUT_MINUTES.test(c.text));
    for (const cells of table.rows) {
      if (cells.length === 0) continue;
      const block: TextBlock = { kind: 'paragraph', text: cells.map((c) => c.text).join(' – '), position: cells[0].position };
      found.push(...read({ block, source: 'row', aboutMinutes, unnamedMeansPrevious: false }, meeting.date, false));
    }
  }
  return found;
}

/** The previous-minutes minute: each resolution, and its other words; a sentence naming no meeting takes the heading's. */
function itemStatements(minute: Minute, meetingDate: string): MinutesStatement[] {
  const daysIn = (text: string) => pastDays(findDates(text, meetingDate), meetingDate);
  const monthsIn = (text: string) => pastMonths(findMonths(text, meetingDate, 'past'), meetingDate);
  // The meetings the minute names: in its heading, or failing that anywhere in it.
  // (A deferral's "until January" names where the minutes went, not which they were.)
  const texts = minute.blocks
    .filter((b) => b.kind !== 'heading')
    .flatMap((b) => sentences(b.text))
    .map(({ text }) => {
      const until = untilIn(text);
      return until >= 0 ? text.slice(0, until) : text;
    });
  let namedDays = daysIn(minute.title);
  let namedMonths = monthsIn(minute.title);
  if (namedDays.length === 0 && namedMonths.length === 0) {
    namedDays = texts.flatMap(daysIn);
    namedMonths = texts.flatMap(monthsIn);
  }
  const resolutionBlocks: TextBlock[] = minute.resolutions.map((r) => ({
    kind: 'paragraph',
    text: [r.text, ...r.parts.map((p) => p.text)].join(' '),
    position: r.position,
  }));
  const statements = [
    ...resolutionBlocks.flatMap((block) => read({ block, source: 'item', unnamedMeansPrevious: true }, meetingDate, true)),
    ...minute.blocks
      .filter((b) => b.kind !== 'heading')
      .flatMap((block) => read({ block, source: 'item', unnamedMeansPrevious: true }, meetingDate, false)),
  ];
  // "Minutes of the meeting held on 5 August 2025" over "Resolved: approved" names the meeting for it.
  for (const s of statements) {
    if (s.unnamed && (namedDays.length > 0 || namedMonths.length > 0)) {
      s.days = namedDays;
      s.months = namedMonths;
      s.unnamed = false;
    }
  }
  return statements;
}

/** Whether a statement made at a meeting speaks of `meeting`'s minutes: naming its day or month, or naming none when `meeting` is the one just before. */
export function speaksOf(s: MinutesStatement, meeting: Meeting, justBefore: boolean): boolean {
  return s.unnamed ? justBefore : s.days.includes(meeting.date) || s.months.includes(meeting.date.slice(0, 7));
}

/** How many later meetings are read for an approval: minutes are approved at the next meeting or soon after. */
const APPROVAL_WINDOW = 12;

/**
 * The meetings of a committee whose minutes have been approved: by a later
 * meeting's minutes, in any of the wordings `minutesStatements` reads (not a
 * draft's), or by the minutes' own `approved:` date. Until then they are a
 * draft record, and published marked so.
 */
export function approvedMinutes(committee: Committee): Set<Meeting> {
  const meetings = [...committee.meetings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const held = meetings.filter((m) => m.status !== 'cancelled');
  const statements = new Map<Meeting, MinutesStatement[]>();
  const said = (at: Meeting) => {
    if (!statements.has(at)) statements.set(at, at.minutes && !at.minutes.draft ? minutesStatements(at) : []);
    return statements.get(at)!;
  };
  const approved = new Set<Meeting>();
  held.forEach((meeting, i) => {
    if (!meeting.minutes) return;
    if (meeting.minutes.approved) {
      approved.add(meeting);
      return;
    }
    const later = held.slice(i + 1, i + 1 + APPROVAL_WINDOW);
    const found = later.some((at, k) => {
      // Just before `at`: the meeting before it, or the ordinary meeting before it (a special meeting may come between).
      const justBefore = k === 0 || (!meeting.special && later.slice(0, k).every((m) => m.special));
      return said(at).some((s) => s.verdict === 'approved' && speaksOf(s, meeting, justBefore));
    });
    if (found) approved.add(meeting);
  });
  return approved;
}
