import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFOperator, PDFRawStream, PDFRef, StandardFonts, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdf } from '../../src/render/pdf/assemble.js';
import { checkAccessible } from '../../src/render/pdf/ua-check.js';
import { accessibilityLines } from '../../src/report/accessibility.js';
import { cli, FIXTURES, SAMPLE } from '../helpers.js';
import { CONDITIONS, readPdfUa, unembeddedFonts, type Condition } from './pdf-ua-reader.js';
import { filesUnder } from './site.js';

/*
 * PDF/UA-1's machine-checkable conditions on every PDF boardpack writes,
 * read by a reader independent of the writer (qpdf's objects, pdfjs-dist's
 * operators and structure tree, poppler's font list), each condition with a
 * control: the same PDF broken in that one respect, which the reader (and
 * boardpack's own check, which `build` reports with) must fail.
 */

const TAGGED = 'committees/resources-scrutiny-panel/2026-01-13/budget-monitoring-q2-appendix-a.pdf';
const UNTAGGED = join(FIXTURES, 'pdf-ua', 'untagged-appendix.pdf');
const MEETING = 'resources-scrutiny-panel/2026-01-13';

async function build(root: string, ...args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'boardpack-ua-'));
  const result = await cli(['build', root, '--format', 'pdf', '--out', out, ...args]);
  if (result.code !== 0) throw new Error(result.stderr);
  return { out, stdout: result.stdout };
}

function info(file: string): Record<string, string> {
  const lines = execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n');
  return Object.fromEntries(lines.filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The structure tree of one page as pdfjs-dist reads it: [role, alt, text of its marked content] in reading order. */
async function structureOf(file: string, pageNumber: number): Promise<{ role: string; alt?: string; text: string }[]> {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  try {
    const page = await pdf.getPage(pageNumber);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const texts = new Map<string, string>();
    let current: string | null = null;
    for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContentProps' && item.id) current = item.id;
      else if (item.type === 'endMarkedContent') current = null;
      else if (current && item.str !== undefined) texts.set(current, (texts.get(current) ?? '') + item.str);
    }
    const found: { role: string; alt?: string; text: string }[] = [];
    type Node = { role?: string; alt?: string; children?: Node[]; type?: string; id?: string };
    const textOf = (node: Node): string => (node.type === 'content' ? (texts.get(node.id!) ?? '') : (node.children ?? []).map(textOf).join(' '));
    const walk = (node: Node) => {
      if (node.role) found.push({ role: node.role, ...(node.alt ? { alt: node.alt } : {}), text: textOf(node).replace(/\s+/g, ' ').trim() });
      for (const child of node.children ?? []) walk(child);
    };
    walk((await page.getStructTree()) as Node);
    return found;
  } finally {
    await pdf.destroy();
  }
}

/** The page (from 1) whose text holds `text`, by pdftotext. */
function pageWith(file: string, text: string): number {
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  return pages.findIndex((p) => p.replace(/\s+/g, ' ').includes(text)) + 1;
}

let sample: { out: string; stdout: string };
let members: { out: string; stdout: string };
let merged: { out: string; stdout: string; root: string };

beforeAll(async () => {
  sample = await build('content');
  members = await build('content', '--audience', 'members');
  // A fixture pack: a paper whose appendices are a tagged PDF, then a Markdown appendix, then an untagged PDF.
  const root = mkdtempSync(join(tmpdir(), 'boardpack-ua-content-'));
  cpSync(SAMPLE, root, { recursive: true });
  const dir = join(root, 'committees', MEETING);
  cpSync(UNTAGGED, join(dir, 'reserve-history.pdf'));
  const paper = join(dir, 'budget-monitoring-q2.md');
  writeFileSync(
    paper,
    readFileSync(paper, 'utf8').replace(
      '    title: Appendix B - Savings delivery tracker\n',
      '    title: Appendix B - Savings delivery tracker\n  - file: reserve-history.pdf\n    title: Appendix C - General reserve history\n',
    ),
  );
  merged = { ...(await build(root, '--meeting', MEETING)), root };
}, 300_000);

const pdfsOf = (out: string) => filesUnder(out).filter((f) => f.endsWith('.pdf'));

describe('every PDF boardpack writes', () => {
  it('passes each machine-checkable condition of PDF/UA-1, read by an independent reader', async () => {
    const all = [...pdfsOf(sample.out).map((f) => join(sample.out, f)), ...pdfsOf(members.out).map((f) => join(members.out, f))];
    // Packs, supplements and minutes, public and members'.
    expect(all.some((f) => f.includes('supplement'))).toBe(true);
    expect(all.some((f) => f.endsWith('minutes.pdf'))).toBe(true);
    expect(all.some((f) => f.includes('.members.pdf'))).toBe(true);
    // The executive's forward plan, an edition a PDF.
    expect(all.some((f) => f.includes('cabinet/forward-plan/') && f.endsWith('.pdf'))).toBe(true);
    for (const file of all) {
      const { faults } = await readPdfUa(file);
      expect(Object.fromEntries(faults), file).toEqual({});
    }
  }, 300_000);

  it('embeds every font, has a metadata stream and is tagged, as poppler sees it', () => {
    for (const file of [...pdfsOf(sample.out).map((f) => join(sample.out, f)), ...pdfsOf(members.out).map((f) => join(members.out, f))]) {
      expect(unembeddedFonts(file), file).toEqual([]);
      const meta = info(file);
      expect(meta['Metadata Stream'], file).toBe('yes');
      expect(meta.Tagged, file).toBe('yes');
      expect(meta['PDF version'], file).toBe('1.7');
    }
  }, 120_000);

  it('is reported by build in one quiet line when every PDF passes', () => {
    // The sample's one ready-made PDF is tagged: no line speaks of an untagged one.
    const lines = sample.stdout.split('\n').filter((l) => l.startsWith('PDF/UA-1 machine checks: '));
    expect(lines).toEqual([`PDF/UA-1 machine checks: ${pdfsOf(sample.out).length} PDFs pass`]);
    expect(pdfsOf(sample.out).length).toBeGreaterThan(10);
  });

  it('says each PDF with something to say, and each PDF with --verbose', () => {
    const pass = (file: string) => ({ file, faults: [], untagged: [] });
    const untagged = { file: 'p/2026-03-10/agenda-pack.pdf', faults: [], untagged: ['committees/p/2026-03-10/scan.pdf'] };
    const failing = { file: 'p/2026-01-13/agenda-pack.pdf', faults: [{ condition: '7.21.4.1-1', message: 'Helvetica is not embedded', page: 6, source: 'committees/p/2026-01-13/budget.pdf' }], untagged: [] };
    expect(accessibilityLines([pass('a.pdf'), untagged, pass('b.pdf'), failing])).toEqual([
      'PDF/UA-1 machine checks: p/2026-03-10/agenda-pack.pdf passes; untagged, each page a figure: committees/p/2026-03-10/scan.pdf (ask its author for an accessible version)',
      'PDF/UA-1 machine checks: p/2026-01-13/agenda-pack.pdf fails: committees/p/2026-01-13/budget.pdf: Helvetica is not embedded (page 7)',
      'PDF/UA-1 machine checks: 2 other PDFs pass',
    ]);
    expect(accessibilityLines([pass('a.pdf')])).toEqual(['PDF/UA-1 machine checks: 1 PDF passes']);
    expect(accessibilityLines([pass('a.pdf'), pass('b.pdf')], true)).toEqual(['PDF/UA-1 machine checks: a.pdf passes', 'PDF/UA-1 machine checks: b.pdf passes']);
    expect(accessibilityLines([])).toEqual([]);
  });

  it('draws its page numbers with the embedded font’s glyphs, as a reader renders them', () => {
    // Text can be extracted through a font's Unicode map even when its glyphs are empty: render the foot of a page.
    const file = join(sample.out, MEETING, 'agenda-pack.pdf');
    const page = pageWith(file, 'Revenue monitoring by directorate Forecast outturn');
    expect(execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' })).toMatch(/Page \d+\s*$/);
    const prefix = join(mkdtempSync(join(tmpdir(), 'boardpack-ua-foot-')), 'foot');
    execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '100', '-gray', '-x', '0', '-y', '1120', '-W', '827', '-H', '50', file, prefix]);
    const dir = dirname(prefix);
    const pgm = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.pgm'))!));
    const pixels = pgm.subarray(pgm.length - 827 * 50);
    // "Page 2" in 9 point type covers about a hundred dark pixels at 100 dpi; a font with empty glyphs, none.
    expect(pixels.filter((b) => b < 128).length).toBeGreaterThan(40);
  });

  it('opens the page an item is printed on from the bookmark of an item without papers', () => {
    const file = join(sample.out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.pdf');
    const outlines = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=outlines', file], { encoding: 'utf8' })).outlines as { title: string; destpageposfrom1: number }[];
    const textOf = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    for (const title of ['Exclusion of the press and public', 'Date and time of next meeting']) {
      const bookmark = outlines.find((o) => o.title.includes(title))!;
      expect(bookmark, title).toBeDefined();
      // The summons and agenda run onto a second page, where these items are printed.
      expect(bookmark.destpageposfrom1, title).toBeGreaterThan(1);
      expect(textOf(bookmark.destpageposfrom1)).toContain(title);
    }
  });

  it('has minutes with bookmarks for the meeting and each minute', () => {
    const file = join(sample.out, 'cabinet/2026-04-14/minutes.pdf');
    const outline = execFileSync('qpdf', ['--json=2', '--json-key=outlines', file], { encoding: 'utf8' });
    const titles = [...outline.matchAll(/"title": "([^"]+)"/g)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThan(3);
    expect(titles.some((t) => /Attendance/.test(t))).toBe(true);
  });
});

describe('a pack that merges a tagged and an untagged PDF', () => {
  const pack = () => join(merged.out, MEETING, 'agenda-pack.pdf');

  it('passes every condition, and build says which appendix is untagged', async () => {
    const { faults } = await readPdfUa(pack());
    expect(Object.fromEntries(faults)).toEqual({});
    expect(unembeddedFonts(pack())).toEqual([]);
    const line = merged.stdout.split('\n').find((l) => l.includes(`${MEETING}/agenda-pack.pdf`))!;
    expect(line).toBe(
      `PDF/UA-1 machine checks: ${MEETING}/agenda-pack.pdf passes; untagged, each page a figure: committees/${MEETING}/reserve-history.pdf (ask its author for an accessible version)`,
    );
  });

  it('keeps the tagged PDF’s own structure, its headings under the appendix’s level, in its place in the reading order', async () => {
    const page = pageWith(pack(), 'Revenue monitoring by directorate Forecast outturn');
    expect(page).toBeGreaterThan(0);
    const tags = await structureOf(pack(), page);
    // Its custom "Heading 1" (role-mapped to H1) is now a level 4 heading, as the pack's appendix titles are.
    expect(tags.filter((t) => /^H[1-6]?$/.test(t.role)).map((t) => [t.role, t.text])).toEqual([['H4', 'Appendix A - Revenue monitoring by directorate']]);
    expect(tags.some((t) => t.role === 'Table')).toBe(true);
    expect(tags.filter((t) => t.role === 'TH').map((t) => t.text)).toContain('Variance £m');
    expect(tags.find((t) => t.role === 'Link')?.text).toContain('www.example.gov.uk/budget');
    // In the reading order: after the paper, before Appendix B.
    const struct = execFileSync('pdfinfo', ['-struct-text', pack()], { encoding: 'latin1' });
    const at = (text: string) => struct.indexOf(text);
    expect(at('Revenue monitoring by directorate')).toBeGreaterThan(at('4.1 The budget depends'));
    expect(at('Revenue monitoring by directorate')).toBeLessThan(at('Appendix B - Savings delivery tracker'));
  });

  it('marks each page of the untagged PDF as a figure whose alternative text names the appendix', async () => {
    const page = pageWith(pack(), 'General reserve 2021/22 to 2025/26');
    expect(page).toBeGreaterThan(0);
    const tags = await structureOf(pack(), page);
    const figure = tags.find((t) => t.role === 'Figure');
    expect(figure?.alt).toContain('Appendix C - General reserve history: page 1 of 1');
    expect(tags.some((t) => t.role === 'Link')).toBe(true);
  });

  it('is named by lint as an untagged file', async () => {
    const result = await cli(['lint', merged.root, '--format', 'json']);
    const findings = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[]).flatMap((f) =>
      f.messages.filter((m) => m.ruleId === 'pdf-accessible').map((m) => `${f.filePath.split('/').slice(-1)[0]}: ${m.message}`),
    );
    expect(findings).toEqual([expect.stringMatching(/^reserve-history\.pdf: Unexpected untagged PDF "reserve-history\.pdf"/)]);
  });
});

describe('each condition fails on a PDF that breaks it', () => {
  const lookup = (doc: PDFDocument, value: PDFObject | undefined) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
  const elements = (doc: PDFDocument, type: string) =>
    doc.context
      .enumerateIndirectObjects()
      .flatMap(([, o]) => (o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('StructElem') && o.get(PDFName.of('S')) === PDFName.of(type) ? [o] : []));
  const annotations = (doc: PDFDocument) =>
    doc.getPages().flatMap((page) => {
      const annots = lookup(doc, page.node.get(PDFName.of('Annots')));
      return annots instanceof PDFArray ? annots.asArray().map((a) => ({ page, annot: lookup(doc, a) as PDFDict })) : [];
    });
  const xmp = (doc: PDFDocument) => {
    const stream = lookup(doc, doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    return Buffer.from(stream.getContents()).toString('utf8');
  };
  const setXmp = (doc: PDFDocument, text: string) =>
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream(text, { Type: 'Metadata', Subtype: 'XML' })));
  const op = (name: string, ...args: unknown[]) => PDFOperator.of(name as never, args as never);
  const rect = [op('re', PDFNumber.of(10), PDFNumber.of(10), PDFNumber.of(20), PDFNumber.of(20)), op('f')];

  /** How to break a PDF in the respect of one condition, and nothing else. */
  const BREAK: Record<Condition, { change?: (doc: PDFDocument) => unknown; bytes?: (bytes: Buffer) => Buffer }> = {
    header: { bytes: (b) => Buffer.concat([Buffer.from('%PDF-2.0'), b.subarray(8)]) },
    metadata: { change: (d) => d.catalog.delete(PDFName.of('Metadata')) },
    'metadata-title': { change: (d) => setXmp(d, xmp(d).replace(/<dc:title>[\s\S]*?<\/dc:title>/, '')) },
    'metadata-language': { change: (d) => setXmp(d, xmp(d).replace(/<dc:language>[\s\S]*?<\/dc:language>/, '')) },
    'display-title': { change: (d) => d.catalog.set(PDFName.of('ViewerPreferences'), d.context.obj({ DisplayDocTitle: false })) },
    lang: { change: (d) => d.catalog.delete(PDFName.of('Lang')) },
    marked: { change: (d) => d.catalog.set(PDFName.of('MarkInfo'), d.context.obj({ Marked: false })) },
    'content-marked': { change: (d) => d.getPage(0).pushOperators(...rect) },
    'artifact-nesting': {
      change: (d) =>
        d.getPage(0).pushOperators(op('BDC', PDFName.of('P'), d.context.obj({ MCID: 0 })), op('BMC', PDFName.of('Artifact')), ...rect, op('EMC'), op('EMC')),
    },
    'parent-tree': { change: (d) => d.getPage(0).pushOperators(op('BDC', PDFName.of('P'), d.context.obj({ MCID: 9999 })), ...rect, op('EMC')) },
    'struct-parent': { change: (d) => elements(d, 'P')[0].delete(PDFName.of('P')) },
    'role-map': { change: (d) => elements(d, 'P')[0].set(PDFName.of('S'), PDFName.of('Paragraph')) },
    'fonts-embedded': {
      change: async (d) => {
        const font = await d.embedFont(StandardFonts.Helvetica);
        const page = d.getPage(0);
        page.pushOperators(op('BMC', PDFName.of('Artifact')));
        page.drawText('x', { x: 10, y: 10, size: 8, font });
        page.pushOperators(op('EMC'));
      },
    },
    'fonts-unicode': {
      change: (d) => {
        const font = d.context.enumerateIndirectObjects().find(([, o]) => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Type0'));
        (font![1] as PDFDict).delete(PDFName.of('ToUnicode'));
      },
    },
    headings: { change: (d) => elements(d, 'H2')[0].set(PDFName.of('S'), PDFName.of('H5')) },
    tables: { change: (d) => elements(d, 'TH')[0].delete(PDFName.of('A')) },
    'figures-alt': { change: (d) => elements(d, 'Figure')[0].delete(PDFName.of('Alt')) },
    links: { change: (d) => annotations(d).find(({ annot }) => annot.get(PDFName.of('Subtype')) === PDFName.of('Link'))!.annot.delete(PDFName.of('Contents')) },
    annotations: {
      change: (d) => {
        const note = d.context.register(d.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], Contents: 'a note' }));
        d.getPage(0).node.addAnnot(note);
      },
    },
    tabs: { change: (d) => annotations(d)[0].page.node.delete(PDFName.of('Tabs')) },
    bookmarks: { change: (d) => d.catalog.delete(PDFName.of('Outlines')) },
  };

  for (const condition of CONDITIONS) {
    it(`${condition}: the reader and build's own check fail a PDF broken in that respect`, async () => {
      const source = readFileSync(join(merged.out, MEETING, 'agenda-pack.pdf'));
      const { change, bytes } = BREAK[condition];
      const doc = await PDFDocument.load(source, { updateMetadata: false });
      await change?.(doc);
      let broken: Buffer = Buffer.from(await doc.save({ useObjectStreams: false }));
      if (bytes) broken = bytes(broken);
      const file = join(mkdtempSync(join(tmpdir(), 'boardpack-ua-control-')), `${condition}.pdf`);
      writeFileSync(file, broken);
      const { faults } = await readPdfUa(file);
      expect([...faults.keys()], condition).toContain(condition);
      expect(checkAccessible(await loadPdf(broken)).length, condition).toBeGreaterThan(0);
    }, 60_000);
  }
});
