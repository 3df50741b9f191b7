import type { ForwardPlan, ForwardPlanEntry, Config } from '../model/types.js';
import type { ViewCommittee, ViewDecision } from '../publish/types.js';
import { callInPeriod } from '../model/call-in.js';
import { entryPublished } from '../publish/executive.js';

/**
 * What the executive's pages, feeds, calendars and data share: when a plan
 * entry was decided, what each edition of the plan held and what changed, and
 * where a decision's call-in stands. Read from the published view only.
 */

/** The day each plan entry was decided: its record's date, or the meeting whose paper names it. */
export function decidedOn(committee: ViewCommittee): Map<string, string> {
  const days = new Map<string, string>();
  for (const meeting of committee.meetings) {
    if (meeting.status === 'cancelled') continue;
    for (const paper of meeting.papers) if (!paper.withheld && paper.forwardPlan) days.set(paper.forwardPlan.ref, meeting.date);
  }
  for (const record of committee.decisions) if (record.forwardPlan) days.set(record.forwardPlan, record.date);
  return days;
}

export interface EditionEntry {
  entry: ForwardPlanEntry;
  /** First published in this edition. */
  isNew: boolean;
  /** Deferred since the edition before: the deferral. */
  deferred: ForwardPlanEntry['deferred'][number] | null;
}

export interface Edition {
  day: string;
  previous: string | null;
  entries: EditionEntry[];
  /** Taken off since the edition before: decided on a day, or withdrawn. */
  removed: { entry: ForwardPlanEntry; why: 'decided' | 'withdrawn'; day: string }[];
}

/** What the plan said in each edition, earliest first: the entries published by then and neither decided nor withdrawn before it. */
export function editions(plan: ForwardPlan, decided: ReadonlyMap<string, string>): Edition[] {
  return plan.published.map((day, i) => {
    const previous = i > 0 ? plan.published[i - 1] : null;
    const after = (d: string | null | undefined) => d != null && (previous === null || d > previous) && d <= day;
    const entries: EditionEntry[] = [];
    const removed: Edition['removed'] = [];
    for (const entry of plan.entries) {
      const first = entryPublished(entry);
      if (first === null || first > day) continue;
      const done = decided.get(entry.ref);
      if (entry.withdrawn && entry.withdrawn <= day) {
        if (after(entry.withdrawn) && !(previous !== null && first > previous)) removed.push({ entry, why: 'withdrawn', day: entry.withdrawn });
        continue;
      }
      if (done && done < day) {
        if (after(done) && !(previous !== null && first > previous)) removed.push({ entry, why: 'decided', day: done });
        continue;
      }
      const deferral = [...entry.deferred].reverse().find((d) => after(d.on)) ?? null;
      entries.push({ entry, isNew: previous === null || first > previous, deferred: deferral });
    }
    return { day, previous, entries, removed };
  });
}

/** An hour as people read it: "17:00" is 5pm, "12:30" 12.30pm. */
export function hourText(time: string): string {
  const [h, m] = time.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `.${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

export type CallInState =
  | { state: 'open'; endDay: string; endTime: string }
  | { state: 'ended'; endDay: string; endTime: string }
  | { state: 'called-in'; on: string; by: string | null; meeting: string | null; outcome: string | null }
  | { state: 'exempt'; reasons: string | null }
  | { state: 'none' };

/** Where a decision's call-in stands on a day. */
export function callInState(config: Config, record: ViewDecision, asOf: string): CallInState {
  if (record.calledIn) return { state: 'called-in', on: record.calledIn.on, by: record.calledIn.by, meeting: record.calledIn.meeting, outcome: record.calledIn.outcome };
  if (record.callIn.kind === 'exempt') return { state: 'exempt', reasons: record.withheld ? null : (record.callIn as { reasons: string }).reasons };
  const end = callInPeriod(config, record);
  if (!end) return { state: 'none' };
  return { state: asOf > end.day ? 'ended' : 'open', endDay: end.day, endTime: end.time };
}
