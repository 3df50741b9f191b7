import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { firstCommits, formatReport, lintContent, type ReportFormat } from '../api.js';
import { fsReason, writeFileAtomic } from '../fs/atomic.js';
import type { RuleSetting } from '../model/types.js';
import { ExitCode, UsageError, type CliIo } from './io.js';
import { collectRule, lintTargets, parseMaxWarnings, sharedOptions } from './shared.js';

interface LintCliOptions {
  cache?: boolean;
  cacheLocation: string;
  format: ReportFormat;
  outputFile?: string;
  rule?: Record<string, RuleSetting>;
  strict?: boolean;
  maxWarnings?: number;
  asOf?: string;
  quiet?: boolean;
  submittedFromGit?: boolean;
}

/** `boardpack lint [paths...]`. */
export function lintCommand(program: Command, io: CliIo, color: () => boolean): void {
  program
    .command('lint')
    .description('check a content folder against the consistency rules, reporting on the files and folders named')
    .argument('[paths...]', 'the content folder, or files, folders and globs inside it (default: the content folder holding the working folder, or content)')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'),
    )
    .option('-o, --output-file <file>', 'write the report to a file instead of standard output')
    .option('-r, --rule <id=severity>', 'set a rule to off, warn or error (repeatable)', collectRule)
    .option('--strict', 'treat warnings as errors')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', parseMaxWarnings)
    .option('--as-of <date>', 'the day overdue checks count from (default: today, or a plan’s asOf)')
    .option('-q, --quiet', 'report errors only')
    .option('--submitted-from-git', 'take a report with no submitted: day as submitted when it was first committed to git (for report-deadline)')
    .option('--cache', 'reuse what the last run parsed and found for the parts that have not changed')
    .option('--cache-location <dir>', 'the folder the cache is kept in', '.boardpack-cache')
    .action(async (args: string[], options: LintCliOptions) => {
      const { dir, paths } = await lintTargets(args, io);
      const committed = options.submittedFromGit ? commitsOf(dir, io) : undefined;
      const report = await lintContent(dir, { ...sharedOptions(options, io), rules: options.rule, strict: options.strict, quiet: options.quiet, paths, committed });
      // Colour only where a person reads it: never in a file, nor in the machine formats.
      const toFile = options.outputFile !== undefined;
      const formatted = formatReport(report, options.format, { cwd: io.cwd, color: !toFile && color() });
      if (toFile) {
        const target = resolve(io.cwd, options.outputFile!);
        if (existsSync(target) && statSync(target).isDirectory()) {
          throw new UsageError(`Unexpected --output-file ${options.outputFile}: it is a folder, expected the path of a file to write`);
        }
        try {
          mkdirSync(dirname(target), { recursive: true });
          writeFileAtomic(target, formatted);
        } catch (err) {
          throw new UsageError(`Cannot write ${options.outputFile}: ${fsReason(err)}`);
        }
      } else io.stdout(formatted);
      const limit = options.maxWarnings ?? -1;
      const tooManyWarnings = limit >= 0 && report.warningCount > limit;
      // On standard error whatever the format, so that a JSON or SARIF report stays readable and the reason is seen.
      if (tooManyWarnings) io.stderr(`boardpack found too many warnings (maximum: ${limit}).\n`);
      if (report.errorCount > 0 || tooManyWarnings) throw new ExitCode(1);
    });
}

/** When each file was first committed; a shallow clone's cut-off files are said on standard error, as they go unchecked. */
function commitsOf(dir: string, io: CliIo): ReadonlyMap<string, string> {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root)) return new Map(); // lint says the folder is not found
  const { committed, unknown } = firstCommits(root);
  // Said of the Markdown files (the papers among them), whose deadlines go unchecked.
  const papers = unknown.filter((rel) => rel.endsWith('.md')).length;
  if (papers > 0) {
    io.stderr(
      `boardpack: ${papers} Markdown file${papers === 1 ? ' was' : 's were'} already there when this shallow clone's history begins, so when ${papers === 1 ? 'it was' : 'they were'} first committed is not known and no deadline is checked from ${papers === 1 ? 'it' : 'them'}; fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)\n`,
    );
  }
  return committed;
}
