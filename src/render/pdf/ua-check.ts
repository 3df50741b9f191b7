import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString } from '@cantoo/pdf-lib';
import { numberTreeEntries } from './structure.js';
import { pageMarking, streamText, type KnownMarkings } from './content-stream.js';

/*
 * The machine-checkable conditions of PDF/UA-1 (ISO 14289-1, as the Matterhorn
 * Protocol and veraPDF's profile state them), checked on a PDF boardpack has
 * put together, so that `build` can say whether each pack passes and which
 * merged appendix does not. What needs a person (whether alternative text is
 * meaningful, whether the reading order makes sense) is not checked here.
 */

export interface UaFault {
  /** A short name of the condition, as in the README's list. */
  condition: string;
  /** The page it is on (from 0), where it is on one. */
  page?: number;
  message: string;
}

const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP ' +
    'Figure Formula Form'
  ).split(' '),
);

const name = (key: string) => PDFName.of(key);
const textOf = (value: unknown) => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined);

/**
 * Check a PDF against PDF/UA-1's machine-checkable conditions. `known` holds
 * the marking of content streams read while the PDF was put together.
 */
export function checkAccessible(doc: PDFDocument, known?: KnownMarkings): UaFault[] {
  const faults: UaFault[] = [];
  const fail = (condition: string, message: string, page?: number) => faults.push({ condition, message, ...(page === undefined ? {} : { page }) });
  const resolve = (value: unknown) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
  const dictOf = (value: unknown) => {
    const r = resolve(value);
    return r instanceof PDFDict ? r : undefined;
  };
  const listOf = (value: unknown): unknown[] => {
    const r = resolve(value);
    return r instanceof PDFArray ? r.asArray() : r === undefined ? [] : [value];
  };
  const catalog = doc.catalog;

  // The document.
  const header = doc.context.header.toString();
  if (!/^%PDF-1\.[0-7]\b/.test(header)) fail('version', `the file says ${header.split('\n')[0]}, expected PDF 1.0 to 1.7`);
  const metadata = resolve(catalog.get(name('Metadata')));
  const xmp = metadata instanceof PDFStream ? streamText(metadata) : '';
  if (!xmp) fail('metadata', 'no XMP metadata stream');
  else {
    if (!/<pdfuaid:part>\s*1\s*<\/pdfuaid:part>|pdfuaid:part\s*=\s*["']1["']/.test(xmp)) fail('metadata', 'the XMP metadata does not name PDF/UA-1 (pdfuaid:part 1)');
    if (!/<dc:title>[\s\S]*?<rdf:li[^>]*>[^<]+</.test(xmp)) fail('metadata', 'the XMP metadata has no dc:title');
    if (!/<dc:language>[\s\S]*?<rdf:li[^>]*>[^<]+</.test(xmp)) fail('metadata', 'the XMP metadata has no dc:language');
  }
  const display = dictOf(catalog.get(name('ViewerPreferences')))?.get(name('DisplayDocTitle'));
  if (!(display instanceof PDFBool && display.asBoolean())) fail('title', 'the title is not shown in the window (DisplayDocTitle)');
  const lang = textOf(resolve(catalog.get(name('Lang'))));
  if (!lang || !/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(lang)) fail('language', 'no language (/Lang) for the document');
  const markInfo = dictOf(catalog.get(name('MarkInfo')));
  if (String(markInfo?.get(name('Marked'))) !== 'true') fail('tagged', 'not marked as tagged (MarkInfo)');
  if (String(markInfo?.get(name('Suspects'))) === 'true') fail('tagged', 'marked as having suspect tags');
  const tree = dictOf(catalog.get(name('StructTreeRoot')));
  if (!tree) fail('tagged', 'no structure tree');
  if (!dictOf(catalog.get(name('Outlines')))?.has(name('First')) && doc.getPageCount() > 1) fail('bookmarks', 'no bookmarks');

  // The structure tree.
  const roleMap = dictOf(tree?.get(name('RoleMap')));
  for (const [key] of roleMap?.entries() ?? []) if (STANDARD_TYPES.has(key.decodeText())) fail('structure', `the standard type ${key.decodeText()} is remapped`);
  const standard = (type: string): string | null => {
    const seen = new Set<string>();
    for (let t = type; ; ) {
      if (STANDARD_TYPES.has(t)) return t;
      if (seen.has(t)) return null;
      seen.add(t);
      const next = roleMap?.get(name(t));
      if (!(next instanceof PDFName)) return null;
      t = next.decodeText();
    }
  };
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const elements = new Map<string, string>();
  const headings: { level: number; page?: number }[] = [];
  let lastPage: number | undefined;
  const visit = (ref: unknown, depth: number) => {
    const element = dictOf(ref);
    if (!element || depth > 256 || !(element.get(name('S')) instanceof PDFName)) return;
    const type = (element.get(name('S')) as PDFName).decodeText();
    const std = standard(type);
    const pg = element.get(name('Pg'));
    const page = pg ? pageIndex.get(pg.toString()) : lastPage;
    lastPage = page;
    if (ref instanceof PDFRef) elements.set(ref.toString(), std ?? type);
    if (!std) fail('structure', `the structure type ${type} is not mapped to a standard one`, page);
    if (!element.has(name('P'))) fail('structure', `a ${type} element has no parent`, page);
    if (std && /^H[1-6]$/.test(std)) headings.push({ level: Number(std[1]), page });
    if ((std === 'Figure' || std === 'Formula') && !textOf(resolve(element.get(name('Alt')))) && !element.has(name('ActualText'))) {
      fail('figures', `a ${std.toLowerCase()} has no alternative text`, page);
    }
    const kids = listOf(element.get(name('K'))).filter((k) => dictOf(k)?.get(name('S')) instanceof PDFName);
    const kidTypes = kids.map((k) => standard((dictOf(k)!.get(name('S')) as PDFName).decodeText()) ?? '?');
    if (std === 'Table' && kidTypes.some((t) => !['TR', 'THead', 'TBody', 'TFoot', 'Caption'].includes(t))) fail('tables', 'a table holds more than rows and row groups', page);
    if (std === 'TR' && kidTypes.some((t) => t !== 'TH' && t !== 'TD')) fail('tables', 'a table row holds more than cells', page);
    if (std === 'TH') {
      const scoped = listOf(element.get(name('A'))).some((a) => dictOf(a)?.get(name('O')) === name('Table') && dictOf(a)?.get(name('Scope')) instanceof PDFName);
      if (!scoped) fail('tables', 'a table header cell has no scope', page);
    }
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const top of listOf(tree?.get(name('K')))) visit(top, 0);
  let previous = 0;
  for (const { level, page } of headings) {
    if (level > previous + 1) fail('headings', `a level ${level} heading follows ${previous ? `a level ${previous} heading` : 'no heading'}`, page);
    previous = level;
  }

  // Pages: content marked, tagged content in the tree, annotations tagged and described, tab order, fonts.
  const parentTree = new Map(numberTreeEntries(doc, dictOf(tree?.get(name('ParentTree')))));
  const fonts = new Map<PDFDict, number>();
  const seen = new Set<unknown>();
  const collectFonts = (resources: unknown, page: number, depth = 0) => {
    const dict = dictOf(resources);
    if (!dict || seen.has(dict) || depth > 16) return;
    seen.add(dict);
    for (const [, font] of dictOf(dict.get(name('Font')))?.entries() ?? []) {
      const f = dictOf(font);
      if (f && !fonts.has(f)) fonts.set(f, page);
    }
    for (const [, xobject] of dictOf(dict.get(name('XObject')))?.entries() ?? []) {
      const stream = resolve(xobject);
      if (stream instanceof PDFStream && stream.dict.get(name('Subtype')) === name('Form')) collectFonts(stream.dict.get(name('Resources')), page, depth + 1);
    }
  };
  doc.getPages().forEach((page, index) => {
    const resources = page.node.Resources();
    collectFonts(resources, index);
    const content = pageMarking(doc, page, known);
    if (content.unmarked) fail('content', `${content.unmarked} pieces of content neither tagged nor marked as artifacts`, index);
    if (content.misnested) fail('content', 'tagged content and artifacts nested in each other', index);
    const key = page.node.get(name('StructParents'));
    const owners = key instanceof PDFNumber ? listOf(parentTree.get(key.asNumber())) : [];
    const orphans = content.mcids.filter((mcid) => !(owners[mcid] instanceof PDFRef && elements.has(owners[mcid]!.toString())));
    if (orphans.length) fail('structure', `${orphans.length} pieces of tagged content are not in the structure tree`, index);
    const annots = listOf(page.node.get(name('Annots')));
    if (annots.length && page.node.get(name('Tabs')) !== name('S')) fail('annotations', 'the tab order does not follow the structure (Tabs)', index);
    for (const value of annots) {
      const annot = dictOf(value);
      if (!annot) continue;
      const subtype = annot.get(name('Subtype'));
      const flags = annot.get(name('F'));
      if (subtype === name('Popup') || subtype === name('PrinterMark') || (flags instanceof PDFNumber && (flags.asNumber() & 2) === 2)) continue;
      const parent = annot.get(name('StructParent'));
      const owner = parent instanceof PDFNumber ? parentTree.get(parent.asNumber()) : undefined;
      const ownerType = owner instanceof PDFRef ? elements.get(owner.toString()) : undefined;
      const expected = subtype === name('Link') ? 'Link' : subtype === name('Widget') ? 'Form' : 'Annot';
      if (ownerType !== expected) fail('annotations', `a ${subtype instanceof PDFName ? subtype.decodeText().toLowerCase() : ''} annotation is not in a ${expected} element`, index);
      if (expected !== 'Form' && !textOf(resolve(annot.get(name('Contents'))))) fail('annotations', `a ${expected === 'Link' ? 'link' : 'note'} has no description (Contents)`, index);
    }
  });
  for (const [font, page] of fonts) {
    const subtype = font.get(name('Subtype'));
    if (subtype === name('Type3')) continue;
    const base = font.get(name('BaseFont'));
    const label = base instanceof PDFName ? base.decodeText() : 'a font';
    const descendant = subtype === name('Type0') ? dictOf(listOf(font.get(name('DescendantFonts')))[0]) : font;
    const descriptor = dictOf(descendant?.get(name('FontDescriptor')));
    if (!descriptor || !['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(name(k)))) fail('fonts', `${label} is not embedded`, page);
    const encoding = resolve(font.get(name('Encoding')));
    const known = subtype !== name('Type0') && (encoding === name('WinAnsiEncoding') || encoding === name('MacRomanEncoding') || (encoding instanceof PDFDict && !encoding.has(name('Differences'))));
    if (!font.has(name('ToUnicode')) && !known) fail('fonts', `${label} has no map to Unicode`, page);
  }
  return faults;
}
