import { posix } from 'node:path';
import type { Root } from 'mdast';
import type { Agenda, DocumentBody, Minutes, Paper, Position, Problem, Recommendation, Register, Strand } from '../model/types.js';
import { appendixDocSchema } from './schemas.js';
import { validate, yamlPosition } from './yaml.js';
import { bodyOf, loadMarkdown } from './markdown.js';
import { isPaperLink, readAgenda, type LinkResolver } from './agenda.js';
import { readPaper, type AppendixEntry } from './paper.js';
import { readMinutes } from './minutes.js';
import { readStrand } from './plan.js';
import { readRegister, recommendationsIn } from './register.js';
import { isFolder, outsideMessage, placeOf, readText } from './files.js';
import { allowedHref } from '../output/paths.js';
import { Problems } from './problems.js';

/** What a Markdown file is, from where it sits in the content folder. */
export type Role = 'agenda' | 'minutes' | 'meeting-md' | 'strand' | 'register';

export function roleOf(rel: string): Role | null {
  if (/^committees\/[^/]+\/[^/]+\/(agenda|supplement-\d+)\.md$/i.test(rel)) return 'agenda';
  if (/^committees\/[^/]+\/[^/]+\/minutes\.md$/i.test(rel)) return 'minutes';
  if (/^committees\/[^/]+\/[^/]+\/[^/]+\.md$/i.test(rel)) return 'meeting-md';
  if (/^plans\/[^/]+\/[^/]+\.md$/i.test(rel)) return 'strand';
  if (/^registers\/[^/]+\.md$/i.test(rel)) return 'register';
  return null;
}

/**
 * One file read and parsed: plain data only, so the work can be done on
 * another thread (or kept in a cache) and put together on the main one.
 */
export interface Prepared {
  rel: string;
  /** Problems met reading the file itself, whatever it turns out to be. */
  problems: Problem[];
  agenda?: Agenda | null;
  minutes?: Minutes | null;
  strand?: Strand | null;
  register?: Register | null;
  /** A meeting's other Markdown: read both as a paper and as an appendix, since which it is depends on the other papers. */
  meetingMd?: {
    named: string[];
    paper: { paper: Paper; appendices: AppendixEntry[] } | null;
    paperProblems: Problem[];
    body: DocumentBody;
    appendixProblems: Problem[];
    /** The exemption the file states in its own frontmatter, read as an appendix; null when it states none. */
    ownExempt: { exempt: boolean; exemptParagraph: number | null; position: Position } | null;
    /** Read as an appendix of `type: response-schedule`: its tables' rows, as a register. */
    responses: Recommendation[];
  };
}

/** The files a paper's raw frontmatter names under `appendices`, before it is validated. */
export function namedAppendices(dir: string, data: unknown): string[] {
  const list = (data as { appendices?: unknown } | null)?.appendices;
  if (!Array.isArray(list)) return [];
  return list
    .map((a) => (a && typeof a === 'object' ? (a as { file?: unknown }).file : undefined))
    .filter((f): f is string => typeof f === 'string')
    .map((f) => posix.normalize(`${dir}/${f}`));
}

/** How a link in a meeting's agenda resolves: a paper, an attachment, another meeting's minutes. */
export function linkResolver(root: string, meetingDir: string, problems: Problems): LinkResolver {
  return (href, from, position) => {
    if (!isPaperLink(href)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href.trim()) || href.startsWith('//')) {
        if (!allowedHref(href)) {
          problems.error('link-target', `Unexpected link "${href}", expected a web page (https:), an email address (mailto:) or a paper of the content folder; it is not published`, position);
          return { target: null, kind: 'external' as const, exists: false };
        }
        return { target: null, kind: 'external' as const, exists: true };
      }
      if (href.startsWith('#') || href === '') return { target: null, kind: 'external' as const, exists: true };
      // A local path that is no paper or PDF: out of the folder, or a file boardpack does not publish. Either way, said.
      const local = posix.normalize(posix.join(posix.dirname(from), href.split('#')[0].split('?')[0]));
      const place = local.startsWith('../') || local === '..' || posix.isAbsolute(href) ? 'outside' : placeOf(root, local);
      if (place === 'outside') {
        problems.error('link-target', `Unexpected link "${href}" to a file outside the content folder, expected a file inside it`, position);
      } else if (place === 'missing') {
        problems.error('link-target', `Unexpected link to missing file "${href}", expected it at ${local}`, position);
      } else {
        problems.warn('link-target', `Unexpected link "${href}" to a file that is neither a paper (.md) nor a PDF, expected one of those: it is not published`, position);
      }
      return { target: null, kind: 'external' as const, exists: false };
    }
    let path: string;
    try {
      path = decodeURI(href.split('#')[0].split('?')[0]);
    } catch {
      problems.error('link-target', `Unexpected link "${href}" with a malformed %-escape, expected a file name with each % followed by two hex digits`, position);
      return { target: null, kind: 'external' as const, exists: false };
    }
    const target = posix.normalize(posix.join(posix.dirname(from), path));
    if (target.startsWith('../') || target === '..' || posix.isAbsolute(path)) {
      problems.error('link-target', `Unexpected link "${href}" to a file outside the content folder, expected a file inside it`, position);
      return { target: null, kind: 'external' as const, exists: false };
    }
    const sameMeeting = posix.dirname(target) === meetingDir;
    const kind = sameMeeting
      ? /\.pdf$/i.test(target) ? 'attachment' : 'paper'
      : posix.basename(target) === 'minutes.md'
        ? 'minutes'
        : 'meeting-file';
    const place = placeOf(root, target);
    if (place === 'inside' && isFolder(root, target)) {
      problems.error('link-target', `Unexpected link "${href}" to a folder, expected a paper or PDF file at ${target}`, position);
      return { target: null, kind: 'external' as const, exists: false };
    }
    const found = place === 'inside';
    if (place === 'outside') {
      problems.error('link-target', outsideMessage(href), position);
      return { target: null, kind: 'external' as const, exists: false };
    }
    // Minutes not written yet are "to follow": the link-target rule weighs them against the publication date.
    else if (!found && kind !== 'minutes') problems.error('link-target', `Unexpected link to missing file "${href}", expected it at ${target}`, position);
    return { target, kind, exists: found };
  };
}

/** `onTree` is given the file's Markdown tree, for a renderer that would otherwise parse the file again. */
export function prepareFile(root: string, rel: string, role: Role, onTree?: (tree: Root) => void): Prepared {
  const problems = new Problems();
  const result: Prepared = { rel, problems: problems.list };
  const text = readText(root, rel, problems);
  if (text === null) return result;
  const doc = loadMarkdown(rel, text, problems);
  onTree?.(doc.tree);
  const dir = posix.dirname(rel);
  switch (role) {
    case 'agenda':
      result.agenda = readAgenda(doc, problems, linkResolver(root, dir, problems));
      break;
    case 'minutes':
      result.minutes = readMinutes(doc, problems);
      break;
    case 'strand':
      result.strand = readStrand(rel, doc, problems);
      break;
    case 'register':
      result.register = readRegister(posix.basename(rel).replace(/\.md$/i, ''), doc, problems);
      break;
    case 'meeting-md': {
      const body = bodyOf(doc);
      const paperProblems = new Problems();
      const paper = doc.data === null ? null : readPaper(posix.basename(rel).replace(/\.md$/i, ''), doc, paperProblems, body);
      const appendixProblems = new Problems();
      const own = doc.yaml ? validate(appendixDocSchema, doc.data, doc.yaml, appendixProblems, 'appendix frontmatter', 'error') : null;
      const ownExempt =
        own?.exempt === undefined || !doc.yaml
          ? null
          : {
              exempt: own.exempt !== false,
              exemptParagraph: typeof own.exempt === 'number' ? own.exempt : null,
              position: yamlPosition(doc.yaml, ['exempt']),
            };
      result.meetingMd = {
        named: namedAppendices(dir, doc.data),
        paper,
        paperProblems: paperProblems.list,
        body,
        appendixProblems: appendixProblems.list,
        ownExempt,
        responses: own?.type === 'response-schedule' ? recommendationsIn(body.tables) : [],
      };
      break;
    }
  }
  return result;
}

/** The files an agenda links to, whose coming or going changes what its parse says: a cache must read it again then. */
export function linkTargets(prepared: Prepared): string[] {
  const agenda = prepared.agenda;
  if (!agenda) return [];
  return agenda.items.flatMap((item) => item.links).flatMap((link) => (link.target ? [link.target] : []));
}

/** Stands in for the file's own path in a packed `Prepared`; no path in a content folder contains NUL. */
const OWN_FILE = '\u0000';

function replaceFile(value: unknown, from: string, to: string): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') replaceFile(item, from, to);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const field = record[key];
    if (key === 'file' && field === from) record[key] = to;
    else if (field !== null && typeof field === 'object') replaceFile(field, from, to);
  }
}

/**
 * Ready a `Prepared` to be copied to another thread or a cache: every
 * position names its file, and copying that path thousands of times a file
 * was most of what crossed between threads. In place; `unpackPrepared` undoes it.
 */
export function packPrepared(prepared: Prepared): Prepared {
  replaceFile(prepared, prepared.rel, OWN_FILE);
  return prepared;
}

/** Undo `packPrepared`, with one shared string for the file's path. */
export function unpackPrepared(prepared: Prepared): Prepared {
  replaceFile(prepared, OWN_FILE, prepared.rel);
  return prepared;
}
