import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDocx, ImportRefused } from '../../src/import/docx.js';
import { importPaper } from '../../src/import/write.js';
import { BASE, cli, contentFolder } from '../helpers.js';
import { councilReport, PNG, trackedAndCommented, withLosses } from './documents.js';

/*
 * `boardpack import` (issue 28): Word reports made in the tests, one hazard
 * each, brought in as papers, and read back as the linter and the pack read
 * them.
 */

const REPORT_MD = `---
title: Fees and charges 2026/27
author: Nadine Cross
date: 2026-03-01
---

## 1. Recommendations

1.1 That the fees in Appendix A be approved from 1 April 2026.[^1]

(i) **Parking** charges rise by the [rate of inflation](https://www.ons.gov.uk/)

(ii) Bulky waste charges are frozen.

## 2. Background

2.1 The council reviews its fees each year.

- car parks

| Service     | Fee   |
| ----------- | ----- |
| Parking     | £2.00 |
| Total £2.00 |       |

![A map of the car parks](fees-image-1.png)

[^1]: Set by the Local Government Act 2003.
`;

const folder = () => mkdtempSync(join(tmpdir(), 'boardpack-import-'));

describe('a Word report as a paper', () => {
  it('keeps headings, Word’s paragraph numbers as it shows them, emphasis, links, bullets, the table, the image and the footnote', async () => {
    const paper = await importDocx(await councilReport(), { name: 'fees' });
    expect(paper.markdown).toBe(REPORT_MD);
    expect(paper.title).toBe('Fees and charges 2026/27');
    expect(paper.images).toEqual([{ name: 'fees-image-1.png', bytes: new Uint8Array(PNG) }]);
    expect(paper.losses).toEqual(["merged cells in table 1: each merged cell's text is kept in its first cell"]);
    expect(paper.warnings).toEqual([]);
  });

  it('reports what it cannot keep, and what should be looked at', async () => {
    const paper = await importDocx(await withLosses(), { name: 'lights' });
    expect(paper.losses).toEqual([
      'a text box (its text is kept in the flow of the paper, its place on the page is not)',
      'fields (DATE): their last shown text is kept, not the field',
      'headers and footers',
    ]);
    // The field's text as Word last showed it, and the text box's text, are in the paper.
    expect(paper.markdown).toContain('Printed on 1 March 2026');
    expect(paper.markdown).toContain('A note in a box.');
    expect(paper.warnings).toEqual([
      'image 1 (lights-image-1.png) has no alternative text: add it in Word (Edit Alt Text), or in the paper',
      'table 1 has no header row marked in Word (Table Properties, Row, "Repeat as header row"): its first row is read as the header',
    ]);
    expect(paper.markdown).toContain('| Ward  | Lights |\n| ----- | ------ |\n| Abbey | 120    |');
  });

  it('refuses unresolved tracked changes and comments, naming each place and author; accepts, rejects or removes them when told, and says so', async () => {
    const doc = await trackedAndCommented();
    await expect(importDocx(doc, { name: 'parking' })).rejects.toThrow(
      'Unexpected unresolved tracked changes and comments in the document:\n' +
        '  - a tracked deletion by Nadine Cross at paragraph 2 ("The daily fee is £2£3 a day.")\n' +
        '  - a tracked insertion by Nadine Cross at paragraph 2 ("The daily fee is £2£3 a day.")\n' +
        '  - a comment by Legal Services at paragraph 3 ("The budget is balanced."): "Please check the figure."\n' +
        'expected a final document: accept or reject the tracked changes in Word, or import with --changes accept (or reject); resolve the comments in Word, or import with --comments remove',
    );
    await expect(importDocx(doc, { name: 'parking', changes: 'accept' })).rejects.toThrow(/^Unexpected unresolved comments in the document/);
    const accepted = await importDocx(doc, { name: 'parking', changes: 'accept', comments: 'remove' });
    expect(accepted.markdown).toContain('The daily fee is £3 a day.');
    expect(accepted.markdown).not.toContain('Please check');
    expect(accepted.done).toEqual(['2 tracked changes accepted, as --changes accept asked', '1 comment removed, as --comments remove asked']);
    const rejected = await importDocx(doc, { name: 'parking', changes: 'reject', comments: 'remove' });
    expect(rejected.markdown).toContain('The daily fee is £2 a day.');
  });

  it('refuses a part that unpacks to more than a report holds (a zip bomb) before reading it', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', `<w:document xmlns:w="x"><w:body>${'a'.repeat(60e6)}</w:body></w:document>`);
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1e6);
    await expect(importDocx(bytes, { name: 'x' })).rejects.toThrow('Unexpected word/document.xml that unpacks to 60 MB, expected a Word document’s text under 50 MB');
  });

  it('says plainly when the file is not a Word document', async () => {
    await expect(importDocx(Buffer.from('%PDF-1.7\n'), { name: 'x' })).rejects.toThrow('Unexpected file: it is not a Word document (.docx)');
  });
});

describe('boardpack import', () => {
  it('writes the paper and its images into the meeting’s folder, which lint reads clean and the pack shows with Word’s numbers', async () => {
    const M = 'committees/panel/2026-03-10';
    const root = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Fees and charges\n   [Report](fees-and-charges.md)\n',
    });
    const word = join(folder(), 'Fees and Charges.docx');
    writeFileSync(word, await councilReport());
    const imported = await cli(['import', word, root, '--meeting', 'panel/2026-03-10'], { today: '2026-03-01' });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toBe(
      `Wrote ${join(root, M, 'fees-and-charges.md')} and 1 image: "Fees and charges 2026/27"\n` +
        "Not kept: merged cells in table 1: each merged cell's text is kept in its first cell\n" +
        'Next: link it from its agenda item: [Report](fees-and-charges.md)\n',
    );
    expect(readFileSync(join(root, M, 'fees-and-charges-image-1.png'))).toEqual(PNG);
    const lint = await cli(['lint', root], { today: '2026-03-01' });
    expect(lint.stdout).toBe('');
    expect(lint.code).toBe(0);
    const out = join(root, 'out');
    const build = await cli(['build', root, '--out', out], { today: '2026-03-05' });
    expect(build.code, build.stderr).toBe(0);
    const pack = readFileSync(join(out, 'panel/2026-03-10/agenda-pack.html'), 'utf8').replace(/\s+/g, ' ');
    expect(pack).toContain('1.1 That the fees in Appendix A be approved from 1 April 2026.');
    expect(pack).toContain('<dt>Date</dt><dd>Sunday 1 March 2026</dd>');
    // The pack fetches nothing: the image is carried in the page itself, with its alternative text.
    expect(pack).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}" alt="A map of the car parks">`);
  }, 60_000);

  it('gives the same bytes for the same document, and the changes for a new version', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'work'));
    const word = join(dir, 'fees.docx');
    writeFileSync(word, await councilReport());
    const first = await cli(['import', word], { cwd: join(dir, 'work') });
    expect(first.code, first.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'work/fees.md'));
    const again = await cli(['import', word], { cwd: join(dir, 'work') });
    expect(again.stdout).toContain('Unchanged: fees.md is as the document makes it');
    expect(readFileSync(join(dir, 'work/fees.md'))).toEqual(bytes);
    writeFileSync(word, await councilReport('second'));
    const changed = await cli(['import', word], { cwd: join(dir, 'work') });
    expect(changed.stdout).toContain('Updated fees.md and 1 image: "Fees and charges 2026/27"');
    expect(changed.stdout).toContain('-1.1 That the fees in Appendix A be approved from 1 April 2026.[^1]');
    expect(changed.stdout).toContain('+1.1 That the fees in Appendix A be approved from 1 April 2027.[^1]');
  });

  it('takes a paper name of letters, digits and hyphens only: nothing is written outside the folder', async () => {
    const dir = folder();
    const word = join(dir, 'fees.docx');
    writeFileSync(word, await councilReport());
    const refused = await cli(['import', word, '--name', '../escape'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Unexpected paper name "../escape", expected letters, digits and hyphens');
  });

  it('refuses a document with tracked changes with exit 2, naming the file, and writes nothing', async () => {
    const dir = folder();
    const word = join(dir, 'parking.docx');
    writeFileSync(word, await trackedAndCommented());
    const refused = await cli(['import', word], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('parking.docx: Unexpected unresolved tracked changes and comments in the document:');
    expect(refused.stderr).not.toMatch(/at \w+ \(|internal error/i);
    expect(() => readFileSync(join(dir, 'parking.md'))).toThrow();
    // Through the API, the refusal is one still, named by its file.
    await expect(importPaper(word, dir, '.')).rejects.toThrow(ImportRefused);
    await expect(importPaper(word, dir, '.')).rejects.toThrow(/^parking\.docx: Unexpected unresolved/);
  });
});
