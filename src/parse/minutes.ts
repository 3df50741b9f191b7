import { votesIn } from './votes.js';
import { minuteIndex, movementsIn } from './movements.js';
import { itemKind } from './agenda.js';
import { sameName } from '../model/people.js';
import type { ListItem, RootContent } from 'mdast';
import type {
  Action,
  Declaration,
  DocumentBody,
  Minute,
  MinuteNumber,
  MinuteReference,
  Minutes,
  Movement,
  Person,
  Position,
} from '../model/types.js';
import { findDates, parseDue } from '../dates/prose.js';
import { minutesSchema } from './schemas.js';
import { validate, yamlPosition } from './yaml.js';
import { block, bodyOf, htmlText, itemText, meetingDateOf, positionOf, textOf, writtenNumber, type MarkdownDoc } from './markdown.js';
import { labelAtStart, matchVerb, REASON_RE, ResolutionBuilder, startsWithLabel } from './resolutions.js';
import type { Located } from './text.js';
import type { Problems } from './problems.js';

/**
 * A minute's heading: its number in any style councils use (`C9`, `107`,
 * `77/25`, `A21/007`, `22/014`), with or without a dot or a dash after it,
 * then its title.
 */
const HEADING_RE = /^(?:Minute\s+(?:No\.?\s*)?)?([A-Za-z]{0,4}\d{1,4}(?:\/\d{2,4})?)(?:\.(?!\d)|\s*[-–—:)]|(?=\s))\s*(\S.*)$/;
export const MINUTE_NUMBER = String.raw`[A-Za-z]{0,4}\d{1,4}(?:\/\d{2,4})?`;
const REFERENCE_RE = new RegExp(String.raw`\bMinute\s+(?:No\.?\s*|Number\s+)?(${MINUTE_NUMBER})\b`, 'g');
// Bounded repeats, read from a bounded tail after each reference (REFERENCE_TAIL): time in proportion to the text.
const REFERENCE_MEETING_RE =
  /^(?:\s*\([^)]{0,100}\))?,?\s+of\s+the\s+(?:[\w'’ -]{0,80}?\s)?meeting(?:\s+of\s+(?:the\s+)?[^.;]{0,150}?)?\s+held\s+on\s+/i;
/** How much of the text after "Minute N" is read for "of the meeting held on <date>". */
const REFERENCE_TAIL = 500;
// "declared a personal interest in Minute 12", or in a minute named by its number alone when the number cannot be
// anything else ("in A22/055", "in 14/22"): a bare "in 5" could be an item, a page or a count. Every repeat is
// bounded (a name's words, the kind of interest), so that the search takes time in proportion to the text.
const DECLARATION_RE = new RegExp(
  String.raw`(?<![\w'’.-])((?:(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Professor)\s+)?(?:[A-Z][\w'’.-]{0,40}\s+){0,3}[A-Z][\w'’-]{0,40})\s+declared\s+(?:an?\s+)?(.{1,100}?)\s+interests?\s+in\s+(?:Minute\s+(?:No\.?\s*)?(${MINUTE_NUMBER})|([A-Za-z]{1,4}\d{1,4}(?:\/\d{2,4})?|\d{1,4}\/\d{2,4}))\b`,
  'g',
);
const ACTION_RE = /^Actions?\s*:\s*/i;

/** How a committee writes a minute number with a slash: `77/25` is serial then year, `22/014` and `A21/007` year then serial. */
export type SlashStyle = 'serial/year' | 'year/serial';

const NUMBER_RE = /^([A-Za-z]{0,4})(\d{1,4})(?:\/(\d{2,4}))?$/;

/**
 * Read a written minute number. Without a style, a slashed number is read by
 * its shape: a serial after the slash is written with three digits or a
 * leading zero (`22/014`); otherwise the year comes after (`77/25`).
 */
export function parseMinuteNumber(raw: string, style?: SlashStyle): MinuteNumber | null {
  const m = NUMBER_RE.exec(raw);
  if (!m) return null;
  const [, prefix, a, b] = m;
  if (b === undefined) return { raw, prefix, value: Number(a), year: null };
  const yearFirst = (style ?? shapeStyle(a, b)) === 'year/serial';
  return yearFirst
    ? { raw, prefix, value: Number(b), year: Number(a) % 100 }
    : { raw, prefix, value: Number(a), year: Number(b) % 100 };
}

/** A minute number written as `number` is, with another serial: after `A21/007`, 8 is `A21/008`; after `77/25`, `78/25`. */
export function numberLike(number: MinuteNumber, serial: number): string {
  const [, prefix, a, b] = NUMBER_RE.exec(number.raw) ?? ['', number.prefix, String(number.value), undefined];
  if (b === undefined) return `${prefix}${serial}`;
  const serialFirst = Number(a) === number.value && (Number(b) % 100 === number.year || Number(b) !== number.value);
  const pad = (digits: string) => String(serial).padStart(digits.length, '0');
  return serialFirst ? `${prefix}${pad(a)}/${b}` : `${prefix}${a}/${pad(b)}`;
}

function shapeStyle(a: string, b: string): SlashStyle {
  if (b.length >= 3 || (b.length > 1 && b.startsWith('0'))) return 'year/serial';
  return 'serial/year';
}

/**
 * How the slashed numbers of one file are written: the part that stays the
 * same from minute to minute is the year. Where the file cannot tell (one
 * slashed number), the meeting's year can; failing that, the number's shape.
 */
export function slashStyleOf(raws: string[], meetingYear: number | null): SlashStyle | undefined {
  const pairs = raws.map((r) => NUMBER_RE.exec(r)).filter((m): m is RegExpExecArray => !!m && m[3] !== undefined);
  if (pairs.length === 0) return undefined;
  if (pairs.length > 1) {
    const same = (k: 2 | 3) => pairs.every((p) => Number(p[k]) === Number(pairs[0][k]));
    if (same(2) && !same(3)) return 'year/serial';
    if (same(3) && !same(2)) return 'serial/year';
  }
  const [, , a, b] = pairs[0];
  if (meetingYear !== null) {
    const years = [meetingYear % 100, (meetingYear - 1) % 100, (meetingYear + 1) % 100];
    const aYear = years.includes(Number(a) % 100);
    const bYear = years.includes(Number(b) % 100);
    if (aYear && !bYear) return 'year/serial';
    if (bYear && !aYear) return 'serial/year';
  }
  return shapeStyle(a, b);
}

/** A heading's number and title, or null when it opens with no minute number ("Budget", "2026 budget setting"). */
function numberedHeading(text: string): { raw: string; title: string } | null {
  const m = HEADING_RE.exec(text);
  if (!m) return null;
  // A year alone is the start of a title, not a minute number.
  if (/^(?:19|20|21)\d\d$/.test(m[1]) && !text.slice(m[1].length).startsWith('.')) return null;
  return { raw: m[1], title: m[2].trim() };
}

/** `Action: <owner> - <what> - by <date>`; any dash separates, and a missing part is left empty. */
function parseAction(located: Located, start: number): Action {
  const rest = located.text.slice(start).trim().replace(/\.$/, '');
  const parts = rest.split(/\s+[-–—]\s+/);
  let due = parseDue('');
  const last = parts[parts.length - 1];
  if (parts.length > 1 && /^by\s+/i.test(last)) {
    due = parseDue(last.replace(/^by\s+/i, ''));
    parts.pop();
  }
  const owner = parts.length > 1 ? parts.shift()! : '';
  return { owner, text: parts.join(' - '), due, position: located.position };
}

function references(located: Located): MinuteReference[] {
  const found: MinuteReference[] = [];
  for (const m of located.text.matchAll(REFERENCE_RE)) {
    const after = m.index! + m[0].length;
    const tail = located.text.slice(after, after + REFERENCE_TAIL);
    const lead = REFERENCE_MEETING_RE.exec(tail);
    let meetingDate: MinuteReference['meetingDate'] = null;
    if (lead) {
      const [date] = findDates(tail.slice(lead[0].length));
      if (date && date.index === 0) {
        meetingDate = { ...date, position: located.positionAt(after + lead[0].length) };
        delete (meetingDate as { index?: number }).index;
        delete (meetingDate as { length?: number }).length;
      }
    }
    found.push({
      raw: meetingDate ? located.text.slice(m.index, after + lead![0].length + meetingDate.text.length) : m[0],
      number: m[1],
      meetingDate,
      position: located.positionAt(m.index!),
    });
  }
  return found;
}

function declarations(located: Located): Declaration[] {
  return [...located.text.matchAll(DECLARATION_RE)].map((m) => ({
    name: m[1].trim(),
    interest: m[2].trim(),
    minute: m[3] ?? m[4],
    action: null,
    position: located.positionAt(m.index!),
  }));
}

/** Read one minute's content: resolutions (a state machine over its blocks), actions, references, declarations. */
function readMinute(doc: MarkdownDoc, minute: Minute, nodes: readonly RootContent[]): void {
  let current: ResolutionBuilder | null = null;
  const close = () => {
    if (current) minute.resolutions.push(current.resolution);
    current = null;
  };

  const scan = (located: Located) => {
    minute.references.push(...references(located));
    minute.declarations.push(...declarations(located));
  };

  /** A paragraph-like piece of text: returns whether it belonged to a resolution. */
  const readText = (located: Located): void => {
    scan(located);
    const text = located.text;
    const verb = matchVerb(text);
    if (verb) {
      close();
      current = new ResolutionBuilder(verb.verb, located);
      current.resolution.text = current.readParts(located, verb.rest);
      return;
    }
    const action = ACTION_RE.exec(text);
    if (action) {
      minute.actions.push(parseAction(located, action[0].length));
      close();
      return;
    }
    if (current && REASON_RE.test(text)) {
      current.addReason(block('paragraph', located));
      return;
    }
    const label = labelAtStart(text);
    if (current && label && (current as ResolutionBuilder).accepts(label)) {
      current.readParts(located, 0);
      return;
    }
    close();
  };

  const readList = (items: ListItem[], ordered: boolean) => {
    for (const item of items) {
      const located = itemText(doc, item);
      const builder = current as ResolutionBuilder | null;
      if (builder && !startsWithLabel(located.text) && !matchVerb(located.text) && !ACTION_RE.test(located.text)) {
        scan(located);
        if (ordered) {
          const n = writtenNumber(doc, item) ?? 0;
          // A list item written "1)" keeps its bracket; "1." its dot.
          const delimiter = /^\s*\d+([.)])/.exec(doc.source.text.slice(item.position?.start.offset ?? 0))?.[1] ?? '.';
          const part = builder.addPart(`${n}${delimiter}`, String(n), located.text, located, 0);
          part.position = positionOf(doc, item);
        } else {
          const target = builder.lastPart();
          if (target) target.points.push(block('list-item', located));
          else builder.addText(located.text);
        }
      } else {
        readText(located);
        // An item that opened or continued a resolution keeps it open for the next item.
      }
      const nested = item.children.filter((c) => c.type === 'list');
      for (const list of nested) if (list.type === 'list') readList(list.children, !!list.ordered);
    }
  };

  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph':
        readText(textOf(doc, node));
        break;
      case 'html':
        readText(htmlText(doc, node));
        break;
      case 'list':
        readList(node.children, !!node.ordered);
        break;
      case 'table':
        for (const row of node.children) for (const cell of row.children) scan(textOf(doc, cell));
        close();
        break;
      case 'heading':
        scan(textOf(doc, node));
        close();
        break;
      default:
        close();
    }
  }
  close();
}

function people(names: string[], path: string, doc: MarkdownDoc): Person[] {
  return names.map((name, i) => ({ name, position: doc.yaml ? yamlPosition(doc.yaml, [path, i]) : positionOf(doc, undefined) }));
}

export function readMinutes(doc: MarkdownDoc, problems: Problems): Minutes | null {
  if (doc.data === null || !doc.yaml && doc.hasFrontmatter) return null;
  const front = doc.yaml
    ? validate(minutesSchema, doc.data, doc.yaml, problems, 'minutes frontmatter')
    : minutesSchema.parse({});
  if (!front) return null;
  const body: DocumentBody = bodyOf(doc);
  const result: Minutes = {
    ...body,
    published: front.published ?? null,
    draft: front.draft ?? false,
    approved: front.approved ?? null,
    chair: front.chair ? { name: front.chair, position: yamlPosition(doc.yaml!, ['chair']) } : null,
    present: people(front.present, 'present', doc),
    apologies: people(front.apologies, 'apologies', doc),
    absent: people(front.absent, 'absent', doc),
    inAttendance: people(front.inAttendance, 'inAttendance', doc),
    substitutes: front.substitutes.map((text, i) => {
      const m = /^(.+?)\s+for\s+(.+)$/i.exec(text.trim())!;
      return { name: m[1].trim(), for: m[2].trim(), position: doc.yaml ? yamlPosition(doc.yaml, ['substitutes', i]) : positionOf(doc, undefined) };
    }),
    minutes: [],
    movements: [],
    numbered: false,
    position: positionOf(doc, doc.tree),
  };

  const children = doc.tree.children;
  // Minutes are the headings of one level: the first of levels 2 and 3 at which a heading carries a minute
  // number. Minutes with no numbered heading at all are a style (community and many parish councils): each
  // level-2 heading (or level-3, where there are none) is a minute without a number.
  const headings = children.flatMap((node, i) =>
    node.type === 'heading' && (node.depth === 2 || node.depth === 3) ? [{ i, depth: node.depth, located: textOf(doc, node) }] : [],
  );
  const numberedAt = (depth: number) => headings.filter((h) => h.depth === depth && numberedHeading(h.located.text));
  const level = numberedAt(2).length > 0 ? 2 : numberedAt(3).length > 0 ? 3 : headings.some((h) => h.depth === 2) ? 2 : 3;
  result.numbered = numberedAt(level).length > 0;
  const atLevel = headings.filter((h) => h.depth === level);
  const written = atLevel.map((h) => numberedHeading(h.located.text));
  const style = slashStyleOf(written.flatMap((w) => (w ? [w.raw] : [])), Number(meetingDateOf(doc.file)?.slice(0, 4)) || null);
  const firstNumbered = written.findIndex((w) => w !== null);
  const unreadable: Located[] = [];
  atLevel.forEach((h, k) => {
    const w = written[k];
    // In numbered minutes, headings before the first minute (a title, "Present") are not minutes.
    if (result.numbered && k < firstNumbered) return;
    if (result.numbered && !w) unreadable.push(h.located);
    let end = h.i + 1;
    while (end < children.length && !(children[end].type === 'heading' && (children[end] as { depth: number }).depth <= level)) end++;
    const minute: Minute = {
      number: w ? parseMinuteNumber(w.raw, style) : null,
      title: w ? w.title : h.located.text,
      blocks: [],
      resolutions: [],
      actions: [],
      references: [],
      declarations: [],
      votes: [],
      dates: [],
      exempt: null,
      endLine: end < children.length ? (children[end].position?.start.line ?? 1) - 1 : doc.source.text.split('\n').length,
      position: h.located.position,
    };
    readMinute(doc, minute, children.slice(h.i + 1, end));
    result.minutes.push(minute);
  });
  // A heading the linter cannot read is reported once, with what was expected, not on every heading.
  if (unreadable.length > 0) {
    const example = result.minutes.find((m) => m.number)!;
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more heading${unreadable.length > 2 ? 's' : ''} like it)` : '';
    problems.warn(
      'minute-numbering',
      `Unexpected heading "${unreadable[0].text}" without a minute number${more}, expected every level-${level} heading after the first minute to open with its number, as "${example.number!.raw} ${example.title}" does`,
      unreadable[0].position,
    );
  }

  // Hand each block and date of the file to the minute it sits under: both are in file order.
  const handOut = <T extends { position: Position }>(items: T[], into: (m: Minute) => T[]) => {
    let k = -1;
    for (const item of items) {
      while (k + 1 < result.minutes.length && result.minutes[k + 1].position.line <= item.position.line) k++;
      if (k >= 0) into(result.minutes[k]).push(item);
    }
  };
  handOut(body.blocks, (m) => m.blocks);
  handOut(body.dates, (m) => m.dates);
  for (const minute of result.minutes) minute.votes = votesIn(minute.blocks);
  const minuteAt = (key: string, ref: string | number, path: (string | number)[]): number => {
    const index = minuteIndex(result.minutes, String(ref));
    if (index < 0) {
      problems.error(
        'frontmatter',
        `Unexpected ${key} minute "${ref}", expected the number of a minute in this file (${result.minutes.map((m) => m.number?.raw).filter(Boolean).join(', ') || 'none'})`,
        yamlPosition(doc.yaml!, path),
      );
    }
    return index;
  };
  // Votes stated in the frontmatter take the place of what the minute's words gave.
  for (const [ref, list] of Object.entries(front.votes)) {
    const index = minuteAt('votes', ref, ['votes', ref]);
    if (index < 0) continue;
    result.minutes[index].votes = list.map((v, i) => {
      const side = (x: string[] | number | undefined) => (Array.isArray(x) ? x : null);
      const count = (x: string[] | number | undefined) => (typeof x === 'number' ? x : null);
      return {
        for: side(v.for),
        against: side(v.against),
        abstain: side(v.abstain),
        counts: { for: count(v.for), against: count(v.against), abstain: count(v.abstain) },
        result: v.result ?? null,
        casting: v.casting ?? false,
        position: yamlPosition(doc.yaml!, ['votes', ref, i]),
      };
    });
  }
  // Declarations stated in the frontmatter, kept with the declarations minute (or the item's own, where there is none).
  const declaring = result.minutes.find((m) => itemKind(m.title) === 'declarations');
  const leftFor: Movement[] = [];
  front.declarations.forEach((d, i) => {
    const index = minuteAt('declarations', d.minute, ['declarations', i, 'minute']);
    if (index < 0) return;
    const item = result.minutes[index];
    const position = yamlPosition(doc.yaml!, ['declarations', i]);
    (declaring ?? item).declarations.push({ name: d.member, interest: d.interest, minute: item.number?.raw ?? String(d.minute), action: d.action ?? null, position });
    if (d.action === 'left') leftFor.push({ name: d.member, kind: 'out', minute: index, position });
  });
  // Comings and goings: the frontmatter's, exactly; the minutes' words for anyone it does not name.
  const stated: Movement[] = [];
  for (const kind of ['arrived', 'left'] as const) {
    for (const [name, ref] of Object.entries(front[kind])) {
      const index = minuteAt(`${kind} (${name})`, ref, [kind, name]);
      if (index >= 0) stated.push({ name, kind, minute: index, position: yamlPosition(doc.yaml!, [kind, name]) });
    }
  }
  result.movements = [...stated, ...leftFor, ...movementsIn(result.minutes).filter((m) => !stated.some((s) => sameName(s.name, m.name)))];
  for (const [number, value] of Object.entries(front.exempt)) {
    const minute = result.minutes.find((m) =>
      m.number ? m.number.raw.toUpperCase() === number.toUpperCase() : m.title.toLowerCase() === number.toLowerCase(),
    );
    if (!minute) {
      problems.error(
        'frontmatter',
        `Unexpected exempt minute "${number}", expected the number of a minute in this file (${result.minutes.map((m) => m.number?.raw ?? `"${m.title}"`).join(', ') || 'none'})`,
        yamlPosition(doc.yaml!, ['exempt', number]),
      );
      continue;
    }
    minute.exempt =
      value === false
        ? false
        :
      typeof value === 'object'
        ? { paragraph: value.paragraph ?? null, summary: value.summary ?? null }
        : { paragraph: typeof value === 'number' ? value : null, summary: null };
  }
  return result;
}
