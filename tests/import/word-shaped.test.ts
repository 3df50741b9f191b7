// A report as Word itself writes it (word-shaped.ts): numbers from heading styles and a multi-level list,
// bookmarks and revision ids everywhere, a merged total row, a footnote, a hyperlink, a tracked insertion and a comment.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/docx.js';
import { FIXTURES } from '../helpers.js';
import { wordShapedReport } from './word-shaped.js';

/** The report as committed (tests/fixtures/import/parking-charges.docx, written by word-shaped.ts). */
const committed = () => readFileSync(join(FIXTURES, 'import', 'parking-charges.docx'));

describe('a Word-shaped council report', () => {
  it('is refused for its tracked insertion and its comment, each named by place and author', async () => {
    await expect(importDocx(await wordShapedReport(), { name: 'parking' })).rejects.toThrow(
      /a tracked insertion by Jo Smith at paragraph 5 \("That Cabinet approves the charges in the table bel\.\.\."\)\n {2}- a comment by Legal Services at paragraph 8 \("That the charges are reviewed each year\."\): "Do we need a consultation first\?"/,
    );
  });

  it('once they are settled, keeps the heading numbers its styles give, the paragraph numbers, the table, the footnote and the link', async () => {
    const paper = await importDocx(committed(), { name: 'parking', changes: 'accept', comments: 'remove' });
    expect(paper.markdown).toBe(`---
title: Car parking charges 2027/28
author: Sam Okoro
---

## 1. Purpose of the report

1.1 To set out the proposed charges for the council’s car parks.

## 2. Recommendations

2.1 That Cabinet approves the charges in the table below, from 1 April 2027.

(a) town centre car parks;

(b) district car parks.

2.2 That the charges are reviewed each year.

## 3. Financial implications

3.1 The charges raise £1.2 million a year[^1], as [the budget](https://www.example.gov.uk/budget) assumes.

| Car park                  | Charge per day |
| ------------------------- | -------------- |
| Abbey Street              | £5.00          |
| Total income £1.2 million |                |

[^1]: At the occupancy of 2025/26.
`);
    expect(paper.losses).toEqual(["merged cells in table 1: each merged cell's text is kept in its first cell"]);
    expect(paper.warnings).toEqual([]);
    expect(paper.done).toEqual(['1 tracked change accepted, as --changes accept asked', '1 comment removed, as --comments remove asked']);
  });

  it('is the file word-shaped.ts writes (written again when it changes)', async () => {
    const [fresh, kept] = await Promise.all([importDocx(await wordShapedReport(), { name: 'p', changes: 'accept', comments: 'remove' }), importDocx(committed(), { name: 'p', changes: 'accept', comments: 'remove' })]);
    expect(kept.markdown).toBe(fresh.markdown);
  });
});
