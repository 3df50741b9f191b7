import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { buildReport } from '../report/results.js';
import { stylish } from '../report/stylish.js';
import { UsageError, type CliIo } from './io.js';
import { contentDir } from './shared.js';

/** `boardpack serve [dir]`: the preview, until stopped. */
export function serveCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('preview the HTML on localhost, rebuilding and reloading when a file is saved')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-p, --port <port>', 'the port to listen on (0 picks a free one)', (v) => {
      if (!/^\d+$/.test(v) || Number(v) > 65535) throw new UsageError(`Unexpected --port "${v}", expected a port number`);
      return Number(v);
    }, 4000)
    .addOption(new Option('-a, --audience <audience>', "whose site to preview: the public's (drafts shown, marked) or the members'").choices(['public', 'members']).default('public'))
    .action(async (given: string | undefined, options: { port: number; audience: 'public' | 'members' }) => {
      const dir = contentDir(given, io);
      const root = resolve(io.cwd, dir);
      if (!existsSync(root)) throw new UsageError(`Content folder not found: ${dir} (expected a folder holding boardpack.yml)`);
      const { startPreview } = await import('../serve/server.js');
      const preview = await startPreview({
        root,
        port: options.port,
        today: io.today,
        audience: options.audience,
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
}
