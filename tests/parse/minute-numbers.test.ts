import { describe, expect, it } from 'vitest';
import { numberLike, parseMinuteNumber, slashStyleOf } from '../../src/parse/minutes.js';
import { parseContent } from '../../src/index.js';
import { BASE, contentFolder } from '../helpers.js';

describe('minute numbers in every style councils write them', () => {
  it.each([
    ['C9', { prefix: 'C', value: 9, year: null }],
    ['107', { prefix: '', value: 107, year: null }],
    ['77/25', { prefix: '', value: 77, year: 25 }],
    ['A21/007', { prefix: 'A', value: 7, year: 21 }],
    ['22/014', { prefix: '', value: 14, year: 22 }],
  ])('%s', (raw, expected) => {
    expect(parseMinuteNumber(raw)).toEqual({ raw, ...expected });
  });

  it('reads a slashed number as the committee says, where its shape cannot tell', () => {
    expect(parseMinuteNumber('14/22', 'serial/year')).toMatchObject({ value: 14, year: 22 });
    expect(parseMinuteNumber('14/22', 'year/serial')).toMatchObject({ value: 22, year: 14 });
  });

  it("tells a file's style from the part that stays the same, then from the meeting's year", () => {
    expect(slashStyleOf(['14/22', '15/22', '16/22'], null)).toBe('serial/year');
    expect(slashStyleOf(['22/14', '22/15'], null)).toBe('year/serial');
    expect(slashStyleOf(['22/14'], 2022)).toBe('year/serial');
    expect(slashStyleOf(['14/22'], 2022)).toBe('serial/year');
    expect(slashStyleOf(['107', 'C9'], 2022)).toBeUndefined();
  });

  it('writes the next number in the same style', () => {
    expect(numberLike(parseMinuteNumber('A21/007')!, 8)).toBe('A21/008');
    expect(numberLike(parseMinuteNumber('77/25')!, 78)).toBe('78/25');
    expect(numberLike(parseMinuteNumber('C9')!, 10)).toBe('C10');
  });
});

describe('minute headings', () => {
  const minutesOf = (body: string) => {
    const root = contentFolder({
      ...BASE,
      'committees/panel/2026-03-10/agenda.md': '1. Apologies\n',
      'committees/panel/2026-03-10/minutes.md': `---\npresent: [Councillor Ann Lee]\n---\n\n${body}`,
    });
    const parsed = parseContent(root);
    return { minutes: parsed.model.committees[0].meetings[0].minutes!, problems: parsed.problems };
  };

  it('reads numbered headings at level 3 in capitals, with or without a dot or a dash, under a level-2 title', () => {
    const { minutes, problems } = minutesOf(
      '## Minutes of the meeting\n\n### 12 APOLOGIES\n\nNone.\n\n### Minute No. 13 - BUDGET\n\nNoted.\n\n### 14: PARKS\n\nNoted.\n',
    );
    expect(minutes.numbered).toBe(true);
    expect(minutes.minutes.map((m) => [m.number?.raw, m.title])).toEqual([
      ['12', 'APOLOGIES'],
      ['13', 'BUDGET'],
      ['14', 'PARKS'],
    ]);
    expect(problems).toEqual([]);
  });

  it('reads minutes without numbers as a style: each heading a minute, nothing reported', () => {
    const { minutes, problems } = minutesOf('## Apologies\n\nNone.\n\n## 2026 budget setting\n\nAgreed.\n');
    expect(minutes.numbered).toBe(false);
    expect(minutes.minutes.map((m) => [m.number, m.title])).toEqual([
      [null, 'Apologies'],
      [null, '2026 budget setting'],
    ]);
    expect(problems).toEqual([]);
  });

  it('reports headings without numbers in numbered minutes once, saying what it expected', () => {
    const { minutes, problems } = minutesOf('## Present\n\nAll.\n\n## 5. Apologies\n\nNone.\n\n## Budget\n\nNoted.\n\n## Parks\n\nNoted.\n');
    expect(minutes.minutes.map((m) => m.title)).toEqual(['Apologies', 'Budget', 'Parks']);
    expect(problems.map((p) => p.message)).toEqual([
      'Unexpected heading "Budget" without a minute number (and 1 more heading like it), expected every level-2 heading after the first minute to open with its number, as "5 Apologies" does',
    ]);
  });
});
