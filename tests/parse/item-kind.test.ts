import { describe, expect, it } from 'vitest';
import { itemKind } from '../../src/parse/agenda.js';

// The standard items as councils word them, in agendas and as minute headings.
const WORDINGS: [string, ReturnType<typeof itemKind>][] = [
  ['Apologies', 'apologies'],
  ['Welcome and apologies', 'apologies'],
  ['Introductions and apologies for absence.', 'apologies'],
  ['To consider accepting apologies for absence', 'apologies'],
  ['To receive any declarations of interest', 'declarations'],
  ["Declarations of members' interests in items on this agenda", 'declarations'],
  ['Disclosures of interest', 'declarations'],
  ['Minutes of the previous meeting held on 3rd March, 2026', 'previous-minutes'],
  ['To confirm as a true record the minutes of the meeting held on the 4 May 2026', 'previous-minutes'],
  ['To approve the minutes of the last meeting', 'previous-minutes'],
  ['Approval of minutes', 'previous-minutes'],
  ['Minutes', 'previous-minutes'],
  ['Exclusion of the press and public', 'exclusion'],
  ['Exclusion of Press and Public', 'exclusion'],
  ['Exclusion of the public', 'exclusion'],
  ['Items likely to be considered in private', 'exclusion'],
  ['Dates and times of the next and future meetings:-', 'next-meeting'],
  ['Date of next meeting', 'next-meeting'],
  ['Next meeting', 'next-meeting'],
  ['Future meeting dates', 'next-meeting'],
  // Not standard items.
  ['To consider whether the press and public should be excluded from the meeting', 'other'],
  ['Minutes of the Pensions Board', 'other'],
  ['Apology scheme for historic complaints', 'other'],
  ['Budget monitoring', 'other'],
  ['Meeting room bookings', 'other'],
];

describe('standard item wordings', () => {
  it.each(WORDINGS)('%s is %s', (title, kind) => {
    expect(itemKind(title)).toBe(kind);
  });
});

describe('an item title', () => {
  it('keeps nothing of what separated its paper links', async () => {
    const { parseContent } = await import('../../src/index.js');
    const { BASE, contentFolder } = await import('../helpers.js');
    const root = contentFolder({
      ...BASE,
      'committees/panel/2026-03-10/agenda.md':
        '1. Child friendly borough 2026-2030 [Presentation](a.md) · [Action plan](b.md)\n2. Budget – [Report](c.md) | [Appendix](d.md)\n3. Parks and\n',
      'committees/panel/2026-03-10/a.md': '---\ntitle: A\n---\n',
      'committees/panel/2026-03-10/b.md': '---\ntitle: B\n---\n',
      'committees/panel/2026-03-10/c.md': '---\ntitle: C\n---\n',
      'committees/panel/2026-03-10/d.md': '---\ntitle: D\n---\n',
    });
    const items = parseContent(root).model.committees[0].meetings[0].agenda!.items;
    expect(items.map((i) => i.title)).toEqual(['Child friendly borough 2026-2030', 'Budget', 'Parks']);
  });
});
