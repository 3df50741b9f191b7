import { describe, expect, it } from 'vitest';
import { findDates, parseDue, parseWrittenDate } from '../../src/dates/prose.js';

describe('findDates', () => {
  it.each([
    ['Friday, 9th January, 2015', '2015-01-09', 'Friday'],
    ['Tuesday 15 April 2025', '2025-04-15', 'Tuesday'],
    ['15 April 2025', '2025-04-15', null],
    ['15th April, 2025', '2025-04-15', null],
    ['April 15, 2025', '2025-04-15', null],
    ['2025-04-15', '2025-04-15', null],
    ['Tuesday, 13th March, 2018', '2018-03-13', 'Tuesday'],
    ['12TH DECEMBER, 2017', '2017-12-12', null],
    ['Thurs. 3 Sept 2026', '2026-09-03', 'Thursday'],
  ])('reads %s', (text, date, weekday) => {
    const [found] = findDates(`held on ${text} at noon`);
    expect(found).toMatchObject({ text, date, weekday, invalid: null, index: 8 });
  });

  it('checks the written weekday against the date', () => {
    expect(findDates('Friday 15 April 2025')[0].weekdayMatches).toBe(false);
    expect(findDates('Tuesday 15 April 2025')[0].weekdayMatches).toBe(true);
    expect(findDates('15 April 2025')[0].weekdayMatches).toBeNull();
  });

  it('marks impossible and malformed dates rather than skipping them', () => {
    expect(findDates('on 31 February 2025')[0]).toMatchObject({ date: null, invalid: 'impossible' });
    expect(findDates('on 24h April 2018')[0]).toMatchObject({ date: null, invalid: 'malformed', text: '24h April 2018' });
  });

  it('finds every date in a sentence, across line breaks, and ignores numbers that are not dates', () => {
    const found = findDates('From 1 May 2025 to\n30 June 2025; 3 options; 2025 budget; item 12 May');
    expect(found.map((d) => d.date)).toEqual(['2025-05-01', '2025-06-30']);
  });
});

describe('parseWrittenDate', () => {
  it('accepts a string that is one date and nothing else', () => {
    expect(parseWrittenDate('4 March 2025')?.date).toBe('2025-03-04');
    expect(parseWrittenDate('by 4 March 2025')).toBeNull();
  });
});

describe('parseDue', () => {
  it.each([
    ['2025-02-26', 'date', '2025-02-26'],
    ['15 April 2025', 'date', '2025-04-15'],
    ['June 2025', 'month', '2025-06-30'],
    ['February 2024', 'month', '2024-02-29'],
    ['Ongoing', 'ongoing', null],
    ['TBC', 'tbc', null],
    ['', 'none', null],
    ['Autumn 2018', 'other', null],
  ])('reads %j as %s', (raw, kind, date) => {
    expect(parseDue(raw)).toEqual({ raw, kind, date });
  });
});

describe('dates written without a year', () => {
  it('are read only where the context gives a year', () => {
    expect(findDates('on Sunday 30th September')).toEqual([]);
    expect(findDates('on Sunday 30th September', '2018-10-16')[0]).toMatchObject({
      text: 'Sunday 30th September',
      date: '2018-09-30',
      weekdayMatches: true,
      yearless: true,
    });
  });

  it('take the reading nearer the context: the next January, written in October', () => {
    expect(findDates('Tuesday 12th January', '2026-10-06')[0]).toMatchObject({ date: '2027-01-12', weekdayMatches: true });
    expect(findDates('the 27th of September', '2026-10-06')[0]).toMatchObject({ text: '27th of September', date: '2026-09-27' });
    expect(findDates('September 30th', '2026-10-06')[0]).toMatchObject({ date: '2026-09-30' });
  });

  it('check the weekday against that reading', () => {
    expect(findDates('Sunday 3rd October', '2026-10-06')[0]).toMatchObject({ date: '2026-10-03', weekdayMatches: false });
  });

  it('are not read from words that only look like them', () => {
    expect(findDates('item 1 may be deferred; May 5 members', '2026-10-06')).toEqual([]);
    expect(findDates('held on 10th March.', '2026-10-06')[0]?.text).toBe('10th March');
    expect(findDates('30th February', '2026-10-06')[0]).toMatchObject({ date: null, invalid: 'impossible' });
  });

  it('leave dates with a year as they were', () => {
    expect(findDates('15 April 2025', '2026-10-06')[0]).toMatchObject({ date: '2025-04-15' });
    expect(findDates('15 April 2025', '2026-10-06')[0].yearless).toBeUndefined();
  });
});
