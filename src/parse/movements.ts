import type { Minute, Movement } from '../model/types.js';
import { namesIn } from './votes.js';

/*
 * Members coming and going during a meeting, read from the minutes as clerks
 * write them, so that the quorum can be counted at each resolution:
 *
 *   Councillor Hale arrived at 7.10 pm, during consideration of this item.
 *   Councillor Osei left the meeting at 8.30 pm.
 *   Councillor Flynn left the meeting after Minute 47 and did not return.
 *   Councillor Karim declared a pecuniary interest in Minute 44 and left the room for that item.
 *
 * An arrival counts from the minute it is written in (or names); a departure
 * from the next minute, unless it says "before" the item; leaving the room,
 * or leaving for an item, after declaring an interest, or returning, is an
 * absence from that item alone. Where the prose is unclear, the reading keeps
 * members present (a quorum error is never made up from a guess), and the
 * frontmatter's `arrived:` and `left:` say it exactly. Bounded patterns only.
 */

const TITLE = String.raw`(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr|Professor)`;
const WORD = String.raw`[A-Z][\w'’-]{0,40}`;
const NAME = String.raw`${WORD}(?:\s+${WORD}){0,2}`;
/** "Councillor Hale", "Councillors Hale and Osei", "Cllrs Hale, Osei and Flynn". */
const LIST = String.raw`${TITLE}\s+${NAME}(?:(?:\s*,\s*|\s+and\s+)(?:${TITLE}\s+)?${NAME}){0,8}`;
/** The list, taken whole and never backtracked into (a lookahead's match, then its backreference), as group 1. */
const ATOMIC_LIST = String.raw`(?=(${LIST}))\1`;
const ARRIVED = new RegExp(String.raw`(?<![\w'’-])${ATOMIC_LIST}\s+(?:arrived|joined\s+the\s+meeting|entered\s+the\s+(?:meeting|room|chamber)|returned\s+to\s+the\s+(?:meeting|room|chamber)|rejoined\s+the\s+meeting)\b`, 'g');
/**
 * "Councillor Osei left the meeting"; "Councillor Dale declared an interest in Minute 44 and left the room";
 * "Councillor Ball, having declared an interest, withdrew": a clause may come between; withdrawing with no place
 * named is for the item.
 */
const LEFT = new RegExp(
  String.raw`(?<![\w'’-])${ATOMIC_LIST}\s*,?\s+(?:[^.;]{0,160}?(?:\s(?:and|then|before|after)|,)\s+)?(?:then\s+)?(?:(?:left|withdrew\s+from|retired\s+from|departed\s+from)\s+the\s+(meeting|room|chamber|council\s+chamber)\b|(withdrew)(?=\s+(?:for|during|while|whilst|from\s+(?:the\s+)?(?:item|consideration|discussion))\b|\s*[.,;)]|\s*$))`,
  'g',
);
/** Words that make leaving an absence from one item: an interest, a return, "for this item". */
const FOR_THE_ITEM = /\binterest|\bdeclar|\breturned\b|\brejoined\b|\bre-?entered\b|\bcame back\b|\bfor\s+(?:the\s+)?(?:this|that|the|its|their)\s+(?:item|matter|application|consideration)|\bwhile\b|\bwhilst\b|\btook no part\b|\bdid not (?:vote|take part|participate|speak)\b/i;
const MINUTE_REF = /\b(?:Minute|Item)\s+(?:No\.?\s*)?([A-Z]{0,4}\d{1,4}(?:\/\d{2,4})?)\b/i;
const BEFORE = /\bbefore\b/i;
const AFTER = /\b(?:after|following|at the (?:end|conclusion|close) of)\b/i;

/** The index of the minute a reference names ("Minute 44", "item 7"), or -1. */
export function minuteIndex(minutes: readonly Minute[], ref: string): number {
  const wanted = ref.trim().toUpperCase();
  return minutes.findIndex((m) => m.number !== null && (m.number.raw.toUpperCase() === wanted || (/^\d+$/.test(wanted) && m.number.value === Number(wanted))));
}

/** The sentences of a paragraph: a stop followed by a space and a capital ends one ("7.10 pm" does not). */
const sentences = (text: string): string[] => text.split(/(?<=[.!?])\s+(?=[A-Z(])/).filter((t) => t.trim());

/**
 * A sentence that could say someone came or went: one of the words, and no longer than a sentence of minutes runs
 * (longer text is not read for this, so that hostile text costs no more than its length).
 */
const MOVING = /\b(?:arrived|joined|entered|returned|rejoined|left|withdrew|retired|departed)\b/i;
const LONGEST_SENTENCE = 600;

/** The comings and goings a meeting's minutes record in their text, each at the minute (by index) from which it counts. */
export function movementsIn(minutes: readonly Minute[]): Movement[] {
  const found: Movement[] = [];
  minutes.forEach((minute, here) => {
    for (const block of minute.blocks) {
      if (block.position.line <= minute.position.line) continue; // the heading itself
      if (!MOVING.test(block.text)) continue;
      for (const sentence of sentences(block.text)) {
        if (sentence.length > LONGEST_SENTENCE || !MOVING.test(sentence)) continue;
        const named = MINUTE_REF.exec(sentence);
        const there = named ? minuteIndex(minutes, named[1]) : -1;
        const position = { ...block.position };
        for (const m of sentence.matchAll(ARRIVED)) {
          const tail = sentence.slice(m.index! + m[0].length);
          // "after Minute 45" (or "after this item") counts from the next; "during", "at" or "before" it from it.
          const base = there >= 0 && MINUTE_REF.test(tail) ? there : here;
          const at = AFTER.test(tail) ? base + 1 : base;
          for (const name of namesIn(m[1])) found.push({ name, kind: 'arrived', minute: Math.min(at, minutes.length), position });
        }
        for (const m of sentence.matchAll(LEFT)) {
          const tail = sentence.slice(m.index! + m[0].length);
          const forTheItem = FOR_THE_ITEM.test(sentence) || ((/room/i.test(m[2] ?? '') || m[3] !== undefined) && !/\bdid not return\b/i.test(sentence));
          if (forTheItem) {
            // Out for the item the sentence names, or the one it is written in.
            for (const name of namesIn(m[1])) found.push({ name, kind: 'out', minute: there >= 0 ? there : here, position });
            continue;
          }
          const base = there >= 0 && MINUTE_REF.test(tail) ? there : here;
          const at = BEFORE.test(tail) ? base : base + 1;
          for (const name of namesIn(m[1])) found.push({ name, kind: 'left', minute: at, position });
        }
      }
    }
  });
  return found;
}

/** At most this many different names coming and going in one meeting are followed; more is not a meeting's record. */
const MOST_NAMES = 1000;

/**
 * Who was there for each minute (by index, for `minutes` minutes): those present, less those who had not yet
 * arrived, had left, or were out for that item. Names are compared by the caller's `same`, once for each name
 * that comes or goes; the rest is one sweep a person, so that it takes time in proportion to the minutes.
 */
export function whoWasThere(present: readonly string[], movements: readonly Movement[], minutes: number, same: (a: string, b: string) => boolean): string[][] {
  const names = [...new Set(movements.map((m) => m.name))].slice(0, MOST_NAMES);
  const whose = new Map(names.map((name) => [name, present.filter((p) => same(name, p))]));
  const mine = new Map<string, Movement[]>(present.map((p) => [p, []]));
  for (const m of movements) for (const p of whose.get(m.name) ?? []) mine.get(p)!.push(m);
  const there = Array.from({ length: minutes }, (): string[] => []);
  for (const person of present) {
    const events = mine.get(person)!;
    const comings = events.filter((m) => m.kind !== 'out').sort((a, b) => a.minute - b.minute);
    const out = new Set(events.filter((m) => m.kind === 'out').map((m) => m.minute));
    // Someone whose first recorded movement is an arrival was not there before it.
    let here = comings.length === 0 || comings[0].kind !== 'arrived';
    let next = 0;
    for (let index = 0; index < minutes; index++) {
      while (next < comings.length && comings[next].minute <= index) here = comings[next++].kind === 'arrived';
      if (here && !out.has(index)) there[index].push(person);
    }
  }
  return there;
}
