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

/** One operator with its operands: where they start and where the operator ends, in the stream's text. */
export interface Operation {
  op: string;
  start: number;
  end: number;
  /** The operands' text, in order. */
  operands: string[];
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** The operations of a content stream (its bytes as Latin-1 text, one character a byte). */
export function operations(text: string): Operation[] {
  const found: Operation[] = [];
  const n = text.length;
  let i = 0;
  let operands: string[] = [];
  let start = -1;
  const skipWhite = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (WHITE.has(c)) i++;
      else if (c === 0x25) while (i < n && text[i] !== '\n' && text[i] !== '\r') i++;
      else break;
    }
  };
  /** One operand or operator from i on: returns its text, and moves i past it. */
  const token = (): string => {
    const from = i;
    const c = text[i];
    if (c === '(') {
      let depth = 0;
      for (; i < n; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) break;
      }
      i++;
    } else if (c === '<' && text[i + 1] === '<') {
      i += 2;
      for (skipWhite(); i < n && !(text[i] === '>' && text[i + 1] === '>'); skipWhite()) token();
      i += 2;
    } else if (c === '<') {
      i = text.indexOf('>', i) + 1 || n;
    } else if (c === '[') {
      i++;
      for (skipWhite(); i < n && text[i] !== ']'; skipWhite()) token();
      i++;
    } else if (c === '/') {
      i++;
      while (i < n && !WHITE.has(text.charCodeAt(i)) && !DELIMITER.has(text.charCodeAt(i))) i++;
    } else if (DELIMITER.has(text.charCodeAt(i))) {
      i++; // a stray ), ], >, { or }: skipped
    } else {
      while (i < n && !WHITE.has(text.charCodeAt(i)) && !DELIMITER.has(text.charCodeAt(i))) i++;
    }
    return text.slice(from, i);
  };
  while (true) {
    skipWhite();
    if (i >= n) break;
    if (start < 0) start = i;
    const c = text[i];
    const word = token();
    const regular = !'(</['.includes(c) && !/^[+\-.\d]/.test(word) && word !== 'true' && word !== 'false' && word !== 'null';
    if (!regular) {
      operands.push(word);
      continue;
    }
    if (word === 'BI') {
      // An inline image: its dictionary, ID, one white-space byte, then data up to EI standing alone.
      let at = text.indexOf('ID', i);
      while (at >= 0 && !(WHITE.has(text.charCodeAt(at - 1)) && (WHITE.has(text.charCodeAt(at + 2)) || at + 2 >= n))) at = text.indexOf('ID', at + 2);
      let end = at < 0 ? n : at + 3;
      for (;;) {
        end = text.indexOf('EI', end);
        if (end < 0) {
          end = n;
          break;
        }
        if (WHITE.has(text.charCodeAt(end - 1)) && (end + 2 >= n || WHITE.has(text.charCodeAt(end + 2)))) {
          end += 2;
          break;
        }
        end += 2;
      }
      i = end;
      found.push({ op: 'EI', start, end, operands: [] });
    } else {
      found.push({ op: word, start, end: i, operands });
    }
    operands = [];
    start = -1;
  }
  return found;
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
  const ops = operations(text);
  const stack: ('artifact' | 'tagged' | 'other')[] = [];
  const result: Marking = { unmarked: [], misnested: 0, mcids: [] };
  let pathStart = -1;
  for (const op of ops) {
    if (op.op === 'BMC' || op.op === 'BDC') {
      const tag = op.operands[0] ?? '';
      const props = op.op === 'BDC' ? (op.operands[1] ?? '') : '';
      const mcid = /\/MCID\s+(\d+)/.exec(props);
      const tagged = mcid !== null || (props.startsWith('/') && (context.propertiesHaveMcid?.(props.slice(1)) ?? false));
      if (mcid) result.mcids.push(Number(mcid[1]));
      const kind = tag === '/Artifact' ? 'artifact' : tagged ? 'tagged' : 'other';
      if ((kind === 'artifact' && stack.includes('tagged')) || (kind === 'tagged' && stack.includes('artifact'))) result.misnested++;
      stack.push(kind);
      continue;
    }
    if (op.op === 'EMC') {
      stack.pop();
      continue;
    }
    if (PATH_CONSTRUCTION.has(op.op)) {
      if (pathStart < 0) pathStart = op.start;
      continue;
    }
    if (op.op === 'W' || op.op === 'W*') continue;
    const path = PATH_PAINTING.has(op.op);
    const from = path && pathStart >= 0 ? pathStart : op.start;
    if (path || op.op === 'n') pathStart = -1;
    if (!path && !TEXT_SHOWING.has(op.op) && !OTHER_PAINTING.has(op.op)) continue;
    if (op.op === 'Do' && context.formIsTagged?.((op.operands[0] ?? '').slice(1))) continue;
    if (!stack.includes('artifact') && !stack.includes('tagged')) result.unmarked.push([from, op.end]);
  }
  return result;
}

/** The text with each painting outside tagged content and artifacts marked as an artifact; null when there is none. */
export function artifactUnmarked(text: string, context: ContentContext = {}): string | null {
  const { unmarked } = marking(text, context);
  if (unmarked.length === 0) return null;
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
  const bytes =
    stream instanceof PDFRawStream
      ? decodePDFRawStream(stream).decode()
      : (stream as unknown as { getUnencodedContents(): Uint8Array }).getUnencodedContents();
  return Buffer.from(bytes).toString('latin1');
}

/** A page's content as one text: its content streams in order, each ended by a line break. */
export function pageContent(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((r) => doc.context.lookup(r)) : [resolved];
  return streams
    .filter((s): s is PDFStream => s instanceof PDFStream)
    .map((s) => `${streamText(s)}\n`)
    .join('');
}

/** What a page's resources say about named property lists and Form XObjects, for `marking`. */
export function contentContext(doc: PDFDocument, resources: PDFDict | undefined): ContentContext {
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

/** Mark as an artifact whatever a printed page paints outside tagged content. Returns whether the page changed. */
export function artifactPage(doc: PDFDocument, page: PDFPage): boolean {
  const text = pageContent(doc, page);
  const resources = page.node.Resources();
  const marked = artifactUnmarked(text, contentContext(doc, resources));
  if (marked === null) return false;
  // The old streams go, or they would be written out unreferenced.
  const old = page.node.get(PDFName.of('Contents'));
  const resolved = old instanceof PDFRef ? doc.context.lookup(old) : old;
  for (const ref of [old, ...(resolved instanceof PDFArray ? resolved.asArray() : [])]) if (ref instanceof PDFRef) doc.context.delete(ref);
  const stream = doc.context.flateStream(Buffer.from(marked, 'latin1'));
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return true;
}
