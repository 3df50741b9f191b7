import { posix } from 'node:path';
import { municipalYearLabel } from '../dates/calendar.js';
import type { Meeting } from '../model/types.js';
import type { Audience } from '../publish/gate.js';

/*
 * Where each page and file of the published site goes, relative to the
 * output folder, and how one links to another. Everything that names a site
 * file asks here, so that a link and the file it points at cannot disagree.
 */

/** The output folder of a meeting, relative to the output root. */
export function meetingOutDir(meeting: Pick<Meeting, 'committee' | 'folder'>): string {
  return `${meeting.committee}/${meeting.folder}`;
}

export const sitePaths = {
  front: 'index.html',
  archive: 'archive.html',
  /** The archive page of the municipal year starting in `start` (`archive-2025-26.html`). */
  archiveYear: (start: number) => `archive-${municipalYearLabel(start).replace('/', '-')}.html`,
  plan: (id: string) => `plans/${id}.html`,
  register: (id: string) => `registers/${id}.html`,
  committee: (id: string) => `${id}/index.html`,
  /** The executive's forward plan: its latest edition, and each edition by its day. */
  forwardPlan: (committee: string) => `${committee}/forward-plan/index.html`,
  forwardPlanEdition: (committee: string, day: string) => `${committee}/forward-plan/${day}.html`,
  forwardPlanPdf: (committee: string, day: string) => `${committee}/forward-plan/${day}.pdf`,
  decisions: (committee: string) => `${committee}/decisions/index.html`,
  decision: (committee: string, id: string) => `${committee}/decisions/${id}.html`,
  decisionsData: (committee: string) => `${committee}/decisions/decisions.json`,
  /** The general exception or special urgency notice of a forward plan entry, by its ref ("FP/2026/06" is fp-2026-06). */
  notice: (committee: string, ref: string) => `${committee}/notices/${ref.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.html`,
  members: 'members/index.html',
  member: (id: string) => `members/${id}.html`,
  interests: 'members/register-of-interests.html',
  interestsPdf: 'members/register-of-interests.pdf',
  attendance: 'members/attendance.csv',
  peopleData: 'members/people.json',
  meeting: (meeting: Pick<Meeting, 'committee' | 'folder'>) => `${meetingOutDir(meeting)}/index.html`,
  calendar: 'calendar.ics',
  committeeCalendar: (id: string) => `${id}/calendar.ics`,
  meetingCalendar: (meeting: Pick<Meeting, 'committee' | 'folder'>) => `${meetingOutDir(meeting)}/meeting.ics`,
  feed: 'feed.xml',
  committeeFeed: (id: string) => `${id}/feed.xml`,
  meetingData: (meeting: Pick<Meeting, 'committee' | 'folder'>) => `${meetingOutDir(meeting)}/meeting.json`,
  /** A meeting's recorded votes as open data. */
  meetingVotes: (meeting: Pick<Meeting, 'committee' | 'folder'>) => `${meetingOutDir(meeting)}/votes.json`,
  minutes: (meeting: Pick<Meeting, 'committee' | 'folder'>) => `${meetingOutDir(meeting)}/minutes.html`,
  allData: 'meetings.json',
  dataSchema: 'meeting.schema.json',
  search: 'search.html',
};

/**
 * Whether a name is one the site keeps for its own files at the top of the
 * output folder, where each committee has a folder of its own.
 */
export function reservedName(name: string): boolean {
  const own = [sitePaths.front, sitePaths.archive, sitePaths.calendar, sitePaths.feed, sitePaths.allData, sitePaths.dataSchema, sitePaths.search, 'search.js', 'pagefind', 'plans', 'registers', 'members'];
  return own.includes(name) || /^archive-\d{4}-\d{2}\.html$/.test(name);
}

/** A meeting's documents, as the build names them for an audience. */
export const documentNames = (audience: Audience) => {
  const suffix = audience === 'members' ? '.members' : '';
  return {
    packHtml: `agenda-pack${suffix}.html`,
    packPdf: `agenda-pack${suffix}.pdf`,
    supplementPdf: (n: number) => `agenda-pack.supplement-${n}${suffix}.pdf`,
    minutesHtml: 'minutes.html',
    minutesPdf: 'minutes.pdf',
  };
};

/** The link from one site file to another, both relative to the output folder, percent-encoded. */
export function linkFrom(from: string, to: string): string {
  const link = posix.relative(posix.dirname(from), to);
  return encodePath(link === '' ? posix.basename(to) : link);
}

/**
 * A relative path as a URL: each segment percent-encoded, so that no name
 * (`javascript:alert(1)`, `a#b`, `50%.pdf`) can become a scheme, a fragment
 * or an escape. Every link to an output file is written through this.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** A path written by `encodePath`, read back (a malformed escape is left as written). */
export function decodePath(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** The schemes a published link may use; anything else (javascript:, data:, file:, vbscript:) is refused. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Whether a link may be published: a web or mail address, a fragment, or a relative path with no scheme. */
export function allowedHref(href: string): boolean {
  // What a browser strips before reading the scheme: control characters and spaces at the ends, tabs and newlines inside.
  const cleaned = href.replace(/[\u0000-\u0020]+$|^[\u0000-\u0020]+/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme) return ALLOWED_SCHEMES.has(`${scheme[1].toLowerCase()}:`);
  // "//host" is another site's address without a scheme; a backslash is read as a slash.
  return !/^[\\/]{2}/.test(cleaned);
}

/** A site file's absolute address under the base URL (which ends in `/`). */
export function absolute(baseUrl: string, file: string): string {
  return new URL(encodePath(file), baseUrl).href;
}
