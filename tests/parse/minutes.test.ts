import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import type { ResolutionPart } from '../../src/index.js';
import { FIXTURES } from '../helpers.js';

const { model, problems } = parseContent(join(FIXTURES, 'model', 'minutes-messy', 'content'));
const minutes = model.committees[0].meetings[0].minutes!;
const minute = (n: string) => minutes.minutes.find((m) => m.number?.raw === n)!;
const tree = (parts: ResolutionPart[]): unknown =>
  parts.map((p) => (p.parts.length ? [p.label, tree(p.parts)] : p.label));

describe('messy real-world minutes', () => {
  it('reads every minute number and title, with or without the dot', () => {
    expect(minutes.minutes.map((m) => m.number?.value)).toEqual([107, 108, 109, 110, 111, 112]);
    expect(minute('108').title).toBe('Communications');
    expect(minute('109').title).toBe('MINUTES OF THE PREVIOUS MEETING HELD ON 12TH DECEMBER, 2017');
    expect(problems).toEqual([]);
  });

  it('reads "Resolved:-" glued to "(1)", and parts in separate paragraphs', () => {
    const [res] = minute('109').resolutions;
    expect(tree(res.parts)).toEqual(['(1)', '(2)']);
    expect(res.parts[0].text).toMatch(/^That the minutes of the previous meeting/);
    expect(res.parts[0].position).toMatchObject({ line: 22, column: 11 });
    expect(res.parts[1].position).toMatchObject({ line: 25, column: 1 });
  });

  it('nests lettered and roman sub-parts, and keeps bullets under the part they follow', () => {
    const [res] = minute('110').resolutions;
    expect(tree(res.parts)).toEqual(['(1)', '(2)', ['(3)', ['(a)', '(b)', ['(c)', ['(i)', '(ii)']]]]]);
    expect(res.parts[1].points.map((p) => p.text)).toEqual([
      'questions about the new bus station;',
      'questions about online safety.',
    ]);
    expect(res.reasons.map((r) => r.text)).toEqual(["Reason: to inform the Commission's work programme."]);
  });

  it('splits parts written inline after "RESOLVED That", and reads "Agreed" as a resolution', () => {
    const [inline, agreed] = minute('111').resolutions;
    expect(inline.parts.map((p) => [p.label, p.text])).toEqual([
      ['(1)', 'the data be noted;'],
      ['(2)', 'a further report be submitted on Tuesday 24 April, 2018.'],
    ]);
    expect(agreed).toMatchObject({ verb: 'agreed', text: 'the Chair to write to head teachers.', parts: [] });
  });

  it('does not take a numbered list outside a resolution for resolution parts', () => {
    expect(minute('108').resolutions).toEqual([]);
  });

  it('reads actions with a date written with <sup>', () => {
    expect(minute('110').actions).toEqual([
      expect.objectContaining({
        owner: 'Performance Manager',
        text: 'circulate results by ward',
        due: { raw: '29th March, 2018', kind: 'date', date: '2018-03-29' },
      }),
    ]);
  });

  it('reads minute references, with the meeting they name, and declarations', () => {
    expect(minute('110').references[0]).toMatchObject({ number: '45', meetingDate: { date: '2017-02-01' } });
    expect(minute('109').references[0]).toMatchObject({ number: '101', meetingDate: null });
    expect(minute('107').declarations).toEqual([
      expect.objectContaining({ name: 'Councillor Senior', interest: 'personal', minute: '110' }),
    ]);
  });

  it('drops the ": " that starts discussion bullets', () => {
    expect(minute('110').blocks.map((b) => b.text)).toContain(
      'the number of young people who feel unsafe in the town centre;',
    );
  });

  it('counts a numbered list interrupted by a paragraph as one list', () => {
    const list = minutes.lists.find((l) => l.lead?.text.includes('three concerns'))!;
    expect(list.items.map((i) => i.number)).toEqual([1, 2, 3]);
  });

  it('reads every date form, each at its own line and column', () => {
    const dates = minutes.dates.map((d) => [d.text, d.date, d.position.line, d.position.column]);
    expect(dates).toContainEqual(['12th December, 2017', '2017-12-12', 22, 65]);
    expect(dates).toContainEqual(['Tuesday 24 April, 2018', '2018-04-24', 82, 75]);
    expect(dates).toContainEqual(['Tuesday, 13th March, 2018', '2018-03-13', 88, 48]);
    // Inside HTML in a table cell: the cell's own place in the line.
    expect(dates).toContainEqual(['24th April, 2018', '2018-04-24', 79, 84]);
    const wrongDay = minutes.dates.find((d) => d.text === 'Friday 9th January, 2018')!;
    expect(wrongDay.weekdayMatches).toBe(false);
    expect(minutes.dates.find((d) => d.text === '24h April 2018')!.invalid).toBe('malformed');
    expect(minutes.dates.find((d) => d.text === '31 February 2018')!.invalid).toBe('impossible');
  });

  it('strips HTML from table cells', () => {
    expect(minute('111').blocks.map((b) => b.text)).toContain('up from 35 reported on 24th April, 2018');
  });
});
