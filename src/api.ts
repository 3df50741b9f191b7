/**
 * boardpack's API for a council's own scripts: check a content folder and format the report,
 * and build its packs, as the CLI does (the CLI calls these same functions). Failures are
 * thrown as `BoardpackError`, carrying the problems or the report that explain them; nothing
 * here writes to the terminal or ends the process.
 */
import { resolve } from 'node:path';
import { BoardpackError } from './errors.js';
import { configStoppers } from './config/config.js';
import { contentRoot, stopOnConfig } from './config/folder.js';
import { findRepositoryRoot } from './config/find.js';
import { fromDate } from './dates/calendar.js';
import { firstCommits } from './fs/git.js';
import { lintCached } from './lint/cache.js';
import { lint, UnknownRuleError } from './lint/lint.js';
import type { RuleSetting } from './model/types.js';
import { packageVersion } from './package-info.js';
import { parseContentParallel } from './parse/parallel.js';
import { buildReport, onlyErrors, onlyPaths, type LintReport } from './report/results.js';
import { github } from './report/github.js';
import { json } from './report/json.js';
import { sarif } from './report/sarif.js';
import { stylish } from './report/stylish.js';

export type { LintReport, FileResult, LintMessage } from './report/results.js';
export { firstCommits, type FirstCommits } from './fs/git.js';
export { buildContent, type BuildContentOptions, type BuildContentResult } from './build/build.js';

export interface LintContentOptions {
  /** Where a relative content folder, paths and cache are found (default: the process's working folder). */
  cwd?: string;
  /** Today, `YYYY-MM-DD` (default: the system's date). */
  today?: string;
  /** The day overdue checks count from (default: today, or a plan's `asOf`). */
  asOf?: string;
  /** Severities that outrank `rules:` in boardpack.yml. */
  rules?: Record<string, RuleSetting>;
  /** Warnings count as errors. */
  strict?: boolean;
  /** Report errors only. */
  quiet?: boolean;
  /** Files and folders inside the content folder to report on; the whole folder is still read. */
  paths?: string[];
  /** The lint cache's folder: reuse what the last run found for the parts that have not changed. */
  cache?: string;
  /**
   * A report that gives no `submitted:` day is taken as submitted when it was first committed to the
   * git repository holding the content folder (read with `firstCommits`), for `report-deadline`.
   */
  submittedFromGit?: boolean;
  /** When each file was first committed, by path from the content folder, as `firstCommits` gives it (outranks `submittedFromGit`). */
  committed?: ReadonlyMap<string, string>;
}

/** The report formats of `boardpack lint --format`. */
export type ReportFormat = 'stylish' | 'json' | 'sarif' | 'github';

/**
 * Check a content folder against the rules and return the report (as ESLint's, by file).
 * Throws `BoardpackError` when the folder or boardpack.yml cannot be used, or a rule is unknown.
 */
export async function lintContent(dir: string, options: LintContentOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const root = contentRoot(dir, cwd);
  const committed = options.committed ?? (options.submittedFromGit ? firstCommits(root).committed : undefined);
  const lintOptions = { today: options.today ?? fromDate(new Date()), asOf: options.asOf, rules: options.rules, strict: options.strict, committed };
  let result;
  try {
    if (options.cache) {
      result = await lintCached(root, resolve(cwd, options.cache), lintOptions, packageVersion());
      stopOnConfig(result.configErrors, dir, 'checked');
    } else {
      // The whole model at once, parsed on all threads: faster than part by part (as build goes),
      // for which lint trades memory that grows with the archive.
      const parsed = await parseContentParallel(root);
      stopOnConfig(configStoppers(parsed.problems), dir, 'checked');
      result = lint(parsed, lintOptions);
    }
  } catch (err) {
    if (err instanceof UnknownRuleError) throw new BoardpackError(err.message);
    throw err;
  }
  let report = buildReport(root, result.findings, result.rules);
  if (options.paths) report = onlyPaths(report, options.paths.map((p) => resolve(cwd, p)));
  if (options.quiet) report = onlyErrors(report);
  return report;
}

/**
 * A report as text: `stylish` for people (coloured when `color`), `json` as ESLint's, `sarif`
 * 2.1.0 for code scanning, `github` as workflow annotations. Stylish shows paths relative to `cwd`;
 * SARIF and annotations give them from the root of the git repository holding the content (where
 * code scanning and GitHub place them), or from `cwd` outside one.
 */
export function formatReport(report: LintReport, format: ReportFormat, options: { cwd?: string; color?: boolean } = {}): string {
  const cwd = options.cwd ?? process.cwd();
  switch (format) {
    case 'stylish':
      return stylish(report, cwd, { color: options.color });
    case 'json':
      return json(report);
    case 'sarif':
      return sarif(report, packageVersion(), findRepositoryRoot(report.root) ?? cwd);
    case 'github':
      return github(report, findRepositoryRoot(report.root) ?? cwd);
  }
}
