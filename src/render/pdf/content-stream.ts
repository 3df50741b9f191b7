import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';

/*
 * Page content as PDF/UA reads it: every operator that paints belongs either
 * to tagged content (a marked-content sequence with an MCID, found from the
 * structure tree) or to an artifact (decoration a screen reader skips). A
 * small reader of content streams finds painting outside both, to mark it as
 * an artifact in pages boardpack printed (Chromium paints the page's
 * background and what the page hides from assistive technology untagged) and
 * to report it in PDFs merged from elsewhere.
 */

/** Each byte's class: 0 regular, 1 white-space, 2 delimiter. */
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;
const isWhite = (text: string, at: number) => CLASS[text.charCodeAt(at)] === 1;

/** Where white-space and comments from `at` end. */
function skipWhite(text: string, at: number): number {
  const n = text.length;
  let i = at;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (CLASS[c] === 1) i++;
    else if (c === 0x25) {
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    } else break;
  }
  return i;
}

/** Where the operand or operator starting at `at` ends. */
function tokenEnd(text: string, at: number): number {
  const n = text.length;
  let i = at;
  const c = text.charCodeAt(i);
  if (c === 0x28) {
    // ( a string, with balanced parentheses and escapes )
    let depth = 0;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d === 0x5c) i++;
      else if (d === 0x28) depth++;
      else if (d === 0x29 && --depth === 0) break;
    }
    return i + 1;
  }
  if (c === 0x3c && text.charCodeAt(i + 1) === 0x3c) {
    for (i = skipWhite(text, i + 2); i < n && !(text.charCodeAt(i) === 0x3e && text.charCodeAt(i + 1) === 0x3e); i = skipWhite(text, i)) i = tokenEnd(text, i);
    return i + 2;
  }
  if (c === 0x3c) return text.indexOf('>', i) + 1 || n;
  if (c === 0x5b) {
    for (i = skipWhite(text, i + 1); i < n && text.charCodeAt(i) !== 0x5d; i = skipWhite(text, i)) i = tokenEnd(text, i);
    return i + 1;
  }
  if (c === 0x2f) i++;
  else if (CLASS[c] === 2) return i + 1; // a stray ), ], >, { or }
  while (i < n && CLASS[text.charCodeAt(i)] === 0) i++;
  return i;
}

/**
 * Read a content stream (its bytes as Latin-1 text, one character a byte),
 * calling `onOperator` for each operator with where its operands start, where
 * it ends, and its operands as [from, to) pairs in `spans` (valid only during
 * the call). Nothing is copied but the operators' names: a pack's content is
 * some megabytes, most of it numbers.
 */
export function scan(text: string, onOperator: (op: string, start: number, end: number, spans: readonly number[]) => void): void {
  const n = text.length;
  const spans: number[] = [];
  let i = 0;
  let start = -1;
  for (;;) {
    i = skipWhite(text, i);
    if (i >= n) break;
    if (start < 0) start = i;
    const from = i;
    const c = text.charCodeAt(i);
    i = tokenEnd(text, i);
    // Operands: strings, dictionaries, arrays, names, numbers, booleans and null. A stray delimiter is skipped.
    if (CLASS[c] === 2) {
      if (c === 0x28 || c === 0x3c || c === 0x5b || c === 0x2f) spans.push(from, i);
      continue;
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      spans.push(from, i);
      continue;
    }
    const word = text.slice(from, i);
    if (word === 'true' || word === 'false' || word === 'null') {
      spans.push(from, i);
      continue;
    }
    if (word === 'BI') {
      // An inline image: its dictionary, ID, one white-space byte, then data up to EI standing alone.
      let at = text.indexOf('ID', i);
      while (at >= 0 && !(isWhite(text, at - 1) && (at + 2 >= n || isWhite(text, at + 2)))) at = text.indexOf('ID', at + 2);
      let end = at < 0 ? n : at + 3;
      for (;;) {
        end = text.indexOf('EI', end);
        if (end < 0) {
          end = n;
          break;
        }
        if (isWhite(text, end - 1) && (end + 2 >= n || isWhite(text, end + 2))) {
          end += 2;
          break;
        }
        end += 2;
      }
      i = end;
      spans.length = 0;
      onOperator('EI', start, end, spans);
    } else {
      onOperator(word, start, i, spans);
    }
    spans.length = 0;
    start = -1;
  }
}

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
const OTHER_PAINTING = new Set(['sh', 'Do', 'EI']);

/** What the reader needs besides the text: whether a named property list or an XObject carries tagged content. */
export interface ContentContext {
  /** The property list a BDC names (`/P0`), looked up in the resources. */
  propertiesHaveMcid?: (name: string) => boolean;
  /** Whether a Form XObject drawn with Do has tagged content of its own (then it is not marked as a whole). */
  formIsTagged?: (name: string) => boolean;
}

export interface Marking {
  /** Painting operators neither in tagged content nor in an artifact, each as [from, to] in the text. */
  unmarked: [number, number][];
  /** Tagged content inside an artifact, or an artifact inside tagged content. */
  misnested: number;
  /** MCIDs used. */
  mcids: number[];
}

/** Read a page's content for its marking. */
export function marking(text: string, context: ContentContext = {}): Marking {
  // Each open sequence's kind, and how many of each are open.
  const stack: ('artifact' | 'tagged' | 'other')[] = [];
  let artifacts = 0;
  let tagged = 0;
  const result: Marking = { unmarked: [], misnested: 0, mcids: [] };
  let pathStart = -1;
  const operand = (spans: readonly number[], k: number) => (spans.length > 2 * k ? text.slice(spans[2 * k], spans[2 * k + 1]) : '');
  scan(text, (op, start, end, spans) => {
    if (op === 'BMC' || op === 'BDC') {
      const tag = operand(spans, 0);
      const props = op === 'BDC' ? operand(spans, 1) : '';
      const mcid = /\/MCID\s+(\d+)/.exec(props);
      const hasMcid = mcid !== null || (props.startsWith('/') && (context.propertiesHaveMcid?.(props.slice(1)) ?? false));
      if (mcid) result.mcids.push(Number(mcid[1]));
      const kind = tag === '/Artifact' ? 'artifact' : hasMcid ? 'tagged' : 'other';
      if ((kind === 'artifact' && tagged > 0) || (kind === 'tagged' && artifacts > 0)) result.misnested++;
      if (kind === 'artifact') artifacts++;
      else if (kind === 'tagged') tagged++;
      stack.push(kind);
      return;
    }
    if (op === 'EMC') {
      const kind = stack.pop();
      if (kind === 'artifact') artifacts--;
      else if (kind === 'tagged') tagged--;
      return;
    }
    if (PATH_CONSTRUCTION.has(op)) {
      if (pathStart < 0) pathStart = start;
      return;
    }
    if (op === 'W' || op === 'W*') return;
    const path = PATH_PAINTING.has(op);
    const from = path && pathStart >= 0 ? pathStart : start;
    if (path || op === 'n') pathStart = -1;
    if (artifacts > 0 || tagged > 0) return;
    if (!path && !TEXT_SHOWING.has(op) && !OTHER_PAINTING.has(op)) return;
    if (op === 'Do' && context.formIsTagged?.(operand(spans, 0).slice(1))) return;
    result.unmarked.push([from, end]);
  });
  return result;
}

/** The text with the given paintings marked as artifacts. */
function withArtifacts(text: string, unmarked: readonly [number, number][]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of unmarked) {
    parts.push(text.slice(at, from), '/Artifact BMC\n', text.slice(from, to), '\nEMC\n');
    at = to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A stream's decoded bytes as Latin-1 text. */
export function streamText(stream: PDFStream): string {
  if (stream instanceof PDFRawStream && stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
    // Most content is deflated alone: Node's own inflate reads it fastest.
    try {
      return inflateSync(stream.contents).toString('latin1');
    } catch {
      // A damaged stream: pdf-lib's reader below keeps what it can.
    }
  }
  const bytes =
    stream instanceof PDFRawStream
      ? decodePDFRawStream(stream).decode()
      : (stream as unknown as { getUnencodedContents(): Uint8Array }).getUnencodedContents();
  return Buffer.from(bytes).toString('latin1');
}

/** A page's content streams, in order. */
function contentStreams(doc: PDFDocument, page: PDFPage): PDFStream[] {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((r) => doc.context.lookup(r)) : [resolved];
  return streams.filter((s): s is PDFStream => s instanceof PDFStream);
}

/** Content streams as one text, each ended by a line break. */
const joined = (streams: PDFStream[]) => streams.map((s) => `${streamText(s)}\n`).join('');

/**
 * The marking of content streams boardpack has read already (a printed page's,
 * as `artifactPage` leaves it), so that its check of the finished PDF does not
 * decode and read them a second time.
 */
export type KnownMarkings = WeakMap<PDFStream, Marking>;

/** A page's marking in counts: paintings neither tagged nor artifacts, misnested sequences, and the MCIDs used. */
export interface PageMarking {
  unmarked: number;
  misnested: number;
  mcids: number[];
}

/** Read a page's content for its marking, taking what `known` holds for streams read before. */
export function pageMarking(doc: PDFDocument, page: PDFPage, known?: KnownMarkings): PageMarking {
  const streams = contentStreams(doc, page);
  const context = contentContext(doc, page.node.Resources());
  const counted = (m: Marking): PageMarking => ({ unmarked: m.unmarked.length, misnested: m.misnested, mcids: m.mcids });
  // Another program's page is read as one text, as a viewer reads it.
  if (!known || !streams.some((s) => known.has(s))) return counted(marking(joined(streams), context));
  // A page boardpack printed: the streams it added (the page number, stamps, q and Q) each hold whole
  // marked-content sequences, so each is read on its own, and the printed content is not read again.
  const total: PageMarking = { unmarked: 0, misnested: 0, mcids: [] };
  for (const stream of streams) {
    const one = counted(known.get(stream) ?? marking(streamText(stream), context));
    total.unmarked += one.unmarked;
    total.misnested += one.misnested;
    total.mcids.push(...one.mcids);
  }
  return total;
}

/** What a page's resources say about named property lists and Form XObjects, for `marking`. */
function contentContext(doc: PDFDocument, resources: PDFDict | undefined): ContentContext {
  const resolve = (value: unknown) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
  const dictOf = (value: unknown) => {
    const resolved = resolve(value);
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  return {
    propertiesHaveMcid: (name) => {
      const list = dictOf(dictOf(resources?.get(PDFName.of('Properties')))?.get(PDFName.of(name)));
      return list?.has(PDFName.of('MCID')) ?? false;
    },
    formIsTagged: (name) => {
      const form = resolve(dictOf(resources?.get(PDFName.of('XObject')))?.get(PDFName.of(name)));
      if (!(form instanceof PDFStream) || form.dict.get(PDFName.of('Subtype')) !== PDFName.of('Form')) return false;
      return form.dict.has(PDFName.of('StructParents')) || /\/MCID\s/.test(streamText(form));
    },
  };
}

/**
 * Mark as an artifact whatever a printed page paints outside tagged content,
 * noting in `known` the marking of the content it leaves. Returns whether the
 * page changed.
 */
export function artifactPage(doc: PDFDocument, page: PDFPage, known?: KnownMarkings): boolean {
  const streams = contentStreams(doc, page);
  const text = joined(streams);
  const found = marking(text, contentContext(doc, page.node.Resources()));
  if (found.unmarked.length === 0) {
    if (streams.length === 1) known?.set(streams[0], found);
    return false;
  }
  // The old streams go, or they would be written out unreferenced.
  const old = page.node.get(PDFName.of('Contents'));
  const resolved = old instanceof PDFRef ? doc.context.lookup(old) : old;
  for (const ref of [old, ...(resolved instanceof PDFArray ? resolved.asArray() : [])]) if (ref instanceof PDFRef) doc.context.delete(ref);
  // Deflated by Node's zlib, some times faster than pdf-lib's own on a pack's megabytes of content. The same zlib
  // (Chromium's) deflated what Chromium printed, so the bytes depend on nothing more than they did.
  const stream = doc.context.stream(deflateSync(Buffer.from(withArtifacts(text, found.unmarked), 'latin1')), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  // What was unmarked is now inside artifacts, at the top level, so nothing else about the marking changed.
  known?.set(stream, { unmarked: [], misnested: found.misnested, mcids: found.mcids });
  return true;
}

/** `artifactPage` on every page of a PDF boardpack printed; returns the markings noted, for its check. */
export function artifactPages(doc: PDFDocument): KnownMarkings {
  const known: KnownMarkings = new WeakMap();
  for (const page of doc.getPages()) artifactPage(doc, page, known);
  return known;
}
