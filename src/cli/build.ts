import { Option, type Command } from 'commander';
import { buildContent } from '../api.js';
import { accessibilityLines } from '../report/accessibility.js';
import { stylish } from '../report/stylish.js';
import type { CliIo } from './io.js';
import { contentDir, parsePositive, parseShard, sharedOptions } from './shared.js';

interface BuildCliOptions {
  cache?: boolean;
  cacheLocation: string;
  meeting?: string;
  jobs?: number;
  shard?: { index: number; count: number };
  format?: 'html' | 'pdf' | 'all' | 'docx';
  audience: 'public' | 'members';
  out?: string;
  asOf?: string;
  force?: boolean;
  search: boolean;
  verbose?: boolean;
}

/** `boardpack build [dir]`. */
export function buildCommand(program: Command, io: CliIo): void {
  program
    .command('build')
    .description('check the content, then write the HTML agenda packs, minutes, plans, registers and index')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-m, --meeting <committee/date>', 'build one meeting only, such as cabinet/2026-04-14')
    .addOption(new Option('-f, --format <format>', 'output format (default: what the output folder was last built with, else html)').choices(['html', 'pdf', 'all', 'docx']))
    .addOption(new Option('-a, --audience <audience>', 'who the packs are for').choices(['public', 'members']).default('public'))
    .option('-o, --out <dir>', 'the output folder (default: out, or out-members for members)')
    .option('--as-of <date>', 'build as of this day: overdue checks count from it, and papers published later are kept out of the public site (default: today)')
    .option('--force', 'publish even when the linter finds errors')
    .option('-j, --jobs <n>', 'prints at once, packs or pieces of a long pack (default: the number of cores)', parsePositive)
    .option('--shard <i/n>', 'build share i of n of the meetings, for a CI matrix', parseShard)
    .option('--cache', 'check with the lint cache, reading only the committees to build')
    .option('--cache-location <dir>', 'the folder the cache is kept in', '.boardpack-cache')
    .option('--no-search', 'leave out the search page and index (for a site with a search of its own)')
    .option('--verbose', 'say the PDF/UA-1 machine checks of every PDF, not only of those with something to say')
    .action(async (given: string | undefined, options: BuildCliOptions) => {
      const dir = contentDir(given, io);
      if (options.format === 'docx') {
        // Word copies of the papers and minutes for review, in a folder of their own.
        const { buildWord } = await import('../build/word.js');
        const out = options.out ?? (options.audience === 'members' ? 'out-word-members' : 'out-word');
        const shared = sharedOptions(options, io);
        const made = await buildWord(dir, { cwd: io.cwd, out, audience: options.audience, asOf: shared.asOf ?? io.today, meeting: options.meeting });
        io.stdout(`Wrote ${made.files.length} Word document${made.files.length === 1 ? '' : 's'} to ${out}\n`);
        return;
      }
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
      for (const line of accessibilityLines(built.accessibility, options.verbose)) io.stdout(`${line}\n`);
      for (const note of built.notes) io.stdout(`Note: ${note}\n`);
    });
}

/** `boardpack merge <shares...>`: the shares of a sharded build as one site. */
export function mergeCommand(program: Command, io: CliIo): void {
  program
    .command('merge')
    .description('put the output folders of the shares of a sharded build (build --shard i/n) together into one site, with its search index')
    .argument('<shares...>', 'the shares’ output folders')
    .option('-o, --out <dir>', 'the output folder of the whole site', 'out')
    .action(async (shares: string[], options: { out: string }) => {
      const { mergeShards } = await import('../build/merge.js');
      const merged = await mergeShards(shares, { cwd: io.cwd, out: options.out });
      io.stdout(`Wrote ${merged.files.length} file${merged.files.length === 1 ? '' : 's'} to ${options.out}, from ${shares.length} share${shares.length === 1 ? '' : 's'}\n`);
    });
}
