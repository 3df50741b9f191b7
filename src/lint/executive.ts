import type { Committee, DecisionException, DecisionRecord, ForwardPlanEntry, Meeting, Minute, Model, Paper, Position } from '../model/types.js';
import { daysBetween } from '../dates/calendar.js';
import { callInPeriod } from '../model/call-in.js';
import { normaliseName } from './model-index.js';

/**
 * What the executive's rules share: which law applies, clear days, the plan
 * entry a paper or record names, the end of a decision's call-in period.
 */

/** Clear days between two days: the calendar days after the first and before the second (SI 2012/2089 reg 2). */
export const clearDays = (from: string, to: string) => daysBetween(from, to) - 1;

/** England's executive law (SI 2012/2089): key decisions, the forward plan, private meetings, special urgency. */
export const englishExecutive = (model: Model) => model.config.jurisdiction === 'england' && model.config.governance === 'executive';

/** Executive arrangements with written decision records: England (SI 2012/2089) and Wales (SI 2001/2290). */
export const executiveRecords = (model: Model) =>
  (model.config.jurisdiction === 'england' || model.config.jurisdiction === 'wales') && model.config.governance === 'executive';

export function planEntry(committee: Committee, ref: string): ForwardPlanEntry | undefined {
  return committee.forwardPlan?.entries.find((e) => e.ref === ref);
}

/** How the public was told of a key decision: the plan's entry (its first publication, or its exception notice), or a paper's own keyDecisionNotice. */
export interface KeyNotice {
  route: 'forward-plan' | 'general-exception' | 'special-urgency';
  published: string;
  scrutinyChair: string | null;
  agreedBy: string | null;
  position: Position;
}

export function noticeOfEntry(entry: ForwardPlanEntry): KeyNotice | null {
  const e: DecisionException | null = entry.exception;
  if (e) return { route: e.route, published: e.published, scrutinyChair: e.scrutinyChair, agreedBy: e.agreedBy, position: e.position };
  if (entry.firstPublished) return { route: 'forward-plan', published: entry.firstPublished, scrutinyChair: null, agreedBy: null, position: entry.fields.firstPublished ?? entry.position };
  return null;
}

export function noticeOfPaper(paper: Paper): KeyNotice | null {
  const n = paper.keyDecisionNotice;
  return n ? { route: n.route, published: n.published, scrutinyChair: n.scrutinyChair, agreedBy: n.agreedBy, position: n.position } : null;
}

/** Where call-in ends (src/model/call-in.ts). */
export const callInEnds = (model: Model, record: DecisionRecord) => callInPeriod(model.config, record);

/** The meeting of a committee held on a day (the first, where two are). */
export function meetingOn(committee: Committee, date: string): Meeting | undefined {
  return committee.meetings.find((m) => m.date === date && m.status !== 'cancelled');
}

const words = (s: string) => new Set(normaliseName(s).split(/[^a-z0-9]+/).filter((w) => w.length > 2));

/** The minute of a meeting that records a paper's item: its agenda item's title in the minute's title. */
export function minuteOfPaper(meeting: Meeting, paper: Paper): Minute | undefined {
  const item = meeting.agenda?.items.find((i) => i.links.some((l) => l.target === paper.file));
  const title = words(item?.title ?? paper.title);
  if (!meeting.minutes || title.size === 0) return undefined;
  let best: { minute: Minute; score: number } | undefined;
  for (const minute of meeting.minutes.minutes) {
    const mine = words(minute.title);
    let shared = 0;
    for (const w of title) if (mine.has(w)) shared++;
    const score = shared / title.size;
    if (score >= 0.5 && (!best || score > best.score)) best = { minute, score };
  }
  return best?.minute;
}

/** A minute's number as written ("116", "C12"), or its title where minutes are not numbered. */
export const minuteLabel = (minute: Minute) => minute.number?.raw ?? minute.title;

export { surname } from '../model/people.js';

/** A minute as a record or reference names it ("5", "Minute 5", "C5"): its digits, or the whole where it has none. */
const minuteKey = (minute: string) => minute.replace(/\D+/g, '') || minute;

/** Whether two ways of writing a minute's number name the same minute. */
export const sameMinute = (a: string, b: string) => minuteKey(a) === minuteKey(b);
