import type { Resolution, ResolutionPart, TextBlock } from '../model/types.js';
import type { Located } from './text.js';

const VERB_RE =
  /^(?:it\s+was\s+(?:(?:unanimously|further|therefore|duly)\s+)?)?(resolved|agreed|recommended)\b(?:\s+to\s+(?:the\s+)?(?:cabinet|council|[A-Z][\w ]*?(?=\s*(?::-|:|[-–—]|\(|$))))?\s*(?::-|:|[-–—])?\s*/i;
/** A part's label: `(1)`, `(a)`, `(ii)`, or written with a closing bracket only, `1)`, `a)`, `ii)`. */
const LABEL_AT_START = /^(?:\((\d{1,3}|[a-z]{1,5})\)|(\d{1,3}|[a-z]|[ivx]{2,5})\))\s*/i;

/** A label's number or letters, without its brackets. */
function labelBody(label: string): string {
  return label.replace(/^\(/, '').replace(/\)$/, '');
}

/** The label for `body` written the way `like` is: `(2)` after `(1)`, `2)` after `1)`. */
function styled(like: string | undefined, body: string): string {
  return like !== undefined && !like.startsWith('(') ? `${body})` : `(${body})`;
}
const ROMAN_RE = /^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;
export const REASON_RE = /^reasons?\b(?:\s+for\s+(?:the\s+)?(?:decision|resolution|recommendations?))?\s*(?::-|:|[-–—])\s*/i;

type Kind = ResolutionPart['kind'];

/** The labels that open a list of parts. */
const OPENING_LABELS = ['(1)', '(a)', '(i)', '1)', 'a)', 'i)'];

function romanValue(s: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const v = values[lower[i]];
    const next = values[lower[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

interface Level {
  kind: Kind;
  container: ResolutionPart[];
  last: ResolutionPart | null;
}

/**
 * Builds a resolution's tree of parts as labels arrive: `(1)` `(2)` at the
 * top, `(a)` `(b)` under them, `(i)` `(ii)` under those, whichever kind comes
 * first being the top level. `(i)` after `(h)` is a letter, else a numeral.
 */
export class ResolutionBuilder {
  readonly resolution: Resolution;
  private stack: Level[] = [];

  constructor(verb: string, located: Located) {
    this.resolution = {
      verb: verb.toLowerCase() as Resolution['verb'],
      text: '',
      parts: [],
      reasons: [],
      position: located.position,
    };
  }

  classify(body: string): { kind: Kind; index: number } {
    if (/^\d+$/.test(body)) return { kind: 'number', index: Number(body) };
    const lower = body.toLowerCase();
    const isRoman = ROMAN_RE.test(lower);
    if (lower.length > 1) return isRoman ? { kind: 'roman', index: romanValue(lower) } : { kind: 'letter', index: NaN };
    const letterIndex = lower.charCodeAt(0) - 96;
    const letters = this.stack.find((l) => l.kind === 'letter');
    const romans = this.stack.find((l) => l.kind === 'roman');
    // A single letter continues the letters when it is the next one: (h) then (i) is a letter.
    if (letters?.last && letterIndex === letters.last.index + 1) return { kind: 'letter', index: letterIndex };
    // Otherwise (i) opens numerals, and (v) or (x) continue numerals already open.
    if (isRoman && (lower === 'i' || romans)) return { kind: 'roman', index: romanValue(lower) };
    return { kind: 'letter', index: letterIndex };
  }

  /** The label that would continue any open level, for splitting parts written inline. */
  expectedLabels(): string[] {
    const labels: string[] = [];
    for (const level of this.stack) {
      const next = (level.last?.index ?? 0) + 1;
      const like = level.last?.label;
      if (level.kind === 'number') labels.push(styled(like, String(next)));
      if (level.kind === 'letter') labels.push(styled(like, String.fromCharCode(96 + next)));
      if (level.kind === 'roman') labels.push(styled(like, toRoman(next)));
    }
    return labels;
  }

  addPart(label: string, body: string, text: string, located: Located, at: number): ResolutionPart {
    const { kind, index } = this.classify(body);
    const part: ResolutionPart = {
      label,
      kind,
      index,
      text,
      points: [],
      parts: [],
      position: located.positionAt(at),
    };
    const depth = this.stack.findIndex((l) => l.kind === kind);
    if (depth >= 0) {
      this.stack.length = depth + 1;
    } else {
      const parent = this.stack[this.stack.length - 1]?.last;
      this.stack.push({ kind, container: parent ? parent.parts : this.resolution.parts, last: null });
    }
    const level = this.stack[this.stack.length - 1];
    level.container.push(part);
    level.last = part;
    return part;
  }

  /**
   * Whether a part labelled \`label\`, written at the start of a paragraph,
   * belongs to this resolution: it continues (or skips within) a kind of label
   * already open, or opens a list of parts. A "b)" after parts numbered 1) 2)
   * is the minute's lettered discussion going on, not a part.
   */
  accepts(label: string): boolean {
    const body = labelBody(label.trim());
    if (OPENING_LABELS.includes(label.trim().toLowerCase())) return true;
    const { kind } = this.classify(body);
    return this.stack.some((l) => l.kind === kind);
  }

  /** The labels last written at each open level. */
  private lastLabels(): string[] {
    return this.stack.flatMap((level) => (level.last ? [level.last.label] : []));
  }

  /** The part that unlabelled points would belong to. */
  lastPart(): ResolutionPart | null {
    return this.stack[this.stack.length - 1]?.last ?? null;
  }

  /**
   * Read labelled parts from text: one at its start, and further labels
   * written inline that continue an open level, or open a sub-level after a
   * colon ("That the Panel:- (a) ..."). Returns the text before the first label.
   * Every label standing as a word is found in one pass, and each is looked at
   * once, so the time grows with the text, not with its square.
   */
  readParts(located: Located, from: number): string {
    const text = located.text;
    const labels = inlineLabels(text, from);
    let k = 0;
    // The first of the labels from `begin` on that continues an open level, or opens one after a colon; or the label
    // just written, written again ("4) ... 4) ... 5)"), so that the numbering rule sees the slip rather than the
    // second part vanishing into the first's text.
    const nextLabel = (begin: number, opening: boolean): { at: number; label: string } | null => {
      const expected = new Set(this.expectedLabels().map((l) => l.toLowerCase()));
      // A repeat counts only where a part could end before it ("...; 4) That"), not in a reference ("paragraph (2) of").
      const repeated = new Set(opening ? [] : this.lastLabels().map((l) => l.toLowerCase()));
      const endsClause = (at: number) => /[;.:]\s*(?:(?:and|or)\s+)?$/i.test(text.slice(Math.max(begin, at - 12), at));
      while (k < labels.length && labels[k].at < begin) k++;
      for (; k < labels.length; k++) {
        const { at, label } = labels[k];
        const lower = label.toLowerCase();
        if (opening ? OPENING_LABELS.includes(lower) : expected.has(lower)) return labels[k];
        if (repeated.has(lower) && endsClause(at)) return labels[k];
        if (!opening && OPENING_LABELS.includes(lower) && !expected.has(lower) && afterColon(text, begin, at)) return labels[k];
      }
      return null;
    };
    let leading = '';
    let current: { at: number; label: string } | null = null;
    const first = LABEL_AT_START.exec(text.slice(from, from + LABEL_SPAN));
    if (first) {
      current = { at: from, label: first[0].trim() };
    } else {
      current = nextLabel(from, true);
      leading = text.slice(from, current?.at ?? text.length).trim();
    }
    while (current) {
      const end = current.at + current.label.length;
      const part = this.addPart(current.label, labelBody(current.label), '', located, current.at);
      const chosen = nextLabel(end, false);
      part.text = text.slice(end, chosen?.at ?? text.length).trim();
      current = chosen;
    }
    return leading;
  }

  /**
   * Unlabelled text before the first part (bullets after "Resolved:-"): added
   * to the resolution's words without reading them again, so that a long list
   * costs time in proportion to its length.
   */
  addText(text: string): void {
    const words = text.trim();
    if (!words) return;
    this.resolution.text = this.resolution.text ? `${this.resolution.text} ${words}` : words;
  }

  addReason(reason: TextBlock): void {
    this.resolution.reasons.push(reason);
  }
}

/** Longest label read at the start of a text: `(xxviii)` and some space after it. */
const LABEL_SPAN = 40;

/** A label standing as a word: after the start, a space or `:;,–—-`, and before a space. */
const INLINE_LABEL_RE = /(?<=^|[\s:;,–—-])(?:\([a-z0-9]{1,10}\)|[a-z0-9]{1,10}\))(?=\s)/gi;

/** Every label standing as a word from `from` on, in order (labels cannot overlap: none holds a character it may follow). */
function inlineLabels(text: string, from: number): { at: number; label: string }[] {
  INLINE_LABEL_RE.lastIndex = from;
  const found: { at: number; label: string }[] = [];
  for (let m = INLINE_LABEL_RE.exec(text); m; m = INLINE_LABEL_RE.exec(text)) found.push({ at: m.index, label: m[0] });
  return found;
}

/** Whether the text from `begin` up to `at` ends with a colon (`:`, `:-`) or a dash (`–`, `—`), and spaces. */
function afterColon(text: string, begin: number, at: number): boolean {
  let k = at - 1;
  while (k >= begin && /\s/.test(text[k])) k--;
  if (k < begin) return false;
  if (text[k] === ':' || text[k] === '–' || text[k] === '—') return true;
  return text[k] === '-' && k - 1 >= begin && text[k - 1] === ':';
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Whether text opens a resolution; returns the verb and where the rest starts. */
export function matchVerb(text: string): { verb: string; rest: number } | null {
  const m = VERB_RE.exec(text);
  if (!m) return null;
  return { verb: m[1], rest: m[0].length };
}

export function startsWithLabel(text: string): boolean {
  return LABEL_AT_START.test(text);
}

/** The label a text opens with, if any: "b)" in "b) Members discussed ...". */
export function labelAtStart(text: string): string | null {
  return LABEL_AT_START.exec(text)?.[0].trim() ?? null;
}
