import { posix } from 'node:path';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { Problems } from '../../parse/problems.js';
import type { Position } from '../../model/types.js';

/**
 * What raw HTML in papers may keep: GitHub's safe list (tables, emphasis,
 * sup and sub, lists), without images from anywhere, forms or ids that
 * could clash with the pack's own.
 */
const SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['input', 'picture', 'source', 'details', 'summary'].includes(t)),
  attributes: {
    ...defaultSchema.attributes,
    th: [...(defaultSchema.attributes?.th ?? []), 'scope'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: [] },
};

// Footnotes come with plain ids and links ("fn-1", "#fn-1"); the sanitiser then prefixes every id (SANITISED_ID),
// and renderTree gives each document's ids a prefix of its own and points its links at them.
const toHast = unified().use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' }).use(rehypeRaw).use(rehypeSanitize, SCHEMA);

/** What the sanitiser puts before every id, so that a document's ids cannot clash with the page's own. */
const SANITISED_ID = defaultSchema.clobberPrefix ?? 'user-content-';

/** How a link in a document turns into a link in the output, or is refused. */
export type LinkRewriter = (href: string, from: string, position: Position) => string | null;

export interface RenderOptions {
  /** The heading level the document's top heading becomes (a paper inside a pack starts lower). */
  topHeading: number;
  rewriteLink: LinkRewriter;
  problems: Problems;
  /** An image of the document as a data address, or null to show its description (see ContentFiles.image). */
  image?: (src: string) => string | null;
  /** Mark paragraphs by the line they start on (resolutions and their parts in minutes). */
  classesByLine?: Map<number, string>;
  /**
   * Paragraphs (by line) that hold a resolution and its first part, with the
   * part's label: "Resolved:- (1) That ..." is shown as the resolution, then
   * part (1) laid out as the parts after it are.
   */
  firstPartByLine?: Map<number, string>;
  /**
   * Put before each id in the document (its footnotes, its own anchors), so
   * that documents shown on one page, as a pack's papers, never share one
   * (default "user-content-").
   */
  idPrefix?: string;
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/**
 * Split a paragraph where a part's label starts ("Resolved:- (1) That ..."):
 * the paragraph keeps what comes before, and the returned paragraph, classed
 * as a first-level part, holds the label and the rest. Null when the label is
 * not in the paragraph's own text.
 */
function splitAtLabel(node: Element, label: string): Element | null {
  const at = node.children.findIndex((c) => c.type === 'text' && c.value.includes(label));
  if (at < 0) return null;
  const textNode = node.children[at] as { type: 'text'; value: string };
  const cut = textNode.value.indexOf(label);
  const before = textNode.value.slice(0, cut).replace(/\s+$/, '');
  const rest: ElementContent[] = [text(textNode.value.slice(cut)), ...node.children.slice(at + 1)];
  node.children = [...node.children.slice(0, at), ...(before ? [text(before)] : [])];
  if (node.children.length === 0) return null;
  return { type: 'element', tagName: 'p', properties: { className: ['part', 'part-1'] }, children: rest };
}

export function renderTree(tree: MdastRoot, file: string, options: RenderOptions): string {
  const hast = toHast.runSync(tree as never) as unknown as HastRoot;
  shiftHeadings(hast, options.topHeading);
  const ids = ownIds(hast, options.idPrefix ?? SANITISED_ID);
  visit(hast, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'th') node.properties.scope = 'col';
    if (node.tagName === 'img' && parent && index !== undefined) {
      // Nothing is fetched when a pack is read: an image of the content folder is carried in the page itself;
      // any other becomes its description.
      const data = typeof node.properties.src === 'string' ? (options.image?.(node.properties.src) ?? null) : null;
      if (data) {
        node.properties = { src: data, alt: String(node.properties.alt ?? '') };
        return;
      }
      parent.children.splice(index, 1, text(String(node.properties.alt ?? '')));
      return [SKIP, index];
    }
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      const line = node.position?.start.line ?? 1;
      const href = options.rewriteLink(node.properties.href, file, { file, line, column: node.position?.start.column ?? 1 });
      if (href === null && parent && index !== undefined) {
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      // A link to a place in the document goes to that place's prefixed id.
      node.properties.href = href!.startsWith('#') && ids.has(href!.slice(1)) ? `#${ids.get(href!.slice(1))}` : href!;
    }
    if (node.tagName === 'p' && options.classesByLine) {
      const line = node.position?.start.line ?? -1;
      const cls = options.classesByLine.get(line);
      if (cls) node.properties.className = cls.split(' ');
      const label = options.firstPartByLine?.get(line);
      const part = label && parent && index !== undefined ? splitAtLabel(node, label) : null;
      if (part) {
        parent!.children.splice(index! + 1, 0, part);
        return [SKIP, index! + 2];
      }
    }
    return undefined;
  });
  return toHtml(hast);
}

/**
 * Give the document's ids (prefixed by the sanitiser) the document's own
 * prefix, in the elements that carry them and those that refer to them
 * (aria-describedby, aria-labelledby). Returns each id as written -> as prefixed.
 */
function ownIds(tree: HastRoot, prefix: string): Map<string, string> {
  const own = (value: string) => prefix + value.slice(SANITISED_ID.length);
  const ids = new Map<string, string>();
  visit(tree, 'element', (node: Element) => {
    for (const key of ['id', 'name'] as const) {
      const value = node.properties[key];
      if (typeof value === 'string' && value.startsWith(SANITISED_ID)) {
        node.properties[key] = own(value);
        if (key === 'id') ids.set(value.slice(SANITISED_ID.length), own(value));
      }
    }
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const value = node.properties[key];
      if (Array.isArray(value)) node.properties[key] = value.map((v) => (typeof v === 'string' && v.startsWith(SANITISED_ID) ? own(v) : v));
    }
  });
  return ids;
}

/**
 * The document's headings from `top` down, keeping their steps. The footnotes'
 * heading (which remark-rehype writes as h2) is a section of the document at
 * its top level, and does not count in finding the document's own top.
 */
function shiftHeadings(tree: HastRoot, top: number): void {
  const footnotes = new Set<Element>();
  let min = 7;
  visit(tree, 'element', (node: Element) => {
    // The footnotes' section is met before the heading inside it.
    if (node.tagName === 'section' && 'dataFootnotes' in node.properties) {
      for (const child of node.children) if (child.type === 'element') footnotes.add(child);
    }
    const m = /^h([1-6])$/.exec(node.tagName);
    if (m && !footnotes.has(node)) min = Math.min(min, Number(m[1]));
  });
  visit(tree, 'element', (node: Element) => {
    const m = /^h([1-6])$/.exec(node.tagName);
    if (!m) return;
    if (footnotes.has(node)) node.tagName = `h${Math.min(6, top)}`;
    else node.tagName = `h${Math.min(6, Number(m[1]) - min + top)}`;
  });
}

/** The content-relative path a relative link points at, or null when it is not a local file. */
export function localTarget(href: string, from: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return null;
  const raw = href.split('#')[0].split('?')[0];
  let path: string;
  try {
    path = decodeURI(raw);
  } catch {
    path = raw; // a malformed %-escape: taken as written, so the link is reported as leading nowhere
  }
  if (!path) return null;
  return posix.normalize(posix.join(posix.dirname(from), path));
}
