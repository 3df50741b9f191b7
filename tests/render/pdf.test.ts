import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { launchBrowser } from '../../src/render/pdf/browser.js';
import { Printer } from '../../src/render/pdf/print.js';
import { cli, SAMPLE } from '../helpers.js';
import { filesUnder } from './site.js';

const { model } = parseContent(SAMPLE);
const build = async (...args: string[]) => {
  const out = mkdtempSync(join(tmpdir(), 'boardpack-pdf-'));
  const result = await cli(['build', 'content', '--format', 'pdf', '--out', out, ...args], { today: '2026-11-30' });
  if (result.code !== 0) throw new Error(result.stderr);
  return out;
};

/** The text of each page, white space made single spaces, read by poppler's pdftotext. */
function pagesOf(file: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' })
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function info(file: string): Record<string, string> {
  const lines = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n');
  return Object.fromEntries(lines.filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The bookmarks of a PDF as [depth, title, page index]. */
async function outlineOf(file: string): Promise<[number, string, number][]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const pages = doc.getPages().map((p) => p.ref.toString());
  const found: [number, string, number][] = [];
  const walk = (ref: unknown, depth: number) => {
    for (let item = ref; item instanceof PDFRef; ) {
      const dict = doc.context.lookup(item, PDFDict);
      const title = dict.lookup(PDFName.of('Title')) as PDFHexString | PDFString;
      const dest = dict.lookup(PDFName.of('Dest'), PDFArray);
      found.push([depth, title.decodeText(), pages.indexOf(dest.get(0).toString())]);
      walk(dict.get(PDFName.of('First')), depth + 1);
      item = dict.get(PDFName.of('Next'));
    }
  };
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  walk(outlines.get(PDFName.of('First')), 0);
  return found;
}

/**
 * Checks that a PDF printed in parts is one tagged document: every page's
 * marked content and every link is found from the tag tree, on that page, and
 * no link still points at the placeholder for another part; merged PDFs'
 * pages included (a tagged one keeps its tags, an untagged one's pages are
 * figures). Returns each
 * internal link as [page index, page index of its destination].
 */
async function taggedLinks(file: string): Promise<{ page: number; target: number }[]> {
  const doc = await PDFDocument.load(readFileSync(file));
  const refs = doc.getPages().map((p) => p.ref.toString());
  const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const links: { page: number; target: number }[] = [];
  const keys = new Map<number, unknown>();
  const collect = (node: PDFDict) => {
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    for (let i = 0; nums && i < nums.size(); i += 2) keys.set(Number(nums.get(i).toString()), nums.lookup(i + 1));
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) collect(kids.lookup(i, PDFDict));
  };
  const tree = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  collect(tree.lookup(PDFName.of('ParentTree'), PDFDict));
  doc.getPages().forEach((page, index) => {
    // Every page's marked content, and every link, can be found from the tag tree.
    const owners = keys.get(Number(page.node.get(PDFName.of('StructParents'))?.toString()));
    expect(owners, `page ${index + 1}`).toBeInstanceOf(PDFArray);
    // ...and each element it names for this page's content has content on this page: the element's own page,
    // or, for one that runs on from an earlier page, the page of a marked-content reference in it.
    const elements = (owners as PDFArray).asArray().flatMap((e) => {
      const element = e instanceof PDFRef ? doc.context.lookup(e) : e;
      return element instanceof PDFDict ? [element] : [];
    });
    expect(elements.length, `page ${index + 1}`).toBeGreaterThan(0);
    for (const element of elements) {
      const kids = element.lookup(PDFName.of('K'));
      const references = (kids instanceof PDFArray ? kids.asArray() : [kids]).flatMap((k) => {
        const kid = k instanceof PDFRef ? doc.context.lookup(k) : k;
        return kid instanceof PDFDict && kid.has(PDFName.of('MCID')) ? [kid.get(PDFName.of('Pg'))] : [];
      });
      const onPages = [element.get(PDFName.of('Pg')), ...references].flatMap((pg) => (pg ? [pg.toString()] : []));
      expect(onPages, `page ${index + 1}`).toContain(page.ref.toString());
    }
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      expect(keys.has(Number(annot.get(PDFName.of('StructParent'))?.toString())), `a link on page ${index + 1}`).toBe(true);
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      expect(uri ?? '').not.toContain('boardpack.invalid');
      const dest = annot.get(PDFName.of('Dest'));
      if (dest instanceof PDFName) links.push({ page: index, target: refs.indexOf(dests.lookup(dest, PDFArray).get(0).toString()) });
    }
  });
  return links;
}

let out: string;
let members: string;
beforeAll(async () => {
  out = await build();
  members = await build('--audience', 'members');
}, 180_000);

const packs = () => filesUnder(out).filter((f) => f.endsWith('.pdf') && f.includes('agenda-pack'));

describe('PDF agenda packs', () => {
  it('are written for every meeting with an agenda, with supplementary packs and minutes', () => {
    const files = filesUnder(out);
    for (const meeting of model.committees.flatMap((c) => c.meetings)) {
      expect(files).toContain(`${meeting.id}/agenda-pack.pdf`);
      if (meeting.minutes) expect(files).toContain(`${meeting.id}/minutes.pdf`);
    }
    expect(files).toContain('resources-scrutiny-panel/2026-03-10/agenda-pack.supplement-1.pdf');
  });

  it('carry the minutes to approve as the first paper, referenced and bookmarked, their exempt minute left out in public', async () => {
    const file = join(out, 'resources-scrutiny-panel/2026-06-16/agenda-pack.pdf');
    const pages = pagesOf(file);
    expect(pages[0]).toMatch(/Minutes of the meeting held on Tuesday 10 March 2026 \(Pages 1 - (\d+)\)/);
    const last = Number(/Minutes of the meeting held on Tuesday 10 March 2026 \(Pages 1 - (\d+)\)/.exec(pages[0])![1]);
    const first = pages.findIndex((p) => /Page 1$/.test(p));
    expect(pages[first]).toMatch(/^Agenda item 3 · Minutes Minutes of the meeting held on Tuesday 10 March 2026 Present/i);
    const minutes = pages.slice(first, first + last).join(' ');
    expect(minutes).toContain('44. Leisure centre management contract: options');
    expect(minutes).toContain('The Panel considered the options for the leisure centre management contract');
    expect(minutes).not.toContain('favours a full procurement');
    expect(pages[first + last]).toMatch(new RegExp(`Page ${last + 1}$`));
    const outline = await outlineOf(file);
    expect(outline).toContainEqual([0, '3. Minutes of the meeting held on Tuesday 10 March 2026', first]);
  });

  it('number the papers from 1 on every page, merged PDFs included, and not the summons and agenda', () => {
    for (const file of packs()) {
      const pages = pagesOf(join(out, file));
      const numbers = pages.map((text) => /Page (\d+)$/.exec(text)?.[1] ?? null);
      const first = numbers.findIndex((n) => n !== null);
      expect(first, file).toBeGreaterThan(0);
      expect(numbers.slice(0, first).every((n) => n === null), file).toBe(true);
      // A public pack's notice in place of an exempt paper is not numbered, so the public papers' numbers are the members' pack's.
      const numbered = numbers.slice(first).filter((n) => n !== null);
      expect(numbered, file).toEqual(numbered.map((_, i) => String(i + 1)));
      pages.slice(first).forEach((text, i) => {
        if (numbers[first + i] === null) expect(text, file).toMatch(/Schedule 12A/);
      });
    }
    // The budget report's Appendix A is a PDF merged as it is, and it carries its page number.
    const pages = pagesOf(join(out, 'resources-scrutiny-panel/2026-01-13/agenda-pack.pdf'));
    const appendix = pages.find((p) => p.startsWith('Appendix A - Revenue monitoring by directorate'))!;
    expect(appendix).toMatch(/Page 2$/);
  });

  it('give each agenda link the pages its paper really has, checked against the numbers printed on them', () => {
    let checked = 0;
    for (const file of packs()) {
      const pages = pagesOf(join(out, file));
      const numbered = new Map<number, string>();
      pages.forEach((text) => {
        const n = /Page (\d+)$/.exec(text)?.[1];
        if (n) numbered.set(Number(n), text);
      });
      const front = pages.filter((p) => !/Page \d+$/.test(p)).join(' ');
      const refs = [...front.matchAll(/ ([^()]+?) (?:\(not for publication\) )?\(Pages? (\d+)(?: - (\d+))?\)/g)].map((m) => ({
        title: m[1].trim(),
        first: Number(m[2]),
        last: Number(m[3] ?? m[2]),
      }));
      expect(refs.length, file).toBeGreaterThan(0);
      refs.forEach((ref, i) => {
        // The paper's title heads its first page, and the next paper starts right after its last.
        expect(numbered.get(ref.first), `${file}: ${ref.title}`).toContain(ref.title.split(' ').slice(-3).join(' '));
        const next = refs[i + 1];
        expect(ref.last, `${file}: ${ref.title}`).toBe(next ? next.first - 1 : Math.max(...numbered.keys()));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('have a bookmark for each agenda item, by its papers where it has them (their appendices nested), each at its first page', async () => {
    const file = join(out, 'resources-scrutiny-panel/2026-01-13/agenda-pack.pdf');
    const outline = await outlineOf(file);
    const pages = pagesOf(file);
    expect(outline.map(([d, t]) => `${d} ${t}`)).toEqual([
      '0 Summons and agenda',
      '0 1. Apologies for absence',
      '0 2. Declarations of interest',
      '0 3. Minutes of the previous meeting held on Tuesday 11 November 2025',
      '0 4. Budget Monitoring 2025/26, Quarter 2',
      '1 Appendix A - Revenue monitoring by directorate',
      '1 Appendix B - Savings delivery tracker',
      '0 5. Council Tax Support Scheme 2026/27',
      '0 6. Resources Scrutiny Panel Work Programme 2025/26',
      '0 7. Date and time of next meeting: Tuesday 10 March 2026 at 6.00 pm',
    ]);
    // A bookmark to a paper or appendix lands on the page that starts with it; an item without papers, on the page of the
    // agenda its line is printed on (item 7 is on the agenda's second page).
    for (const [, title, page] of outline) {
      if (page === 0) continue;
      const own = title.replace(/^\d+\. /, '');
      expect(pages[page].replace(/^NOT FOR PUBLICATION /, ''), title).toMatch(new RegExp(`(Agenda item \\d+ .{0,40})?${own.replace(/[()]/g, '.')}`));
    }
    expect(outline.filter(([, , page]) => page > 0).length).toBe(6);
    expect(outline.find(([, title]) => title.startsWith('7. '))![2]).toBe(1);
  });

  it('are tagged, with title, author, subject and language', async () => {
    const file = join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.pdf');
    const meta = info(file);
    expect(meta.Tagged).toBe('yes');
    expect(meta.Title).toBe('Resources Scrutiny Panel, Tuesday 10 March 2026: agenda pack');
    expect(meta.Author).toBe('Wyndmoor Borough Council');
    expect(meta.Subject).toContain('Resources Scrutiny Panel');
    const doc = await PDFDocument.load(readFileSync(file));
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('en-GB');
  });

  it('link each agenda entry to its paper inside the PDF, and keep summons, agenda and papers in one tag tree', async () => {
    // The summons and agenda are printed apart from the papers and put in front of them: check the seams.
    const file = join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.pdf');
    const texts = pagesOf(file);
    const frontCount = texts.findIndex((t) => /Page 1$/.test(t.trim()));
    const paperStarts = texts.flatMap((t, i) => (/AGENDA ITEM \d+ ·/.test(t) ? [i] : []));
    expect(frontCount).toBeGreaterThan(0);
    expect(paperStarts.length).toBeGreaterThan(1);

    const targets = (await taggedLinks(file)).filter((l) => l.page < frontCount).map((l) => l.target);
    expect(new Set(targets)).toEqual(new Set(paperStarts));

    // A reader that follows the tags meets the summons, then the agenda, then the papers, with their text.
    const struct = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    const at = (text: string) => struct.indexOf(`"${text}"`);
    expect(at('Summons')).toBeGreaterThan(-1);
    expect(at('Agenda')).toBeGreaterThan(at('Summons'));
    expect(struct.indexOf('"AGENDA ITEM')).toBeGreaterThan(at('Agenda'));
    expect(at('1. Recommendations')).toBeGreaterThan(struct.indexOf('"AGENDA ITEM'));
  });

  it('carry their own fonts, from the packages the setup installs', () => {
    const fonts = execFileSync('pdffonts', [join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.pdf')], { encoding: 'utf8' });
    const embedded = fonts.split('\n').filter((l) => /\bNoto(Serif|Sans)-/.test(l));
    expect(embedded.some((l) => l.includes('NotoSerif-Regular'))).toBe(true);
    expect(embedded.some((l) => l.includes('NotoSans-Bold'))).toBe(true);
    for (const line of embedded) expect(line).toMatch(/ yes +yes +yes /);
    // Each face once in each printed part (the summons and agenda, then the papers): the Latin Extended file is a
    // separate face only for the characters in its unicode-range. Without the ranges every face was embedded twice
    // in each part, and printing took twice as long.
    const names = (args: string[]) =>
      execFileSync('pdffonts', [...args, join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.pdf')], { encoding: 'utf8' })
        .split('\n')
        // The page numbers' own subset of Noto Sans (BPSTMP+) is embedded once, after the printed parts are put together.
        .filter((l) => /\bNoto(Serif|Sans)-/.test(l) && !l.startsWith('BPSTM'))
        .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
    const front = names(['-f', '1', '-l', '1']);
    expect(front.length).toBeGreaterThan(1);
    expect(new Set(front).size).toBe(front.length);
    const all = names([]);
    for (const face of new Set(all)) expect(all.filter((n) => n === face).length, face).toBeLessThanOrEqual(2);
    expect(fonts.split('\n').filter((l) => l.startsWith('BPSTMP+NotoSans-Regular '))).toEqual([expect.stringMatching(/ yes +yes +yes /)]);
  });

  it('are byte-identical when built again', async () => {
    const again = await build();
    for (const file of filesUnder(out)) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    }
  }, 180_000);

  it('number the minutes and end them with the signature line', () => {
    const pages = pagesOf(join(out, 'resources-scrutiny-panel/2026-01-13/minutes.pdf'));
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}$`)));
    expect(pages.at(-1)).toContain('Signed');
  });

  it('give a supplement its own pack, titled as such and numbered from 1', () => {
    const file = join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.supplement-1.pdf');
    expect(info(file).Title).toBe('Resources Scrutiny Panel, Tuesday 10 March 2026: supplementary agenda 1');
    const pages = pagesOf(file);
    expect(pages[0]).toContain('Supplementary agenda 1');
    expect(pages[0]).toContain('Appendix B - Benchmarking of Charges (Page 1)');
    expect(pages.at(-1)).toMatch(/Page 1$/);
    // Its own publication date, not the main agenda's, and the reason it is late.
    expect(pages[0]).toMatch(/Published Thursday 5 March 2026/);
    expect(pages[0]).not.toMatch(/Published Monday 2 March 2026/);
    expect(pages[0]).toMatch(/Reason for urgency: The benchmarking figures from neighbouring councils were not received until 4 March 2026/);
    // The main pack leaves the supplementary paper to its own pack.
    expect(pagesOf(join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.pdf')).join(' ')).not.toContain('Benchmarking of Charges');
  });
});

describe('exempt information in PDFs', () => {
  const exemptPaper = model.committees.flatMap((c) => c.meetings).flatMap((m) => m.papers.filter((p) => p.exempt).map((p) => ({ m, p })));
  const sentences = exemptPaper.flatMap(({ p }) => p.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text.split(' ').slice(1, 9).join(' ')));

  it('leaves exempt papers out of every public PDF, saying why in the agenda', () => {
    expect(sentences.length).toBeGreaterThan(2);
    for (const file of filesUnder(out).filter((f) => f.endsWith('.pdf'))) {
      const text = pagesOf(join(out, file)).join(' ');
      for (const s of sentences) expect(text.includes(s), `${file}: ${s}`).toBe(false);
    }
    const pack = pagesOf(join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.pdf')).join(' ');
    expect(pack).toContain('paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972');
  });

  it('marks every page of an exempt paper NOT FOR PUBLICATION in the members’ pack', () => {
    const pages = pagesOf(join(members, 'resources-scrutiny-panel/2026-03-10/agenda-pack.members.pdf'));
    const exemptPages = pages.filter((p) => sentences.some((s) => p.includes(s)));
    expect(exemptPages.length).toBeGreaterThan(0);
    for (const p of exemptPages) expect(p.startsWith('NOT FOR PUBLICATION')).toBe(true);
    expect(pages.filter((p) => p.startsWith('NOT FOR PUBLICATION')).length).toBe(exemptPages.length);
  });
});

describe('closed rendering and the browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('blocks every request but the build’s own files: the network and the rest of the disk', async () => {
    const blocked: string[] = [];
    const allowed = mkdtempSync(join(tmpdir(), 'boardpack-allowed-'));
    const html = '<!DOCTYPE html><html lang="en"><body><img src="http://127.0.0.1:9/x.png" alt="x"><link rel="stylesheet" href="file:///etc/hostname"><p>Hello</p></body></html>';
    const printer = new Printer(browser, allowed);
    const pdf = await printer.print(html, '.', (url) => blocked.push(url));
    expect(pdf.length).toBeGreaterThan(500);
    expect(blocked).toEqual(expect.arrayContaining(['http://127.0.0.1:9/x.png', 'file:///etc/hostname']));
    // The tab is used again for the next page, and still blocks, telling that page's print.
    const again: string[] = [];
    await printer.print(html.replace('x.png', 'y.png'), '.', (url) => again.push(url));
    expect(again).toEqual(expect.arrayContaining(['http://127.0.0.1:9/y.png', 'file:///etc/hostname']));
    expect(again).not.toContain('http://127.0.0.1:9/x.png');
    await printer.close();
  });

  it('prints many pages through no more tabs than it is given, each page its own PDF', async () => {
    const allowed = mkdtempSync(join(tmpdir(), 'boardpack-allowed-'));
    let opened = 0;
    const count = () => opened++;
    browser.on('targetcreated', count);
    try {
      const printer = new Printer(browser, allowed, 2);
      const pdfs = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => printer.print(`<!DOCTYPE html><html lang="en"><body><p>Page of print ${n}</p></body></html>`)),
      );
      await printer.close();
      expect(opened).toBe(2);
      pdfs.forEach((pdf, i) => {
        const file = join(allowed, `print-${i + 1}.pdf`);
        writeFileSync(file, pdf);
        expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).trim()).toBe(`Page of print ${i + 1}`);
      });
      expect((await browser.pages()).length).toBeLessThanOrEqual(1);
    } finally {
      browser.off('targetcreated', count);
    }
  });

  it('a paper’s remote image and file:///etc/passwd reference are never fetched when its pack is printed', async () => {
    const { createServer } = await import('node:http');
    const { BASE, contentFolder } = await import('../helpers.js');
    let hits = 0;
    const server = createServer((_, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    try {
      const root = contentFolder({
        ...BASE,
        'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
        'committees/panel/2026-03-10/report.md': `---\ntitle: Report\n---\n\n<img src="http://127.0.0.1:${port}/chart.png" alt="chart">\n\n![secrets](file:///etc/passwd)\n\n<iframe src="file:///etc/passwd"></iframe>\n\n<link rel="stylesheet" href="http://127.0.0.1:${port}/style.css">\n\nText.\n`,
      });
      const result = await cli(['build', root, '--format', 'all', '--out', join(root, 'out'), '--force']);
      expect(result.code).toBe(0);
      const html = readFileSync(join(root, 'out/panel/2026-03-10/agenda-pack.html'), 'utf8');
      expect(html).not.toContain('127.0.0.1');
      expect(html).not.toContain('/etc/passwd');
      expect(pagesOf(join(root, 'out/panel/2026-03-10/agenda-pack.pdf')).join(' ')).not.toContain('root:');
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  }, 60_000);

  it('says so when Chromium will not start, and leaves no profile behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boardpack-fake-chromium-'));
    const fake = join(dir, 'chromium');
    // A "Chromium" that notes the profile folder it was given, and fails.
    writeFileSync(fake, `#!/bin/sh\nfor a in "$@"; do case "$a" in --user-data-dir=*) echo "\${a#--user-data-dir=}" > ${join(dir, 'profile')};; esac; done\nexit 1\n`, { mode: 0o755 });
    const saved = process.env.BOARDPACK_CHROMIUM;
    process.env.BOARDPACK_CHROMIUM = fake;
    try {
      const result = await cli(['build', 'content', '--format', 'pdf', '--out', join(dir, 'out')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('boardpack: Chromium could not be started');
      const profile = readFileSync(join(dir, 'profile'), 'utf8').trim();
      expect(profile).toMatch(/boardpack-chromium-/);
      expect(existsSync(profile)).toBe(false);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.BOARDPACK_CHROMIUM;
      else process.env.BOARDPACK_CHROMIUM = saved;
    }
  }, 60_000);

  it('says how to install Chromium when none is found', async () => {
    const saved = process.env.BOARDPACK_CHROMIUM;
    process.env.BOARDPACK_CHROMIUM = '/nonexistent/chromium';
    try {
      const result = await cli(['build', 'content', '--format', 'pdf', '--out', mkdtempSync(join(tmpdir(), 'x-'))]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('BOARDPACK_CHROMIUM names /nonexistent/chromium, which does not exist');
    } finally {
      if (saved === undefined) delete process.env.BOARDPACK_CHROMIUM;
      else process.env.BOARDPACK_CHROMIUM = saved;
    }
  });
});

describe('a PDF linked straight from an agenda item', () => {
  it('is merged after the item’s papers, numbered, referenced and bookmarked', async () => {
    const { BASE, contentFolder } = await import('../helpers.js');
    const { writeFileSync } = await import('node:fs');
    const root = contentFolder({
      ...BASE,
      'committees/panel/2026-03-10/agenda.md':
        '---\npublished: 2026-03-02\n---\n\n1. Internal audit\n   [Audit plan](plan.md)\n   [Annual opinion](opinion.pdf)\n2. Risk\n   [Risk report](risk.md)\n',
      'committees/panel/2026-03-10/plan.md': '---\ntitle: Internal Audit Plan\n---\n\nThe plan.\n',
      'committees/panel/2026-03-10/risk.md': '---\ntitle: Risk Register Review\n---\n\nThe risks.\n',
    });
    const attachment = await PDFDocument.create();
    for (const text of ['Annual opinion, page one', 'Annual opinion, page two']) {
      const page = attachment.addPage([595, 842]);
      page.drawText(text, { x: 50, y: 700, size: 14, font: await attachment.embedFont('Helvetica') });
    }
    writeFileSync(join(root, 'committees/panel/2026-03-10/opinion.pdf'), await attachment.save());
    const result = await cli(['build', root, '--format', 'pdf', '--out', join(root, 'out'), '--force']);
    expect(result.code, result.stderr).toBe(0);
    const file = join(root, 'out/panel/2026-03-10/agenda-pack.pdf');
    const pages = pagesOf(file);
    const front = pages[0];
    expect(front).toContain('Internal Audit Plan (Page 1)');
    expect(front).toContain('Annual opinion (Pages 2 - 3)');
    expect(front).toContain('Risk Register Review (Page 4)');
    expect(pages[1]).toMatch(/Internal Audit Plan .*Page 1$/);
    expect(pages[2]).toMatch(/^Annual opinion, page one .*Page 2$/);
    expect(pages[3]).toMatch(/^Annual opinion, page two .*Page 3$/);
    expect(pages[4]).toMatch(/Risk Register Review .*Page 4$/);
    const outline = await outlineOf(file);
    expect(outline.map(([d, t, p]) => `${d} ${t} ${p}`)).toEqual([
      '0 Summons and agenda 0',
      '0 1. Internal Audit Plan 1',
      '0 1. Annual opinion 2',
      '0 2. Risk Register Review 4',
    ]);
  }, 60_000);
});

describe('a long pack', () => {
  // Three reports of about fifty pages each: long enough to be printed in two pieces at once.
  const report = (title: string, word: string, link: string) =>
    `---\ntitle: ${title}\n---\n\n` +
    Array.from({ length: 26 }, (_, s) =>
      [
        `## ${s + 1}. ${word} section ${s + 1}`,
        ...Array.from({ length: 12 }, (_, p) =>
          `${s + 1}.${p + 1} ` +
          `The ${word} review notes that the service met its targets for the quarter, that spending stayed within the approved budget, and that the actions agreed at the last meeting are in hand. `.repeat(3),
        ),
      ].join('\n\n'),
    ).join('\n\n') +
    `\n\n${link}\n`;
  let root: string;
  let file: string;
  let pages: string[];
  beforeAll(async () => {
    const { BASE, contentFolder } = await import('../helpers.js');
    root = contentFolder({
      ...BASE,
      'committees/panel/2026-03-10/agenda.md':
        '---\npublished: 2026-03-02\n---\n\n1. Housing\n   [Housing report](housing.md)\n2. Leisure\n   [Leisure report](leisure.md)\n3. Waste\n   [Waste report](waste.md)\n',
      'committees/panel/2026-03-10/housing.md': report('Housing Review', 'housing', 'See also the [waste report](waste.md).').replace(
        '---\n\n',
        'appendices:\n  - file: housing-figures.pdf\n    title: Appendix A - Housing figures\n---\n\n',
      ),
      'committees/panel/2026-03-10/leisure.md': report('Leisure Review', 'leisure', 'No links.'),
      'committees/panel/2026-03-10/waste.md': report('Waste Review', 'waste', 'See also the [housing report](housing.md).'),
    });
    // A ready-made PDF appendix to the first report: merged where the first piece ends and the second begins.
    const figures = await PDFDocument.create();
    for (const line of ['Housing figures, page one', 'Housing figures, page two']) {
      figures.addPage([595, 842]).drawText(line, { x: 50, y: 700, size: 14, font: await figures.embedFont('Helvetica') });
    }
    writeFileSync(join(root, 'committees/panel/2026-03-10/housing-figures.pdf'), await figures.save());
    const result = await cli(['build', root, '--format', 'pdf', '--jobs', '2', '--out', join(root, 'out'), '--force']);
    expect(result.code, result.stderr).toBe(0);
    file = join(root, 'out/panel/2026-03-10/agenda-pack.pdf');
    pages = pagesOf(file);
  }, 120_000);

  it('is printed in pieces at once, and they are put together as one numbered, linked and tagged document', async () => {
    // Each printed part embeds its own subset of each face: the summons and agenda, and here two pieces of papers.
    const serif = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').filter((l) => /\+NotoSerif-Regular /.test(l));
    expect(serif.length).toBe(3);

    const front = pages.findIndex((t) => /Page 1$/.test(t));
    expect(front).toBeGreaterThan(0);
    expect(pages.length - front).toBeGreaterThan(120);
    // Numbered without a gap or a repeat from the first paper's first page to the last page.
    pages.slice(front).forEach((text, i) => expect(text, `page ${front + i + 1}`).toMatch(new RegExp(`Page ${i + 1}$`)));
    const starts = ['Housing Review', 'Leisure Review', 'Waste Review'].map((title) => pages.findIndex((t) => /AGENDA ITEM \d+ ·/.test(t) && t.includes(title)));
    expect(starts.every((s, i) => s >= front && (i === 0 || s > starts[i - 1]))).toBe(true);
    // The appendix follows its report, numbered on, and the report's reference takes in its pages.
    expect(pages[starts[1] - 2]).toMatch(/^Housing figures, page one .*Page \d+$/);
    expect(pages[starts[1] - 1]).toMatch(/^Housing figures, page two .*Page \d+$/);
    expect(pages[0]).toContain(`Housing Review (Pages 1 - ${starts[1] - front})`);
    expect(pages[0]).toContain(`Waste Review (Pages ${starts[2] - front + 1} - ${pages.length - front})`);

    // Every page, the merged PDF's too (each of its pages a figure), is found from the tag tree.
    const links = await taggedLinks(file);
    // The agenda's links land on each report's first page...
    expect(new Set(links.filter((l) => l.page < front).map((l) => l.target))).toEqual(new Set(starts));
    // ...and the reports' links to each other across the pieces, both ways.
    expect(links).toContainEqual({ page: starts[1] - 3, target: starts[2] });
    expect(links).toContainEqual({ page: pages.length - 1, target: starts[0] });

    // A reader that follows the tags meets the agenda, then each report once, in order.
    const struct = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    const headings = [...struct.matchAll(/H3 \(block\)\n\s+NonStruct\n\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(headings).toEqual(['Membership', 'Housing Review', 'Leisure Review', 'Waste Review']);
    expect(struct.indexOf('"Agenda"')).toBeLessThan(struct.indexOf('"AGENDA ITEM 1'));
  }, 60_000);

  it('comes out the same, byte for byte, with its pieces printed one after the other', async () => {
    const result = await cli(['build', root, '--format', 'pdf', '--jobs', '1', '--out', join(root, 'one-by-one'), '--force']);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'one-by-one/panel/2026-03-10/agenda-pack.pdf')).equals(readFileSync(file))).toBe(true);
  }, 120_000);
});

describe('minutes as a minute book', () => {
  it('keep the signature whole and with the last minute, whatever the minutes’ length', async () => {
    const { BASE, contentFolder } = await import('../helpers.js');
    const files: Record<string, string> = { ...BASE };
    // Lengths around where a page fills up: at some of them the signature once fell alone onto a page of its own.
    const lengths = [15, 16, 17, 18, 37, 38, 39, 40];
    lengths.forEach((n, i) => {
      const dir = `committees/panel/2026-0${1 + Math.floor(i / 4)}-${String(5 + (i % 4) * 7).padStart(2, '0')}`;
      files[`${dir}/agenda.md`] = '1. Business\n';
      files[`${dir}/minutes.md`] =
        '---\nchair: Councillor Ann Lee\npresent: [Councillor Ann Lee, Councillor Bo Chen]\n---\n\n## 1. Business\n\n' +
        Array.from({ length: n }, (_, k) => `The Panel discussed matter ${k + 1} at some length and noted the points raised by members about it.\n\n`).join('') +
        'Resolved:- That the matters be noted.\n';
    });
    const root = contentFolder(files);
    const result = await cli(['build', root, '--format', 'pdf', '--out', join(root, 'out'), '--force']);
    expect(result.code, result.stderr).toBe(0);
    const minutes = filesUnder(join(root, 'out')).filter((f) => f.endsWith('minutes.pdf'));
    expect(minutes).toHaveLength(lengths.length);
    for (const file of minutes) {
      const last = pagesOf(join(root, 'out', file)).at(-1)!;
      expect(last, file).toMatch(/Resolved:- That the matters be noted\. Signed .*\(Councillor Ann Lee, Chair\) Date .*Page (\d+) of \1$/);
    }
  }, 120_000);
});

describe('page numbers in the public and the members’ packs', () => {
  it('are the same for every public paper, with exempt pages numbered in their own series', async () => {
    const { BASE, contentFolder } = await import('../helpers.js');
    const long = (what: string, n: number) => Array.from({ length: n }, (_, k) => `${what} paragraph ${k + 1}, written at length so that the pages fill up as a real report's would.\n\n`).join('');
    const root = contentFolder({
      ...BASE,
      'committees/panel/2026-03-10/agenda.md':
        '---\npublished: 2026-03-02\n---\n\n1. Depot review\n   [Report](depot.md)\n2. Parks\n   [Report](parks.md)\n',
      'committees/panel/2026-03-10/depot.md':
        '---\ntitle: Depot Review\nappendices:\n  - file: depot-bids.md\n    title: Appendix A - Bids received\n    exempt: 3\n---\n\n' + long('Depot', 30),
      'committees/panel/2026-03-10/depot-bids.md': '---\ntitle: Bids\n---\n\n' + long('Confidential bid', 60),
      'committees/panel/2026-03-10/parks.md': '---\ntitle: Parks Strategy\n---\n\n' + long('Parks', 30),
    });
    const built: Record<string, string[]> = {};
    for (const audience of ['public', 'members']) {
      const out = join(root, `out-${audience}`);
      const result = await cli(['build', root, '--format', 'pdf', '--audience', audience, '--out', out, '--force']);
      expect(result.code, result.stderr).toBe(0);
      built[audience] = pagesOf(join(out, `panel/2026-03-10/agenda-pack${audience === 'members' ? '.members' : ''}.pdf`));
    }
    const reference = (pages: string[], title: string) => new RegExp(`${title} \\((Pages? [^)]+)\\)`).exec(pages[0])?.[1];
    for (const title of ['Depot Review', 'Parks Strategy']) {
      expect(reference(built.public, title), title).toBeDefined();
      // The members' reference adds the exempt pages, in their own series, after the public ones.
      expect(reference(built.members, title)!.replace(/, E\d+( - E\d+)?$/, ''), title).toBe(reference(built.public, title));
    }
    expect(reference(built.members, 'Depot Review')).toMatch(/^Pages 1 - \d+, E1 - E\d+$/);
    const parksPage = reference(built.public, 'Parks Strategy')!.replace(/^Pages? /, '').split(' - ')[0];
    for (const pages of [built.public, built.members]) {
      expect(pages.find((p) => p.includes('Parks paragraph 1,'))).toMatch(new RegExp(`Page ${parksPage}$`));
    }
    const exemptPages = built.members.filter((p) => p.includes('Confidential bid'));
    expect(exemptPages.length).toBeGreaterThan(1);
    exemptPages.forEach((p, k) => expect(p).toMatch(new RegExp(`Page E${k + 1}$`)));
    expect(built.public.join(' ')).not.toContain('Confidential bid');
  }, 120_000);
});
