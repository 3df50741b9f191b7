import type { Link as MdLink, ListItem, PhrasingContent, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Agenda, AgendaItem, AgendaItemKind, Link, Position, TextBlock } from '../model/types.js';
import { agendaSchema } from './schemas.js';
import { validate, yamlPosition } from './yaml.js';
import { block, bodyOf, datesIn, meetingDateOf, htmlText, itemText, positionOf, textOf, writtenNumber, type MarkdownDoc } from './markdown.js';
import type { Problems } from './problems.js';

/**
 * The standard items, as councils word them. A title may open with what the
 * meeting is asked to do ("To consider accepting apologies for absence", "To
 * confirm as a true record the minutes of ..."); that opening is read past.
 */
const KINDS: [AgendaItemKind, RegExp][] = [
  ['apologies', /^(?:(?:welcome|introductions?|chair'?s\s+welcome)(?:\s*,\s*\w+)*\s+(?:and|&)\s+)?apolog(?:y|ies)(?:\s+(?:for|of)\s+absence|\s+(?:and|&)\b|\s*$|\s*[:.(,;-])/i],
  ['declarations', /^(?:declarations?|disclosures?|notifications?)\s+of\b.{0,40}?\b(?:interests?|disclosable)\b/i],
  [
    'previous-minutes',
    /^(?:(?:true\s+record\s+of\s+(?:the\s+)?)?minutes\s+of\s+the\s+(?:previous\s+|last\s+)?(?:\w+\s+)?meeting|(?:confirmation|approval|signing)\s+of\s+(?:the\s+)?(?:previous\s+)?minutes|(?:previous\s+)?minutes$)/i,
  ],
  [
    'exclusion',
    /^(?:exclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+(?:the\s+)?)?public|items?\s+(?:likely\s+to\s+be\s+)?(?:considered|taken)\s+in\s+(?:private|the\s+absence\s+of\s+the\s+(?:press|public)))/i,
  ],
  [
    'next-meeting',
    /^(?:(?:date|dates|time|times)\b.{0,40}?\b(?:next|future|forthcoming)\b.{0,20}?\bmeetings?\b|(?:next|future)\s+meetings?(?:\s+dates?)?\b)/i,
  ],
];

/** "To consider accepting", "To receive any", "To confirm as a true record": what the meeting is asked to do, before the business. */
const ASKED =
  /^to\s+(?:(?:receive|note|consider|accept|confirm|approve|agree|record|sign|declare)(?:\s+and\s+\w+)?\s+)+(?:(?:accepting|receiving|noting|any|the|as\s+(?:a\s+)?(?:true|correct)\s+record)\s+)*/i;

/** A title without what the meeting is asked to do: "To approve payments" is "payments". */
export function businessOf(title: string): string {
  return title.trim().replace(ASKED, '');
}

export function itemKind(title: string): AgendaItemKind {
  const business = businessOf(title);
  return KINDS.find(([, re]) => re.test(business))?.[0] ?? 'other';
}

/** Resolves a link's href against the file it is written in; the caller decides what it points at. */
export type LinkResolver = (href: string, from: string, position: Position) => Omit<Link, 'text' | 'href' | 'position'>;

function linksIn(doc: MarkdownDoc, nodes: readonly (RootContent | PhrasingContent)[], resolve: LinkResolver): Link[] {
  const links: Link[] = [];
  for (const node of nodes) {
    visit(node, 'link', (link: MdLink) => {
      const text = link.children.map((c) => ('value' in c ? c.value : '')).join('');
      const position = positionOf(doc, link);
      links.push({ text, href: link.url, ...resolve(link.url, doc.file, position), position });
    });
  }
  return links;
}

/** Links to local papers and attachments are not part of the text around them; other links are. */
export function isPaperLink(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) && /\.(md|pdf)(?:[#?].*)?$/i.test(url);
}

const withoutPapers = { skipLink: isPaperLink };

function readItem(doc: MarkdownDoc, item: ListItem, resolve: LinkResolver): AgendaItem {
  const [first, ...rest] = item.children;
  const titleText =
    first && (first.type === 'paragraph' || first.type === 'heading')
      ? textOf(doc, first, withoutPapers)
      : itemText(doc, item, withoutPapers);
  const subPoints: TextBlock[] = [];
  const notes: TextBlock[] = [];
  const meetingDate = meetingDateOf(doc.file);
  const dates = datesIn(titleText, meetingDate);
  for (const child of rest) {
    if (child.type === 'list') {
      for (const sub of child.children) {
        const located = itemText(doc, sub);
        subPoints.push(block('list-item', located));
        dates.push(...datesIn(located, meetingDate));
      }
    } else if (child.type === 'paragraph' || child.type === 'html') {
      const located = child.type === 'paragraph' ? textOf(doc, child, withoutPapers) : htmlText(doc, child);
      if (located.text) {
        notes.push(block('paragraph', located));
        dates.push(...datesIn(located, meetingDate));
      }
    }
  }
  // What separated the paper links ("[Presentation](a.md) · [Action plan](b.md)") is no part of the title.
  const title = titleText.text.replace(/(?:\s*(?:[-–—:,;·•|/]|&|\band\b))+\s*$/, '');
  return {
    number: writtenNumber(doc, item) ?? 0,
    title,
    kind: itemKind(title),
    private: null,
    subPoints,
    links: linksIn(doc, item.children, resolve),
    notes,
    dates,
    position: positionOf(doc, item),
  };
}

export function readAgenda(doc: MarkdownDoc, problems: Problems, resolve: LinkResolver): Agenda | null {
  if (doc.hasFrontmatter && !doc.yaml) return null;
  // A bad field is reported; the items are still read, so their problems are found too.
  const front =
    (doc.yaml && validate(agendaSchema, doc.data, doc.yaml, problems, 'agenda frontmatter')) || agendaSchema.parse({});
  const items: AgendaItem[] = [];
  const notes: TextBlock[] = [];
  for (const node of doc.tree.children) {
    if (node.type === 'list' && node.ordered) items.push(...node.children.map((item) => readItem(doc, item, resolve)));
    else if (node.type === 'paragraph') {
      const located = textOf(doc, node);
      if (located.text) notes.push(block('paragraph', located));
    }
  }
  markPrivate(items, front.private);
  const revised = [front.revised ?? []]
    .flat()
    .map((r) => (typeof r === 'string' ? { date: r, change: null } : { date: r.date, change: r.change ?? null }))
    .sort((a, b) => a.date.localeCompare(b.date));
  // A change to a meeting is made before it is held.
  const meetingDate = meetingDateOf(doc.file);
  const late = meetingDate ? revised.find((r) => r.date > meetingDate) : undefined;
  if (late && doc.yaml) {
    problems.warn(
      'frontmatter',
      `Unexpected revised: ${late.date} after the meeting on ${meetingDate}, expected the day its time or venue changed, before the meeting`,
      yamlPosition(doc.yaml, ['revised']),
    );
  }
  return {
    ...bodyOf(doc),
    supplement: front.supplement ?? null,
    time: front.time ?? null,
    venue: front.venue ?? null,
    published: front.published ?? null,
    status: front.status ?? null,
    title: front.title ?? null,
    urgency: front.urgency ?? null,
    movedFrom: front.movedFrom === undefined ? [] : [front.movedFrom].flat().sort(),
    revised,
    draft: front.draft ?? false,
    type: front.type ?? null,
    privateNotice:
      front.privateNotice && doc.yaml
        ? {
            intention: front.privateNotice.intention ?? null,
            final: front.privateNotice.final ?? null,
            representations: front.privateNotice.representations ?? null,
            response: front.privateNotice.response ?? null,
            position: yamlPosition(doc.yaml, ['privateNotice']),
          }
        : null,
    items,
    notes,
    position: positionOf(doc, doc.tree),
  };
}

/**
 * Which items are taken in private. The agenda's `private:` says so
 * explicitly; an agenda without it (as older files are) takes every item
 * after "Exclusion of the press and public" in private, failing closed. The
 * standard item "To consider whether the press and public should be
 * excluded ..." is not an exclusion, and makes nothing private.
 */
function markPrivate(items: AgendaItem[], declared: number[] | Record<string, boolean | number> | undefined): void {
  if (declared !== undefined) {
    const paragraphs = new Map<number, number | null>(
      Array.isArray(declared)
        ? declared.map((n) => [n, null])
        : Object.entries(declared).map(([n, v]) => [Number(n), typeof v === 'number' ? v : null]),
    );
    for (const item of items) {
      if (paragraphs.has(item.number)) item.private = { paragraph: paragraphs.get(item.number)!, explicit: true };
    }
    return;
  }
  const exclusion = items.findIndex((i) => i.kind === 'exclusion');
  if (exclusion < 0) return;
  for (const item of items.slice(exclusion + 1)) item.private = { paragraph: null, explicit: false };
}
