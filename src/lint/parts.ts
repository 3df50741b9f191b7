import type { ParseResult, Problem } from '../model/types.js';
import { configStoppers } from '../config/config.js';
import { parseContent } from '../parse/content.js';
import { listFolder } from '../parse/files.js';
import { markdownFiles, ParsePool } from '../parse/parallel.js';
import { prepareFile, unpackPrepared, type Prepared, type Role } from '../parse/prepare.js';
import { Problems, sortProblems } from '../parse/problems.js';
import type { YamlMemo } from '../parse/yaml-memo.js';
import { lint, type LintOptions } from './lint.js';
import type { Finding, Rule } from './rule.js';
import { RULES } from './rules/index.js';
import { attendanceIn, type Attended } from './attendance.js';

/** The rules that look at every committee's attendance (`scope: 'council'`): run once, last, in a check by parts. */
export const COUNCIL_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.meta.scope === 'council').map((r) => r.meta.id));

/** A part's own attendance, for the council-wide stage. */
export const partAttendance = (part: ParseResult, committee: string): Attended[] => attendanceIn(part.model, new Set([committee]));

/** The council-wide stage: the council-scoped rules over the shared part, with every committee's attendance. */
export function councilFindings(shared: ParseResult, attendance: Attended[], options: LintOptions): Finding[] {
  if (COUNCIL_RULES.size === 0) return [];
  return lint(shared, { ...options, attendance, only: COUNCIL_RULES }).findings;
}

export interface PartsCheck {
  /** The findings over the whole content folder. */
  findings: Finding[];
  rules: Rule[];
  /** When boardpack.yml has errors, its problems: nothing else was read. */
  configProblems: Problem[];
  /** boardpack.yml, the plans and the registers, read without the committees. */
  shared: ParseResult;
}

/**
 * The committee a file (or a finding's file) belongs to, or null for the
 * shared part: boardpack.yml, plans, registers, and anything in committees/
 * that is not a committee's folder. The one place the parts are drawn.
 */
export function committeeOf(file: string, committees: ReadonlySet<string>): string | null {
  const m = /^committees\/([^/]+)(?:\/|$)/.exec(file);
  return m && committees.has(m[1]) ? m[1] : null;
}

/**
 * Check a content folder one part at a time: the shared part (boardpack.yml,
 * plans, registers), then each committee with the shared part. Every rule's
 * findings in a committee's files come from that committee and the shared
 * files alone, and its findings in the shared files from those alone (a test
 * holds every rule to it: tests/lint/cache.test.ts), so the findings are
 * those of checking the whole at once, while memory holds one committee.
 * Each committee's Markdown is parsed on worker threads while the one before
 * is checked (and handed to `onPart`, which a build renders).
 */
export async function checkInParts(
  root: string,
  options: LintOptions,
  onPart?: (committee: string, part: ParseResult, findingsSoFar: Finding[]) => Promise<void> | void,
): Promise<PartsCheck> {
  const content = readShared(root);
  const { shared, committees } = content;
  const stop = configStoppers(shared.problems);
  if (stop.length) return { findings: [], rules: [], configProblems: stop, shared };
  const ids = new Set(committees);

  // The council-scoped rules run once, last, with every committee's attendance: not in the parts.
  const inParts = { ...options, skip: COUNCIL_RULES };
  const sharedLint = lint(shared, inParts);
  const findings = sharedLint.findings.filter((f) => committeeOf(f.position.file, ids) === null);
  const attendance: Attended[] = [];

  await readInParts(content, committees, async (id, part) => {
    findings.push(...lint(part, inParts).findings.filter((f) => committeeOf(f.position.file, ids) === id));
    attendance.push(...partAttendance(part, id));
    await onPart?.(id, part, findings);
  });
  findings.push(...councilFindings(shared, attendance, options));
  return { findings: sortProblems(findings), rules: sharedLint.rules, configProblems: [], shared };
}

/** A committee part with more Markdown files than this is rendered from the files again, to keep memory small. */
const KEEP_TREES_UP_TO = 500;

/**
 * What the lint cache holds of a content folder just checked (`lint --cache`, `build --cache`): each
 * part's Markdown files as parsed (a committee's, or with null the shared part's), and what its YAML
 * files gave the model, so that a build need not parse again what the check has just read.
 */
export interface ParsedSource {
  prepared(committee: string | null): Map<string, Prepared> | null;
  yaml: YamlMemo;
}

/** A content folder's committees and Markdown files, with the shared part read once for every part to reuse. */
export interface SharedRead {
  root: string;
  committees: string[];
  files: { rel: string; role: Role }[];
  /** boardpack.yml, the plans and the registers, read without the committees. */
  shared: ParseResult;
  /** The shared part's Markdown, parsed once; each part gets a copy, as putting a model together adds to it. */
  sharedFiles: Map<string, Prepared>;
  /** Where the parts' files were parsed already, when they were. */
  source?: ParsedSource;
}

/** Read the shared part of a content folder, and list what the parts will need; from `source` where it has them. */
export function readShared(root: string, source?: ParsedSource): SharedRead {
  const committees = listFolder(root, 'committees', new Problems()).folders; // reading them reports their problems
  const ids = new Set(committees);
  const files = markdownFiles(root);
  const kept = source?.prepared(null);
  const sharedFiles = new Map(files.filter((f) => committeeOf(f.rel, ids) === null).map((f) => [f.rel, (kept?.has(f.rel) ? unpackPrepared(kept.get(f.rel)!) : null) ?? prepareFile(root, f.rel, f.role)]));
  const shared = parseContent(root, copies(sharedFiles), new Set(), { yaml: source?.yaml });
  return { root, committees, files, shared, sharedFiles, source };
}

const copies = (prepared: Map<string, Prepared>) => new Map([...prepared].map(([rel, p]) => [rel, structuredClone(p)]));

/**
 * Read these committees one at a time, each with the shared files, and hand
 * each to `onPart`; each committee's Markdown is parsed on worker threads
 * (for a large folder) while the one before is in `onPart`.
 */
export async function readInParts(content: SharedRead, committees: string[], onPart: (committee: string, part: ParseResult) => Promise<void> | void): Promise<void> {
  const { root } = content;
  const byCommittee = new Map<string, { rel: string; role: Role }[]>(committees.map((c) => [c, []]));
  const ids = new Set(content.committees);
  for (const f of content.files) {
    const id = committeeOf(f.rel, ids);
    if (id) byCommittee.get(id)?.push(f);
  }
  // A committee the lint cache has just read is taken from it, whole: only the others are parsed.
  const cached = new Map<string, Map<string, Prepared>>();
  for (const id of committees) {
    const kept = content.source?.prepared(id);
    if (kept && (byCommittee.get(id) ?? []).every((f) => kept.has(f.rel))) cached.set(id, kept);
  }
  const toParse = committees.filter((c) => !cached.has(c));
  const pool = ParsePool.start(root, toParse.reduce((n, c) => n + byCommittee.get(c)!.length, 0));
  try {
    let next = 0;
    let ahead = pool && toParse.length ? pool.prepare(byCommittee.get(toParse[next++]) ?? []) : undefined;
    for (const id of committees) {
      let prepared = cached.get(id);
      if (!prepared && pool) {
        prepared = ahead ? await ahead : undefined;
        ahead = next < toParse.length ? pool.prepare(byCommittee.get(toParse[next++]) ?? []) : undefined;
      }
      const ready = copies(content.sharedFiles);
      for (const [rel, p] of prepared ?? []) ready.set(rel, unpackPrepared(p));
      // Parsed here (a smaller folder), a part keeps its Markdown trees for rendering, unless it is very large.
      const keepTrees = !prepared && (byCommittee.get(id)?.length ?? 0) <= KEEP_TREES_UP_TO;
      await onPart(id, parseContent(root, ready, new Set([id]), { keepTrees, yaml: content.source?.yaml }));
    }
  } finally {
    pool?.close();
  }
}
