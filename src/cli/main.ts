import { Command, CommanderError } from 'commander';
import { fromDate } from '../dates/calendar.js';
import { OutputFolderError } from '../fs/atomic.js';
import { ContentError } from '../parse/files.js';
import { packageVersion } from '../package-info.js';
import { stylish } from '../report/stylish.js';
import { BoardpackError } from '../errors.js';
import { stepDone, timingReport, unfinishedStep } from '../timing.js';
import { formatProblems } from './problems.js';
import { ExitCode, type CliIo } from './io.js';
import { useColor } from './shared.js';
import { lintCommand } from './lint.js';
import { buildCommand, mergeCommand } from './build.js';
import { serveCommand } from './serve.js';
import { exportCommand, importCommand, initCommand, newCommands, rulesCommand } from './content.js';

/*
 * The command line: argv -> options -> a library call -> an exit code. Each
 * command's wiring is in its own file; what it does is in the library
 * (src/api.ts, src/build/, src/scaffold/, src/serve/).
 */

export { useColor } from './shared.js';

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

  exportCommand(program, io);
  importCommand(program, io);
  initCommand(program, io);
  lintCommand(program, io, color);
  buildCommand(program, io);
  mergeCommand(program, io);
  serveCommand(program, io);
  rulesCommand(program, io);
  newCommands(program, io);
  return program;
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
