import type { AgendaItem, Meeting, Minute, Resolution } from '../model/types.js';
import { itemKind } from '../parse/agenda.js';
import { sameBusiness } from '../parse/business.js';

/*
 * Which minutes record business taken in private, whatever the minutes'
 * frontmatter says. The gate withholds each of them from the public unless
 * the minutes say it may be published (`"12": false` under `exempt:`), and the
 * `minute-private` rule asks for the entry the clerk forgot: minutes are
 * written from the draft taken in the room, and leaving out the `exempt:`
 * line is the ordinary slip, which must fail closed.
 *
 * A minute is of private business when
 * - it minutes an agenda item taken in private (Part 2, or an item whose
 *   paper is exempt), matched by title as `agenda-minutes-match` matches; or
 * - it follows a minute resolving to exclude the press and public, until a
 *   minute records that they were readmitted, and it minutes no item that an
 *   agenda stating its `private:` items takes in public.
 */

export interface PrivateBusiness {
  minute: Minute;
  /** The agenda item taken in private that the minute records, when one matches. */
  item: AgendaItem | null;
  /** The minute of the resolution excluding the press and public it follows, when that is why. */
  exclusion: Minute | null;
  /** The paragraph of the exemption that applies, where the papers give one. */
  paragraph: number | null;
}

/** "the press and public be excluded", "exclude the public": the resolution that takes the meeting into private. */
const EXCLUDES =
  /\b(?:(?:press|public)\s+and\s+(?:the\s+)?)?(?:press|public)\s+(?:be|are|were|was)\s+(?:now\s+)?excluded\b|\bexclude\s+the\s+(?:(?:press|public)\s+and\s+(?:the\s+)?)?(?:press|public)\b/i;
/** "should not be excluded", "no items requiring exclusion": the standard item that makes nothing private. */
const NOT_EXCLUDED = /\bnot\s+be\s+excluded\b/i;
const KEEPS_PUBLIC = new RegExp(`${NOT_EXCLUDED.source}|\\bno\\s+(?:items?|business|reason)\\b|\\bwhether\\b`, 'i');
const READMITS = /\bre-?admi(?:t|tted|ssion)\b|\b(?:resumed|returned)\s+(?:to\s+)?(?:in\s+)?(?:public|open)\s+session\b|\bpublic\s+(?:were|was)\s+(?:then\s+)?(?:invited|allowed)\s+back\b/i;
const PARAGRAPH = /\bparagraphs?\s+(\d{1,2})\b/i;

function resolutionText(resolution: Resolution): string {
  const parts = (list: Resolution['parts']): string[] => list.flatMap((p) => [p.text, ...parts(p.parts)]);
  return [resolution.text, ...parts(resolution.parts)].join(' ');
}

function excludes(minute: Minute): boolean {
  const resolved = minute.resolutions.map(resolutionText).join(' ');
  if (EXCLUDES.test(resolved) && !NOT_EXCLUDED.test(resolved)) return true;
  if (itemKind(minute.title) !== 'exclusion') return false;
  const text = minute.blocks.filter((b) => b.position.line > minute.position.line).map((b) => b.text).join(' ');
  return !KEEPS_PUBLIC.test(text);
}

function readmits(minute: Minute): boolean {
  return READMITS.test(minute.title) || minute.blocks.some((b) => READMITS.test(b.text));
}

/** The agenda items a meeting takes in private, with the paragraph that applies. */
export function privateItems(meeting: Meeting, exemptFiles: ReadonlyMap<string, number | null>): Map<AgendaItem, number | null> {
  const items = new Map<AgendaItem, number | null>();
  for (const agenda of [meeting.agenda, ...meeting.supplements]) {
    for (const item of agenda?.items ?? []) {
      const exemptLink = item.links.find((l) => l.target !== null && exemptFiles.has(l.target));
      if (!item.private && !exemptLink) continue;
      const fromPaper = item.links.map((l) => (l.target ? exemptFiles.get(l.target) : undefined)).find((p) => typeof p === 'number');
      items.set(item, item.private?.paragraph ?? fromPaper ?? null);
    }
  }
  return items;
}

/** Every minute of the meeting that records business taken in private, in the minutes' order. */
export function privateBusiness(meeting: Meeting, inPrivate: ReadonlyMap<AgendaItem, number | null>): PrivateBusiness[] {
  const minutes = meeting.minutes?.minutes ?? [];
  if (minutes.length === 0) return [];
  const agendaItems = [meeting.agenda, ...meeting.supplements].flatMap((a) => a?.items ?? []);
  const statesPrivate = [meeting.agenda, ...meeting.supplements].some((a) => a?.items.some((i) => i.private?.explicit));
  const found: PrivateBusiness[] = [];
  let exclusion: Minute | null = null;
  for (const minute of minutes) {
    if (exclusion && readmits(minute)) exclusion = null;
    const item = agendaItems.find((i) => sameBusiness(i.title, minute.title)) ?? null;
    if (item && inPrivate.has(item)) {
      found.push({ minute, item, exclusion: null, paragraph: inPrivate.get(item) ?? paragraphOf(exclusion) });
    } else if (exclusion && !(item && statesPrivate && item.kind !== 'exclusion')) {
      found.push({ minute, item: null, exclusion, paragraph: paragraphOf(exclusion) });
    }
    if (excludes(minute)) exclusion = minute;
  }
  return found;
}

function paragraphOf(exclusion: Minute | null): number | null {
  if (!exclusion) return null;
  for (const text of [...exclusion.resolutions.map(resolutionText), ...exclusion.blocks.map((b) => b.text)]) {
    const m = PARAGRAPH.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}
