import { format } from 'date-fns/format';
import { parse } from 'date-fns/parse';
import type { Committee, Config, Meeting } from '../model/types.js';
import { addDaysIso, formatLong, isIsoDate, latestPublication } from '../dates/calendar.js';

export interface NewMeeting {
  /** Content-relative path of the new meeting folder. */
  folder: string;
  files: Record<string, string>;
  /** Things the clerk should know: a linked file not written yet. */
  notes: string[];
}

/** `18:00` as papers write it: `6.00 pm`. */
export function formatTime(time: string): string {
  return format(parse(time.replace('.', ':'), 'H:mm', new Date(2000, 0, 1)), 'h.mm aaa');
}

function neighbours(meetings: Meeting[], date: string): { previous: Meeting | null; next: Meeting | null } {
  const live = meetings.filter((m) => m.status !== 'cancelled');
  const previous = live.filter((m) => m.date < date).at(-1) ?? null;
  const next = live.find((m) => m.date > date) ?? null;
  return { previous, next };
}

/**
 * The agenda of a new meeting, with the committee's standard items: apologies,
 * declarations, the previous meeting's minutes (dated and linked) and the date
 * of the next meeting where one is already in the content.
 */
export function newMeeting(config: Config, committee: Committee, date: string, options: { published?: string } = {}): NewMeeting {
  if (!isIsoDate(date)) throw new Error(`Unexpected date "${date}", expected a real date such as 2026-01-13`);
  const folder = `committees/${committee.id}/${date}`;
  const { previous, next } = neighbours(committee.meetings, date);
  const notes: string[] = [];
  const front: string[] = [];
  // The day the papers go public: the last day the notice allows, unless said (until then a build holds them back).
  if (options.published) front.push(`published: ${options.published}`);
  else if (config.publicationClearDays !== null) {
    front.push(`published: ${latestPublication(date, config.publicationClearDays, config.holidays, config.publicationCountDays)}`);
  }
  front.push('status: scheduled');
  // An executive meeting in England that takes an item in private gives notice of it 28 and 5 clear days before (reg 5).
  if (committee.executive && config.jurisdiction === 'england' && config.governance === 'executive') {
    front.push(`# An item in private (private: { <item>: <paragraph> }) needs notice 28 clear days before, by ${addDaysIso(date, -29)}, and again 5 clear days before (reg 5):`);
    front.push('# privateNotice: { intention: <day>, final: <day>, representations: None }');
  }

  const items = ['Apologies for absence', 'Declarations of interest'];
  if (previous) {
    items.push(
      `Minutes of the previous meeting held on ${formatLong(previous.date)}\n   [Minutes](../${previous.folder}/minutes.md)`,
    );
    if (!previous.minutes) notes.push(`${previous.id}/minutes.md does not exist yet; the new agenda links to it.`);
  }
  if (next) {
    const time = next.time ? ` at ${formatTime(next.time)}` : '';
    items.push(`Date and time of next meeting: ${formatLong(next.date)}${time}`);
  } else {
    items.push('Date and time of next meeting');
  }
  const agenda = `---\n${front.join('\n')}\n---\n\n${items.map((t, i) => `${i + 1}. ${t}`).join('\n')}\n`;
  return { folder, files: { 'agenda.md': agenda }, notes };
}
