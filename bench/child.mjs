// Runs one boardpack command in a fresh process and reports its wall time, peak memory and,
// when BOARDPACK_TIMING is set, the command's own steps, on the last line of stderr.
import { run } from '../dist/bundle/cli.js';

const started = performance.now();
let said = '';
const code = await run(process.argv.slice(2), {
  stdout: () => {},
  stderr: (text) => (said += text),
  cwd: process.cwd(),
  today: '2026-11-22',
});
const wall = performance.now() - started;
const timing = said.indexOf('boardpack timing');
const steps = timing < 0 ? undefined : [...said.slice(timing).matchAll(/^ *(\d+) {2}(.+)$/gm)].map((m) => [m[2].replace(/: .*$/, ''), Number(m[1])]);
process.stderr.write(`\nBENCH ${JSON.stringify({ code, wallMs: wall, maxRssKb: process.resourceUsage().maxRSS, steps })}\n`);
