import type { Model } from '../model/types.js';

/**
 * A meeting held, as the council-wide rules read it: its committee, its day
 * and who attended as a member (the chair, those present, substitutes), as
 * the minutes write them. Small enough to keep for each committee in the lint
 * cache, so that a rule over every committee's attendance (member-absence)
 * can run on the shared part with the attendance of all.
 */
export interface Attended {
  committee: string;
  /** The committee's name, as the shared part does not know it. */
  name: string;
  day: string;
  present: string[];
}

/** The meetings held with minutes, and who attended each, in these committees (all where none are named). */
export function attendanceIn(model: Model, committees?: ReadonlySet<string>): Attended[] {
  const found: Attended[] = [];
  for (const committee of model.committees) {
    if (committees && !committees.has(committee.id)) continue;
    for (const meeting of committee.meetings) {
      const minutes = meeting.minutes;
      if (!minutes || meeting.status !== 'held') continue;
      const names = [...(minutes.chair ? [minutes.chair.name] : []), ...minutes.present.map((p) => p.name), ...minutes.substitutes.map((s) => s.name)];
      found.push({ committee: committee.id, name: committee.name, day: meeting.date, present: [...new Set(names)] });
    }
  }
  return found;
}
