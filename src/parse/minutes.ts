import type { ListItem, RootContent } from 'mdast';
import type {
  Action,
  Declaration,
  DocumentBody,
  Minute,
  MinuteNumber,
  MinuteReference,
  Minutes,
  Person,
  Position,
} from '../model/types.js';
import { findDates, parseDue } from '../dates/prose.js';
import { minutesSchema } from './schemas.js';
import { validate, yamlPosition } from './yaml.js';
import { block, bodyOf, htmlText, itemText, positionOf, textOf, writtenNumber, type MarkdownDoc } from './markdown.js';
import { matchVerb, REASON_RE, ResolutionBuilder, startsWithLabel } from './resolutions.js';
import type { Located } from './text.js';
import type { Problems } from './problems.js';

const HEADING_RE = /^([A-Za-z]*)(\d+)(?:\/(\d{2}))?\.?\s+(.+)$/;
export const MINUTE_NUMBER = String.raw`[A-Za-z]*\d+(?:\/\d{2})?`;
const REFERENCE_RE = new RegExp(String.raw`\bMinute\s+(?:No\.?\s*|Number\s+)?(${MINUTE_NUMBER})\b`, 'g');
const REFERENCE_MEETING_RE =
  /^(?:\s*\([^)]*\))?,?\s+of\s+the\s+(?:[\w'’ -]*?\s)?meeting(?:\s+of\s+(?:the\s+)?[^.;]*?)?\s+held\s+on\s+/i;
const DECLARATION_RE = new RegExp(
  String.raw`((?:(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr|Professor)\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+declared\s+(?:an?\s+)?(.+?)\s+interests?\s+in\s+Minute\s+(?:No\.?\s*)?(${MINUTE_NUMBER})`,
  'g',
);
const ACTION_RE = /^Actions?\s*:\s*/i;

export function parseMinuteNumber(raw: string): MinuteNumber | null {
  const m = /^([A-Za-z]*)(\d+)(?:\/(\d{2}))?$/.exec(raw);
  if (!m) return null;
  return { raw, prefix: m[1], value: Number(m[2]), year: m[3] ? Number(m[3]) : null };
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
    const tail = located.text.slice(after);
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
    minute: m[3],
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
    if (current && startsWithLabel(text)) {
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
          const part = builder.addPart(`${n}.`, String(n), located.text, located, 0);
          part.position = positionOf(doc, item);
        } else {
          const target = builder.lastPart();
          if (target) target.points.push(block('list-item', located));
          else builder.resolution.text = `${builder.resolution.text} ${located.text}`.trim();
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
    chair: front.chair ? { name: front.chair, position: yamlPosition(doc.yaml!, ['chair']) } : null,
    present: people(front.present, 'present', doc),
    apologies: people(front.apologies, 'apologies', doc),
    absent: people(front.absent, 'absent', doc),
    inAttendance: people(front.inAttendance, 'inAttendance', doc),
    minutes: [],
    position: positionOf(doc, doc.tree),
  };

  const children = doc.tree.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type !== 'heading' || node.depth !== 2) continue;
    let end = i + 1;
    while (end < children.length && !(children[end].type === 'heading' && (children[end] as { depth: number }).depth <= 2)) end++;
    const heading = textOf(doc, node);
    const m = HEADING_RE.exec(heading.text);
    if (!m) {
      problems.warn(
        'minute-numbering',
        `Unexpected heading "${heading.text}" in minutes, expected "## <number>. <title>" such as "## 41. Declarations of interest"`,
        heading.position,
      );
      continue;
    }
    const minute: Minute = {
      number: parseMinuteNumber(`${m[1]}${m[2]}${m[3] ? `/${m[3]}` : ''}`)!,
      title: m[4].trim(),
      blocks: [],
      resolutions: [],
      actions: [],
      references: [],
      declarations: [],
      dates: [],
      exempt: null,
      endLine: end < children.length ? (children[end].position?.start.line ?? 1) - 1 : doc.source.text.split('\n').length,
      position: heading.position,
    };
    readMinute(doc, minute, children.slice(i + 1, end));
    result.minutes.push(minute);
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
  for (const [number, value] of Object.entries(front.exempt)) {
    const minute = result.minutes.find((m) => m.number.raw === number || m.number.raw.replace(/\.$/, '') === number);
    if (!minute) {
      problems.error(
        'frontmatter',
        `Unexpected exempt minute "${number}", expected the number of a minute in this file (${result.minutes.map((m) => m.number.raw).join(', ') || 'none'})`,
        yamlPosition(doc.yaml!, ['exempt', number]),
      );
      continue;
    }
    if (value === false) continue;
    minute.exempt =
      typeof value === 'object'
        ? { paragraph: value.paragraph ?? null, summary: value.summary ?? null }
        : { paragraph: typeof value === 'number' ? value : null, summary: null };
  }
  return result;
}
