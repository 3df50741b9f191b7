import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Element as HastElement, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { FootnoteDefinition, Root as MdastRoot, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { visit, SKIP } from 'unist-util-visit';
import { stringify } from 'yaml';
import { BoardpackError } from '../errors.js';
import { all, attr, commentsIn, fieldsAsText, literalNumbers, removeBookmarks, lossesIn, Numbering, parseXml, removeComments, resolveRevisions, revisionsIn, serialise, textOf, W } from './ooxml.js';

/*
 * A Word report brought in as a paper: mammoth converts the document to
 * HTML, which rehype's hast-util-to-mdast turns into Markdown, inside the
 * unified ecosystem the rest of boardpack reads papers with. What mammoth
 * would silently get wrong is settled first in the document's own XML
 * (ooxml.ts): tracked changes and comments refuse the import unless the clerk
 * says what to do with them, and numbered paragraphs keep Word's numbers.
 */

export interface ImportOptions {
  /** The paper's file name without `.md`: images are named after it. */
  name: string;
  /** What to do with tracked changes: refuse the document (default), or accept or reject them all. */
  changes?: 'refuse' | 'accept' | 'reject';
  /** What to do with comments: refuse the document (default), or remove them. */
  comments?: 'refuse' | 'remove';
}

export interface ImportedPaper {
  /** The paper: frontmatter and Markdown. */
  markdown: string;
  title: string;
  /** The images, to be written beside the paper. */
  images: { name: string; bytes: Uint8Array }[];
  /** What could not be kept. */
  losses: string[];
  /** What was kept but should be looked at: a table without a header row, an image without alternative text. */
  warnings: string[];
  /** What was done that the document did not ask for: changes accepted or rejected, comments removed. */
  done: string[];
}

/** The most one XML part of the document may unpack to. */
const MAX_PART_BYTES = 50e6;

/** A document that cannot be imported as it is: each reason names the place, and the author where there is one. */
export class ImportRefused extends BoardpackError {}

async function xmlPart(zip: JSZip, path: string) {
  const file = zip.file(path);
  return file ? parseXml(await file.async('string')) : null;
}

export async function importDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportedPaper> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new BoardpackError('Unexpected file: it is not a Word document (.docx), expected one saved by Word as "Word Document (.docx)"');
  }
  // A document's text is a few megabytes at most: a part that unpacks to more is not a report (or is a zip bomb).
  for (const [path, entry] of Object.entries(zip.files)) {
    const size = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (/\.xml$/i.test(path) && size > MAX_PART_BYTES) {
      throw new BoardpackError(`Unexpected ${path} that unpacks to ${(size / 1e6).toFixed(0)} MB, expected a Word document’s text under ${MAX_PART_BYTES / 1e6} MB`);
    }
  }
  const doc = await xmlPart(zip, 'word/document.xml');
  if (!doc || all(doc, 'body').length === 0) throw new BoardpackError('Unexpected file: it holds no Word document body (word/document.xml), expected a .docx saved by Word');
  const done: string[] = [];

  // Tracked changes and comments: nobody's decision is taken for them without being asked.
  const revisions = revisionsIn(doc);
  const comments = commentsIn(doc, await xmlPart(zip, 'word/comments.xml'));
  const changes = options.changes ?? 'refuse';
  // What stops the import, each with its places (ten at most) and the way out.
  const refused = [
    changes === 'refuse' && revisions.length > 0
      ? { what: 'tracked changes', places: revisions.map((r) => `a tracked ${r.kind} by ${r.author} at ${r.place}`), how: 'accept or reject the tracked changes in Word, or import with --changes accept (or reject)' }
      : null,
    (options.comments ?? 'refuse') === 'refuse' && comments.length > 0
      ? { what: 'comments', places: comments.map((c) => `a comment by ${c.author} at ${c.place}: "${c.text}"`), how: 'resolve the comments in Word, or import with --comments remove' }
      : null,
  ].filter((r) => r !== null);
  if (refused.length > 0) {
    const places = refused.flatMap((r) => [...r.places.slice(0, 10), ...(r.places.length > 10 ? [`and ${r.places.length - 10} more ${r.what}`] : [])]);
    throw new ImportRefused(
      `Unexpected unresolved ${refused.map((r) => r.what).join(' and ')} in the document:\n${places.map((p) => `  - ${p}`).join('\n')}\nexpected a final document: ${refused.map((r) => r.how).join('; ')}`,
    );
  }
  if (revisions.length > 0) {
    resolveRevisions(doc, changes === 'reject' ? 'reject' : 'accept');
    done.push(`${revisions.length} tracked change${revisions.length === 1 ? '' : 's'} ${changes === 'reject' ? 'rejected' : 'accepted'}, as --changes ${changes} asked`);
  }
  if (comments.length > 0) {
    removeComments(doc);
    done.push(`${comments.length} comment${comments.length === 1 ? '' : 's'} removed, as --comments remove asked`);
  }

  const losses = lossesIn(doc, Object.keys(zip.files));
  fieldsAsText(doc);
  removeBookmarks(doc);
  // Word's numbers ("3.2", "(ii)") kept as text.
  literalNumbers(doc, new Numbering(await xmlPart(zip, 'word/numbering.xml'), await xmlPart(zip, 'word/styles.xml')));
  // The title: the document's properties, else a paragraph in Word's Title style (taken out of the body), else the first heading.
  const core = await xmlPart(zip, 'docProps/core.xml');
  const property = (local: string) => (core?.getElementsByTagNameNS('*', local)[0]?.textContent ?? '').trim() || null;
  let title = property('title');
  for (const p of all(doc, 'p')) {
    const style = attr(p.getElementsByTagNameNS(W, 'pStyle')[0] ?? null, 'val');
    // The title goes to the frontmatter; a subtitle (the meeting and item a review copy names) is not the paper's.
    if (style === 'Subtitle') p.parentNode!.removeChild(p);
    if (style !== 'Title') continue;
    title ??= textOf(p).trim() || null;
    p.parentNode!.removeChild(p);
  }
  zip.file('word/document.xml', serialise(doc));
  const prepared = await zip.generateAsync({ type: 'nodebuffer' });

  const images: ImportedPaper['images'] = [];
  const warnings: string[] = [];
  const converted = await mammoth.convertToHtml(
    { buffer: prepared },
    {
      convertImage: mammoth.images.imgElement(async (image) => {
        const data = await image.readAsBuffer();
        const ext = (image.contentType.split('/')[1] ?? 'bin').replace('jpeg', 'jpg').replace(/[^a-z0-9]/g, '');
        const name = `${options.name}-image-${images.length + 1}.${ext}`;
        images.push({ name, bytes: new Uint8Array(data) });
        if (!(image as { altText?: string }).altText?.trim()) warnings.push(`image ${images.length} (${name}) has no alternative text: add it in Word (Edit Alt Text), or in the paper`);
        return { src: name };
      }),
    },
  );
  for (const m of converted.messages) {
    if (m.type === 'warning' && /^Unrecognised (paragraph|run) style/.test(m.message)) continue;
    losses.push(m.message.replace(/\.$/, ''));
  }

  const hast = fromHtml(converted.value, { fragment: true });
  tablesOf(hast, warnings, losses);
  const footnotes = footnotesOf(hast);
  const mdast = toMdast(hast, {
    handlers: {
      // A footnote reference, as mammoth writes it: a superscript link to the note.
      sup(state, node: HastElement) {
        const link = node.children.find((c): c is HastElement => c.type === 'element' && c.tagName === 'a');
        const id = /^#(?:foot|end)note-(\d+)$/.exec(String(link?.properties?.href ?? ''))?.[1];
        if (id) return { type: 'footnoteReference', identifier: id, label: id };
        return state.all(node) as never;
      },
    },
  }) as MdastRoot;
  for (const [id, content] of footnotes) {
    const body = toMdast({ type: 'root', children: content }) as MdastRoot;
    mdast.children.push({ type: 'footnoteDefinition', identifier: id, label: id, children: body.children as FootnoteDefinition['children'] });
  }
  // The paper's title is its frontmatter's: a first heading that says it again goes; the rest go down a level below it.
  const firstHeading = mdast.children.find((n) => n.type === 'heading');
  const text = (n: RootContent) => toMarkdown({ type: 'paragraph', children: 'children' in n ? (n.children as never) : [] }).trim();
  title ??= firstHeading ? text(firstHeading) : null;
  if (mdast.children[0]?.type === 'heading' && title && text(mdast.children[0]) === title) mdast.children.shift();
  visit(mdast, 'heading', (h) => {
    h.depth = Math.min(6, h.depth + 1) as typeof h.depth;
    return SKIP;
  });
  if (!title) throw new BoardpackError('Unexpected document without a title: no title in its properties, no Title paragraph and no heading, expected one of them');

  const body = toMarkdown(mdast, {
    extensions: [gfmTableToMarkdown(), gfmFootnoteToMarkdown(), gfmStrikethroughToMarkdown()],
    bullet: '-',
    emphasis: '_',
    listItemIndent: 'one',
    rule: '-',
  });
  const author = property('creator');
  // The report's date: when it was last saved, as its properties say (a day, not the time).
  const date = /^(\d{4}-\d{2}-\d{2})T/.exec(property('modified') ?? property('created') ?? '')?.[1] ?? null;
  const front = stringify({ title, ...(author ? { author } : {}), ...(date ? { date } : {}) }, { lineWidth: 0 }).trimEnd();
  return { markdown: `---\n${front}\n---\n\n${body}`, title, images, losses, warnings, done };
}

/** Tables: merged cells are a loss (kept in their first cell), a table whose header row Word does not mark is a warning. */
function tablesOf(tree: HastRoot, warnings: string[], losses: string[]): void {
  let n = 0;
  visit(tree, 'element', (node: HastElement) => {
    if (node.tagName !== 'table') return;
    n++;
    let merged = false;
    let header = false;
    visit(node, 'element', (cell: HastElement) => {
      if (cell.tagName === 'thead') header = true;
      if ((cell.tagName === 'td' || cell.tagName === 'th') && (Number(cell.properties?.colSpan ?? 1) > 1 || Number(cell.properties?.rowSpan ?? 1) > 1)) merged = true;
    });
    if (merged) losses.push(`merged cells in table ${n}: each merged cell's text is kept in its first cell`);
    if (header) return;
    warnings.push(`table ${n} has no header row marked in Word (Table Properties, Row, "Repeat as header row"): its first row is read as the header`);
    // As said: the first row is the header.
    const body = node.children.find((c): c is HastElement => c.type === 'element' && c.tagName === 'tbody') ?? node;
    const index = body.children.findIndex((c) => c.type === 'element' && c.tagName === 'tr');
    if (index < 0) return;
    const [row] = body.children.splice(index, 1) as HastElement[];
    for (const cell of row.children) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
    node.children.unshift({ type: 'element', tagName: 'thead', properties: {}, children: [row] });
  });
}

/** The footnotes mammoth lists at the end, taken out of the tree, by number, without their links back. */
function footnotesOf(tree: HastRoot): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  visit(tree, 'element', (node: HastElement, index, parent) => {
    if (node.tagName !== 'ol' || !parent || index === undefined) return;
    const items = node.children.filter((c): c is HastElement => c.type === 'element' && c.tagName === 'li');
    const ids = items.map((li) => /^(?:foot|end)note-(\d+)$/.exec(String(li.properties?.id ?? ''))?.[1]);
    if (items.length === 0 || ids.some((id) => id === undefined)) return;
    items.forEach((li, k) => {
      visit(li, 'element', (a: HastElement, i, p) => {
        if (a.tagName === 'a' && /^#(?:foot|end)note-ref-/.test(String(a.properties?.href ?? '')) && p && i !== undefined) {
          p.children.splice(i, 1);
          return [SKIP, i];
        }
      });
      notes.set(ids[k]!, li.children);
    });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return notes;
}
