import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element } from '@xmldom/xmldom';

/*
 * What the Word document's own XML says, read where the converter (mammoth)
 * is silent or wrong: tracked changes and comments (which it accepts or drops
 * without a word), paragraph numbers as Word shows them ("3.2", "(ii)", which
 * it turns into nested lists), and what cannot be kept at all.
 */

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function parseXml(text: string): XmlDocument {
  return new DOMParser().parseFromString(text, 'text/xml');
}

export function serialise(doc: XmlDocument): string {
  return new XMLSerializer().serializeToString(doc);
}

/** The elements named `local` in Word's namespace, below `root`, in document order (a copy: safe to change the tree while walking it). */
export function all(root: XmlDocument | Element, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(W, local));
}


function child(root: Element, local: string): Element | null {
  for (let n = root.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === W) return n as Element;
  return null;
}

export function attr(el: Element | null, local: string): string | null {
  return el ? el.getAttributeNS(W, local) || el.getAttribute(`w:${local}`) || null : null;
}

/** The paragraph an element sits in. */
function paragraphOf(el: Element): Element | null {
  for (let n: Element | null = el; n; n = n.parentNode as Element | null) if (n.localName === 'p' && n.namespaceURI === W) return n;
  return null;
}

/** A paragraph's text, as a reader sees it (inserted and deleted text both, for naming a place). */
export function textOf(el: Element): string {
  return [...all(el, 't'), ...all(el, 'delText')]
    .sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1))
    .map((t) => t.textContent ?? '')
    .join('');
}

/** Where an element is, for a message: the paragraph's number in the body and its first words. */
export function placeOf(body: Element[], el: Element): string {
  const p = paragraphOf(el);
  const index = p ? body.indexOf(p) : -1;
  const words = p ? textOf(p).trim().replace(/\s+/g, ' ') : '';
  const quoted = words.length > 50 ? `${words.slice(0, 50)}...` : words;
  return index >= 0 ? `paragraph ${index + 1}${quoted ? ` ("${quoted}")` : ''}` : 'the document';
}

/** A tracked change: who made it, what kind, and where. */
export interface Revision {
  kind: 'insertion' | 'deletion' | 'move' | 'formatting';
  author: string;
  place: string;
}

const REVISIONS: [string, Revision['kind']][] = [
  ['ins', 'insertion'],
  ['del', 'deletion'],
  ['moveFrom', 'move'],
  ['moveTo', 'move'],
  ['rPrChange', 'formatting'],
  ['pPrChange', 'formatting'],
];

export function revisionsIn(doc: XmlDocument): Revision[] {
  const body = all(doc, 'p');
  const found: { el: Element; kind: Revision['kind'] }[] = [];
  for (const [local, kind] of REVISIONS) for (const el of all(doc, local)) found.push({ el, kind });
  found.sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  return found.map(({ el, kind }) => ({ kind, author: attr(el, 'author') ?? 'an unnamed author', place: placeOf(body, el) }));
}

function unwrap(el: Element): void {
  const parent = el.parentNode!;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

function remove(el: Element): void {
  el.parentNode?.removeChild(el);
}

/** Every tracked change accepted (`accept`) or rejected (`reject`), as Word's "Accept all" and "Reject all" do. */
export function resolveRevisions(doc: XmlDocument, how: 'accept' | 'reject'): void {
  const [keep, drop] = how === 'accept' ? [['ins', 'moveTo'], ['del', 'moveFrom']] : [['del', 'moveFrom'], ['ins', 'moveTo']];
  for (const local of drop) for (const el of all(doc, local)) remove(el);
  for (const local of keep) {
    for (const el of all(doc, local)) {
      // Deleted text kept (rejecting a deletion) is text again.
      for (const t of all(el, 'delText')) {
        const text = doc.createElementNS(W, 'w:t');
        text.setAttribute('xml:space', 'preserve');
        text.textContent = t.textContent;
        t.parentNode!.replaceChild(text, t);
      }
      unwrap(el);
    }
  }
  // A formatting change keeps the new formatting either way: its record goes.
  for (const local of ['rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'numberingChange']) for (const el of all(doc, local)) remove(el);
  // Marks of inserted or deleted paragraph ends.
  for (const rPr of all(doc, 'rPr')) for (const local of ['ins', 'del']) for (const el of Array.from(rPr.childNodes).filter((n) => (n as Element).localName === local)) remove(el as Element);
}

/** A comment left in the document: who, what, where. */
export interface Comment {
  author: string;
  text: string;
  place: string;
}

export function commentsIn(doc: XmlDocument, comments: XmlDocument | null): Comment[] {
  if (!comments) return [];
  const body = all(doc, 'p');
  const anchors = new Map(all(doc, 'commentRangeStart').map((el) => [attr(el, 'id'), el]));
  for (const ref of all(doc, 'commentReference')) if (!anchors.has(attr(ref, 'id'))) anchors.set(attr(ref, 'id'), ref);
  return all(comments, 'comment').map((c) => {
    const anchor = anchors.get(attr(c, 'id'));
    const text = textOf(c).trim().replace(/\s+/g, ' ');
    return { author: attr(c, 'author') ?? 'an unnamed author', text: text.length > 60 ? `${text.slice(0, 60)}...` : text, place: anchor ? placeOf(body, anchor) : 'the document' };
  });
}

export function removeComments(doc: XmlDocument): void {
  for (const local of ['commentRangeStart', 'commentRangeEnd']) for (const el of all(doc, local)) remove(el);
  for (const ref of all(doc, 'commentReference')) {
    const run = ref.parentNode as Element;
    if (run.localName === 'r') remove(run);
    else remove(ref);
  }
}

interface Level {
  start: number;
  format: string;
  text: string;
}

/** Word's numbering definitions: for each list (numId), its levels, through its abstract definition and any overrides. */
export class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly abstractOf = new Map<string, string>();
  /** Paragraph styles that carry numbering (Word's numbered headings), with their list and level. */
  private readonly styleNumbering = new Map<string, { numId: string; ilvl: number }>();
  private readonly basedOn = new Map<string, string>();
  /** The counters of each abstract list, by level. */
  private readonly counters = new Map<string, number[]>();

  constructor(numbering: XmlDocument | null, styles: XmlDocument | null) {
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of numbering ? all(numbering, 'abstractNum') : []) {
      const levels = new Map<number, Level>();
      for (const lvl of Array.from(a.childNodes).filter((n) => (n as Element).localName === 'lvl') as Element[]) {
        levels.set(Number(attr(lvl, 'ilvl') ?? 0), {
          start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
          format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
          text: attr(child(lvl, 'lvlText'), 'val') ?? '',
        });
      }
      abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const num of numbering ? all(numbering, 'num') : []) {
      const id = attr(num, 'numId') ?? '';
      const abstractId = attr(child(num, 'abstractNumId'), 'val') ?? '';
      const levels = new Map(abstracts.get(abstractId) ?? []);
      for (const override of Array.from(num.childNodes).filter((n) => (n as Element).localName === 'lvlOverride') as Element[]) {
        const ilvl = Number(attr(override, 'ilvl') ?? 0);
        const start = child(override, 'startOverride');
        const base = levels.get(ilvl);
        if (start && base) levels.set(ilvl, { ...base, start: Number(attr(start, 'val') ?? base.start) });
      }
      this.levels.set(id, levels);
      this.abstractOf.set(id, abstractId);
    }
    for (const style of styles ? all(styles, 'style') : []) {
      const id = attr(style, 'styleId') ?? '';
      const based = attr(child(style, 'basedOn'), 'val');
      if (based) this.basedOn.set(id, based);
      const numPr = child(child(style, 'pPr') ?? style, 'numPr');
      const numId = attr(numPr && child(numPr, 'numId'), 'val');
      if (numId) this.styleNumbering.set(id, { numId, ilvl: Number(attr(numPr && child(numPr, 'ilvl'), 'val') ?? 0) });
    }
  }

  /** The list and level a paragraph is numbered in: its own numPr, or its style's (and the styles it is based on). */
  numberingOf(p: Element): { numId: string; ilvl: number } | null {
    const pPr = child(p, 'pPr');
    const numPr = pPr && child(pPr, 'numPr');
    const own = attr(numPr && child(numPr, 'numId'), 'val');
    let style = attr(pPr && child(pPr, 'pStyle'), 'val');
    let fromStyle: { numId: string; ilvl: number } | null = null;
    for (let depth = 0; style && depth < 10 && !fromStyle; depth++, style = this.basedOn.get(style) ?? null) fromStyle = this.styleNumbering.get(style) ?? null;
    const numId = own ?? fromStyle?.numId ?? null;
    if (!numId || numId === '0') return null;
    const ilvl = Number(attr(numPr && child(numPr, 'ilvl'), 'val') ?? fromStyle?.ilvl ?? 0);
    return { numId, ilvl };
  }

  isBullet(numId: string, ilvl: number): boolean {
    const level = this.levels.get(numId)?.get(ilvl);
    return !level || level.format === 'bullet' || level.format === 'none';
  }

  /**
   * A plain numbered list, as Markdown writes one: a level numbered "1." (or "1)") by its own counter alone, in
   * figures. Its items stay a list; "1.1", "(ii)" and "a)" are paragraph numbers, kept as text.
   */
  isPlainList(numId: string, ilvl: number): boolean {
    const level = this.levels.get(numId)?.get(ilvl);
    return !!level && level.format === 'decimal' && (level.text === `%${ilvl + 1}.` || level.text === `%${ilvl + 1})`);
  }

  /** The next number of a list at a level, as Word shows it ("3.2", "(ii)"): counting on, the deeper levels restarting. */
  next(numId: string, ilvl: number): string {
    const levels = this.levels.get(numId)!;
    const key = this.abstractOf.get(numId) ?? numId;
    const counters = this.counters.get(key) ?? [];
    counters[ilvl] = (counters[ilvl] ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1;
    counters.length = ilvl + 1;
    this.counters.set(key, counters);
    const text = levels.get(ilvl)?.text ?? '';
    return text.replace(/%(\d)/g, (_, n: string) => {
      const at = Number(n) - 1;
      const level = levels.get(at);
      return formatNumber(counters[at] ?? level?.start ?? 1, level?.format ?? 'decimal');
    });
  }
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/**
 * Write each numbered paragraph's number into its text, as Word shows it, and
 * take the paragraph out of Word's list (bullets stay lists): the converter
 * then keeps "3.2" where it would have made a nested list and lost it.
 */
export function literalNumbers(doc: XmlDocument, numbering: Numbering): void {
  for (const p of all(doc, 'p')) {
    const n = numbering.numberingOf(p);
    if (!n || numbering.isBullet(n.numId, n.ilvl)) continue;
    // A heading keeps its number in its text; a paragraph of a plain list stays in the list.
    const style = attr(p.getElementsByTagNameNS(W, 'pStyle')[0] ?? null, 'val') ?? '';
    if (!/^(Heading|Title)/i.test(style) && numbering.isPlainList(n.numId, n.ilvl)) continue;
    const label = numbering.next(n.numId, n.ilvl);
    let pPr = child(p, 'pPr');
    if (!pPr) {
      pPr = doc.createElementNS(W, 'w:pPr');
      p.insertBefore(pPr, p.firstChild);
    }
    // Out of the list: numId 0 says "no numbering", over the style's.
    const numPr = child(pPr, 'numPr');
    if (numPr) pPr.removeChild(numPr);
    const none = doc.createElementNS(W, 'w:numPr');
    const id = doc.createElementNS(W, 'w:numId');
    id.setAttributeNS(W, 'w:val', '0');
    none.appendChild(id);
    pPr.appendChild(none);
    if (!label) continue;
    const run = doc.createElementNS(W, 'w:r');
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.textContent = `${label} `;
    run.appendChild(t);
    p.insertBefore(run, pPr.nextSibling);
  }
}

/** Simple fields (a date, a page number) as the text Word last showed for them, which the converter would drop. */
export function fieldsAsText(doc: XmlDocument): void {
  for (const field of all(doc, 'fldSimple')) unwrap(field);
}

/** Word's bookmarks (_Toc, _GoBack, cross-reference targets): places in Word, nothing in the paper. */
export function removeBookmarks(doc: XmlDocument): void {
  for (const local of ['bookmarkStart', 'bookmarkEnd']) for (const el of all(doc, local)) remove(el);
}

/** What the document holds that a paper cannot: said in the loss report. */
export function lossesIn(doc: XmlDocument, parts: string[]): string[] {
  const losses: string[] = [];
  const count = (local: string) => all(doc, local).length;
  const say = (n: number, one: string, many: string) => n > 0 && losses.push(n === 1 ? one : many.replace('%d', String(n)));
  say(count('txbxContent'), 'a text box (its text is kept in the flow of the paper, its place on the page is not)', '%d text boxes (their text is kept in the flow of the paper, their places on the page are not)');
  say(count('object'), 'an embedded object (left out: attach it as a PDF)', '%d embedded objects (left out: attach them as PDFs)');
  const fields = [...all(doc, 'instrText').map((i) => (i.textContent ?? '').trim().split(/\s+/)[0]), ...all(doc, 'fldSimple').map((f) => (attr(f, 'instr') ?? '').trim().split(/\s+/)[0])]
    .filter((f) => f && !/^(HYPERLINK|PAGEREF|REF)$/i.test(f));
  if (fields.length > 0) losses.push(`fields (${[...new Set(fields.map((f) => f.toUpperCase()))].join(', ')}): their last shown text is kept, not the field`);
  const columns = all(doc, 'cols').some((c) => Number(attr(c, 'num') ?? 1) > 1);
  if (columns) losses.push('page layout in columns');
  if (parts.some((p) => /^word\/(header|footer)\d*\.xml$/.test(p))) losses.push('headers and footers');
  return losses;
}
