import { posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allowedHref, decodePath, encodePath } from '../../output/paths.js';
import {
  beginMarkedContent,
  endMarkedContent,
  PDFDocument,
  ParseSpeeds,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFArray,
  PDFDict,
  PDFString,
  PDFPage,
  rgb,
  type PDFFont,
} from '@cantoo/pdf-lib';
import { stampFont } from './accessible.js';
import { asArray, insertAsFigures, insertTagged, isTagged } from './structure.js';
export { prependTagged } from './structure.js';

/**
 * Load a PDF for surgery. pdf-lib by default stops every hundred objects to
 * let other work run, which made loading a printed pack several times slower
 * than parsing it; a build has nothing else to run meanwhile.
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

/** Save without pausing every fifty objects (most of the time saving took), and without object streams. */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

export interface OutlineEntry {
  title: string;
  /** Index of the page it opens at. */
  page: number;
  children: OutlineEntry[];
}

/** Actions a reader may follow from a merged PDF: a web link or a place in the document. Any other (JavaScript, Launch, SubmitForm, ...) is removed. */
const SAFE_ACTIONS = new Set(['URI', 'GoTo']);
/** Annotations that play, run or carry files; removed whole. */
const ACTIVE_ANNOTATIONS = new Set(['Screen', 'Movie', 'Sound', 'RichMedia', '3D', 'FileAttachment']);

/**
 * Remove what a PDF could do rather than show, before its pages are merged:
 * additional actions (/AA: run on open, close, focus), actions other than a
 * plain web link or a place in the document, and annotations that play,
 * run or carry files. Returns how many were removed.
 */
export function stripActiveContent(source: PDFDocument): number {
  let removed = 0;
  const lookup = (value: unknown) => (value instanceof PDFRef ? source.context.lookup(value) : value);
  const safeAction = (value: unknown): boolean => {
    const action = lookup(value);
    if (!(action instanceof PDFDict)) return false;
    const kind = action.get(PDFName.of('S'));
    if (!(kind instanceof PDFName) || !SAFE_ACTIONS.has(kind.decodeText()) || action.has(PDFName.of('Next'))) return false;
    // A web link, but not one that runs code or opens a file on the reader's machine.
    const uri = lookup(action.get(PDFName.of('URI')));
    return kind.decodeText() !== 'URI' || ((uri instanceof PDFString || uri instanceof PDFHexString) && allowedHref(uri.decodeText()));
  };
  for (const page of source.getPages()) {
    if (page.node.has(PDFName.of('AA'))) {
      page.node.delete(PDFName.of('AA'));
      removed++;
    }
    const annots = lookup(page.node.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray)) continue;
    const kept = [];
    for (let i = 0; i < annots.size(); i++) {
      const annot = lookup(annots.get(i));
      if (!(annot instanceof PDFDict)) continue;
      const subtype = annot.get(PDFName.of('Subtype'));
      if (subtype instanceof PDFName && ACTIVE_ANNOTATIONS.has(subtype.decodeText())) {
        removed++;
        continue;
      }
      // A form field's actions may sit on the field its widget belongs to, up the /Parent chain.
      for (let node: unknown = annot, depth = 0; node instanceof PDFDict && depth < 32; node = lookup(node.get(PDFName.of('Parent'))), depth++) {
        if (node.has(PDFName.of('AA'))) {
          node.delete(PDFName.of('AA'));
          removed++;
        }
        if (node.has(PDFName.of('A')) && !safeAction(node.get(PDFName.of('A')))) {
          node.delete(PDFName.of('A'));
          removed++;
        }
      }
      kept.push(annots.get(i));
    }
    if (kept.length !== annots.size()) page.node.set(PDFName.of('Annots'), source.context.obj(kept));
  }
  return removed;
}

/**
 * The same, for a PDF published whole (copied beside the web pack): also what
 * its catalog runs on opening (/OpenAction other than a place, /AA), its
 * document scripts and embedded files (/Names), and XFA forms.
 */
export function stripActiveDocument(doc: PDFDocument): number {
  let removed = stripActiveContent(doc);
  const catalog = doc.catalog;
  const open = catalog.get(PDFName.of('OpenAction'));
  const openDict = open instanceof PDFRef ? doc.context.lookup(open) : open;
  if (openDict instanceof PDFDict) {
    const kind = openDict.get(PDFName.of('S'));
    if (!(kind instanceof PDFName && SAFE_ACTIONS.has(kind.decodeText())) || openDict.has(PDFName.of('Next'))) {
      catalog.delete(PDFName.of('OpenAction'));
      removed++;
    }
  }
  if (catalog.has(PDFName.of('AA'))) {
    catalog.delete(PDFName.of('AA'));
    removed++;
  }
  const names = catalog.lookup(PDFName.of('Names'));
  if (names instanceof PDFDict) {
    for (const key of ['JavaScript', 'EmbeddedFiles']) {
      if (names.has(PDFName.of(key))) {
        names.delete(PDFName.of(key));
        removed++;
      }
    }
  }
  const form = catalog.lookup(PDFName.of('AcroForm'));
  if (form instanceof PDFDict && form.has(PDFName.of('XFA'))) {
    form.delete(PDFName.of('XFA'));
    removed++;
  }
  return removed;
}

/**
 * Insert every page of another PDF, its active content removed, before page
 * `at`: a tagged one with its structure, under a section titled `title`; an
 * untagged one as a figure per page whose alternative text names it. Returns
 * how many pages were inserted, and whether the PDF was tagged. Its headings
 * start at `headingLevel`, the level of its place in the document.
 */
export async function insertPdf(doc: PDFDocument, source: PDFDocument, at: number, title: string, headingLevel = 1): Promise<{ pages: number; tagged: boolean }> {
  stripActiveContent(source);
  const tagged = isTagged(source);
  const pages = tagged ? insertTagged(doc, source, at, title, headingLevel) : await insertAsFigures(doc, source, at, title);
  return { pages, tagged };
}

/** Draw text as an artifact, so that screen readers following the tags skip it. */
function artifactText(page: PDFPage, text: string, font: PDFFont, size: number, y: number, bold = false): void {
  const { width } = page.getSize();
  const textWidth = font.widthOfTextAtSize(text, size);
  page.pushOperators(beginMarkedContent('Artifact'));
  page.drawText(text, { x: (width - textWidth) / 2, y, size, font, color: bold ? rgb(0.48, 0.05, 0.05) : rgb(0.1, 0.1, 0.1) });
  page.pushOperators(endMarkedContent());
}

/** Print "Page N" at the foot of every page from `first` on, counting from 1. */
export async function stampPageNumbers(doc: PDFDocument, first: number, label: (n: number) => string | null = (n) => `Page ${n}`): Promise<void> {
  const font = await stampFont(doc);
  doc.getPages().forEach((page, i) => {
    const text = i >= first ? label(i - first + 1) : null;
    if (text !== null) artifactText(page, text, font, 9, 18);
  });
}

/** Mark pages NOT FOR PUBLICATION at their head. */
export async function stampRestricted(doc: PDFDocument, pages: number[]): Promise<void> {
  const font = await stampFont(doc, true);
  for (const i of pages) {
    const page = doc.getPage(i);
    artifactText(page, 'NOT FOR PUBLICATION', font, 10, page.getSize().height - 22, true);
  }
}

/** Bookmarks: a tree of titled entries, each opening at its page. */
export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  const ctx = doc.context;
  const pageRefs = doc.getPages().map((p) => p.ref);
  const build = (items: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => ctx.nextRef());
    let count = items.length;
    items.forEach((item, i) => {
      const dict = ctx.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [pageRefs[Math.min(item.page, pageRefs.length - 1)], 'Fit'],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < items.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      if (item.children.length) {
        const sub = build(item.children, refs[i]);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), ctx.obj(sub.count));
        count += sub.count;
      }
      ctx.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  if (entries.length === 0) return;
  const root = ctx.nextRef();
  const tree = build(entries, root);
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: tree.first, Last: tree.last, Count: tree.count }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Chromium writes relative links as absolute file: URLs of the folder the page
 * was printed from. Make them relative to the PDF again, pointing at the PDF
 * of a page rather than its HTML, so that the file carries no build path.
 */
export function relativiseLinks(doc: PDFDocument, printedFrom: string): void {
  const base = pathToFileURL(printedFrom.endsWith('/') ? printedFrom : `${printedFrom}/`).href;
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (!action || uri === undefined) continue;
      // Whatever the page said, the PDF links only to the web, mail, or its own files.
      if (!uri.startsWith('file:') && !allowedHref(uri)) {
        annot.delete(PDFName.of('A'));
        continue;
      }
      if (!uri.startsWith('file:')) continue;
      const path = decodePath(uri.replace(/^file:\/\//, ''));
      const from = decodePath(base.replace(/^file:\/\//, ''));
      const relative = posix.relative(from, path).replace(/\.html$/, '.pdf');
      action.set(PDFName.of('URI'), PDFString.of(encodePath(relative)));
    }
  }
}

/**
 * Chromium names tagged elements after its own DOM node numbers, which depend
 * on what else the browser has printed. Renumber them in document order (and
 * the table-header references that use them) so that rebuilds are identical
 * however many packs are printed at once.
 */
export function normaliseStructIds(doc: PDFDocument): void {
  const ids = new Map<string, string>();
  const elements = doc.context
    .enumerateIndirectObjects()
    .filter((entry): entry is [PDFRef, PDFDict] => entry[1] instanceof PDFDict && entry[1].get(PDFName.of('Type')) === PDFName.of('StructElem'));
  const renamed = (value: unknown) => {
    const old = value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
    if (old === null) return null;
    if (!ids.has(old)) ids.set(old, `e${String(ids.size + 1).padStart(6, '0')}`);
    return PDFString.of(ids.get(old)!);
  };
  const named: [string, PDFRef][] = [];
  for (const [ref, element] of elements) {
    const id = renamed(element.get(PDFName.of('ID')));
    if (!id) continue;
    element.set(PDFName.of('ID'), id);
    named.push([id.decodeText(), ref]);
  }
  for (const [, element] of elements) {
    const attributes = element.get(PDFName.of('A'));
    const resolved = attributes instanceof PDFRef ? doc.context.lookup(attributes) : attributes;
    const sets = resolved instanceof PDFArray ? resolved.asArray() : resolved ? [resolved] : [];
    for (const set of sets) {
      const dict = set instanceof PDFRef ? doc.context.lookup(set) : set;
      if (!(dict instanceof PDFDict)) continue;
      const list = dict.get(PDFName.of('Headers'));
      if (!(list instanceof PDFArray)) continue;
      for (let i = 0; i < list.size(); i++) {
        const id = renamed(list.get(i));
        if (id) list.set(i, id);
      }
    }
  }
  // The tree from IDs to elements, rebuilt under the new names (sorted, as a name tree must be).
  const tree = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (tree && named.length) {
    // Drop the old tree's nodes: pdf-lib would write them out, unreferenced, with the old names.
    const drop = (node: unknown) => {
      if (!(node instanceof PDFRef)) return;
      const dict = doc.context.lookup(node);
      const kids = dict instanceof PDFDict ? dict.get(PDFName.of('Kids')) : undefined;
      if (kids instanceof PDFArray) kids.asArray().forEach(drop);
      doc.context.delete(node);
    };
    drop(tree.get(PDFName.of('IDTree')));
    named.sort(([a], [b]) => (a < b ? -1 : 1));
    const names = named.flatMap(([id, ref]) => [PDFString.of(id), ref]);
    tree.set(PDFName.of('IDTree'), doc.context.register(doc.context.obj({ Names: names })));
  }
}

/** A link in a separately printed part to a place in another part: printed as this address, then made a named destination. */
export const CROSS_PART = 'https://boardpack.invalid/pack';

const name = (key: string) => PDFName.of(key);

/**
 * Links printed in one part to a place printed in another (written with
 * CROSS_PART) become links to the named destination, once the parts are one document.
 */
export function linkAcrossParts(doc: PDFDocument): void {
  const dests = doc.catalog.lookupMaybe(name('Dests'), PDFDict);
  const byAnchor = new Map((dests?.keys() ?? []).map((key) => [decodeURIComponent(key.decodeText()), key]));
  for (const page of doc.getPages()) {
    for (const annot of asArray(doc, page.node.get(name('Annots')))) {
      const dict = annot instanceof PDFRef ? doc.context.lookup(annot, PDFDict) : (annot as PDFDict);
      const uri = dict.lookupMaybe(name('A'), PDFDict)?.lookupMaybe(name('URI'), PDFString, PDFHexString)?.decodeText();
      if (!uri?.startsWith(`${CROSS_PART}#`)) continue;
      const anchor = decodeURIComponent(uri.slice(CROSS_PART.length + 1));
      const key = byAnchor.get(anchor);
      if (!key) throw new Error(`the printed pack has no destination for a link to "#${anchor}"`);
      dict.delete(name('A'));
      dict.set(name('Dest'), key);
    }
  }
}
