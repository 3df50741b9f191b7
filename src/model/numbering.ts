import type { Committee, Config, MinuteNumbering } from './types.js';

/**
 * How a committee's minute numbers run from meeting to meeting: as its
 * `committee.yml` or `boardpack.yml` states; where neither states it, as its
 * minutes show. Minutes that open with minute 1 at every meeting (two or more
 * meetings, as most parish and community councils number) are numbered per
 * meeting; otherwise the default, per municipal year.
 */
export function minuteNumberingOf(committee: Committee, config: Pick<Config, 'minuteNumbering' | 'fields'>): MinuteNumbering {
  if ('minuteNumbering' in committee.fields || 'minuteNumbering' in config.fields) return committee.minuteNumbering;
  const firsts = committee.meetings.flatMap((m) => {
    const first = m.minutes?.minutes.find((minute) => minute.number !== null)?.number;
    return first ? [first.value] : [];
  });
  return firsts.length >= 2 && firsts.every((v) => v === 1) ? 'per-meeting' : committee.minuteNumbering;
}
