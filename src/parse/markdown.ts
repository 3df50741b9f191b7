import matter from 'gray-matter';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent, Table as MdTable, TableCell } from 'mdast';
import type { DocumentBody, OrderedList, Position, Suppression, Table, TextBlock, WrittenDate } from '../model/types.js';
import { findDates } from '../dates/prose.js';
import { isIsoDate } from '../dates/calendar.js';
import { normaliseText, SourceText } from './source.js';
import { MappedText, locate, type InlineOptions, type Located } from './text.js';
import type { z } from 'zod';
import { fieldPositions, parseYaml, validate, type YamlSource } from './yaml.js';
import type { Problems } from './problems.js';

const processor = unified().use(remarkParse).use(remarkGfm);

/**
 * GitHub-flavoured Markdown without literal autolinks (bare `www.`, `https://`
 * and e-mail addresses). Finding those means trying at nearly every letter,
 * which took a third of all parsing time (measured with the benchmark, bench/README.md);
 * a file with nothing that could start one gives the very same tree without it
 * (tested: tests/parse/markdown.test.ts). remark-gfm has no option to leave them out,
 * so its other four extensions are named here, from the packages it is made of.
 */
function gfmWithoutAutolinkLiterals(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}
const withoutAutolinks = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals);

/**
 * Could the text hold a literal autolink? Every kind needs `@`, `www.` or
 * `http(s)://` in its text; a character reference could spell any of them.
 */
export function mayHoldAutolink(text: string): boolean {
  return /[@&]|www\.|https?:\/\//i.test(text);
}

/** Parse a Markdown body with GFM, skipping the literal-autolink search where it cannot find anything. */
export function parseMarkdown(body: string): Root {
  return parseGfm(body, mayHoldAutolink(body));
}

export function parseGfm(body: string, autolinkLiterals: boolean): Root {
  return (autolinkLiterals ? processor : withoutAutolinks).parse(body) as Root;
}

export interface MarkdownDoc {
  file: string;
  source: SourceText;
  tree: Root;
  /** The frontmatter, or null when the file has none or it is broken (then a problem is recorded). */
  yaml: YamlSource | null;
  hasFrontmatter: boolean;
  /** The frontmatter's plain data; `{}` when there is none. */
  data: unknown;
}

/**
 * gray-matter's engines, all of them inert: it only splits the file, and the
 * YAML is read by `yaml`. Its default engines include one that evaluates
 * JavaScript (`---js`); content is data, so no engine it knows may run code,
 * whatever word follows the opening `---` (that word is refused before).
 */
const INERT = { parse: () => ({}), stringify: () => '' };
const MATTER_OPTIONS = {
  language: 'yaml',
  engines: { yaml: INERT, yml: INERT, javascript: INERT, js: INERT, json: INERT, coffee: INERT, coffeescript: INERT, cson: INERT, toml: INERT },
};

/** The opening line of frontmatter: `---`, or `---yaml`, nothing else. */
const OPENING = /^---[ \t]*(?:ya?ml[ \t]*)?$/i;

/**
 * Split frontmatter from body and parse both. The frontmatter's lines are
 * blanked out of the body, so every Markdown position is the file's own.
 */
export function loadMarkdown(file: string, raw: string, problems: Problems): MarkdownDoc {
  let text = normaliseText(raw);
  const hasFrontmatter = text.startsWith('---') && text[3] !== '-';
  let opening = true;
  if (hasFrontmatter) {
    const end = text.indexOf('\n');
    const first = end === -1 ? text : text.slice(0, end);
    if (!OPENING.test(first)) {
      opening = false;
      problems.error(
        'frontmatter',
        `Unexpected "${first.length > 40 ? first.slice(0, 37) + '...' : first}" opening the frontmatter, expected "---" alone on the line: frontmatter is YAML only`,
        { file, line: 1, column: 1 },
      );
      // Split as if the line were a plain `---`: no engine is chosen by it.
      text = '---' + ' '.repeat(first.length - 3) + text.slice(first.length);
    }
  }
  // gray-matter splits; the YAML itself is read by `yaml`, which keeps positions.
  const split = hasFrontmatter ? matter(text, MATTER_OPTIONS as never) : { content: text, matter: '' };
  const prefix = text.slice(0, text.length - split.content.length);
  const body = prefix.replace(/[^\n]/g, '') + split.content;
  const source = new SourceText(file, body);
  let yaml: YamlSource | null = null;
  let data: unknown = {};
  if (hasFrontmatter) {
    yaml = opening ? parseYaml(file, split.matter, problems, 0) : null;
    data = yaml ? (yaml.data ?? {}) : null;
  }
  const unreadable = tooLarge(body) ?? linesUnreadable(body) ?? htmlTooDeep(body);
  if (unreadable) problems.error('read-error', `${unreadable.message}; the text is not read`, { file, line: unreadable.line, column: 1 });
  const tree: Root = unreadable ? { type: 'root', children: [] } : parseMarkdown(body);
  return { file, source, tree, yaml, hasFrontmatter, data };
}

function nestedTooDeep(what: string, line: number, limit: number): Unreadable {
  return { message: `Unexpected ${what} nested too deep, expected at most ${limit} levels`, line };
}

/** The most levels of lists, block quotes or HTML elements a file may nest: no paper needs more, and parsing deeper nesting takes time that grows with its square. */
export const MAX_NESTING = 32;
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Why a text is not parsed, and where: found before parsing, in time that grows with the text alone. */
export interface Unreadable {
  message: string;
  line: number;
}

/**
 * The longest Markdown file read, in characters: some forty times the longest
 * report seen, and parsed in a few seconds. A longer one is a document to
 * split into papers and appendices, or to attach as a PDF.
 */
export const MAX_MARKDOWN_CHARS = 2_000_000;

function tooLarge(text: string): Unreadable | null {
  if (text.length <= MAX_MARKDOWN_CHARS) return null;
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return {
    message: `Unexpected Markdown file of ${mb(text.length)}, expected at most ${mb(MAX_MARKDOWN_CHARS)}: split it into papers and appendices, or attach it as a PDF`,
    line: 1,
  };
}

/**
 * The most link and emphasis marks (`*`, `_`, `~`, `[`, `]`) one paragraph
 * and one file may hold. The Markdown parser matches each against the others
 * of its paragraph, in time that grows with their square (100,000 "[a](" in
 * one paragraph took two minutes), and even spread over many paragraphs a
 * text made of marks parses twenty times slower than prose. Prose holds a few
 * in a paragraph: a table's rows and a list's items are counted apart.
 */
export const MAX_MARKS_PER_PARAGRAPH = 1_000;
export const MAX_MARKS_PER_FILE = 100_000;
/** A line that starts a paragraph of its own: a list item's marker or a table row, after any quote markers. */
const OWN_PARAGRAPH = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t>]*\|/;

/**
 * Where a line opens lists or quotes nested deeper than MAX_NESTING, or a
 * paragraph (or the whole text) holds more link and emphasis marks than
 * MAX_MARKS_PER_PARAGRAPH (MAX_MARKS_PER_FILE): one pass over the lines,
 * before parsing.
 */
export function linesUnreadable(text: string): Unreadable | null {
  let inParagraph = 0;
  let inFile = 0;
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    // Lists and quotes: the markers and indentation that open the line.
    let columns = 0;
    let markers = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4 - (columns % 4);
      else if (c === 62) markers++; // >
      else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) markers++; // - * +
      else break;
    }
    if (markers > MAX_NESTING || columns > MAX_NESTING * 4) return nestedTooDeep('lists or quotes', line, MAX_NESTING);
    // Link and emphasis marks: * _ ~ [ ]; a line with nothing but spaces ends a paragraph.
    let marks = 0;
    let blank = true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 42 || c === 95 || c === 126 || c === 91 || c === 93) marks++;
      if (c !== 32 && c !== 9 && c !== 13) blank = false;
    }
    if (blank) inParagraph = 0;
    else if (marks > 0) {
      if (OWN_PARAGRAPH.test(text.slice(start, Math.min(end, start + MAX_NESTING * 4 + 16)))) inParagraph = 0;
      inParagraph += marks;
      inFile += marks;
      if (inParagraph > MAX_MARKS_PER_PARAGRAPH) {
        return { message: `Unexpected paragraph holding more than ${MAX_MARKS_PER_PARAGRAPH.toLocaleString('en-GB')} link or emphasis marks (*, _, ~, [, ]), expected fewer: a paragraph of prose holds a few`, line };
      }
      if (inFile > MAX_MARKS_PER_FILE) {
        return { message: `Unexpected file holding more than ${MAX_MARKS_PER_FILE.toLocaleString('en-GB')} link or emphasis marks (*, _, ~, [, ]), expected fewer: split it into papers and appendices, or attach it as a PDF`, line };
      }
    }
    start = end + 1;
  }
  return null;
}

/** Where a text nests HTML elements deeper than twice MAX_NESTING, found in one pass before parsing. */
export function htmlTooDeep(text: string): Unreadable | null {
  let line = 1;
  let html = 0;
  // HTML elements: opening tags less closing ones, across the file.
  line = 1;
  // A tag's attributes are read within a bounded length, so that many unclosed "<a" cost no more than their text.
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]{0,2000}?(\/?)>|\n/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[0] === '\n') {
      line++;
      continue;
    }
    const name = m[2].toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3]) continue;
    html += m[1] ? -1 : 1;
    if (html < 0) html = 0;
    if (html > MAX_NESTING * 2) return nestedTooDeep('HTML elements', line, MAX_NESTING * 2);
  }
  return null;
}

export function positionOf(doc: { source: SourceText }, node: Nodes | undefined): Position {
  return doc.source.position(node?.position?.start.offset ?? 0);
}

/** The text of a paragraph, heading or table cell, with its place in the file. */
export function textOf(doc: { source: SourceText }, node: Paragraph | Heading | TableCell, options: InlineOptions = {}): Located {
  const mapped = new MappedText(doc.source);
  mapped.appendInline(node.children, options);
  return locate(mapped, positionOf(doc, node));
}

/** The text of raw HTML written as a block. */
export function htmlText(doc: { source: SourceText }, node: Nodes & { value: string }): Located {
  const mapped = new MappedText(doc.source);
  mapped.appendHtml(node.value, node.position?.start.offset ?? 0);
  return locate(mapped, positionOf(doc, node));
}

/** The text of a list item's own paragraphs (not its nested lists). */
export function itemText(doc: { source: SourceText }, item: ListItem, options: InlineOptions = {}): Located {
  const mapped = new MappedText(doc.source);
  for (const child of item.children) {
    if (child.type === 'paragraph' || child.type === 'heading') {
      mapped.space(child.position?.start.offset ?? 0);
      mapped.appendInline(child.children, options);
    } else if (child.type === 'html') {
      mapped.appendHtml(child.value, child.position?.start.offset ?? 0);
    }
  }
  // Real minutes often write discussion bullets as "- : the point"; the colon is not text.
  return dropLead(locate(mapped, positionOf(doc, item)), /^:\s*/);
}

function dropLead(located: Located, lead: RegExp): Located {
  const m = lead.exec(located.text);
  if (!m || m[0].length === 0) return located;
  const n = m[0].length;
  // Re-base the segments on the shortened text.
  const segments: number[] = [];
  for (let k = 0; k < located.segments.length; k += 3) {
    const start = located.segments[k];
    const next = located.segments[k + 3] ?? Infinity;
    if (next <= n) continue;
    const skip = Math.max(0, n - start);
    segments.push(Math.max(0, start - n), located.segments[k + 1], located.segments[k + 2] + skip);
  }
  return {
    text: located.text.slice(n),
    position: located.positionAt(n),
    positionAt: (i) => located.positionAt(i + n),
    segments,
  };
}

/** The number written before an ordered list item (`4.` gives 4). */
export function writtenNumber(doc: { source: SourceText }, item: ListItem): number | null {
  const start = item.position?.start.offset;
  if (start === undefined) return null;
  const m = /^\s*(\d+)[.)]/.exec(doc.source.text.slice(start, start + 12));
  return m ? Number(m[1]) : null;
}

/** The dates written in a text; with the date of the meeting its file belongs to, those written without a year too. */
export function datesIn(located: Located, meetingDate: string | null = null): WrittenDate[] {
  return findDates(located.text, meetingDate).map((d) => ({
    text: d.text,
    date: d.date,
    weekday: d.weekday,
    weekdayMatches: d.weekdayMatches,
    invalid: d.invalid,
    ...(d.yearless ? { yearless: true as const } : {}),
    position: located.positionAt(d.index),
  }));
}

/** The date of the meeting a file belongs to, from its folder's name (`committees/x/2026-03-10-special/minutes.md`). */
export function meetingDateOf(file: string): string | null {
  const m = /^committees\/[^/]+\/(\d{4}-\d{2}-\d{2})(?:-[^/]*)?\/[^/]+$/.exec(file);
  return m && isIsoDate(m[1]) ? m[1] : null;
}

export function block(kind: TextBlock['kind'], located: Located): TextBlock {
  // The segments are a way back from any character of the text to its place in the file; the JSON export leaves them out.
  return { kind, text: located.text, position: located.position, segments: located.segments };
}

export function tableOf(doc: { source: SourceText }, table: MdTable): Table {
  const [head, ...rows] = table.children;
  const cells = (row: typeof head) => row.children.map((cell) => block('table-cell', textOf(doc, cell)));
  return { header: head ? cells(head) : [], rows: rows.map(cells), position: positionOf(doc, table) };
}

/**
 * Walk a document's flow content and gather what every document keeps:
 * text blocks, ordered lists (a list carried on after paragraphs counts as
 * one), tables and dates.
 */
const SUPPRESSION = /<!--\s*boardpack-disable-next-line\b([\s\S]*?)-->/g;

/** The suppression comments of a file, each with the line it applies to. */
export function suppressionsIn(source: SourceText): Suppression[] {
  const found: Suppression[] = [];
  const lines = source.text.split('\n');
  for (const m of source.text.matchAll(SUPPRESSION)) {
    const [list, ...why] = m[1].split(/\s--\s?/);
    const rules = list.split(/[\s,]+/).filter(Boolean);
    const position = source.position(m.index);
    let line = source.position(m.index + m[0].length).line + 1;
    while (line <= lines.length && lines[line - 1].trim() === '') line++;
    found.push({ rules, reason: why.join(' -- ').trim() || null, line, position });
  }
  return found;
}

export function bodyOf(doc: MarkdownDoc, nodes: readonly RootContent[] = doc.tree.children): DocumentBody {
  const meetingDate = meetingDateOf(doc.file);
  const body: DocumentBody = {
    file: doc.file,
    fields: doc.yaml ? fieldPositions(doc.yaml) : {},
    blocks: [],
    lists: [],
    tables: [],
    dates: [],
    suppressions: suppressionsIn(doc.source),
  };
  const add = (kind: TextBlock['kind'], located: Located) => {
    if (!located.text) return;
    body.blocks.push(block(kind, located));
    body.dates.push(...datesIn(located, meetingDate));
  };

  const walk = (children: readonly RootContent[]) => {
    let open: OrderedList | null = null;
    let lead: TextBlock | null = null;
    for (const node of children) {
      switch (node.type) {
        case 'paragraph': {
          const located = textOf(doc, node);
          add('paragraph', located);
          lead = located.text ? block('paragraph', located) : lead;
          continue; // a paragraph may interrupt a list that carries on after it
        }
        case 'heading':
          add('heading', textOf(doc, node));
          break;
        case 'html': {
          const located = htmlText(doc, node);
          add('paragraph', located);
          break;
        }
        case 'list': {
          const items = node.children.map((item) => {
            const located = itemText(doc, item);
            add('list-item', located);
            return { item, located };
          });
          for (const { item } of items) walk(item.children.filter((c) => c.type !== 'paragraph'));
          if (node.ordered) {
            const written = items.map(({ item, located }) => ({
              number: writtenNumber(doc, item) ?? 0,
              text: located.text,
              position: positionOf(doc, item),
            }));
            const last = open?.items[open.items.length - 1];
            if (open && last && written[0]?.number === last.number + 1) {
              open.items.push(...written);
            } else {
              open = { items: written, lead, position: positionOf(doc, node) };
              body.lists.push(open);
            }
            lead = null;
            continue;
          }
          break;
        }
        case 'table': {
          const table = tableOf(doc, node);
          body.tables.push(table);
          for (let r = 0; r < node.children.length; r++) {
            for (const cell of node.children[r].children) add('table-cell', textOf(doc, cell));
          }
          break;
        }
        case 'blockquote':
          walk(node.children);
          break;
        default:
          break;
      }
      open = null;
      lead = null;
    }
  };
  walk(nodes);
  return body;
}

/**
 * Validate a document's frontmatter against its schema. A document that must
 * have frontmatter and has none is a problem; broken YAML was reported when
 * the file was loaded. Returns null when the document cannot be used.
 */
export function frontmatterOf<S extends z.ZodType>(
  doc: MarkdownDoc,
  schema: S,
  problems: Problems,
  what: string,
  expected: string,
  unknownKeys: 'warn' | 'error' = 'warn',
): z.output<S> | null {
  if (!doc.yaml) {
    if (!doc.hasFrontmatter) problems.error('frontmatter', `Missing frontmatter in ${what}, expected ${expected}`, positionOf(doc, undefined));
    return null;
  }
  return validate(schema, doc.data, doc.yaml, problems, `${what} frontmatter`, unknownKeys);
}
