import type { Nodes, PhrasingContent } from 'mdast';
import type { Position, TextBlock } from '../model/types.js';
import type { SourceText } from './source.js';

/** What `/\s/` matches, by UTF-16 code unit, without a regular expression per character. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const SPACE = 32;

/**
 * Plain text taken from Markdown, with whitespace collapsed and HTML tags
 * dropped, that remembers for each character where in the file it came from:
 * so a date found in the middle of a sentence gets its own line and column.
 */
export class MappedText {
  /** The text as UTF-16 code units, each with the offset in the file it was read at. */
  private codes: number[] = [];
  private offsets: number[] = [];
  private joined: string | null = null;

  constructor(readonly source: SourceText) {}

  get text(): string {
    if (this.joined === null) {
      let text = '';
      for (let i = 0; i < this.codes.length; i += 4096) text += String.fromCharCode(...this.codes.slice(i, i + 4096));
      this.joined = text;
    }
    return this.joined;
  }

  get length(): number {
    return this.codes.length;
  }

  /** Append one code unit read at `offset`, collapsing runs of whitespace. */
  private pushCode(code: number, offset: number): void {
    if (isSpace(code)) {
      const n = this.codes.length;
      if (n === 0 || this.codes[n - 1] === SPACE) return;
      code = SPACE;
    }
    this.codes.push(code);
    this.offsets.push(offset);
    this.joined = null;
  }

  private push(text: string, offset: number): void {
    for (let i = 0; i < text.length; i++) this.pushCode(text.charCodeAt(i), offset);
  }

  /** A separator between blocks of text (a closing `</p>`, a `<br>`). */
  space(offset: number): void {
    this.push(' ', offset);
  }

  /**
   * Append a value that mdast read from the source starting at `start`. The
   * value may lack what the source has (list indentation after a line break,
   * backslash escapes), so walk both side by side.
   */
  appendFromSource(value: string, start: number): void {
    const src = this.source.text;
    let s = start;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code === 10) {
        const nl = src.indexOf('\n', s);
        if (nl >= 0) s = nl;
      } else if (src.charCodeAt(s) !== code) {
        let probe = s;
        while (probe < src.length && probe - s < 8 && src.charCodeAt(probe) !== code) probe++;
        if (src.charCodeAt(probe) === code) s = probe;
      }
      this.pushCode(code, s);
      s += 1;
    }
  }

  /** Append raw HTML: tags become separators or vanish; text between them is kept. */
  appendHtml(raw: string, start: number): void {
    const tag = /<\/?([a-zA-Z][\w-]*)[^>]*>|<!--[\s\S]*?-->/g;
    let last = 0;
    for (const m of raw.matchAll(tag)) {
      this.appendEntityText(raw.slice(last, m.index), start + last);
      const name = (m[1] ?? '').toLowerCase();
      if (/^(p|br|li|ul|ol|div|tr|td|th|table|h\d)$/.test(name)) this.space(start + m.index!);
      last = m.index! + m[0].length;
    }
    this.appendEntityText(raw.slice(last), start + last);
  }

  private appendEntityText(chunk: string, start: number): void {
    const entity = /&(amp|lt|gt|quot|apos|nbsp|#39|#160);/g;
    const chars: Record<string, string> = {
      amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#160': ' ',
    };
    let last = 0;
    for (const m of chunk.matchAll(entity)) {
      this.appendFromSource(chunk.slice(last, m.index), start + last);
      this.push(chars[m[1]], start + m.index!);
      last = m.index! + m[0].length;
    }
    this.appendFromSource(chunk.slice(last), start + last);
  }

  /** Append the text of inline Markdown content. */
  appendInline(nodes: readonly (PhrasingContent | Nodes)[], options: InlineOptions = {}): void {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.appendFromSource(node.value, node.type === 'inlineCode' ? start + 1 : start);
          break;
        case 'html':
          this.appendHtml(node.value, start);
          break;
        case 'break':
          this.space(start);
          break;
        case 'link':
          if (!options.skipLink?.(node.url)) this.appendInline(node.children, options);
          break;
        case 'linkReference':
          this.appendInline(node.children, options);
          break;
        case 'image':
        case 'imageReference':
        case 'footnoteReference':
          break;
        default:
          if ('children' in node) this.appendInline(node.children as PhrasingContent[], options);
      }
    }
  }

  /** The text with leading and trailing space removed (whitespace is already collapsed to single spaces). */
  trimmed(): { text: string; offsetOf: (index: number) => number } {
    const n = this.codes.length;
    const lead = n > 0 && this.codes[0] === SPACE ? 1 : 0;
    const end = n > lead && this.codes[n - 1] === SPACE ? n - 1 : n;
    return { text: this.text.slice(lead, end), offsetOf: (i) => this.offsetAt(i + lead) };
  }

  offsetAt(index: number): number {
    if (this.offsets.length === 0) return 0;
    return this.offsets[Math.min(Math.max(index, 0), this.offsets.length - 1)];
  }

  positionAt(index: number): Position {
    return this.source.position(this.offsetAt(index));
  }
}

export interface InlineOptions {
  /** Links to leave out of the text (an agenda item's papers are not part of its title). */
  skipLink?: (url: string) => boolean;
}

/**
 * Where a text's characters came from, compactly: triples of [index in the
 * text, line, column], one for each place where the text stops following the
 * file character by character (a line break, a dropped tag). Plain numbers,
 * so it survives being copied between threads or cached.
 */
export type Segments = number[];

/** The place of a character of a text, from its segments. */
export function positionFromSegments(file: string, segments: Segments, index: number): Position {
  let k = 0;
  while (k + 3 < segments.length && segments[k + 3] <= index) k += 3;
  return { file, line: segments[k + 1], column: segments[k + 2] + (index - segments[k]) };
}

/** A piece of text with a way back to the file. */
export interface Located {
  text: string;
  position: Position;
  positionAt: (index: number) => Position;
  segments: Segments;
}

export function locate(mapped: MappedText, fallback: Position): Located {
  const { text, offsetOf } = mapped.trimmed();
  const source = mapped.source;
  const segments: Segments = [];
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const offset = offsetOf(i);
    // A new segment where the text skips part of the file, or the file starts a new line.
    if (i === 0 || offset !== previous + 1 || source.text.charCodeAt(previous) === 10) {
      const p = source.position(offset);
      segments.push(i, p.line, p.column);
    }
    previous = offset;
  }
  if (segments.length === 0) segments.push(0, fallback.line, fallback.column);
  return {
    text,
    position: text.length ? source.position(offsetOf(0)) : fallback,
    positionAt: (i) => (text.length ? positionFromSegments(source.file, segments, Math.min(i, text.length - 1)) : fallback),
    segments,
  };
}

/** Where a character of a block's text sits in its file. */
export function positionIn(block: TextBlock, index: number): Position {
  return block.segments ? positionFromSegments(block.position.file, block.segments, index) : block.position;
}
