import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { overlay } from '../lint/harness.js';
import { whoWasThere } from '../../src/parse/movements.js';

/*
 * Comings and goings during a meeting (issue 27), read from the minutes'
 * words as clerks write them, or from the frontmatter's arrived: and left:,
 * each at the minute from which it counts, so that the quorum can be counted
 * at each resolution.
 */

const MINUTES = (front: string, body: string) => ({
  'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Apologies\n2. Budget\n3. Fees\n4. Grants\n',
  'committees/panel/2026-03-10/minutes.md': `---\nchair: Councillor Ann Lee\npresent: [Councillor Ann Lee, Councillor Bo Chen, Councillor Cy Dale, Councillor Di Eve]\n${front}---\n\n${body}`,
});
const read = (front: string, body: string) => {
  const { model, problems } = parseContent(overlay(MINUTES(front, body)));
  const minutes = model.committees[0].meetings[0].minutes!;
  return { minutes, problems, moves: minutes.movements.map((m) => `${m.name} ${m.kind} ${minutes.minutes[m.minute]?.number?.raw ?? 'end'}`) };
};
const BODY = (one: string, two: string, three: string) =>
  `## 1. Apologies\n\nNone.\n\n${one}\n\n## 2. Budget\n\n${two}\n\nResolved:- That the budget be agreed.\n\n## 3. Fees\n\n${three}\n\nResolved:- That the fees be agreed.\n\n## 4. Grants\n\nResolved:- That the grants be agreed.\n`;

describe('comings and goings in the minutes', () => {
  it('reads an arrival from the minute it is written in, or the one it names', () => {
    expect(read('', BODY('Councillor Eve arrived at 7.10 pm.', '', '')).moves).toEqual(['Councillor Eve arrived 1']);
    expect(read('', BODY('Councillor Eve arrived during consideration of Minute 3.', '', '')).moves).toEqual(['Councillor Eve arrived 3']);
    expect(read('', BODY('Councillors Eve and Dale arrived after this item.', '', '')).moves).toEqual(['Councillor Eve arrived 2', 'Councillor Dale arrived 2']);
  });

  it('reads a departure from the next minute, or the one it names, or this one when it says "before"', () => {
    expect(read('', BODY('', 'Councillor Chen left the meeting at 8.30 pm.', '')).moves).toEqual(['Councillor Chen left 3']);
    expect(read('', BODY('', '', 'Cllr Chen left the meeting before this item was considered.')).moves).toEqual(['Cllr Chen left 3']);
    expect(read('', BODY('Councillor Chen left the meeting after Minute 2 and did not return.', '', '')).moves).toEqual(['Councillor Chen left 3']);
  });

  it('reads leaving the room for an item, after declaring an interest, as out for that item alone', () => {
    expect(read('', BODY('Councillor Dale declared a pecuniary interest in Minute 3 and left the room for that item.', '', '')).moves).toEqual(['Councillor Dale out 3']);
    expect(read('', BODY('', 'Having declared an interest, Councillor Dale left the meeting during this item and returned after the vote.', '')).moves).toEqual([
      'Councillor Dale out 2',
    ]);
  });

  it('reads the member named before a clause, and withdrawing for an item', () => {
    expect(read('', BODY('', 'Councillor Dale, having declared a pecuniary interest, left the room during consideration of this item.', '')).moves).toEqual([
      'Councillor Dale out 2',
    ]);
    expect(read('', BODY('', '', 'Councillor Chen, who had declared an interest, withdrew.')).moves).toEqual(['Councillor Chen out 3']);
    expect(read('', BODY('', 'Councillor Lee moved and Councillor Chen seconded, and Councillor Dale left the meeting at 8 pm.', '')).moves).toEqual([
      'Councillor Dale left 3',
    ]);
    // Withdrawing a motion or an amendment is not leaving.
    expect(read('', BODY('', 'Councillor Chen withdrew the amendment.', '')).moves).toEqual([]);
  });

  it('takes the frontmatter exactly, over the words, and names a minute that is not there', () => {
    const { moves } = read('arrived: { "Councillor Di Eve": 3 }\nleft: { "Councillor Bo Chen": "4" }\n', BODY('Councillor Eve arrived at 7.10 pm.', '', ''));
    expect(moves).toEqual(['Councillor Di Eve arrived 3', 'Councillor Bo Chen left 4']);
    // Another member of the same surname is not the one the frontmatter names: their words still count.
    const namesake = read('arrived: { "Councillor Rosa Chen": 3 }\n', BODY('', 'Councillor Bo Chen left the meeting at 8.30 pm.', ''));
    expect(namesake.moves).toEqual(['Councillor Rosa Chen arrived 3', 'Councillor Bo Chen left 3']);
    const bad = read('left: { "Councillor Bo Chen": 9 }\n', BODY('', '', ''));
    expect(bad.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('Unexpected left (Councillor Bo Chen) minute "9", expected the number of a minute in this file (1, 2, 3, 4)'));
  });

  it('does not take a name out of "the meeting left" or a resolution about leaving', () => {
    expect(read('', BODY('', 'The Committee noted that the tenant had left the premises.', 'Resolved that Councillor Lee leaves the chair.')).moves).toEqual([]);
  });

  it('works out who was there for each minute', () => {
    const { minutes } = read('', BODY('Councillor Eve arrived after this item.', 'Councillor Chen left the meeting at 8.30 pm.', 'Councillor Dale declared an interest and left the room.'));
    const same = (a: string, b: string) => a.split(' ').at(-1) === b.split(' ').at(-1);
    const names = minutes.present.map((p) => p.name.split(' ').at(-1));
    const atEach = whoWasThere(minutes.present.map((p) => p.name), minutes.movements, minutes.minutes.length, same);
    const at = (i: number) => atEach[i].map((n) => n.split(' ').at(-1));
    expect(names).toEqual(['Lee', 'Chen', 'Dale', 'Eve']);
    expect(at(0)).toEqual(['Lee', 'Chen', 'Dale']);
    expect(at(1)).toEqual(['Lee', 'Chen', 'Dale', 'Eve']);
    expect(at(2)).toEqual(['Lee', 'Eve']);
    expect(at(3)).toEqual(['Lee', 'Dale', 'Eve']);
  });
});
