import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { parseContentParallel } from '../parse/parallel.js';
import { isIsoDate } from '../dates/calendar.js';
import { parseWrittenDate } from '../dates/prose.js';
import { findContentRoot } from '../config/find.js';
import type { RuleSetting } from '../model/types.js';
import { formatProblems } from './problems.js';
import { UsageError, type CliIo } from './io.js';

/** The content folder `init` writes, and commands read when none is named or found. */
export const DEFAULT_CONTENT = 'content';

/** Read the content folder; print its problems; stop with exit 2 when it cannot be used. */
export async function load(dir: string, io: CliIo) {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root)) throw new UsageError(`Content folder not found: ${dir} (expected a folder holding boardpack.yml)`);
  const result = await parseContentParallel(root);
  if (result.problems.length) io.stderr(formatProblems(result.problems));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors) throw new UsageError(`${dir}: ${errors} problem${errors === 1 ? '' : 's'} must be fixed before the content can be used`);
  return { root, ...result };
}

/**
 * The content folder a command works on: the one named, or else the nearest folder at or above the
 * working folder with a boardpack.yml, or else `content` (where `init` writes one).
 */
export function contentDir(dir: string | undefined, io: CliIo): string {
  if (dir !== undefined) return dir;
  const found = findContentRoot(io.cwd);
  return found ? relative(io.cwd, found) || '.' : DEFAULT_CONTENT;
}

/** Colour for stylish output: --color/--no-color, then NO_COLOR and FORCE_COLOR, then whether it goes to a terminal. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/**
 * What `boardpack lint [paths...]` checks: the content folder holding the paths (the whole folder is
 * read, for the rules that compare documents) and the files and folders to report on (all when none
 * is named, or when the content folder itself is).
 */
export async function lintTargets(args: string[], io: CliIo): Promise<{ dir: string; paths?: string[] }> {
  if (args.length === 0) return { dir: contentDir(undefined, io) };
  const paths: string[] = [];
  for (const arg of args) {
    const path = resolve(io.cwd, arg);
    if (existsSync(path)) paths.push(path);
    else if (isDynamicPattern(arg)) {
      const matched = await glob(arg, { cwd: io.cwd, absolute: true, onlyFiles: false, dot: false });
      if (matched.length === 0) throw new UsageError(`No files match "${arg}"`);
      paths.push(...matched.map((p) => resolve(p)));
    } else if (args.length === 1) return { dir: arg }; // said by lint as a content folder not found
    else throw new UsageError(`Not found: ${arg}`);
  }
  const roots = new Set<string>();
  for (const path of paths) {
    const root = findContentRoot(path);
    // A folder with no boardpack.yml at or above it is read as a content folder, which then says what it lacks.
    roots.add(root ?? (statSync(path).isDirectory() ? path : dirname(path)));
  }
  if (roots.size > 1) {
    const named = [...roots].map((r) => relative(io.cwd, r) || '.').join(', ');
    throw new UsageError(`The paths are in ${roots.size} content folders (${named}); lint one content folder at a time`);
  }
  const root = [...roots][0];
  const dir = relative(io.cwd, root) || '.';
  return paths.every((p) => p === root) ? { dir } : { dir, paths };
}

/** What lint and build take alike from their options, for the API. */
export function sharedOptions(options: { asOf?: string; cache?: boolean; cacheLocation: string }, io: CliIo) {
  return {
    cwd: io.cwd,
    today: io.today,
    asOf: options.asOf === undefined ? undefined : readDateArgument(options.asOf),
    cache: options.cache ? options.cacheLocation : undefined,
  };
}

export function readDateArgument(text: string): string {
  if (isIsoDate(text)) return text;
  const written = parseWrittenDate(text);
  if (written?.date) return written.date;
  throw new UsageError(`Unexpected date "${text}", expected a real date such as 2026-01-13`);
}

export function collectRule(value: string, previous: Record<string, RuleSetting> = {}): Record<string, RuleSetting> {
  const m = /^([a-z-]+)=(off|warn|error)$/.exec(value.trim());
  if (!m) throw new UsageError(`Unexpected --rule "${value}", expected <rule-id>=off|warn|error`);
  return { ...previous, [m[1]]: m[2] as RuleSetting };
}

export function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`Unexpected "${value}", expected a whole number of 1 or more`);
  return Number(value);
}

export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`Unexpected --shard "${value}", expected i/n with 1 <= i <= n, such as 2/4`);
  return { index, count };
}

export function parseMaxWarnings(value: string): number {
  if (!/^(\d+|-1)$/.test(value)) throw new UsageError(`Unexpected --max-warnings "${value}", expected a whole number, or -1 for no limit`);
  return Number(value);
}
