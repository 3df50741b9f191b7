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
  const a = normaliseTitle(businessOf(itemTitle));
  const b = normaliseTitle(businessOf(minuteTitle));
  if (!a || !b) return false;
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length >= 8 && longer.startsWith(shorter)) return true;
  const head = (t: string) => normaliseTitle(businessOf(t).split(/\s*(?::|\s[-–—]\s)/)[0]);
  const [ha, hb] = [head(itemTitle), head(minuteTitle)];
  if (ha.length >= 4 && (ha === hb || ha === b || hb === a)) return true;
  const kind = itemKind(itemTitle);
  return kind !== 'other' && kind === itemKind(minuteTitle);
}
