import { distance } from 'fastest-levenshtein';
import { formatLong } from '../dates/calendar.js';
import { findDates } from '../dates/prose.js';
import type { Committee, Meeting, Member, Minute, Minutes, Position, WrittenDate } from '../model/types.js';
import { itemKind } from '../parse/agenda.js';
import type { RuleContext } from './rule.js';
import { normaliseName } from './model-index.js';
import { sameName } from '../model/people.js';

/** Report the parser's problems that belong to the running rule. */
export function reportParseProblems(context: RuleContext): void {
  for (const p of context.problems) {
    context.report(p.message, p.position, { severity: p.severity, ...(p.related ? { related: p.related } : {}) });
  }
}

export function longDate(iso: string): string {
  return formatLong(iso);
}

/** Where a meeting is: its agenda, or its folder. */
export function meetingPosition(meeting: Meeting) {
  return meeting.agenda?.position ?? meeting.position;
}

/** How a message names a minute: "minute 107", or "the minute "Apologies"" in minutes that are not numbered. */
export function minuteName(minute: Minute): string {
  return minute.number ? `minute ${minute.number.raw}` : `the minute "${minute.title}"`;
}

/** A committee's minute-number style for reading a slashed number, if it states one. */
export function slashStyle(committee: Committee): 'serial/year' | 'year/serial' | undefined {
  return committee.minuteNumbers === 'serial/year' || committee.minuteNumbers === 'year/serial' ? committee.minuteNumbers : undefined;
}

/** Minutes whose title makes them a standard item (`previous-minutes`, `next-meeting`). */
export function minutesOfKind(meeting: Meeting, kind: ReturnType<typeof itemKind>): Minute[] {
  return (meeting.minutes?.minutes ?? []).filter((m) => itemKind(m.title) === kind);
}

/** Dates in a minute's text (not its heading), in order. */
export function bodyDates(minute: Minute): WrittenDate[] {
  return minute.dates.filter((d) => d.position.line > minute.position.line);
}

export { dayAfter, dayBefore } from '../dates/written.js';

/**
 * Dates in a minute written straight after "meeting ... held (on) (the)",
 * as in "the minutes of the meeting held on 14 January" or "the meeting held
 * 27th September".
 */
export function heldOnDates(minute: Minute, meetingDate: string): WrittenDate[] {
  const found: WrittenDate[] = [];
  for (const block of minute.blocks) {
    for (const m of block.text.matchAll(/\bmeeting\b[^.;]{0,80}?\bheld\s+(?:on\s+)?(?:the\s+)?/gi)) {
      const [date] = findDates(block.text.slice(m.index! + m[0].length), meetingDate);
      if (!date || date.index !== 0) continue;
      const written = minute.dates.find(
        (d) => d.text === date.text && !found.includes(d) && d.position.line >= block.position.line,
      );
      if (written) found.push(written);
    }
  }
  return found;
}

/** Whether two written names are the same person: the same name or alias of one member, or one name with a first name left out. */
export function samePerson(a: string, b: string, member: (name: string) => unknown): boolean {
  if (sameName(a, b)) return true;
  const strip = (s: string) => normaliseName(s.replace(/\([^)]*\)/g, ''));
  const mx = member(strip(a));
  return mx !== undefined && mx === member(strip(b));
}

/**
 * Text left to be written: xxxx, TBC, TBA, TODO, [insert ...]. "[insert ...]" is looked for within a
 * sentence's length, so that an unclosed "[insert" costs no more than its text.
 */
export const PLACEHOLDER = /\bx{3,}\b|\bTBC\b|\bTBA\b|\bTODO\b|\[\s{0,10}insert[^\]]{0,300}\]/i;

const TITLES = /^(?:councillor|mr|mrs|ms|miss|mx|dr|professor|sir|dame|the)\s+/;

/**
 * The member a written name was probably meant to be ("Kathleen Carabine"
 * for Katherine Carabine, "Davison" for Davidson): the nearest by spelling,
 * titles left aside, where the difference is a slip (a quarter of the name,
 * or two letters in a short one, and at most four) and no other member is as near. Undefined when none is.
 */
export function nearestMember(name: string, members: readonly Member[]): Member | undefined {
  const bare = (s: string) => normaliseName(s.replace(/\([^)]*\)/g, '')).replace(TITLES, '');
  const written = bare(name);
  if (written.length < 3) return undefined;
  // A name written as a title and a surname ("Councillor Davison") is held to the members' surnames.
  const forms = (n: string) => (written.includes(' ') ? [bare(n)] : [bare(n), bare(n).split(' ').at(-1)!]);
  const scored = members
    .map((m) => ({ m, d: Math.min(...[m.name, ...m.aliases].flatMap(forms).map((n) => distance(n, written))) }))
    .sort((a, b) => a.d - b.d);
  const [best, second] = scored;
  if (!best || best.d === 0 || best.d > Math.min(4, Math.max(2, Math.floor(written.length / 4))) || (second && second.d === best.d)) return undefined;
  return best.m;
}

export { positionIn } from '../parse/text.js';

/** Every meeting that has minutes, with its committee and a lookup from written names to members. */
export function* meetingsWithMinutes(context: RuleContext): Generator<{
  committee: Committee;
  meeting: Meeting;
  minutes: Minutes;
  member: (name: string) => Member | undefined;
}> {
  for (const committee of context.model.committees) {
    const member = (name: string) => context.index.member(committee.id, name);
    for (const meeting of committee.meetings) {
      if (meeting.minutes) yield { committee, meeting, minutes: meeting.minutes, member };
    }
  }
}
