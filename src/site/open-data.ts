import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isoWithOffset, municipalYear, municipalYearLabel, zonedStart } from '../dates/calendar.js';
import type { PublishedView, ViewCommittee, ViewMeeting } from '../publish/types.js';
import { meetingOutDir } from '../output/paths.js';
import { atPlace, meetingDocuments, meetingName } from './documents.js';
import { absolute, sitePaths } from '../output/paths.js';

/*
 * Each meeting as open data: JSON in the shape of Open Civic Data's Event
 * (https://open-civic-data.readthedocs.io/en/latest/data/event.html), with
 * what UK councils publish beyond it (key decisions, exempt paragraphs,
 * declarations, apologies) in `extras`. The zod schema below is the shape's
 * one definition: the site publishes it as JSON Schema beside the data, and
 * the data is checked against it as it is written. docs/open-data.md
 * describes each field.
 */

const link = z.object({ note: z.string(), url: z.url() });
const mediaLink = z.object({ media_type: z.string(), url: z.url() });

const agendaItem = z.object({
  order: z.string(),
  description: z.string(),
  classification: z.array(z.string()),
  subjects: z.array(z.string()),
  notes: z.array(z.string()),
  media: z.array(z.object({ note: z.string(), links: z.array(mediaLink) })),
  related_entities: z.array(z.object({ name: z.string(), entity_type: z.string(), note: z.string() })),
  extras: z.object({
    /** The papers of the item, each in the formats published. */
    documents: z.array(z.object({ note: z.string(), links: z.array(mediaLink) })),
    /** Whether a paper of the item is a key decision. */
    key_decision: z.boolean(),
    /** Taken in private: the paragraph of Schedule 12A that applies (null when not given); null when taken in public. */
    exempt_paragraph: z.number().int().nullable(),
    private: z.boolean(),
  }),
});

export const meetingDataSchema = z.object({
  $schema: z.url(),
  _type: z.literal('event'),
  id: z.string().regex(/^ocd-event\/[0-9a-f-]{36}$/),
  name: z.string(),
  description: z.string(),
  classification: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  all_day: z.boolean(),
  timezone: z.string(),
  status: z.enum(['confirmed', 'tentative', 'cancelled', 'passed']),
  location: z.object({ name: z.string(), note: z.string(), coordinates: z.null() }).nullable(),
  links: z.array(link),
  sources: z.array(link),
  participants: z.array(z.object({ name: z.string(), entity_type: z.enum(['organization', 'person']), note: z.string() })),
  documents: z.array(z.object({ note: z.string(), date: z.string(), links: z.array(mediaLink) })),
  media: z.array(z.object({ note: z.string(), links: z.array(mediaLink) })),
  agenda: z.array(agendaItem),
  extras: z.object({
    committee: z.string(),
    organisation: z.string(),
    municipal_year: z.string(),
    meeting_type: z.string(),
    moved_from: z.array(z.string()),
    apologies: z.array(z.string()),
    present: z.array(z.string()),
    declarations: z.array(z.object({ name: z.string(), interest: z.string(), minute: z.string() })),
  }),
});

export type MeetingData = z.infer<typeof meetingDataSchema>;

/** The JSON Schema of a meeting's open data, as the site publishes it. */
export function meetingDataJsonSchema(baseUrl: string): object {
  const json = z.toJSONSchema(meetingDataSchema, { io: 'output' });
  return { ...json, $id: absolute(baseUrl, sitePaths.dataSchema), title: 'A meeting', description: "A meeting as open data, in the shape of Open Civic Data's Event with UK extras." };
}

/** A stable identifier in OCD's form (`ocd-event/<uuid>`), made from the meeting's calendar UID. */
export function ocdEventId(uid: string): string {
  const hex = createHash('sha1').update(uid).digest('hex');
  // A name-based (version 5) UUID's layout.
  return `ocd-event/${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** The papers an agenda item links to, as the meeting page shows them: link text, where it goes (relative to the meeting's folder), note. */
export interface ItemLinks {
  number: number;
  links: { text: string; href: string | null; note: string | null }[];
}

/** A meeting as open data. `items` are its agenda's items with their papers' links as the meeting page gives them. */
export function meetingData(
  model: PublishedView,
  committee: ViewCommittee,
  meeting: ViewMeeting,
  uid: string,
  items: ItemLinks[],
  keyDecisions: ReadonlySet<number>,
  formats: { html: boolean; pdf: boolean },
): MeetingData {
  const baseUrl = model.config.baseUrl!;
  const dir = `${meetingOutDir(meeting)}/`;
  const url = (file: string) => absolute(baseUrl, file);
  const start = zonedStart(meeting.date, meeting.time, model.config.timezone);
  const mediaType = (href: string) => (/\.pdf$/i.test(href.split('#')[0]) ? 'application/pdf' : 'text/html');
  const status = meeting.status === 'cancelled' ? 'cancelled' : meeting.status === 'postponed' ? 'tentative' : meeting.status === 'held' ? 'passed' : 'confirmed';
  // Each document once, with a link for each format it is published in.
  const documents: MeetingData['documents'] = [];
  for (const d of meetingDocuments(meeting, 'public', formats)) {
    const href = atPlace(url(d.file), d);
    const same = documents.find((o) => o.note === d.title);
    if (same) same.links.push({ media_type: mediaType(d.file), url: href });
    else documents.push({ note: d.title, date: d.published, links: [{ media_type: mediaType(d.file), url: href }] });
  }
  const minutes = meeting.minutes;
  const publicMinutes = (minutes?.minutes ?? []).filter((m) => !m.withheld);
  return {
    $schema: url(sitePaths.dataSchema),
    _type: 'event',
    id: ocdEventId(uid),
    name: meetingName(meeting, committee),
    description: meeting.title === committee.name ? `Meeting of the ${committee.name}` : meeting.title,
    classification: 'committee-meeting',
    start_date: start ? isoWithOffset(start) : meeting.date,
    end_date: '',
    all_day: start === null,
    timezone: model.config.timezone,
    status,
    location: meeting.venue ? { name: meeting.venue, note: '', coordinates: null } : null,
    links: [{ note: 'meeting page', url: url(sitePaths.meeting(meeting)) }],
    sources: [{ note: 'published by the council with boardpack', url: url(sitePaths.meeting(meeting)) }],
    participants: [
      { name: committee.name, entity_type: 'organization', note: 'host' },
      ...committee.members.map((m) => ({ name: m.name, entity_type: 'person' as const, note: m.role })),
    ],
    documents,
    media: [],
    agenda: (meeting.agenda?.items ?? []).map((item) => {
      const own = items.find((i) => i.number === item.number);
      return {
        order: String(item.number),
        description: item.title,
        classification: [item.kind],
        subjects: [],
        notes: item.notes.map((n) => n.text),
        media: [],
        related_entities: [],
        extras: {
          documents: (own?.links ?? [])
            .filter((l) => l.href !== null)
            .map((l) => ({ note: l.text, links: [{ media_type: mediaType(l.href!), url: /^https?:/.test(l.href!) ? l.href! : new URL(l.href!, url(dir)).href }] })),
          key_decision: keyDecisions.has(item.number),
          exempt_paragraph: item.private?.paragraph ?? null,
          private: item.private !== null,
        },
      };
    }),
    extras: {
      committee: committee.name,
      organisation: model.config.organisation,
      municipal_year: municipalYearLabel(municipalYear(meeting.date, model.config.municipalYearStart)),
      meeting_type: meeting.special ? 'special' : (meeting.agenda?.type ?? 'ordinary'),
      moved_from: meeting.movedFrom,
      apologies: minutes?.apologies.map((p) => p.name) ?? [],
      present: minutes?.present.map((p) => p.name) ?? [],
      declarations: publicMinutes.flatMap((m) => (m.withheld ? [] : m.declarations).map((d) => ({ name: d.name, interest: d.interest, minute: d.minute }))),
    },
  };
}
