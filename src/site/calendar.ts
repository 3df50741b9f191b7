import { createRequire } from 'node:module';
import { TZDate } from '@date-fns/tz';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { formatLong, zonedStart } from '../dates/calendar.js';
import type { ViewCommittee, ViewMeeting } from '../publish/types.js';
import { meetingTitle } from './documents.js';
import { absolute, sitePaths } from '../output/paths.js';

/*
 * iCalendar (RFC 5545) feeds of meetings, made with ical-generator: one per
 * committee, one of every meeting, and one per meeting for "add to calendar".
 * Each event keeps its UID however the meeting moves (it is made from the
 * date first called for), its SEQUENCE rises with each move and with a
 * cancellation or postponement, and with each change of time or venue the
 * agenda records (`revised:`), and its times are in the council's time zone,
 * described by a VTIMEZONE. The same content makes the same bytes: DTSTAMP is
 * the day the meeting was last known to change, not the build's clock.
 */

const require = createRequire(import.meta.url);
// VTIMEZONE descriptions of the IANA zones, read from the package's own files.
const { getVtimezoneComponent } = require('@touch4it/ical-timezones') as { getVtimezoneComponent(zone: string): string | null };

export interface CalendarSite {
  organisation: string;
  timezone: string;
  /** The site's address, ending in `/`. */
  baseUrl: string;
}

/** The event's UID: the committee and the date the meeting was first called for, at the site's host. */
export function meetingUid(meeting: ViewMeeting, baseUrl: string): string {
  const first = meeting.movedFrom[0] ?? meeting.date;
  return `${meeting.committee}-${first}@${new URL(baseUrl).host}`;
}

/**
 * How many times the meeting has changed as attendees would be told: each move, each change of time or venue the
 * agenda records (`revised:`), and a cancellation or postponement.
 */
function meetingSequence(meeting: ViewMeeting): number {
  const changes = meeting.movedFrom.length + meeting.revised.length;
  return changes + (meeting.status === 'cancelled' || meeting.status === 'postponed' ? 1 : 0);
}

/** The day the event last changed as far as the content says: its last recorded revision, else the agenda's publication, else the meeting's day. */
function meetingStamp(meeting: ViewMeeting): string {
  const days = [meeting.published, ...meeting.revised.map((r) => r.date)].filter((d): d is string => !!d);
  return days.length > 0 ? days.sort().at(-1)! : meeting.date;
}

const STATUS_NOTE: Partial<Record<ViewMeeting['status'], string>> = { cancelled: 'cancelled', postponed: 'postponed' };

/** A deadline shown as a moment in a calendar: the end of a decision's call-in period. */
export interface CalendarDeadline {
  uid: string;
  summary: string;
  day: string;
  time: string;
  /** The day it was made known (the record's publication). */
  stamp: string;
  description: string;
  url: string;
}

/** A calendar of the given meetings (and deadlines, such as the ends of call-in periods), named `name`. */
export function meetingCalendar(
  site: CalendarSite,
  name: string,
  meetings: { meeting: ViewMeeting; committee: ViewCommittee }[],
  deadlines: CalendarDeadline[] = [],
): string {
  // The zone is given on each event, not the calendar: ical-generator writes a calendar zone's DTSTAMPs in local
  // time, where RFC 5545 asks for UTC. The zone's VTIMEZONE is put in below.
  // ical-generator escapes an event's text, but writes the calendar's name and PRODID as they are given.
  const calendar = ical({
    name: calendarText(name),
    prodId: { company: calendarText(site.organisation).replace(/\//g, ' '), product: 'boardpack', language: 'EN' },
    x: { 'X-WR-TIMEZONE': site.timezone },
  });
  const vtimezone = getVtimezoneComponent(site.timezone);
  for (const { meeting, committee } of meetings) {
    const page = absolute(site.baseUrl, sitePaths.meeting(meeting));
    const start = zonedStart(meeting.date, meeting.time, site.timezone);
    const [year, month, day] = meeting.date.split('-').map(Number);
    const note = STATUS_NOTE[meeting.status];
    const moved = meeting.movedFrom.length ? ` Moved from ${meeting.movedFrom.map(formatLong).join(', then ')}.` : '';
    const revised = meeting.revised.map((r) => ` Changed on ${formatLong(r.date)}${r.change ? `: ${r.change.replace(/[.\s]+$/, '')}` : ''}.`).join('');
    const title = meetingTitle(meeting, committee);
    const stamp = meetingStamp(meeting);
    calendar.createEvent({
      id: meetingUid(meeting, site.baseUrl),
      sequence: meetingSequence(meeting),
      stamp: new Date(`${stamp}T00:00:00Z`),
      start: start ?? new TZDate(year, month - 1, day, 0, 0, 0, site.timezone),
      allDay: start === null,
      // A zone without a known VTIMEZONE (a rare alias): times in UTC, which every calendar reads.
      timezone: vtimezone ? site.timezone : null,
      summary: withoutControls(note ? `${title} (${note})` : title),
      description: withoutControls(`${title}, ${formatLong(meeting.date)}${note ? `: ${note}` : ''}.${moved}${revised} Agenda, papers and minutes: ${page}`),
      location: meeting.venue === null ? null : withoutControls(meeting.venue),
      url: page,
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : meeting.status === 'postponed' ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  for (const deadline of deadlines) {
    const at = zonedStart(deadline.day, deadline.time, site.timezone)!;
    calendar.createEvent({
      id: deadline.uid,
      sequence: 0,
      stamp: new Date(`${deadline.stamp}T00:00:00Z`),
      start: at,
      end: at,
      timezone: vtimezone ? site.timezone : null,
      summary: withoutControls(deadline.summary),
      description: withoutControls(deadline.description),
      url: deadline.url,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return withTimezone(calendar.toString(), vtimezone);
}

/** Text with the control characters RFC 5545 forbids in a TEXT value left out (line breaks the library escapes). */
function withoutControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A TEXT value escaped as RFC 5545 (3.3.11) asks, for the properties the library writes as given. */
function calendarText(text: string): string {
  return withoutControls(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** The calendar with the VTIMEZONE its events' TZID names, before its first component; as it is when the zone has none known. */
function withTimezone(text: string, vtimezone: string | null): string {
  if (!vtimezone) return text;
  const at = text.search(/^(?:BEGIN:VEVENT|END:VCALENDAR)/m);
  return `${text.slice(0, at)}${vtimezone.replace(/\r?\n/g, '\r\n').replace(/(\r\n)*$/, '\r\n')}${text.slice(at)}`;
}
