import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';

/*
 * A corpus of hostile and broken inputs, written for this test: each is a
 * small content folder with one fault. lint, export and build each run on
 * every one, and none may crash, print "internal error" or a stack trace,
 * write outside its output folder, or run anything; each names the file at
 * fault.
 */

const M = 'committees/panel/2026-03-10';
const AGENDA = `${M}/agenda.md`;
const REPORT = `${M}/report.md`;
const agenda = (items = '1. Report\n   [Report](report.md)\n') => `---\npublished: 2026-03-02\n---\n\n${items}`;
const paper = (body: string, front = 'title: Report\n') => `---\n${front}---\n\n${body}`;
const withAppendix = (file: string) => paper('Text.\n', `title: Report\nappendices:\n  - file: ${file}\n    title: Appendix A\n`);

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  /** Made after the files: symlinks and the like. `outside` is a folder beside the content folder. */
  setUp?: (root: string, outside: string) => void;
  /** The file the messages must name (relative to the content folder). */
  names: string;
  /** Odd but harmless: lint may pass it; it must still not crash. */
  harmless?: boolean;
}

let pdfs: { valid: Uint8Array; empty: Uint8Array; active: Uint8Array };
beforeAll(async () => {
  const one = await PDFDocument.create();
  one.addPage();
  const empty = await PDFDocument.create();
  pdfs = { valid: await one.save(), empty: await empty.save({ useObjectStreams: false, addDefaultPage: false }), active: await one.save() };
});

const MARKER = 'boardpack-hostile-ran';
const js = `{ title: (require('fs').writeFileSync(require('path').join(require('os').tmpdir(), '${MARKER}'), 'x'), 'T') }`;

const CASES: Case[] = [
  { name: 'frontmatter in JavaScript', files: { [REPORT]: `---js\n${js}\n---\n\nText.\n` }, names: REPORT },
  { name: 'frontmatter in "javascript"', files: { [REPORT]: `---javascript\n${js}\n---\n\nText.\n` }, names: REPORT },
  { name: 'frontmatter in CoffeeScript', files: { [REPORT]: '---coffee\ntitle: "x"\n---\n\nText.\n' }, names: REPORT },
  { name: 'a slip after the opening ---', files: { [REPORT]: '---x\ntitle: Report\n---\n\nText.\n' }, names: REPORT },
  { name: 'broken YAML', files: { [REPORT]: '---\ntitle: [Report\n---\n\nText.\n' }, names: REPORT },
  { name: 'frontmatter that is a list', files: { [REPORT]: '---\n- a\n- b\n---\n\nText.\n' }, names: REPORT },
  { name: 'frontmatter never closed', files: { [REPORT]: '---\ntitle: Report\n\nText.\n' }, names: REPORT },
  {
    name: 'a YAML alias bomb',
    files: { [REPORT]: paper('Text.\n', `title: Report\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`) },
    names: REPORT,
  },
  { name: 'YAML nested ten thousand deep', files: { [REPORT]: paper('Text.\n', `title: Report\nx: ${'['.repeat(10000)}${']'.repeat(10000)}\n`) }, names: REPORT },
  { name: 'a UTF-16 file', files: { [REPORT]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(paper('Text.\n'), 'utf16le')]) }, names: REPORT },
  { name: 'bytes that are not UTF-8', files: { [REPORT]: Buffer.concat([Buffer.from(paper('Caf')), Buffer.from([0xe9, 0x20, 0xff]), Buffer.from('\n')]) }, names: REPORT },
  { name: 'a malformed %-escape in a link', files: { [AGENDA]: agenda('1. Report\n   [Report](report%E0%A4%A.md)\n') }, names: AGENDA },
  { name: 'a malformed %-escape in a paper’s link', files: { [REPORT]: paper('See [this](other%ZZ.md).\n') }, names: REPORT, harmless: true },
  { name: 'a link out of the folder', files: { [AGENDA]: agenda('1. Report\n   [Report](../../../../../etc/secret.md)\n') }, names: AGENDA },
  { name: 'an absolute link', files: { [AGENDA]: agenda('1. Report\n   [Report](/etc/secret.md)\n') }, names: AGENDA },
  { name: 'an appendix out of the meeting folder', files: { [REPORT]: withAppendix('../../../../boardpack.yml') }, names: REPORT },
  {
    name: 'a PDF symlinked outside',
    files: {},
    setUp: (root, outside) => symlinkSync(join(outside, 'secret.txt'), join(root, M, 'secret.pdf')),
    names: `${M}/secret.pdf`,
  },
  {
    name: 'an appendix symlinked outside',
    files: { [REPORT]: withAppendix('appendix.md') },
    setUp: (root, outside) => symlinkSync(join(outside, 'secret.txt'), join(root, M, 'appendix.md')),
    names: REPORT,
  },
  {
    name: 'a meeting folder symlinked outside',
    files: {},
    setUp: (root, outside) => symlinkSync(outside, join(root, 'committees/panel/2026-05-12')),
    names: 'committees/panel/2026-05-12',
  },
  {
    name: 'a committee folder symlinked outside',
    files: {},
    setUp: (root, outside) => symlinkSync(outside, join(root, 'committees/stolen')),
    names: 'committees/stolen',
  },
  { name: 'a templates folder outside', files: { 'boardpack.yml': 'organisation: Test Council\ntemplates: ../../..\n' }, names: 'boardpack.yml' },
  {
    name: 'a templates folder symlinked outside',
    files: { 'boardpack.yml': 'organisation: Test Council\ntemplates: branding\n' },
    setUp: (root, outside) => symlinkSync(outside, join(root, 'branding')),
    names: 'boardpack.yml',
  },
  { name: 'a PDF that is not one', files: { [`${M}/plan.pdf`]: 'Just text, not a PDF.\n' }, names: `${M}/plan.pdf` },
  { name: 'a PDF cut short', files: { [`${M}/plan.pdf`]: '%PDF-1.7\n1 0 obj\n<< /Type /Catalog' }, names: `${M}/plan.pdf` },
  {
    name: 'a PDF that needs a password to open',
    files: {},
    setUp: (root) => {
      writeFileSync(join(root, 'plain.pdf'), pdfs.valid);
      execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(root, 'plain.pdf'), join(root, M, 'plan.pdf')]);
      rmSync(join(root, 'plain.pdf'));
    },
    names: `${M}/plan.pdf`,
  },
  { name: 'a PDF with no pages', files: {}, setUp: (root) => writeFileSync(join(root, M, 'plan.pdf'), pdfs.empty), names: `${M}/plan.pdf` },
  { name: 'lists nested a thousand deep', files: { [REPORT]: paper(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- x\n`).join('')) }, names: REPORT },
  { name: 'list markers nested on one line', files: { [REPORT]: paper(`${'- '.repeat(1000)}x\n`) }, names: REPORT },
  { name: 'quotes nested a thousand deep', files: { [REPORT]: paper(`${'>'.repeat(1000)} x\n`) }, names: REPORT },
  { name: 'HTML nested a thousand deep', files: { [REPORT]: paper(`${'<div>'.repeat(1000)}x${'</div>'.repeat(1000)}\n`) }, names: REPORT },
  { name: 'a meeting dated 9999-12-31', files: { 'committees/panel/9999-12-31/agenda.md': agenda('1. Apologies\n') }, names: 'committees/panel/9999-12-31' },
  { name: 'a meeting dated 0001-01-01', files: { 'committees/panel/0001-01-01/agenda.md': agenda('1. Apologies\n') }, names: 'committees/panel/0001-01-01' },
  { name: 'publication in the year 9999', files: { [AGENDA]: '---\npublished: 9999-01-01\n---\n\n1. Report\n   [Report](report.md)\n' }, names: AGENDA },
  { name: 'a quorum of 0/0', files: { 'committees/panel/committee.yml': 'name: Test Panel\nquorum: "0/0"\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n' }, names: 'committees/panel/committee.yml' },
  {
    name: 'a broken committee.yml and a fault in its meeting',
    files: { 'committees/panel/committee.yml': 'name: Test Panel\nquorum: lots\nmembers:\n  - name: Councillor Ann Lee\n', [AGENDA]: agenda('1. Report\n   [Report](missing.md)\n') },
    names: AGENDA,
  },
  { name: 'a committee.yml that is a list', files: { 'committees/panel/committee.yml': '- a\n- b\n' }, names: 'committees/panel/committee.yml' },
  { name: 'no boardpack.yml', files: { 'boardpack.yml': '' }, setUp: (root) => writeFileSync(join(root, 'boardpack.yml'), ': : :\n'), names: 'boardpack.yml' },
  { name: 'boardpack.yml in broken YAML', files: { 'boardpack.yml': 'organisation: [Test\n' }, names: 'boardpack.yml' },
  { name: 'a paper that is its own appendix', files: { [REPORT]: withAppendix('report.md') }, names: REPORT },
  {
    name: 'two papers each the other’s appendix',
    files: {
      [AGENDA]: agenda('1. Report\n   [Report](report.md)\n   [Other](other.md)\n'),
      [REPORT]: withAppendix('other.md'),
      [`${M}/other.md`]: withAppendix('report.md'),
    },
    names: REPORT,
  },
  { name: 'an agenda that is a folder', files: { [`${AGENDA}/x.md`]: 'x\n' }, names: AGENDA },
  { name: 'a missing agenda', files: { [AGENDA]: '' }, setUp: (root) => writeFileSync(join(root, AGENDA), '---\nstatus: maybe\n---\n'), names: AGENDA },
  { name: 'a supplement numbered against its name', files: { [`${M}/supplement-2.md`]: '---\nsupplement: 3\npublished: 2026-03-05\n---\n\n2. Late item\n' }, names: `${M}/supplement-2.md` },
  { name: 'a NUL byte in a paper', files: { [REPORT]: paper('Text \u0000 with a NUL, and an unknown key.\n', 'title: Report\nexmept: 3\n') }, names: REPORT },
  {
    name: 'scripts, handlers and frames in a paper',
    files: { [REPORT]: paper('<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="https://example.org"></iframe><a href="javascript:alert(1)">x</a> [y](javascript:alert(2)) and a date of Friday 10 March 2026.\n') },
    names: REPORT,
  },
  { name: 'a line of a million characters', files: { [REPORT]: paper(`${'word '.repeat(200_000)}on Friday 10 March 2026.\n`) }, names: REPORT },
  { name: 'an agenda of three thousand items', files: { [AGENDA]: agenda(`${Array.from({ length: 3000 }, (_, i) => `${i + 2}. Item ${i}\n`).join('')}`) }, names: AGENDA },
  { name: 'a hundred thousand "[a](" in one paragraph', files: { [REPORT]: paper(`${'[a]('.repeat(100_000)}\n`) }, names: REPORT },
  { name: 'a Markdown paper of 2.5 MB', files: { [REPORT]: paper('The panel noted the report and asked questions.\n\n'.repeat(50_000)) }, names: REPORT },
  {
    name: 'minutes of 300 KB of declarations and resolution parts',
    files: {
      [`${M}/minutes.md`]: `---\nchair: Councillor Ann Lee\npresent:\n  - Councillor Ann Lee\n---\n\n## 1. Report\n\n${'Aa declared x interest '.repeat(7_000)}\n\nResolved:- ${'(1) (a) (i) '.repeat(12_000)}\n\n${'Minute 12 of the meeting held on '.repeat(4_000)}\n`,
    },
    names: `${M}/minutes.md`,
    harmless: true,
  },
  { name: 'a merge conflict left in a paper', files: { [REPORT]: paper('<<<<<<< HEAD\nThe figure is 10.\n=======\nThe figure is 12.\n>>>>>>> other\n') }, names: REPORT },
  { name: 'twenty thousand open brackets', files: { [REPORT]: paper(`${'['.repeat(20000)} on Friday 10 March 2026.\n`) }, names: REPORT },
  {
    name: 'a committee folder named like a script URL',
    files: { 'committees/javascript:alert(1)/committee.yml': 'name: Evil\n', 'committees/javascript:alert(1)/2026-03-10/agenda.md': agenda('1. Apologies\n') },
    names: 'committees/javascript:alert(1)',
  },
  {
    name: 'a PDF named like a script URL, linked from the agenda',
    files: { [AGENDA]: agenda('1. Report\n   [Report](report.md)\n   [Plan](./javascript:alert(1).pdf)\n') },
    setUp: (root) => writeFileSync(join(root, M, 'javascript:alert(1).pdf'), pdfs.valid),
    names: `${M}/javascript:alert(1).pdf`,
  },
  {
    name: 'a minute of a private item the minutes do not list as exempt',
    files: {
      [AGENDA]: '---\npublished: 2026-03-02\nstatus: held\nprivate:\n  2: 3\n---\n\n1. Exclusion of the press and public\n2. Report\n   [Report](report.md)\n',
      [`${M}/minutes.md`]: '---\nchair: Councillor Ann Lee\npresent: [Councillor Ann Lee, Councillor Bo Chen]\n---\n\n## 1. Exclusion of the press and public\n\nResolved: That the press and public be excluded.\n\n## 2. Report\n\nThe secret offer was accepted.\n',
    },
    names: `${M}/minutes.md`,
  },
  { name: 'an agenda link to ../../../etc/passwd', files: { [AGENDA]: agenda('1. Report\n   [Report](report.md)\n   [Passwords](../../../etc/passwd)\n') }, names: AGENDA },
  { name: 'an agenda link to a script URL', files: { [AGENDA]: agenda('1. Report\n   [Report](report.md)\n   [Pay here](javascript:alert(1))\n') }, names: AGENDA },
  { name: 'an agenda link to a folder named like a paper', files: { [AGENDA]: agenda('1. Report\n   [Report](report.md)\n   [Annex](annex.md)\n'), [`${M}/annex.md/x.txt`]: 'x\n' }, names: AGENDA },
  { name: 'an appendix that is a folder', files: { [REPORT]: withAppendix('annex.md'), [`${M}/annex.md/x.txt`]: 'x\n' }, names: REPORT },
  { name: 'a locale that is a path', files: { 'boardpack.yml': 'organisation: Test Council\nlocale: ../../../../victim/P\n' }, names: 'boardpack.yml' },
  { name: 'a locale of 34 characters', files: { 'boardpack.yml': 'organisation: Test Council\nlocale: en-GB-abcdefghijklmnopqrstuvwxyz12\n' }, names: 'boardpack.yml' },
  { name: 'a file name with %, # and spaces', files: { [AGENDA]: agenda('1. Report\n   [Report](a%20b%23c%25.md)\n'), [`${M}/a b#c%.md`]: paper('On Friday 10 March 2026.\n') }, names: `${M}/a b#c%.md` },
];

function content(c: Case) {
  const base = contentFolder({ 'outside/secret.txt': 'SECRET OUTSIDE\n', 'outside/agenda.md': agenda('1. SECRET OUTSIDE\n') });
  const root = join(base, 'content');
  const files: Record<string, string | Uint8Array> = {
    ...BASE,
    [AGENDA]: agenda(),
    [REPORT]: paper('A sound report.\n'),
    ...c.files,
  };
  for (const rel of Object.keys(files)) {
    if (Object.keys(files).some((other) => other.startsWith(`${rel}/`))) delete files[rel];
  }
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), data);
  }
  c.setUp?.(root, join(base, 'outside'));
  return { base, root };
}

describe('a corpus of hostile inputs', () => {
  it('holds at least forty cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const { base, root } = content(c);
      const before = readdirSync(base).sort();
      const marker = join(tmpdir(), MARKER);
      const runs = [
        await cli(['lint', root], { today: '2026-11-22' }),
        await cli(['export', root, '--out', join(base, 'model.json')], { today: '2026-11-22' }),
        await cli(['build', root, '--out', join(base, 'out')], { today: '2026-11-22' }),
        await cli(['build', root, '--force', '--out', join(base, 'forced')], { today: '2026-11-22' }),
      ];
      for (const run of runs) {
        const said = run.stdout + run.stderr;
        expect(said, said).not.toMatch(/internal error/i);
        expect(said).not.toMatch(/\n\s+at .*:\d+:\d+\)?\n/); // no stack trace
        expect([0, 1, 2]).toContain(run.code);
      }
      if (c.harmless) return;
      // Lint finds the fault and names the file; export and build refuse it or say it.
      expect(runs[0].code, runs[0].stdout + runs[0].stderr).not.toBe(0);
      const lintSaid = runs[0].stdout + runs[0].stderr;
      expect(lintSaid).toContain(c.names.split('/').pop()!);
      expect(runs[2].code, runs[2].stdout + runs[2].stderr).not.toBe(0);
      // Nothing is written but the outputs asked for, and nothing runs.
      const after = readdirSync(base).filter((n) => !['model.json', 'out', 'forced'].includes(n));
      expect(after.sort()).toEqual(before);
      expect(existsSync(marker)).toBe(false);
      for (const out of ['out', 'forced']) {
        if (!existsSync(join(base, out))) continue;
        const all = readdirSync(join(base, out), { recursive: true }).map(String);
        for (const name of all) expect(name).not.toContain('secret');
      }
    }, 60_000);
  }
});

describe('commands given a path they cannot use say so', () => {
  it('export --out naming a folder, or under a file', async () => {
    const root = contentFolder({ ...BASE });
    mkdirSync(join(root, 'folder'));
    writeFileSync(join(root, 'file'), 'x');
    const folder = await cli(['export', root, '--out', join(root, 'folder')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder, expected the path of a file to write');
    const under = await cli(['export', root, '--out', join(root, 'file', 'model.json')]);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain('part of the path is a file');
    expect(folder.stderr + under.stderr).not.toContain('internal error');
  });

  it('init makes the missing parents of its folder, and says so when it cannot', async () => {
    const base = contentFolder({ file: 'x' });
    const made = await cli(['init', join(base, 'new', 'deeper', 'content')], { cwd: base });
    expect(made.stderr).not.toContain('internal error');
    expect(made.code).toBe(0);
    expect(existsSync(join(base, 'new', 'deeper', 'content', 'boardpack.yml'))).toBe(true);
    const under = await cli(['init', join(base, 'file', 'content')], { cwd: base });
    expect(under.code).toBe(2);
    expect(under.stderr).toContain('part of the path is a file');
  });
});
