import { ContentError } from '../../parse/files.js';
import { pdfFault } from '../../parse/pdf-check.js';
import { decryptPdf, isEncrypted } from '../../parse/pdf-open.js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from '@cantoo/pdf-lib';
import type { Printer } from './print.js';
import { stepDone } from '../../timing.js';
import { CROSS_PART, insertPdf, linkAcrossParts, prependTagged, loadPdf, type OutlineEntry } from './assemble.js';
import { finishPdf, markArtifacts } from './finish.js';
import type { PrintedItem, PrintedPack } from './input.js';
import type { UaFault } from './ua-check.js';


/** One piece of the pack after the summons and agenda: printed from HTML, or a PDF merged as it is. */
interface Unit {
  /** What the agenda's page reference is for: the paper's anchor, or the attachment's file. */
  key: string;
  item: number;
  title: string;
  kind: 'paper' | 'appendix' | 'attachment';
  restricted: boolean;
  /** A public pack's notice in place of a withheld paper or appendix. */
  standIn: boolean;
  /** The anchor its printed part starts at; null for a PDF merged as it is. */
  anchor: string | null;
  /** A PDF merged as it is, loaded once to count its pages and then to merge it, and its file in the content folder. */
  pdf: PDFDocument | null;
  pdfPages: number;
  file?: string;
}

/** What the PDF/UA-1 machine checks found in a PDF boardpack wrote. */
export interface PdfAccessibility {
  /** The PDF, relative to the output folder. */
  file: string;
  /** Conditions it fails; each with the merged PDF (its file in the content folder) it comes from, where it does. */
  faults: (UaFault & { source?: string })[];
  /** Merged PDFs with no tags, each page of which is marked as a figure: their files in the content folder. */
  untagged: string[];
}

export interface PackPdfInput {
  view: PrintedPack;
  render: (view: object) => string;
  /** The pack's folder in the output, `<committee>/<meeting>`. */
  relDir: string;
  title: string;
  subject: string;
  date: string;
  /**
   * For `serve`'s preview: leave out the PDF/UA-1 steps that change nothing a
   * reader sees (marking Chromium's untagged painting as artifacts, and the
   * machine checks), so that the clerk's preview keeps up.
   */
  preview?: boolean;
}

/**
 * A long pack's papers are printed in pieces of about this much HTML (some
 * hundred pages), side by side in the printer's tabs. How many pieces there
 * are depends on the pack alone, never on the machine or --jobs, so that
 * every machine makes the same PDF.
 */
export const PIECE_SIZE = 300_000;

/** Papers in consecutive pieces of about even size, each paper whole; one piece for a short pack. */
export function splitPieces<T>(papers: readonly T[], size: (paper: T) => number, pieceSize = PIECE_SIZE): T[][] {
  const sizes = papers.map(size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const count = Math.max(1, Math.min(papers.length, Math.round(total / pieceSize)));
  if (count === 1) return papers.length ? [[...papers]] : [];
  const pieces: T[][] = Array.from({ length: count }, () => []);
  let before = 0;
  papers.forEach((paper, i) => {
    // Each paper goes to the piece its middle falls in.
    pieces[Math.min(count - 1, Math.floor(((before + sizes[i] / 2) * count) / total))].push(paper);
    before += sizes[i];
  });
  return pieces.filter((piece) => piece.length > 0);
}

/** Links to anchors printed in another part point outside this one, until the parts are put together. */
function linkOut(html: string, anchors: ReadonlySet<string>, own: ReadonlySet<string>): string {
  return html.replace(/href="#([^"]+)"/g, (link, anchor: string) => (anchors.has(anchor) && !own.has(anchor) ? `href="${CROSS_PART}#${anchor}"` : link));
}

/**
 * The number printed on each page of the papers, by unit. Public papers are
 * numbered 1, 2, 3 ... in both the public and the members' pack, so "page 10"
 * is the same page in either: exempt papers in the members' pack are numbered
 * in their own series, E1, E2 ..., and the public pack's notice in their place
 * is not numbered. Returns each unit's pages' labels (null: unnumbered).
 */
export function pageNumbers(units: readonly { restricted: boolean; standIn: boolean }[], counts: readonly number[]): (string | null)[][] {
  let open = 0;
  let exempt = 0;
  return units.map((unit, i) =>
    Array.from({ length: counts[i] }, () => (unit.standIn ? null : unit.restricted ? `E${++exempt}` : String(++open))),
  );
}

/** "Page 4", "Pages 4 - 6", "Pages E1 - E3", "Pages 4 - 6, E1 - E3": a paper's numbered pages, public and exempt. */
function pageLabel(labels: readonly (string | null)[]): string | null {
  const spans: string[][] = [];
  for (const label of labels) {
    if (label === null) continue;
    const span = spans.at(-1);
    if (span && span[0].startsWith('E') === label.startsWith('E')) span.push(label);
    else spans.push([label]);
  }
  if (spans.length === 0) return null;
  const text = spans.map((s) => (s.length === 1 ? s[0] : `${s[0]} - ${s.at(-1)}`)).join(', ');
  return `${spans.length === 1 && spans[0].length === 1 ? 'Page' : 'Pages'} ${text}`;
}

/** Where Chromium put each internal link target: anchor -> page index. */
function destinations(doc: PDFDocument): Map<string, number> {
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const found = new Map<string, number>();
  const record = (name: string, value: unknown) => {
    const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
    const array = resolved instanceof PDFDict ? resolved.lookup(PDFName.of('D')) : resolved;
    if (array instanceof PDFArray) {
      const page = pages.get(array.get(0).toString());
      if (page !== undefined) found.set(name, page);
    }
  };
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) record(decodeURIComponent(key.decodeText()), value);
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i < names.size(); i += 2) {
      const key = names.lookup(i) as unknown as { decodeText(): string };
      record(key.decodeText(), names.get(i + 1));
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  return found;
}

/**
 * The PDF agenda pack: summons and agenda first, unnumbered; then each paper
 * on a new page, its appendices after it and PDF attachments merged as they
 * are, numbered continuously from 1; each agenda link shows the pages of its
 * paper; bookmarks for items, papers and appendices; metadata; pages of
 * exempt papers marked in a members' pack.
 *
 * Page references are measured, not guessed, and nothing is printed twice:
 * the papers are printed first, on their own, and the page each starts on is
 * read from the PDF's own link destinations; then the summons and agenda are
 * printed with the real numbers, and put in front, tags and links and all.
 */
export async function packPdf(printer: Printer, input: PackPdfInput): Promise<{ bytes: Uint8Array; accessibility: Omit<PdfAccessibility, 'file'> }> {
  const { view, render } = input;

  const units: Unit[] = [];
  const merge = async (file: string, read: () => Uint8Array) => {
    const bytes = read();
    const fault = pdfFault(bytes);
    if (fault) throw new ContentError(file, `Unexpected PDF: ${fault}`);
    let pdf;
    try {
      pdf = await loadPdf(isEncrypted(bytes) ? await decryptPdf(bytes) : bytes);
    } catch (err) {
      throw new ContentError(file, `Unexpected PDF: it cannot be read (${(err as Error).message.split('\n')[0]})`);
    }
    if (pdf.getPageCount() === 0) throw new ContentError(file, 'Unexpected PDF: it has no pages');
    return { pdf, pdfPages: pdf.getPageCount(), file };
  };
  // In agenda order: each item's papers with their appendices, then the PDFs the item links to directly.
  for (const item of view.items) {
    for (const paper of view.papers.filter((p) => p.item === item.number)) {
      const key = paper.anchor;
      units.push({ key, item: item.number, title: paper.title, kind: 'paper', restricted: paper.notForPublication, standIn: paper.withheld, anchor: paper.anchor, pdf: null, pdfPages: 0 });
      for (const appendix of paper.appendices) {
        const unit = { key, item: item.number, title: appendix.title, kind: 'appendix' as const, restricted: appendix.notForPublication, standIn: appendix.withheld };
        // A shown PDF appendix is merged as it is; the view gives its bytes.
        const merged = appendix.pdf && appendix.file && appendix.bytes ? await merge(appendix.file, appendix.bytes) : null;
        units.push(merged ? { ...unit, anchor: null, ...merged } : { ...unit, anchor: appendix.anchor, pdf: null, pdfPages: 0 });
      }
    }
    for (const link of item.links) {
      if (link.file && link.bytes) units.push({ key: link.file, item: item.number, title: link.text, kind: 'attachment', restricted: false, standIn: false, anchor: null, ...(await merge(link.file, link.bytes)) });
    }
  }

  /**
   * Each unit's first page and page count, from where the printed parts start
   * in `doc` (all pages before the first of them are the front); with no
   * printed part, from the merged PDFs alone.
   */
  const layout = (doc: PDFDocument | null) => {
    const dests = doc ? destinations(doc) : new Map<string, number>();
    const pageCount = doc?.getPageCount() ?? 0;
    const printedStarts = units.map((u) => (u.anchor === null ? null : dests.get(u.anchor)));
    const missing = units.find((u, i) => u.anchor !== null && printedStarts[i] === undefined);
    if (missing) throw new Error(`the printed pack has no destination for "${missing.title}"`);
    const front = (printedStarts.find((p) => p !== null && p !== undefined) as number | undefined) ?? pageCount;
    const first: number[] = [];
    const count: number[] = [];
    let cursor = front;
    units.forEach((unit, i) => {
      first.push(cursor);
      if (unit.pdf) count.push(unit.pdfPages);
      else {
        const nextPrinted = printedStarts.slice(i + 1).find((p) => p !== null && p !== undefined) ?? pageCount;
        count.push((nextPrinted as number) - (printedStarts[i] as number));
      }
      cursor += count[i];
    });
    return { front, first, count };
  };

  // 1. The papers, printed once on their own: where each starts is read from
  // the PDF's own link destinations. They are numbered from their first page,
  // so the front's length does not change any reference. A long pack's papers
  // are printed in pieces at once, and the pieces put together in order.
  const anchors = new Set(units.flatMap((u) => (u.anchor === null ? [] : [u.anchor])));
  const pieces = splitPieces(view.papers, (p) => 1000 + (p.html?.length ?? 0) + p.appendices.reduce((n, a) => n + (a.html?.length ?? 0), 0));
  const printed = await Promise.all(
    pieces.map(async (papers, i) => {
      const own = new Set(units.filter((u) => u.anchor !== null && papers.some((p) => p.anchor === u.key)).map((u) => u.anchor!));
      const html = linkOut(render({ ...view, pdf: true, part: 'papers', unit: true, papers, continued: i > 0 }), anchors, own);
      return loadPdf(await printer.print(html, input.relDir));
    }),
  );
  stepDone(`papers printed: ${input.relDir}`);
  const body = printed.pop() ?? null;
  for (const piece of printed.reverse()) prependTagged(body!, piece);
  const measured = layout(body);
  const numbers = pageNumbers(units, measured.count);
  const paperPages = new Map<string, (string | null)[]>();
  units.forEach((unit, i) => paperPages.set(unit.key, [...(paperPages.get(unit.key) ?? []), ...numbers[i]]));
  const withPages = (items: PrintedItem[]) =>
    items.map((item) => ({
      ...item,
      links: item.links.map((link) => {
        const labels = link.file ? paperPages.get(link.file) : link.href?.startsWith('#') ? paperPages.get(link.href.slice(1)) : undefined;
        const pages = labels ? pageLabel(labels) : null;
        return pages ? { ...link, pages } : link;
      }),
    }));

  // 2. The summons and agenda with the page references, printed on their own.
  // Its links to the papers point outside it when printed; they become links
  // to the papers' destinations when the two are put together.
  const frontHtml = render({ ...view, pdf: true, part: 'front', items: withPages(view.items), supplements: view.supplements.map((s) => ({ ...s, items: withPages(s.items) })) });
  const front = await loadPdf(await printer.print(linkOut(frontHtml, anchors, new Set()), input.relDir));
  // Where each agenda item is printed (the template names each item's place in a printed agenda): the front goes first.
  const itemPages = destinations(front);
  stepDone(`summons and agenda printed: ${input.relDir}`);
  const doc = body ?? front;
  if (body) prependTagged(body, front);
  linkAcrossParts(doc);
  // What Chromium paints outside the tags (the page's background, what the page hides from screen readers) is decoration.
  const known = markArtifacts(doc, input.preview);
  const final = layout(doc);
  if (final.count.some((n, i) => n !== measured.count[i])) throw new Error('the papers lost or gained pages when the agenda was put in front of them');
  // In order: each merged PDF goes where the final layout puts it, the ones before it already in place.
  const untagged: string[] = [];
  for (const [i, unit] of units.entries()) {
    if (!unit.pdf) continue;
    // Its headings go under the pack's: an appendix's title is a level 4 heading, a paper's a level 3 one.
    const { tagged } = await insertPdf(doc, unit.pdf, final.first[i], unit.title, unit.kind === 'appendix' ? 4 : 3);
    if (!tagged) untagged.push(unit.file!);
  }
  const expected = final.front + final.count.reduce((a, b) => a + b, 0);
  if (doc.getPageCount() !== expected) throw new Error(`page count ${doc.getPageCount()} differs from the papers' ${expected}`);

  const labels: (string | null)[] = [...Array.from({ length: final.front }, () => null), ...numbers.flat()];
  const restricted = units.flatMap((u, i) => (u.restricted ? Array.from({ length: final.count[i] }, (_, k) => final.first[i] + k) : []));

  // 3. Bookmarks, as councils' packs have them: the summons and agenda, then every item in order, each by its
  // documents where it has them ("7. Minutes of the meeting held on ...", "8. Child Friendly Borough"), with their
  // appendices under them, and by its own title at the agenda where it has none.
  const outline: OutlineEntry[] = [{ title: 'Summons and agenda', page: 0, children: [] }];
  for (const item of view.items) {
    const own = units.map((unit, i) => ({ unit, page: final.first[i] })).filter(({ unit }) => unit.item === item.number);
    if (own.length === 0) outline.push({ title: `${item.number}. ${item.title}`, page: itemPages.get(`item-${item.number}`) ?? 0, children: [] });
    for (const { unit, page } of own) {
      const entry: OutlineEntry = { title: unit.kind === 'appendix' ? unit.title : `${item.number}. ${unit.title}`, page, children: [] };
      if (unit.kind === 'appendix') outline.at(-1)!.children.push(entry);
      else outline.push(entry);
    }
  }
  // Links described by where they go: an agenda's link to a paper by the paper's title.
  const titles = new Map(units.flatMap((u) => (u.anchor ? [[u.anchor, u.title] as const] : [])));
  const finished = await finishPdf(doc, {
    printedFrom: { allowed: printer.allowed, relDir: input.relDir },
    known,
    firstNumbered: final.front,
    pageLabel: (n) => (labels[final.front + n - 1] === null ? null : `Page ${labels[final.front + n - 1]}`),
    restricted,
    outline,
    describe: (anchor) => (titles.has(anchor) ? `Go to ${titles.get(anchor)}` : undefined),
    metadata: { title: input.title, author: view.organisation, subject: input.subject, language: view.lang, date: input.date },
  });
  // The machine checks, each fault put down to the merged PDF whose pages it is on.
  const sourceOf = (page: number | undefined) => {
    const i = page === undefined ? -1 : units.findIndex((u, k) => u.pdf && page >= final.first[k] && page < final.first[k] + final.count[k]);
    return i >= 0 ? units[i].file : undefined;
  };
  const faults = finished.faults.map((fault) => {
    const source = sourceOf(fault.page);
    return source ? { ...fault, source } : fault;
  });
  const saved = finished.bytes;
  stepDone(`pack put together: ${input.relDir}`);
  return { bytes: saved, accessibility: { faults, untagged } };
}
