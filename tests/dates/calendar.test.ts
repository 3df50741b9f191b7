import { describe, expect, it } from 'vitest';
import {
  clearWorkingDays,
  formatLong,
  isWorkingDay,
  latestPublication,
  municipalYear,
  municipalYearLabel,
  weekdayOf,
} from '../../src/dates/calendar.js';

describe('clear working days', () => {
  it('excludes the day of publication, the day of the meeting and weekends', () => {
    // Published Monday 2 March 2026, meeting Tuesday 10 March: 3,4,5,6,9 are clear.
    expect(clearWorkingDays('2026-03-02', '2026-03-10', 'GB-ENG')).toBe(5);
    expect(clearWorkingDays('2026-03-03', '2026-03-10', 'GB-ENG')).toBe(4);
  });

  it('excludes the bank holidays of the chosen calendar', () => {
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April (England).
    expect(isWorkingDay('2026-04-06', 'GB-ENG')).toBe(false);
    expect(isWorkingDay('2026-04-06', 'GB-SCT')).toBe(true);
    expect(isWorkingDay('2026-04-06', 'none')).toBe(true);
    expect(clearWorkingDays('2026-04-01', '2026-04-14', 'GB-ENG')).toBe(6);
    expect(clearWorkingDays('2026-04-01', '2026-04-14', 'none')).toBe(8);
    // St Andrew's Day is a Scottish bank holiday only.
    expect(isWorkingDay('2026-11-30', 'GB-SCT')).toBe(false);
    expect(isWorkingDay('2026-11-30', 'GB-ENG')).toBe(true);
  });

  it('finds the latest day a pack can be published', () => {
    expect(latestPublication('2026-03-10', 5, 'GB-ENG')).toBe('2026-03-02');
    const latest = latestPublication('2026-04-14', 5, 'GB-ENG');
    expect(clearWorkingDays(latest, '2026-04-14', 'GB-ENG')).toBe(5);
    expect(clearWorkingDays('2026-04-07', '2026-04-14', 'GB-ENG')).toBe(4);
  });
});

describe('municipal years', () => {
  it('start on the configured day', () => {
    expect(municipalYear('2026-04-30', '05-01')).toBe(2025);
    expect(municipalYear('2026-05-01', '05-01')).toBe(2026);
    expect(municipalYear('2026-03-31', '04-01')).toBe(2025);
    expect(municipalYearLabel(2025)).toBe('2025/26');
    expect(municipalYearLabel(2099)).toBe('2099/00');
  });
});

describe('formatting', () => {
  it('writes dates as committee papers do', () => {
    expect(formatLong('2026-12-08')).toBe('Tuesday 8 December 2026');
    expect(weekdayOf('2026-12-08')).toBe('Tuesday');
  });
});
