import { Command, CommanderError, Option } from 'commander';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseContent } from '../parse/content.js';
import { parseContentParallel } from '../parse/parallel.js';
import { lintCached } from '../lint/cache.js';
import { toJson } from '../model/json.js';
import { publicationView } from '../publish/view.js';
import { addDaysIso, fromDate, isIsoDate, weekdayOf } from '../dates/calendar.js';
import { parseWrittenDate } from '../dates/prose.js';
import { newMeeting } from '../scaffold/meeting.js';
import { fsReason, OutputFolderError, StagedOutput, writeFileAtomic, writeFolderAtomic } from '../fs/atomic.js';
import { formatProblems } from './problems.js';
import { ContentError } from '../parse/files.js';
import { ExitCode, UsageError, type CliIo } from './io.js';
import { stepDone, timingReport } from '../timing.js';
import { CONFIG_FILE, configStoppers } from '../config/config.js';
import { packageRoot } from '../package-root.js';
import { lint, UnknownRuleError } from '../lint/lint.js';
import { RULES } from '../lint/rules/index.js';
import { buildReport, onlyErrors } from '../report/results.js';
import { stylish } from '../report/stylish.js';
import { json } from '../report/json.js';
import { sarif } from '../report/sarif.js';
import { github } from '../report/github.js';
import type { Problem, RuleSetting } from '../model/types.js';
// Rendering, printing and the preview server are loaded by the commands that use them,
// so that `lint` (run on every change in CI) starts without them.
const rendering = () => import('../render/parts.js');
const printModules = () => Promise.all([import('../render/pdf/browser.js'), import('../render/pdf/site.js'), import('../render/chromium.js')]);

const PACKAGE_ROOT = packageRoot();
const DEFAULT_CONTENT = 'content';

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

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

/** When boardpack.yml has errors (`configStoppers`), print its problems and stop with exit 2. */
function stopOnConfig(problems: Problem[], dir: string, what: 'checked' | 'built', io: CliIo): void {
  if (problems.length === 0) return;
  io.stderr(formatProblems(problems));
  throw new UsageError(`${dir}: ${CONFIG_FILE} must be fixed before the content can be ${what}`);
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
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run boardpack --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command('export')
    .description('print the parsed model of a content folder')
    .argument('[dir]', 'the content folder', DEFAULT_CONTENT)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .addOption(new Option('-a, --audience <audience>', 'who the export is for: exempt content is left out for the public').choices(['public', 'members']).default('public'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (dir: string, options: { out?: string; audience: 'public' | 'members' }) => {
      const { model: content } = await load(dir, io);
      // The publication gate: the public export holds nothing exempt.
      const model = publicationView(content, options.audience);
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
      io.stdout(`Wrote a starter content folder to ${dir}\nNext: edit ${dir}/boardpack.yml, then run boardpack export ${dir}\n`);
    });

  program
    .command('lint')
    .description('check a content folder against the consistency rules')
    .argument('[dir]', 'the content folder', DEFAULT_CONTENT)
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'),
    )
    .option('-r, --rule <id=severity>', 'set a rule to off, warn or error (repeatable)', collectRule)
    .option('--strict', 'treat warnings as errors')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--as-of <date>', 'the day overdue checks count from (default: today, or a plan’s asOf)')
    .option('-q, --quiet', 'report errors only')
    .option('--cache', 'reuse what the last run parsed and found for the parts that have not changed')
    .option('--cache-location <dir>', 'the folder the cache is kept in', '.boardpack-cache')
    .action(async (dir: string, options: LintCliOptions) => {
      const root = resolve(io.cwd, dir);
      if (!existsSync(root)) throw new UsageError(`Content folder not found: ${dir} (expected a folder holding boardpack.yml)`);
      const asOf = options.asOf === undefined ? undefined : readDateArgument(options.asOf);
      const lintOptions = { today: io.today, asOf, rules: options.rule, strict: options.strict };
      let result;
      try {
        if (options.cache) {
          result = await lintCached(root, resolve(io.cwd, options.cacheLocation), lintOptions, version());
          stopOnConfig(result.configErrors, dir, 'checked', io);
        } else {
          // The whole model at once, parsed on all threads: faster than part by part (as build goes),
          // for which lint trades memory that grows with the archive.
          const parsed = await parseContentParallel(root);
          stopOnConfig(configStoppers(parsed.problems), dir, 'checked', io);
          result = lint(parsed, lintOptions);
        }
      } catch (err) {
        if (err instanceof UnknownRuleError) throw new UsageError(err.message);
        throw err;
      }
      let report = buildReport(root, result.findings, result.rules);
      if (options.quiet) report = onlyErrors(report);
      const formatted = {
        stylish: () => stylish(report, io.cwd),
        json: () => json(report),
        sarif: () => sarif(report, version()),
        github: () => github(report, io.cwd),
      }[options.format]();
      io.stdout(formatted);
      const tooManyWarnings = options.maxWarnings !== undefined && report.warningCount > options.maxWarnings;
      if (tooManyWarnings && options.format === 'stylish') {
        io.stderr(`boardpack found too many warnings (maximum: ${options.maxWarnings}).\n`);
      }
      if (report.errorCount > 0 || tooManyWarnings) throw new ExitCode(1);
    });

  program
    .command('build')
    .description('check the content, then write the HTML agenda packs, minutes, plans, registers and index')
    .argument('[dir]', 'the content folder', DEFAULT_CONTENT)
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
    .action(async (dir: string, options: BuildCliOptions) => {
      const root = resolve(io.cwd, dir);
      if (!existsSync(root)) throw new UsageError(`Content folder not found: ${dir} (expected a folder holding boardpack.yml)`);
      // Chromium is started as soon as its module has loaded, which this thread gets to once the first part is
      // checked: it starts up while the papers are rendered. Started before the content is read, it slowed the reading
      // by as much as it saved (bench/README.md). It is closed again if the build stops before printing.
      const pdfModules = options.format === 'html' ? null : printModules();
      const starting = pdfModules?.then(([{ launchBrowser }]) => launchBrowser()).then((b) => b, (error: Error) => error) ?? null;
      const { buildInParts, gatesMeeting } = await rendering();
      try {
        const asOf = options.asOf === undefined ? io.today : readDateArgument(options.asOf);
        // Pages are rendered while Chromium may still be starting; each print waits for it.
        const browser = starting?.then(async (started) => {
          if (!(started instanceof Error)) return started;
          if (started instanceof (await pdfModules!)[2].BrowserNotFound) throw new UsageError(started.message);
          throw new UsageError(`Chromium could not be started: ${started.message}`);
        });
        browser?.catch(() => {}); // reported where a print waits for it
        const outName = options.out ?? (options.audience === 'members' ? 'out-members' : 'out');
        const out = resolve(io.cwd, outName);
        // Each output goes to a staging folder as it is made, and the whole is swapped in only when all are made.
        const staged = new StagedOutput(out, { audience: options.audience, partial: Boolean(options.meeting || options.shard) });
        try {
          // The lint gate from the cache, when asked: then only the committees to build are read.
          let checked;
          if (options.cache) {
            checked = await lintCached(root, resolve(io.cwd, options.cacheLocation), { today: io.today, asOf }, version());
            stopOnConfig(checked.configErrors, dir, 'built', io);
          }
          // Committee by committee: each part is checked (the lint gate), then rendered.
          const built = await buildInParts(root, {
            checked,
            lint: { today: io.today, asOf },
            stopOnErrors: !options.force,
            meeting: options.meeting,
            audience: options.audience,
            asOf,
            html: options.format !== 'pdf',
            pdf: browser ? async (input) => (await pdfModules!)[1].renderPdfs(browser, input) : undefined,
            shard: options.shard,
            jobs: options.jobs ?? availableParallelism(),
            // Progress is for people at a terminal, not for CI logs or pipes.
            onProgress: io.interactive ? (done, total, what) => io.stderr(`\r\x1b[K${done}/${total} ${what}${done === total ? '\n' : ''}`) : undefined,
            emit: staged.write,
          });
          stopOnConfig(built.configProblems, dir, 'built', io);
          if (built.unknownMeeting) {
            throw new UsageError(`No meeting "${options.meeting}" in ${dir}, expected <committee>/<meeting folder> such as ${built.example ?? 'cabinet/2026-04-14'}`);
          }
          // The lint gate: papers with errors are not published unless the clerk insists. One meeting's build is
          // gated by the findings in its own files and the shared ones, not by another meeting's draft.
          const gating = options.meeting ? built.findings.filter((f) => gatesMeeting(f.position.file, options.meeting!)) : built.findings;
          const report = buildReport(root, gating, built.rules);
          if (report.errorCount > 0) {
            io.stderr(stylish(report, io.cwd));
            if (!options.force) {
              io.stderr(`boardpack: not built: fix the errors above, or build anyway with --force\n`);
              throw new ExitCode(1);
            }
          }
          if (built.problems.length) {
            io.stderr(formatProblems(built.problems));
            throw new UsageError(`${dir}: nothing was written`);
          }
          const files = staged.commit();
          stepDone('outputs in place');
          io.stdout(`Wrote ${files.length} file${files.length === 1 ? '' : 's'} to ${outName}\n`);
        } finally {
          staged.discard();
        }
      } finally {
        const started = await starting;
        if (started && !(started instanceof Error)) {
          await started.close();
          stepDone('browser closed');
        }
      }
    });

  program
    .command('serve')
    .description('preview the HTML on localhost, rebuilding and reloading when a file is saved')
    .argument('[dir]', 'the content folder', DEFAULT_CONTENT)
    .option('-p, --port <port>', 'the port to listen on (0 picks a free one)', (v) => {
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new UsageError(`Unexpected --port "${v}", expected a port number`);
      return Number(v);
    }, 4000)
    .action(async (dir: string, options: { port: number }) => {
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
    .option('-C, --content <dir>', 'the content folder', DEFAULT_CONTENT)
    .action(async (committeeId: string, dateText: string, options: { content: string }) => {
      const date = readDateArgument(dateText);
      const { root, model } = await load(options.content, io);
      const committee = model.committees.find((c) => c.id === committeeId);
      if (!committee) {
        const known = model.committees.map((c) => c.id).join(', ') || 'none';
        throw new UsageError(`No committee "${committeeId}" in ${options.content}/committees (known: ${known})`);
      }
      const made = newMeeting(model.config, committee, date);
      const target = join(root, made.folder);
      if (existsSync(target)) throw new UsageError(`${options.content}/${made.folder} already exists`);
      writeFolderAtomic(target, made.files);
      io.stdout(`Created ${options.content}/${made.folder}/agenda.md\n`);
      for (const note of made.notes) io.stderr(`note: ${note}\n`);
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
}

interface LintCliOptions {
  cache?: boolean;
  cacheLocation: string;
  format: 'stylish' | 'json' | 'sarif' | 'github';
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

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`Unexpected --max-warnings "${value}", expected a whole number`);
  return Number(value);
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
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof ExitCode) return err.code;
    if (err instanceof ContentError || err instanceof OutputFolderError) {
      io.stderr(`boardpack: ${err.message}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
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
  };
  process.exitCode = await run(process.argv.slice(2), io);
}
