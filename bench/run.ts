/**
 * npm run bench: generates deterministic archives at three sizes and a long
 * pack, measures boardpack against the floors in the same run, and writes
 * bench/results.json and the table in bench/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateArchive, type ArchiveSize } from './generate.js';
import { launchBrowser } from '../src/render/pdf/browser.js';
import { renderSite } from '../src/build/site.js';
import { renderPdfs } from '../src/render/pdf/site.js';
import { parseContent } from '../src/parse/content.js';
import { startPreview } from '../src/serve/server.js';
import { chromiumArgs, findChromium } from '../src/render/chromium.js';

interface Sample {
  wallMs: number;
  maxRssKb: number;
  /** The command's own time, without Node's start-up and module loading (when the child reports it). */
  innerMs?: number;
  /** When each step of the command was done, in ms from the process's start (BOARDPACK_TIMING). */
  steps?: [string, number][];
}

interface Measure {
  /** The median of the commands' own times, start-up left out. */
  innerMedianMs?: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  peakRssMb: number;
  /** The steps of the run with the median time, when the command reported them. */
  steps?: [string, number][];
}

function summarise(samples: Sample[]): Measure {
  const times = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  const median = samples.find((s) => s.wallMs === times[Math.floor(times.length / 2)]);
  const inner = samples.flatMap((s) => (s.innerMs === undefined ? [] : [s.innerMs])).sort((a, b) => a - b);
  return {
    ...(inner.length ? { innerMedianMs: Math.round(inner[Math.floor(inner.length / 2)]) } : {}),
    medianMs: Math.round(times[Math.floor(times.length / 2)]),
    minMs: Math.round(times[0]),
    maxMs: Math.round(times[times.length - 1]),
    runs: times.length,
    peakRssMb: Math.round(Math.max(...samples.map((s) => s.maxRssKb)) / 1024),
    ...(median?.steps ? { steps: median.steps } : {}),
  };
}

/**
 * Run a script in a fresh Node process, timed from start to exit as a user
 * would wait for it (Node's start-up and module loading included); the
 * child reports its own peak memory.
 */
function child(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Sample {
  const started = performance.now();
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env });
  const wallMs = performance.now() - started;
  const line = result.stderr.split('\n').reverse().find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`no measurement from ${script} ${args.join(' ')}: ${result.stderr.slice(-500)}`);
  const reported = JSON.parse(line.slice(6)) as Sample;
  return { ...reported, innerMs: reported.wallMs, wallMs };
}

/** Two measurements taken turn about, so that a machine slowing down or speeding up during the run weighs on both alike. */
function pair(runs: number, a: () => Sample, b: () => Sample): [Measure, Measure] {
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return [summarise(as), summarise(bs)];
}

function repeat(runs: number, fn: () => Sample): Measure {
  return summarise(Array.from({ length: runs }, fn));
}

/** The heap every archive's build must fit in, to show that memory does not grow with the archive. */
const HEAP_CAP_MB = 192;

const SIZES: Record<string, ArchiveSize & { runs: number }> = {
  'one committee-year': { committees: 1, years: 1, meetingsPerYear: 10, runs: 5 },
  'one council-year (20 committees)': { committees: 20, years: 1, meetingsPerYear: 10, runs: 5 },
  'ten council-years': { committees: 20, years: 10, meetingsPerYear: 10, runs: 3 },
};

const previous = existsSync('bench/results.json') ? JSON.parse(readFileSync('bench/results.json', 'utf8')) : {};
const thisMachine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: execFileSync('chromium', ['--version'], { encoding: 'utf8' }).trim(),
};
const today = new Date().toISOString().slice(0, 10);
// The hostile-text rows alone keep the machine and date of the figures they leave as they were, and carry their own.
const results: Record<string, unknown> = {
  ...previous,
  ...(process.env.BENCH_ONLY === 'hostile' ? {} : { machine: thisMachine, date: today }),
  sizes: (['pdf', 'hostile'].includes(process.env.BENCH_ONLY ?? '') ? previous.sizes : {}) as Record<string, unknown>,
};
const log = (text: string) => process.stdout.write(`${text}\n`);

// BENCH_ONLY=pdf, archive or hostile runs one part, when working on the benchmark itself.
const only = process.env.BENCH_ONLY;
for (const [name, size] of only === 'pdf' || only === 'hostile' ? [] : Object.entries(SIZES)) {
  const root = mkdtempSync(join(tmpdir(), 'boardpack-bench-'));
  const files = generateArchive(root, size);
  const bytes = Number(execFileSync('du', ['-sb', root], { encoding: 'utf8' }).split('\t')[0]);
  log(`${name}: ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  const [lint, floor] = pair(
    size.runs,
    () => child('bench/child.mjs', ['lint', root, '--format', 'json']),
    () => child('bench/parse-floor.mjs', [root]),
  );
  const out = mkdtempSync(join(tmpdir(), 'boardpack-bench-out-'));
  // The whole public site (pages, calendars, feeds, open data and the search index), and the same without the
  // search index, turn about.
  const plainOut = mkdtempSync(join(tmpdir(), 'boardpack-bench-plain-'));
  const [build, plainBuild] = pair(
    Math.min(size.runs, 3),
    () => child('bench/child.mjs', ['build', root, '--out', out, '--force']),
    () => child('bench/child.mjs', ['build', root, '--out', plainOut, '--force', '--no-search']),
  );
  const searchBytes = Number(execFileSync('du', ['-sb', join(out, 'pagefind')], { encoding: 'utf8' }).split('\t')[0]);
  const siteFiles = Number(execFileSync('sh', ['-c', `find "${out}" -type f | wc -l`], { encoding: 'utf8' }).trim());
  rmSync(plainOut, { recursive: true, force: true });
  // Memory that does not grow: the same build with the JavaScript heap held to a fixed size, the same for every archive.
  let capped: (Measure & { heapMb: number }) | { heapMb: number; failed: string };
  try {
    capped = { ...repeat(1, () => child('bench/child.mjs', ['build', root, '--out', out, '--force'], { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` })), heapMb: HEAP_CAP_MB };
  } catch (err) {
    capped = { heapMb: HEAP_CAP_MB, failed: String(err).slice(0, 200) };
  }
  // One paper changes before each run. Lint keeps a content-hashed cache (--cache), seeded by one run first;
  // the build has no cache yet, so it reads everything again.
  const paper = join(root, 'committees/committee-01', readdirFirstMeeting(root), 'report-a.md');
  const cache = join(out, '.boardpack-cache');
  child('bench/child.mjs', ['lint', root, '--format', 'json', '--cache', '--cache-location', cache]);
  const relint = repeat(Math.min(size.runs, 3), () => {
    appendFileSync(paper, '\nA sentence added to one paper.\n');
    return child('bench/child.mjs', ['lint', root, '--format', 'json', '--cache', '--cache-location', cache]);
  });
  const rebuild = repeat(Math.min(size.runs, 3), () => {
    appendFileSync(paper, '\nA sentence added to one paper.\n');
    return child('bench/child.mjs', ['build', root, '--out', out, '--force']);
  });
  // The clerk's case: one pack rebuilt after one of its papers changes, with the gate from the lint cache.
  const meetingId = `committee-01/${readdirFirstMeeting(root)}`;
  const packCache = join(out, '.boardpack-build-cache');
  child('bench/child.mjs', ['build', root, '--meeting', meetingId, '--out', out, '--force', '--cache', '--cache-location', packCache]);
  const rebuildPack = repeat(Math.min(size.runs, 3), () => {
    appendFileSync(paper, '\nA sentence added to one paper.\n');
    return child('bench/child.mjs', ['build', root, '--meeting', meetingId, '--out', out, '--force', '--cache', '--cache-location', packCache]);
  });
  (results.sizes as Record<string, unknown>)[name] = {
    files,
    megabytes: +(bytes / 1e6).toFixed(1),
    lint: { ...lint, filesPerSecond: Math.round(files / (lint.medianMs / 1000)), mbPerSecond: +(bytes / 1e6 / (lint.medianMs / 1000)).toFixed(2) },
    parseFloor: floor,
    build,
    buildWithoutSearch: plainBuild,
    site: { files: siteFiles, searchIndexMb: +(searchBytes / 1e6).toFixed(1) },
    buildCappedHeap: capped,
    relintAfterOneChange: relint,
    rebuildAfterOneChange: rebuild,
    rebuildPackAfterOneChange: rebuildPack,
  };
  log(`  lint ${lint.medianMs} ms (floor ${floor.medianMs} ms), build ${build.medianMs} ms, re-lint ${relint.medianMs} ms`);
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}

function readdirFirstMeeting(root: string): string {
  return execFileSync('ls', [join(root, 'committees/committee-01')], { encoding: 'utf8' }).split('\n').filter((n) => /^\d{4}-/.test(n))[0];
}

// The long pack: one meeting with enough papers for about 200 pages.
if (only !== 'archive' && only !== 'hostile') {
  const root = mkdtempSync(join(tmpdir(), 'boardpack-bench-pack-'));
  generateArchive(root, { committees: 1, years: 1, meetingsPerYear: 1 });
  const meeting = execFileSync('ls', [join(root, 'committees/committee-01')], { encoding: 'utf8' }).split('\n').find((n) => /^\d{4}-/.test(n))!;
  const dir = join(root, 'committees/committee-01', meeting);
  const report = readFileSync(join(dir, 'report-a.md'), 'utf8');
  const long = report + Array.from({ length: 3 }, (_, i) => report.split('---').slice(2).join('---').replace(/## (\d+)\./g, (_m, n) => `## ${Number(n) + 4 * (i + 1)}.`)).join('\n');
  const items: string[] = [];
  for (let i = 1; i <= 40; i++) {
    writeFileSync(join(dir, `paper-${i}.md`), long.replace(/^title: .*$/m, `title: Paper ${i}`));
    items.push(`${i}. Item ${i}\n   [Report](paper-${i}.md)`);
  }
  writeFileSync(join(dir, 'agenda.md'), `---\npublished: 2016-05-01\n---\n\n${items.join('\n')}\n`);
  rmSync(join(dir, 'report-a.md'));
  rmSync(join(dir, 'report-b.md'));
  rmSync(join(dir, 'minutes.md'));
  const out = mkdtempSync(join(tmpdir(), 'boardpack-bench-pdf-'));
  const id = `committee-01/${meeting}`;
  // The peer: md-to-pdf on the same pack as one Markdown file, papers on new pages, no page references.
  const peerDir = mkdtempSync(join(tmpdir(), 'boardpack-bench-peer-'));
  const strip = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const combined = [strip(readFileSync(join(dir, 'agenda.md'), 'utf8')), ...Array.from({ length: 40 }, (_, i) => strip(readFileSync(join(dir, `paper-${i + 1}.md`), 'utf8')))].join('\n\n<div class="page-break"></div>\n\n');
  writeFileSync(join(peerDir, 'pack.md'), combined);
  const launch = JSON.stringify({ executablePath: findChromium(), args: chromiumArgs(mkdtempSync(join(tmpdir(), 'boardpack-peer-profile-'))).filter((a) => !a.startsWith('--user-data-dir') && !a.startsWith('--headless')) });
  const runPeer = () => {
    const t = performance.now();
    const run = spawnSync('node_modules/.bin/md-to-pdf', [join(peerDir, 'pack.md'), '--launch-options', launch], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`md-to-pdf failed: ${run.stderr}`);
    return { wallMs: performance.now() - t, maxRssKb: 0 };
  };
  // boardpack and md-to-pdf turn about, each a whole command from start to exit.
  // boardpack notes when each step of its work was done (BOARDPACK_TIMING), to show where the cold time goes.
  const timed = { ...process.env, BOARDPACK_TIMING: '1' };
  const [cold, peer] = pair(5, () => child('bench/child.mjs', ['build', root, '--format', 'pdf', '--meeting', id, '--out', out, '--force'], timed), runPeer);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(out, id, 'agenda-pack.pdf')], { encoding: 'utf8' }))![1]);

  // Warm: the browser is already running; the pack is printed again and again.
  const browser = await launchBrowser();
  // Read as a build reads a committee: with the Markdown trees kept for rendering.
  const { model } = parseContent(root, undefined, undefined, { keepTrees: true });
  const warmSamples: Sample[] = [];
  const floorSamples: Sample[] = [];
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    await renderSite(root, model, { meeting: id, audience: 'public', asOf: '2026-11-22', html: false, jobs: cpus().length, pdf: (input) => renderPdfs(browser, input) });
    warmSamples.push({ wallMs: performance.now() - t, maxRssKb: process.resourceUsage().maxRSS });
    // The print floor: the same pack's HTML printed once, with no page references, tags or bookmarks.
    const html = (await renderSite(root, model, { meeting: id, audience: 'public', asOf: '2026-11-22' })).outputs.get(`${id}/agenda-pack.html`) as string;
    const file = join(out, 'floor.html');
    writeFileSync(file, html);
    const page = await browser.newPage();
    const t2 = performance.now();
    await page.goto(pathToFileURL(file).href);
    await page.pdf({ printBackground: true, tagged: false, preferCSSPageSize: true });
    floorSamples.push({ wallMs: performance.now() - t2, maxRssKb: process.resourceUsage().maxRSS });
    await page.close();
  }
  await browser.close();

  // The clerk's preview: \`serve\` with its kept browser; one paper is saved, and the time is from the save until
  // the new PDF pack has been received from the preview.
  const builds: number[] = [];
  const preview = await startPreview({ root, port: 0, today: '2026-11-22', onBuild: (b) => builds.push(b.version) });
  const pdfUrl = `${preview.url}${id}/agenda-pack.pdf`;
  const fetchPdf = async () => {
    const res = await fetch(pdfUrl);
    if (res.status !== 200) throw new Error(`the preview answered ${res.status}: ${await res.text()}`);
    return Buffer.from(await res.arrayBuffer());
  };
  await fetchPdf(); // the browser started, the pack printed once
  const previewSamples: Sample[] = [];
  for (let i = 0; i < 4; i++) {
    const paper = join(dir, `paper-${7 + i}.md`);
    const seen = builds.length;
    const t = performance.now();
    writeFileSync(paper, `${readFileSync(paper, 'utf8')}\nA sentence added while the pack is previewed (${i}).\n`);
    while (builds.length === seen) await new Promise((resolve) => setTimeout(resolve, 10));
    const pdf = await fetchPdf();
    previewSamples.push({ wallMs: performance.now() - t, maxRssKb: process.resourceUsage().maxRSS });
    if (!pdf.includes('%PDF')) throw new Error('the preview did not send a PDF');
  }
  await preview.close();

  const peerPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(peerDir, 'pack.pdf')], { encoding: 'utf8' }))![1]);
  log(`md-to-pdf: ${peerPages} pages, ${peer.medianMs} ms`);
  rmSync(peerDir, { recursive: true, force: true });

  results.pdf = { pages, papers: 40, peer, peerPages, coldCli: cold, warm: summarise(warmSamples.slice(1)), printFloor: summarise(floorSamples.slice(1)), preview: summarise(previewSamples.slice(1)) };
  log(`pdf: ${pages} pages, cold ${cold.medianMs} ms, warm ${summarise(warmSamples.slice(1)).medianMs} ms, print floor ${summarise(floorSamples.slice(1)).medianMs} ms`);
  rmSync(root, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}

// Hostile text: the inputs that once made lint take time growing with their square (issue 31), each as one paragraph
// of a minute of the sample, linted beside the same size of ordinary prose, turn about.
if (only === undefined || only === 'hostile') {
  const size = 600_000;
  const worst: [string, string][] = [
    ['"Aa declared x interest " (declarations)', 'Aa declared x interest '],
    ['"Resolved:- (1) " (resolutions)', 'Resolved:- (1) '],
    ['"(1) (a) (i) " after "Resolved:-" (resolution parts)', '(1) (a) (i) '],
    ['"Minute 12 of the meeting held on " (references)', 'Minute 12 of the meeting held on '],
    ['one word of capitals (a declaring name)', 'AAAAAAAAAA'],
    ['"[insert " (placeholders; over the marks a paragraph may hold)', '[insert '],
    ['"[a](" (the Markdown parser; over the marks a paragraph may hold)', '[a]('],
    ['"Councillor Aa left the room, " (comings and goings)', 'Councillor Aa left the room, '],
    ['sentences of 38 names before "left the room" (comings and goings)', `${'Councillor Aa, '.repeat(38)}left the room. `],
  ];
  const folder = (unit: string) => {
    const root = mkdtempSync(join(tmpdir(), 'boardpack-bench-hostile-'));
    execFileSync('cp', ['-r', 'content/.', root]);
    const minutes = join(root, 'committees/cabinet/2026-07-21/minutes.md');
    const body = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    writeFileSync(minutes, `${readFileSync(minutes, 'utf8').trimEnd()}\n\n${unit.startsWith('(') ? `Resolved:- ${body}` : body}\n`);
    return root;
  };
  const ordinary = folder('The panel noted the report and asked questions about it. ');
  const rows = [];
  for (const [name, unit] of worst) {
    const root = folder(unit);
    const [hostile, prose] = pair(3, () => child('bench/child.mjs', ['lint', root, '--format', 'json']), () => child('bench/child.mjs', ['lint', ordinary, '--format', 'json']));
    rows.push({ name, bytes: size, hostile, ordinary: prose });
    log(`hostile ${name}: ${hostile.medianMs} ms against ${prose.medianMs} ms`);
    rmSync(root, { recursive: true, force: true });
  }
  rmSync(ordinary, { recursive: true, force: true });
  results.hostile = rows;
  results.hostileRun = { machine: thisMachine, date: today };
}

writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
log('wrote bench/results.json');
