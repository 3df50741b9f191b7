import { accessibilityLine } from '../report/accessibility.js';
import { Command, CommanderError, Option } from 'commander';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { parseContent } from '../parse/content.js';
import { parseContentParallel } from '../parse/parallel.js';
import { toJson } from '../model/json.js';
import { publish } from '../publish/view.js';
import { addDaysIso, fromDate, isIsoDate, weekdayOf } from '../dates/calendar.js';
import { parseWrittenDate } from '../dates/prose.js';
import { newMeeting } from '../scaffold/meeting.js';
import { fsReason, OutputFolderError, StagedOutput, writeFileAtomic, writeFolderAtomic } from '../fs/atomic.js';
import { formatProblems } from './problems.js';
import { ContentError } from '../parse/files.js';
import { ExitCode, UsageError, type CliIo } from './io.js';
import { stepDone, timingReport, unfinishedStep } from '../timing.js';
import { CONFIG_FILE } from '../config/config.js';
import { findContentRoot } from '../config/find.js';
import { packageRoot } from '../package-root.js';
import { docsUrl, packageVersion } from '../package-info.js';
import { RULES } from '../lint/rules/index.js';
import { buildReport } from '../report/results.js';
import { stylish } from '../report/stylish.js';
import { BoardpackError } from '../errors.js';
import { buildContent, formatReport, lintContent, type ReportFormat } from '../api.js';
import { newCommittee } from '../scaffold/committee.js';
import { schemaModeline } from '../scaffold/modeline.js';
import type { RuleSetting } from '../model/types.js';

const PACKAGE_ROOT = packageRoot();
const DEFAULT_CONTENT = 'content';

/** Read the content folder; print its problems; stop with exit 2 when it cannot be used. */
async function load(dir: string, io: CliIo) {
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
function contentDir(dir: string | undefined, io: CliIo): string {
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
async function lintTargets(args: string[], io: CliIo): Promise<{ dir: string; paths?: string[] }> {
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
function sharedOptions(options: { asOf?: string; cache?: boolean; cacheLocation: string }, io: CliIo) {
  return {
    cwd: io.cwd,
    today: io.today,
    asOf: options.asOf === undefined ? undefined : readDateArgument(options.asOf),
    cache: options.cache ? options.cacheLocation : undefined,
  };
}

function readDateArgument(text: string): string {
  if (isIsoDate(text)) return text;
  const written = parseWrittenDate(text);
  if (written?.date) return written.date;
  throw new UsageError(`Unexpected date "${text}", expected a real date such as 2026-01-13`);
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('boardpack')
    .description('Compile committee papers kept as Markdown into checked, publishable agenda packs.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run boardpack --help for usage)')
    .option('--color', 'colour the report even when it is not printed to a terminal')
    .option('--no-color', 'print without colours (as does NO_COLOR=1)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const color = () => useColor(program.opts<{ color?: boolean }>().color, io.env ?? {}, Boolean(io.stdoutIsTTY));

  program
    .command('export')
    .description('print the parsed model of a content folder')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .addOption(new Option('-a, --audience <audience>', 'who the export is for: exempt content is left out for the public').choices(['public', 'members']).default('public'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (given: string | undefined, options: { out?: string; audience: 'public' | 'members' }) => {
      const { root, model: content } = await load(contentDir(given, io), io);
      // The publication gate: the public export holds nothing exempt.
      const model = publish(content, options.audience, root);
      if (!options.out) return io.stdout(toJson(model));
      const target = resolve(io.cwd, options.out);
      if (existsSync(target) && statSync(target).isDirectory()) {
        throw new UsageError(`Unexpected --out ${options.out}: it is a folder, expected the path of a file to write, such as ${join(options.out, 'model.json')}`);
      }
      try {
        writeFileAtomic(target, toJson(model));
      } catch (err) {
        throw new UsageError(`Cannot write ${options.out}: ${fsReason(err)}`);
      }
      io.stdout(`Wrote ${options.out}\n`);
    });

  program
    .command('init')
    .description('write a starter content folder')
    .argument('[dir]', 'where to write it', DEFAULT_CONTENT)
    .action((dir: string) => {
      const target = resolve(io.cwd, dir);
      if (existsSync(target) && readdirSync(target).length > 0) {
        throw new UsageError(`${dir} already exists and is not empty; choose a new folder`);
      }
      // Build the whole folder beside the target, then move it into place.
      let tmp: string;
      try {
        mkdirSync(dirname(target), { recursive: true });
        tmp = mkdtempSync(join(dirname(target), `.${'init'}.tmp-`));
      } catch (err) {
        throw new UsageError(`Cannot write ${dir}: ${fsReason(err)}`);
      }
      try {
        cpSync(join(PACKAGE_ROOT, 'starter'), tmp, { recursive: true });
        // The YAML files name their JSON Schema, for an editor to check and complete them.
        for (const [file, schema] of [[CONFIG_FILE, 'boardpack.schema.json'], ['committees/example-committee/committee.yml', 'committee.schema.json']]) {
          const path = join(tmp, file);
          const text = readFileSync(path, 'utf8').replace('See docs/format.md.', `The format: ${docsUrl('docs/format.md')}`);
          writeFileSync(path, `${schemaModeline(schema)}\n${text}`);
        }
        const { model } = parseContent(tmp);
        const committee = model.committees[0];
        const made = newMeeting(model.config, committee, starterMeetingDate(io.today));
        writeFolderAtomic(join(tmp, made.folder), made.files);
        if (existsSync(target)) rmSync(target, { recursive: true });
        renameSync(tmp, target);
      } catch (err) {
        rmSync(tmp, { recursive: true, force: true });
        throw err;
      }
      const ignored = ignoreOutputs(target, io.cwd);
      io.stdout(`Wrote a starter content folder to ${dir}\n${ignored}Next: edit ${dir}/boardpack.yml, then run boardpack lint ${dir} and boardpack build ${dir}\n`);
    });

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
    .option('--cache', 'reuse what the last run parsed and found for the parts that have not changed')
    .option('--cache-location <dir>', 'the folder the cache is kept in', '.boardpack-cache')
    .action(async (args: string[], options: LintCliOptions) => {
      const { dir, paths } = await lintTargets(args, io);
      const report = await lintContent(dir, { ...sharedOptions(options, io), rules: options.rule, strict: options.strict, quiet: options.quiet, paths });
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

  program
    .command('build')
    .description('check the content, then write the HTML agenda packs, minutes, plans, registers and index')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-m, --meeting <committee/date>', 'build one meeting only, such as cabinet/2026-04-14')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'pdf', 'all']).default('html'))
    .addOption(new Option('-a, --audience <audience>', 'who the packs are for').choices(['public', 'members']).default('public'))
    .option('-o, --out <dir>', 'the output folder (default: out, or out-members for members)')
    .option('--as-of <date>', 'the day overdue checks count from (default: today)')
    .option('--force', 'publish even when the linter finds errors')
    .option('-j, --jobs <n>', 'prints at once, packs or pieces of a long pack (default: the number of cores)', parsePositive)
    .option('--shard <i/n>', 'build share i of n of the meetings, for a CI matrix', parseShard)
    .option('--cache', 'check with the lint cache, reading only the committees to build')
    .option('--cache-location <dir>', 'the folder the cache is kept in', '.boardpack-cache')
    .option('--no-search', 'leave out the search page and index (for a site with a search of its own)')
    .action(async (given: string | undefined, options: BuildCliOptions) => {
      const dir = contentDir(given, io);
      const outName = options.out ?? (options.audience === 'members' ? 'out-members' : 'out');
      const built = await buildContent(dir, {
        ...sharedOptions(options, io),
        format: options.format,
        audience: options.audience,
        out: outName,
        meeting: options.meeting,
        search: options.search,
        force: options.force,
        jobs: options.jobs,
        shard: options.shard,
        // Progress is for people at a terminal, not for CI logs or pipes.
        onProgress: io.interactive ? (done, total, what) => io.stderr(`\r\x1b[K${done}/${total} ${what}${done === total ? '\n' : ''}`) : undefined,
      });
      // Built with --force: the errors are still said.
      if (built.report.errorCount > 0) io.stderr(stylish(built.report, io.cwd));
      io.stdout(`Wrote ${built.files.length} file${built.files.length === 1 ? '' : 's'} to ${outName}\n`);
      for (const result of built.accessibility) io.stdout(`${accessibilityLine(result)}\n`);
      for (const note of built.notes) io.stdout(`Note: ${note}\n`);
    });

  program
    .command('serve')
    .description('preview the HTML on localhost, rebuilding and reloading when a file is saved')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-p, --port <port>', 'the port to listen on (0 picks a free one)', (v) => {
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new UsageError(`Unexpected --port "${v}", expected a port number`);
      return Number(v);
    }, 4000)
    .action(async (given: string | undefined, options: { port: number }) => {
      const dir = contentDir(given, io);
      const root = resolve(io.cwd, dir);
      if (!existsSync(root)) throw new UsageError(`Content folder not found: ${dir} (expected a folder holding boardpack.yml)`);
      const { startPreview } = await import('../serve/server.js');
      const preview = await startPreview({
        root,
        port: options.port,
        today: io.today,
        onBuild: ({ version, findings, files, rendered }) => {
          const report = buildReport(root, findings, []);
          const what = version === 1 ? `Built ${files} files` : `Rebuilt ${rendered.length} of ${files} files`;
          const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
          io.stderr(`${what}; ${count(report.errorCount, 'error')}, ${count(report.warningCount, 'warning')}\n${stylish(report, io.cwd)}`);
        },
      }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') throw new UsageError(`Port ${options.port} is in use: stop what uses it, or choose another with --port`);
        if (err.code === 'EACCES') throw new UsageError(`Port ${options.port} may not be used here: choose another with --port`);
        throw err;
      });
      io.stdout(`Previewing ${dir} at ${preview.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void preview.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        io.onServe?.(preview, stop);
      });
    });

  program
    .command('rules')
    .description('list the consistency rules with their default severity')
    .action(() => {
      const width = Math.max(...RULES.map((r) => r.meta.id.length));
      for (const rule of RULES) {
        io.stdout(`${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(7)}  ${rule.meta.description}\n`);
      }
    });

  const create = program.command('new').description('create new content from the standard templates');
  create
    .command('meeting')
    .description("create a meeting folder whose agenda holds the committee's standard items")
    .argument('<committee>', 'the committee folder name')
    .argument('<date>', 'the meeting date, such as 2026-01-13')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    // Before [dir] was taken here as everywhere, the folder was given with -C; kept for old scripts.
    .addOption(new Option('-C, --content <dir>').hideHelp())
    .action(async (committeeId: string, dateText: string, given: string | undefined, options: { content?: string }) => {
      const date = readDateArgument(dateText);
      const dir = contentDir(given ?? options.content, io);
      const { root, model } = await load(dir, io);
      const committee = model.committees.find((c) => c.id === committeeId);
      if (!committee) {
        const known = model.committees.map((c) => c.id).join(', ') || 'none';
        throw new UsageError(`No committee "${committeeId}" in ${dir}/committees (known: ${known}); make one with boardpack new committee ${committeeId}`);
      }
      const made = newMeeting(model.config, committee, date);
      const target = join(root, made.folder);
      if (existsSync(target)) throw new UsageError(`${join(dir, made.folder)} already exists`);
      writeFolderAtomic(target, made.files);
      io.stdout(`Created ${join(dir, made.folder, 'agenda.md')}\n`);
      for (const note of made.notes) io.stderr(`note: ${note}\n`);
    });
  create
    .command('committee')
    .description('create a committee folder with its committee.yml, ready for its first meeting')
    .argument('<id>', 'the committee folder name, such as audit-committee')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-n, --name <name>', 'the committee’s name (default: from the folder name)')
    .action(async (id: string, given: string | undefined, options: { name?: string }) => {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
        throw new UsageError(`Unexpected committee folder name "${id}", expected lower-case letters, digits and hyphens, such as audit-committee`);
      }
      const dir = contentDir(given, io);
      const { root } = await load(dir, io);
      const target = join(root, 'committees', id);
      if (existsSync(target)) throw new UsageError(`${join(dir, 'committees', id)} already exists`);
      writeFolderAtomic(target, newCommittee(id, options.name));
      io.stdout(`Created ${join(dir, 'committees', id, 'committee.yml')}\nNext: add its members, then boardpack new meeting ${id} <date>\n`);
    });

  return program;
}

interface BuildCliOptions {
  cache?: boolean;
  cacheLocation: string;
  meeting?: string;
  jobs?: number;
  shard?: { index: number; count: number };
  format: 'html' | 'pdf' | 'all';
  audience: 'public' | 'members';
  out?: string;
  asOf?: string;
  force?: boolean;
  search: boolean;
}

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
}

function collectRule(value: string, previous: Record<string, RuleSetting> = {}): Record<string, RuleSetting> {
  const m = /^([a-z-]+)=(off|warn|error)$/.exec(value.trim());
  if (!m) throw new UsageError(`Unexpected --rule "${value}", expected <rule-id>=off|warn|error`);
  return { ...previous, [m[1]]: m[2] as RuleSetting };
}

function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`Unexpected "${value}", expected a whole number of 1 or more`);
  return Number(value);
}

function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`Unexpected --shard "${value}", expected i/n with 1 <= i <= n, such as 2/4`);
  return { index, count };
}

function parseMaxWarnings(value: string): number {
  if (!/^(\d+|-1)$/.test(value)) throw new UsageError(`Unexpected --max-warnings "${value}", expected a whole number, or -1 for no limit`);
  return Number(value);
}

/** What a build writes, which has no place in a council's repository. */
const IGNORED = ['out/', 'out-members/', '.boardpack-cache/'];

/**
 * Keep builds out of git: a .gitignore in the working folder (or beside a content folder made
 * elsewhere) naming the output folders and the lint cache, or those of them it lacks.
 */
function ignoreOutputs(target: string, cwd: string): string {
  const rel = relative(cwd, target);
  const inside = !rel.startsWith('..') && !isAbsolute(rel);
  const folder = inside ? cwd : dirname(target);
  const file = join(folder, '.gitignore');
  const name = relative(cwd, file) || file;
  try {
    const had = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const lines = new Set((had ?? '').split(/\r?\n/).map((l) => l.trim()));
    const missing = IGNORED.filter((entry) => !lines.has(entry) && !lines.has(`/${entry}`));
    if (missing.length === 0) return '';
    const head = had === null ? '# boardpack: builds and the lint cache\n' : had.endsWith('\n') || had === '' ? '' : '\n';
    writeFileSync(file, `${had ?? ''}${head}${missing.join('\n')}\n`);
    return had === null ? `Wrote ${name}, leaving out ${missing.join(', ')}\n` : `Added ${missing.join(', ')} to ${name}\n`;
  } catch (err) {
    return `Could not write ${name} (${fsReason(err)}); leave ${IGNORED.join(', ')} out of version control\n`;
  }
}

/** The starter's example meeting: the first Tuesday at least four weeks from today. */
function starterMeetingDate(today: string): string {
  let date = addDaysIso(today, 28);
  while (weekdayOf(date) !== 'Tuesday') date = addDaysIso(date, 1);
  return date;
}

/** Run the CLI on arguments (without `node boardpack`); returns the exit code. */
export async function run(args: string[], io: CliIo): Promise<number> {
  stepDone('started');
  const program = buildProgram(io);
  try {
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // `boardpack --help` is an answer; `boardpack` or `boardpack new` with no command (help on
      // standard error, commander's exit code 1) is a mistake, as is any other usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      if (err.code === 'commander.help') return err.exitCode === 0 ? 0 : 2;
      return 2;
    }
    if (err instanceof ExitCode) return err.code;
    if (err instanceof ContentError || err instanceof OutputFolderError) {
      io.stderr(`boardpack: ${err.message}\n`);
      return 2;
    }
    if (err instanceof BoardpackError) {
      if (err.report && err.report.errorCount > 0) io.stderr(stylish(err.report, io.cwd));
      if (err.problems.length) io.stderr(formatProblems(err.problems));
      io.stderr(`boardpack: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(`boardpack: internal error: ${(err as Error).message}\n`);
    if (process.env.BOARDPACK_DEBUG) io.stderr(`${(err as Error).stack}\n`);
    return 2;
  } finally {
    stepDone('ended');
    io.stderr(timingReport());
  }
}

export async function main(): Promise<void> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    today: fromDate(new Date()),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
  // A step that waits on another program which died without answering leaves nothing to do: Node would end with
  // exit code 0 and the build unfinished. That is a failure, said as one (the output folder is as it was).
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    const step = unfinishedStep();
    io.stderr(`boardpack: Cannot finish: ${step ?? 'a step of the work'} stopped without an answer (see any message above). Nothing was written\n`);
    process.exitCode = 2;
  });
  process.exitCode = await run(process.argv.slice(2), io);
  finished = true;
}
