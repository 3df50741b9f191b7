import type { PlanStatus, Resolution, ResolutionPart } from '../../model/types.js';
import type { Shown, ViewCommittee, ViewMeeting, Withheld } from '../../publish/types.js';
import { formatLong } from '../../dates/calendar.js';
import { formatTime } from '../../scaffold/meeting.js';

export type { Audience } from '../../publish/types.js';

const ROLE_LABEL: Record<string, string> = { chair: 'Chair', 'vice-chair': 'Vice-Chair', 'co-opted': 'Co-opted member', member: '' };
const STATUS_LABEL: Record<PlanStatus, string> = { R: 'Red', A: 'Amber', G: 'Green', Complete: 'Complete' };

/** What every page and document opens with: its language, the council's name and its own title. */
export function documentHead(config: { locale: string; organisation: string }, pageTitle: string) {
  return { lang: config.locale, organisation: config.organisation, pageTitle };
}

export function statusView(status: PlanStatus | null) {
  return status
    ? { label: STATUS_LABEL[status], cls: `status-${status.toLowerCase()}` }
    : { label: 'Not given', cls: 'status-none' };
}

export function membership(committee: Pick<ViewCommittee, 'members'>) {
  return committee.members.map((m) => ({ name: m.name, role: ROLE_LABEL[m.role] }));
}

export function meetingHeading(meeting: Pick<ViewMeeting, 'title' | 'date' | 'time' | 'venue' | 'published' | 'status'>) {
  return {
    title: meeting.title,
    date: formatLong(meeting.date),
    time: meeting.time ? formatTime(meeting.time) : null,
    venue: meeting.venue,
    published: meeting.published ? formatLong(meeting.published) : null,
    status: meeting.status,
  };
}

export function paperAnchor(paper: { id: string }): string {
  return `paper-${paper.id}`;
}

export function appendixAnchor(paper: { id: string }, index: number): string {
  return `paper-${paper.id}-appendix-${index + 1}`;
}

/** How a paper, appendix or minute is shown, as the publication gate decided (src/publish): withheld with a notice, or marked. */
export function exemption(thing: Shown | Withheld) {
  if (thing.withheld) return { withheld: true, notice: thing.notice, notForPublication: false, held: null };
  const held = thing.held;
  return thing.notice === null ? { withheld: false, notice: null, notForPublication: false, held } : { withheld: false, notice: thing.notice, notForPublication: true, held };
}

/** The paragraphs of minutes where a resolution's first part is written on the resolution's own line, with its label. */
export function firstPartsByLine(meeting: ViewMeeting): Map<number, string> {
  const found = new Map<number, string>();
  for (const minute of meeting.minutes?.minutes ?? []) {
    if (minute.withheld) continue;
    for (const r of minute.resolutions) {
      const [first] = r.parts;
      if (first && first.position.line === r.position.line && !/^\d+\.$/.test(first.label)) found.set(r.position.line, first.label);
    }
  }
  return found;
}

/** Classes for the paragraphs of minutes that hold resolutions, their parts, reasons and actions, by line. */
export function minutesClasses(meeting: ViewMeeting): Map<number, string> {
  const classes = new Map<number, string>();
  const mark = (line: number, cls: string) => {
    if (!classes.has(line)) classes.set(line, cls);
  };
  const parts = (list: ResolutionPart[], depth: number) => {
    for (const p of list) {
      mark(p.position.line, `part part-${depth}`);
      parts(p.parts, depth + 1);
    }
  };
  for (const minute of meeting.minutes?.minutes ?? []) {
    if (minute.withheld) continue;
    for (const r of minute.resolutions as Resolution[]) {
      mark(r.position.line, 'resolution');
      parts(r.parts, 1);
      for (const reason of r.reasons) mark(reason.position.line, 'reason');
    }
    for (const a of minute.actions) mark(a.position.line, 'action');
  }
  return classes;
}
