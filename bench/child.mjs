// Runs one boardpack command in a fresh process and reports its wall time and peak memory on the last line of stderr.
import { run } from '../dist/bundle/cli.js';

const started = performance.now();
const code = await run(process.argv.slice(2), {
  stdout: () => {},
  stderr: () => {},
  cwd: process.cwd(),
  today: '2026-11-22',
});
const wall = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code, wallMs: wall, maxRssKb: process.resourceUsage().maxRSS })}\n`);
