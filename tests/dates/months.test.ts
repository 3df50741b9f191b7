import { describe, expect, it } from 'vitest';
import { findMonths } from '../../src/dates/prose.js';

const months = (text: string, context: string | null, towards: 'past' | 'future') => findMonths(text, context, towards).map((m) => [m.text, m.month]);

describe('months named without a day', () => {
  it('reads a month and year as written, and leaves months that are part of a date to findDates', () => {
    expect(months('the minutes for November 2025 and December 2025, and those of 13 January 2026', null, 'past')).toEqual([
      ['November 2025', '2025-11'],
      ['December 2025', '2025-12'],
    ]);
    expect(months('on January 13th and on Jan 5, 2026', '2026-02-01', 'past')).toEqual([]);
  });

  it('reads a month alone towards the past or the future of the meeting', () => {
    expect(months('the minutes for November were approved', '2026-01-06', 'past')).toEqual([['November', '2025-11']]);
    expect(months('deferred until January', '2025-12-02', 'future')).toEqual([['January', '2026-01']]);
    expect(months('our next meeting in December', '2025-12-02', 'future')).toEqual([['December', '2025-12']]);
    expect(months('at the meeting next month', '2025-12-02', 'future')).toEqual([['next month', '2026-01']]);
  });

  it('does not read "may" the verb, a lowercase month alone, or a month alone without its context', () => {
    expect(months('members may attend; the March report', '2026-01-06', 'future')).toEqual([]);
    expect(months('deferred until january', '2026-01-06', 'future')).toEqual([]);
    expect(months('deferred until January', null, 'future')).toEqual([]);
  });
});
