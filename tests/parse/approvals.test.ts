// What minutes say about earlier minutes, sentence by sentence (issue 30): src/parse/approvals.ts.
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { minutesStatements } from '../../src/parse/approvals.js';
import { BASE, contentFolder } from '../helpers.js';

const M = 'committees/panel/2025-12-02';
const said = (body: string) => {
  const root = contentFolder({
    ...BASE,
    [`${M}/agenda.md`]: '---\npublished: 2025-11-24\n---\n\n1. Minutes of the previous meeting\n',
    [`${M}/minutes.md`]: `---\nchair: Councillor Ann Lee\npresent: [Councillor Ann Lee, Councillor Bo Chen]\n---\n\n## 1. Minutes of the previous meeting\n\n${body}\n`,
  });
  const meeting = parseContent(root).model.committees[0].meetings[0];
  return minutesStatements(meeting).map(({ verdict, days, months, unnamed, until }) => ({ verdict, days, months, unnamed, until: until && { day: until.day, month: until.month } }));
};

describe('minutes statements', () => {
  it('read a deferral: the meeting put off, and where to, "to" before the deferring word being no target', () => {
    expect(said('The minutes relating to the meeting of 4 November 2025 were deferred until January.')).toEqual([
      { verdict: 'deferred', days: ['2025-11-04'], months: [], unnamed: false, until: { day: null, month: '2026-01' } },
    ]);
  });

  it('read approvals of several meetings by month and year, and a resolution naming none as the one just before', () => {
    expect(said('The outstanding minutes for October 2025 and November 2025 were approved.')).toEqual([
      { verdict: 'approved', days: [], months: ['2025-10', '2025-11'], unnamed: false, until: null },
    ]);
    const resolved = said('Resolved: That the minutes be approved as a correct record.');
    expect(resolved).toContainEqual({ verdict: 'approved', days: [], months: [], unnamed: true, until: null });
    expect(resolved.every((s) => s.verdict === 'approved' && s.unnamed)).toBe(true);
  });

  it('do not take "not approved" or a motion that failed for an approval', () => {
    expect(said('The minutes of the meeting held on 4 November 2025 were not approved.').map((s) => s.verdict)).toEqual(['deferred']);
    expect(said('Motion to approve the minutes of November 4, 2025. Moved by Lee, seconded by Chen. Motion failed 1-3.')).toEqual([]);
  });
});
