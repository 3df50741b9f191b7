import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import { printHtml } from './print.js';
import { mapLimit } from './pool.js';
import { addOutline, insertPdf, normaliseStructIds, relativiseLinks, setMetadata, stampPageNumbers, stampRestricted, type OutlineEntry } from './assemble.js';
import type { packView } from '../html/pack.js';

type PackView = ReturnType<typeof packView>;
type PaperView = PackView['papers'][number];

/** One piece of the pack after the summons and agenda: printed from HTML, or a PDF merged as it is. */
interface Unit {
  paper: PaperView;
  title: string;
  kind: 'paper' | 'appendix';
  restricted: boolean;
  /** For a PDF merged as it is. */
  pdf: Uint8Array | null;
  pages: number;
}

export interface PackPdfInput {
  view: PackView;
  render: (view: object) => string;
  /** Where the printed page may load files from (the build's output folder). */
  allowed: string;
  /** The pack's folder inside it, `<committee>/<meeting>`. */
  relDir: string;
  /** Parts printed at once while measuring. */
  jobs?: number;
  root: string;
  title: string;
  subject: string;
  date: string;
}

function pageLabel(first: number, last: number): string {
  return first === last ? `Page ${first}` : `Pages ${first} - ${last}`;
}

/**
 * The PDF agenda pack: summons and agenda first, unnumbered; then each paper
 * on a new page, its appendices after it and PDF attachments merged as they
 * are, numbered continuously from 1; each agenda link shows the pages of its
 * paper, taken from the real pages; bookmarks for items, papers and
 * appendices; metadata; pages of exempt papers marked in a members' pack.
 */
export async function packPdf(browser: Browser, input: PackPdfInput): Promise<Uint8Array> {
  const { view, render, allowed } = input;
  const print = (v: object) => printHtml(browser, render(v), allowed, input.relDir);
  const countPages = async (bytes: Uint8Array) => (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();

  // 1. Measure each unit on its own: each starts a new page in the whole pack, so the counts add up.
  // Units are printed a few at a time, each in its own tab.
  type Task = Omit<Unit, 'pages'> & { print: object | null };
  const tasks: Task[] = [];
  for (const paper of view.papers) {
    const alone = { ...view, part: 'papers', pdf: true, unit: true, papers: [{ ...paper, appendices: [] }] };
    tasks.push({ paper, title: paper.title, kind: 'paper', restricted: paper.notForPublication, pdf: null, print: alone });
    for (const appendix of paper.appendices) {
      if (appendix.pdf && !appendix.withheld) {
        const bytes = readFileSync(join(input.root, appendix.file));
        tasks.push({ paper, title: appendix.title, kind: 'appendix', restricted: appendix.notForPublication, pdf: bytes, print: null });
      } else {
        const only = { ...view, part: 'papers', pdf: true, unit: true, papers: [{ ...paper, appendixOnly: true, appendices: [appendix] }] };
        tasks.push({ paper, title: appendix.title, kind: 'appendix', restricted: appendix.notForPublication, pdf: null, print: only });
      }
    }
  }
  const units: Unit[] = await mapLimit(tasks, input.jobs ?? 1, async ({ print: view, ...unit }) => ({
    ...unit,
    pages: await countPages(unit.pdf ?? (await print(view!))),
  }));

  // 2. Page numbers as printed on the papers, from 1.
  const start = new Map<Unit, number>();
  let next = 1;
  for (const unit of units) {
    start.set(unit, next);
    next += unit.pages;
  }
  const paperPages = new Map<string, { first: number; last: number }>();
  for (const unit of units) {
    const range = paperPages.get(unit.paper.anchor);
    const last = start.get(unit)! + unit.pages - 1;
    paperPages.set(unit.paper.anchor, { first: range?.first ?? start.get(unit)!, last });
  }
  const withPages = (items: PackView['items']) =>
    items.map((item) => ({
      ...item,
      links: item.links.map((link) => {
        const range = link.href?.startsWith('#') ? paperPages.get(link.href.slice(1)) : undefined;
        return range ? { ...link, pages: pageLabel(range.first, range.last) } : link;
      }),
    }));
  const final = {
    ...view,
    pdf: true,
    items: withPages(view.items),
    supplements: view.supplements.map((s) => ({ ...s, items: withPages(s.items) })),
  };

  // 3. Print the whole pack once (tagged), then merge the PDFs in at their places.
  const doc = await PDFDocument.load(await print(final), { updateMetadata: false });
  const printedUnitPages = units.filter((u) => !u.pdf).reduce((n, u) => n + u.pages, 0);
  const frontPages = doc.getPageCount() - printedUnitPages;
  if (frontPages < 1) throw new Error('the printed pack has fewer pages than its papers printed alone');
  const firstPage = new Map<Unit, number>();
  let cursor = frontPages;
  for (const unit of units) {
    firstPage.set(unit, cursor);
    if (unit.pdf) await insertPdf(doc, unit.pdf, cursor);
    cursor += unit.pages;
  }
  if (cursor !== doc.getPageCount()) throw new Error(`page count ${doc.getPageCount()} differs from the papers' ${cursor}`);

  relativiseLinks(doc, join(allowed, input.relDir));
  normaliseStructIds(doc);
  await stampPageNumbers(doc, frontPages);
  const restricted = units.filter((u) => u.restricted).flatMap((u) => Array.from({ length: u.pages }, (_, i) => firstPage.get(u)! + i));
  if (restricted.length) await stampRestricted(doc, restricted);

  // 4. Bookmarks: the summons and agenda, then each item, its papers and their appendices.
  const outline: OutlineEntry[] = [{ title: 'Summons and agenda', page: 0, children: [] }];
  for (const item of view.items) {
    const papers = view.papers.filter((p) => p.item === item.number);
    const children = papers.map((paper) => ({
      title: paper.title,
      page: firstPage.get(units.find((u) => u.paper === paper && u.kind === 'paper')!)!,
      children: units
        .filter((u) => u.paper === paper && u.kind === 'appendix')
        .map((u) => ({ title: u.title, page: firstPage.get(u)!, children: [] })),
    }));
    outline.push({ title: `${item.number}. ${item.title}`, page: children[0]?.page ?? 0, children });
  }
  addOutline(doc, outline);
  setMetadata(doc, {
    title: input.title,
    author: view.organisation,
    subject: input.subject,
    language: view.lang,
    date: input.date,
  });
  return doc.save({ useObjectStreams: false });
}
