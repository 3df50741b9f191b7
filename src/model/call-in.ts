import type { CallIn, Config } from './types.js';
import { workingDaysAfter } from '../dates/calendar.js';

/**
 * When a decision's call-in period ends: `decisions.callInDays` working days
 * (by the council's holiday calendar) after its record was published (or, with
 * no publication day, after the decision), at `decisions.callInEnds`; null for
 * a decision not subject to call-in. One reckoning for the linter and the site.
 */
export function callInPeriod(
  config: Pick<Config, 'decisions' | 'holidays'>,
  record: { callIn: Pick<CallIn, 'kind'>; published: string | null; date: string },
): { day: string; time: string } | null {
  if (record.callIn.kind !== 'subject') return null;
  return { day: workingDaysAfter(record.published ?? record.date, config.decisions.callInDays, config.holidays), time: config.decisions.callInEnds };
}
