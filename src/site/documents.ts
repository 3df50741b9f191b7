import { formatLong } from '../dates/calendar.js';
import type { ViewCommittee, ViewMeeting } from '../publish/types.js';
import type { Audience } from '../publish/gate.js';
import { meetingOutDir } from '../output/paths.js';
import { documentNames } from '../output/paths.js';

/** One published document of a meeting, in one format. */
export interface MeetingDocument {
  kind: 'pack' | 'supplement' | 'minutes';
  /** `Agenda pack`, `Supplementary agenda 1`, `Minutes`. */
  title: string;
  /** The file, relative to the output folder. */
  file: string;
  /** Where in the file it starts: a supplement's place in the pack's HTML. */
  anchor: string | null;
  format: 'HTML' | 'PDF';
  /** When it was published: the agenda's or supplement's `published:`, the minutes' (else the meeting's day). */
  published: string;
}

/**
 * A meeting's agenda pack, supplements and minutes in the formats the build
 * makes, as the build names them for the audience: the one list that pages,
 * feeds and open data take their links from, so that none names a file a
 * build did not write. A supplement's HTML is its place in the pack's; its PDF is its own.
 */
export function meetingDocuments(meeting: ViewMeeting, audience: Audience, formats: { html: boolean; pdf: boolean }): MeetingDocument[] {
  const names = documentNames(audience);
  const dir = meetingOutDir(meeting);
  const found: MeetingDocument[] = [];
  const add = (kind: MeetingDocument['kind'], title: string, published: string, html: string | null, pdf: string | null, anchor: string | null = null) => {
    if (formats.html && html) found.push({ kind, title, file: `${dir}/${html}`, anchor, format: 'HTML', published });
    if (formats.pdf && pdf) found.push({ kind, title, file: `${dir}/${pdf}`, anchor: null, format: 'PDF', published });
  };
  if (meeting.agenda && meeting.status !== 'cancelled') {
    const published = meeting.published ?? meeting.date;
    add('pack', 'Agenda pack', published, names.packHtml, names.packPdf);
    for (const s of meeting.supplements) {
      if (s.supplement !== null) add('supplement', `Supplementary agenda ${s.supplement}`, s.published ?? published, names.packHtml, names.supplementPdf(s.supplement), `supplement-${s.supplement}`);
    }
  }
  if (meeting.minutes) add('minutes', 'Minutes', meeting.minutes.published ?? meeting.date, names.minutesHtml, names.minutesPdf);
  return found;
}

/** A link to a document (its file's address, relative or absolute), at its place in the file. */
export function atPlace(href: string, document: Pick<MeetingDocument, 'anchor'>): string {
  return document.anchor ? `${href}#${document.anchor}` : href;
}

/** Documents newest first by publication, then by file: the order of feeds and of "recently published". */
export function newestFirst(a: Pick<MeetingDocument, 'published' | 'file'>, b: Pick<MeetingDocument, 'published' | 'file'>): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** A meeting's title: the committee's name, with the meeting's own title where it has one. */
export function meetingTitle(meeting: ViewMeeting, committee: ViewCommittee): string {
  return meeting.title === committee.name ? committee.name : `${committee.name}: ${meeting.title}`;
}

/** A meeting's name as a list shows it: its title and the day. */
export function meetingName(meeting: ViewMeeting, committee: ViewCommittee): string {
  return `${meetingTitle(meeting, committee)}, ${formatLong(meeting.date)}`;
}
