import { businessOf, itemKind } from './agenda.js';

/** Titles compare without case, punctuation or dates. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether an agenda item and a minute are about the same business: the same
 * title, one the start of the other, or the same head before a colon or dash
 * ("Finance: to approve payments for September" and "Finance"), read without
 * what the meeting was asked to do ("To approve payments" and "Payments").
 */
export function sameBusiness(itemTitle: string, minuteTitle: string): boolean {
  const [x, y] = [described(itemTitle), described(minuteTitle)];
  const [a, b] = [x.business, y.business];
  if (!a || !b) return false;
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 8 && longer.startsWith(shorter)) return true;
  const [ha, hb] = [x.head, y.head];
  if (ha.length >= 4 && (ha === hb || ha === b || hb === a)) return true;
  return x.kind !== 'other' && x.kind === y.kind;
}

interface Described {
  business: string;
  head: string;
  kind: ReturnType<typeof itemKind>;
}

/**
 * A title read once for comparing: each meeting's items are compared with each of its minutes by
 * several rules and the gate, so the same titles come again and again. Bounded, for a long archive.
 */
const DESCRIBED = new Map<string, Described>();

function described(title: string): Described {
  let found = DESCRIBED.get(title);
  if (!found) {
    const business = businessOf(title);
    found = {
      business: normaliseTitle(business),
      head: normaliseTitle(business.split(/\s*(?::|\s[-–—]\s)/)[0]),
      kind: itemKind(title),
    };
    if (DESCRIBED.size >= 10_000) DESCRIBED.clear();
    DESCRIBED.set(title, found);
  }
  return found;
}
