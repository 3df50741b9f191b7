import ICAL from 'ical.js';

/**
 * A meeting whose time or place changed between two builds of the site's
 * calendar without anything in the content saying so: its SEQUENCE did not
 * rise, so calendars that hold the event keep the old time or venue
 * (RFC 5545 3.8.7.4). Found by reading the calendar the last build left in
 * the output folder beside the one this build made, with a real iCalendar
 * parser; neither the build's bytes nor the clock come into it.
 */
export interface UnrecordedChange {
  summary: string;
  /** The meeting's day now, `YYYY-MM-DD`. */
  date: string;
  /** The committee, as the event's UID names it. */
  committee: string;
  what: { field: 'time' | 'venue'; from: string; to: string }[];
}

interface EventFacts {
  summary: string;
  start: string;
  location: string;
  sequence: number;
}

function events(text: string): Map<string, EventFacts> | null {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    return null; // not a calendar we can read: nothing to compare
  }
  const found = new Map<string, EventFacts>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const uid = String(vevent.getFirstPropertyValue('uid') ?? '');
    if (!uid) continue;
    found.set(uid, {
      summary: String(vevent.getFirstPropertyValue('summary') ?? ''),
      // DTSTART as written (local time in the event's zone, or a date): what a subscriber sees.
      start: String(vevent.getFirstPropertyValue('dtstart') ?? ''),
      location: String(vevent.getFirstPropertyValue('location') ?? ''),
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
    });
  }
  return found;
}

/** The meetings whose time or venue differs between the earlier calendar and this one while their SEQUENCE stayed. */
export function unrecordedChanges(earlier: string | null, now: string | null): UnrecordedChange[] {
  if (earlier === null || now === null) return [];
  const before = events(earlier);
  const after = events(now);
  if (!before || !after) return [];
  const changes: UnrecordedChange[] = [];
  for (const [uid, event] of after) {
    const old = before.get(uid);
    if (!old || event.sequence > old.sequence) continue;
    const what: UnrecordedChange['what'] = [];
    // A change of day is a move, which the content records (`movedFrom:`); the time of day and the venue are what
    // can change unseen.
    const day = (start: string) => start.slice(0, 10);
    const time = (start: string) => (start.length > 10 ? start.slice(11, 16) : 'all day');
    if (day(old.start) === day(event.start) && time(old.start) !== time(event.start)) {
      what.push({ field: 'time', from: time(old.start), to: time(event.start) });
    }
    if (old.location !== event.location) what.push({ field: 'venue', from: old.location || 'none', to: event.location || 'none' });
    if (what.length === 0) continue;
    changes.push({ summary: event.summary, date: day(event.start), committee: uid.replace(/-\d{4}-\d{2}-\d{2}@.*$/, ''), what });
  }
  return changes;
}
