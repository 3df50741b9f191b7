// Out to Word (issue 28): `build --format docx` writes review copies of papers and minutes, which
// `boardpack import` reads back without loss of what Word holds.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../src/import/docx.js';
import { wordDocument } from '../../src/render/docx/word.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { cli, SAMPLE } from '../helpers.js';
import { councilReport } from './documents.js';

const MEETING = 'resources-scrutiny-panel/2026-03-10';
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A paper's Markdown from its first heading on, as text: the words a round trip must keep. */
const bodyOf = (markdown: string) => flat(markdown.slice(markdown.indexOf('\n## ')));

describe('build --format docx', () => {
  it('writes each paper and the minutes the audience may see as Word documents, the same bytes each time', async () => {
    const root = mkdtempSync(join(tmpdir(), 'boardpack-word-'));
    cpSync(SAMPLE, join(root, 'content'), { recursive: true });
    const built = await cli(['build', 'content', '--format', 'docx', '--meeting', MEETING], { cwd: root, today: '2026-11-30' });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toBe('Wrote 4 Word documents to out-word\n');
    const dir = join(root, 'out-word', MEETING);
    for (const name of ['fees-and-charges', 'fees-benchmarking', 'temporary-accommodation', 'minutes']) expect(existsSync(join(dir, `${name}.docx`)), name).toBe(true);
    // The exempt paper is the members' only.
    expect(existsSync(join(dir, 'leisure-contract.docx'))).toBe(false);
    const members = await cli(['build', 'content', '--format', 'docx', '--meeting', MEETING, '--audience', 'members'], { cwd: root, today: '2026-11-30' });
    expect(members.stdout).toBe('Wrote 5 Word documents to out-word-members\n');
    const bytes = readFileSync(join(dir, 'fees-and-charges.docx'));
    await cli(['build', 'content', '--format', 'docx', '--meeting', MEETING], { cwd: root, today: '2026-11-30' });
    expect(readFileSync(join(dir, 'fees-and-charges.docx'))).toEqual(bytes);
    // Word's own structure: the title, the sections as Word's headings, the meeting in a subtitle.
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('Resources Scrutiny Panel, Tuesday 10 March 2026, agenda item 5');
    // Read back, the paper says what it said.
    const paper = readFileSync(join(root, 'content/committees', MEETING, 'fees-and-charges.md'), 'utf8');
    const back = await importDocx(bytes, { name: 'fees-and-charges' });
    expect(back.title).toBe('Fees and Charges 2026/27');
    expect(bodyOf(back.markdown)).toBe(bodyOf(paper));
    // The minutes as the public may see them: the minute taken in private is its notice.
    const minutes = bodyOf((await importDocx(readFileSync(join(dir, 'minutes.docx')), { name: 'minutes' })).markdown);
    const written = bodyOf(readFileSync(join(root, 'content/committees', MEETING, 'minutes.md'), 'utf8'));
    const upTo44 = (text: string) => text.slice(0, text.indexOf('## 44.'));
    expect(upTo44(minutes)).toBe(upTo44(written));
    expect(minutes).toContain('This minute is not for publication because it contains exempt information');
    expect(minutes).not.toContain('The Director of Place presented the report');
  }, 60_000);

  it('round-trips what Word holds: a report imported, written out again and imported again is the same paper', async () => {
    const first = await importDocx(await councilReport(), { name: 'fees' });
    const tree = parseMarkdown(first.markdown.slice(first.markdown.indexOf('\n---\n') + 5));
    const again = await importDocx(await wordDocument({ title: first.title, author: 'Nadine Cross', date: '2026-03-01', subtitle: null, tree }), { name: 'fees' });
    // The image is named by its alternative text: review copies carry no pictures.
    expect(again.markdown).toBe(first.markdown.replace('![A map of the car parks](fees-image-1.png)', '_\\[Image: A map of the car parks]_'));
  });
});
