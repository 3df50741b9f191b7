import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, findingsOf, overlay } from '../harness.js';

// tests/fixtures/rules/minute-private/: fail/ holds minutes of private business with no exempt: entry, pass/ the same listed or said public.
describeRuleFixtures('minute-private');

const agenda = (front: string, items: string) => `---\npublished: 2026-03-02\nstatus: held\n${front}---\n\n${items}\n`;
const minutes = (front: string, body: string) => `---\nchair: Councillor Ann Lee\npresent: [Councillor Ann Lee, Councillor Bo Chen, Councillor Cy Dale]\n${front}---\n\n${body}\n`;
const M = 'committees/panel/2026-03-10';

describe('minute-private', () => {
  it('the standard "whether the press and public should be excluded" minute makes nothing private', () => {
    const root = overlay({
      [`${M}/agenda.md`]: agenda('', '1. To consider whether the press and public should be excluded\n2. Budget'),
      [`${M}/minutes.md`]: minutes('', '## 1. Exclusion of the press and public\n\nThere were no items requiring the exclusion of the press and public.\n\n## 2. Budget\n\nResolved: That the report be noted.'),
    });
    expect(findingsOf(root, 'minute-private')).toEqual([]);
  });

  it('an agenda that states its private items keeps a public item public after the exclusion', () => {
    const root = overlay({
      [`${M}/agenda.md`]: agenda('private:\n  3: 3\n', '1. Exclusion of the press and public\n2. Date of next meeting\n3. Land sale'),
      [`${M}/minutes.md`]: minutes('', '## 1. Exclusion of the press and public\n\nResolved: That the press and public be excluded.\n\n## 2. Date of next meeting\n\nThe next meeting is in April.\n\n## 3. Land sale\n\nResolved: That the land be sold.'),
    });
    expect(findingsOf(root, 'minute-private')).toEqual([
      `${M}/minutes.md:14:4 Unexpected minute 3 "Land sale" with no exempt: entry, although agenda item 3 is taken in private (paragraph 3), expected "3: 3" under exempt: in the minutes' frontmatter (with a summary: for the public minutes), or "3: false" if the minute may be published`,
    ]);
  });
});
