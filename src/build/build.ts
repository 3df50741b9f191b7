/**
 * The one build room: which meetings, in what order (committee by committee,
 * one meeting, or a share of a CI matrix), the lint gate, the staging folder
 * swapped in whole, the browser's lifetime, and the calls to the renderers
 * with the published view. It knows no format: the PDF renderer is handed in
 * as a function. The API, the CLI and `serve` call it.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { BoardpackError } from '../errors.js';
import { contentRoot, stopOnConfig } from '../config/folder.js';
import { formatLong, fromDate } from '../dates/calendar.js';
import { lintCached } from '../lint/cache.js';
import { packageVersion } from '../package-info.js';
import { buildReport, type LintReport } from '../report/results.js';
import { earlierFormats, StagedOutput, type OutputFormat } from '../fs/atomic.js';
import { stepDone } from '../timing.js';
import type { PdfAccessibility } from '../render/pdf/pack.js';
import { SearchIndex } from '../site/search.js';
import { unrecordedChanges, type UnrecordedChange } from '../site/calendar-changes.js';

export interface BuildContentOptions {
  cwd?: string;
  today?: string;
  /** The day overdue checks count from (default: today). */
  asOf?: string;
  /**
   * `html`, `pdf`, or `all`. PDFs need a Chromium-family browser on the system.
   * Default: what the output folder was last built with (so that a plain build
   * never takes away the PDFs a deploy publishes), else `html`.
   */
  format?: 'html' | 'pdf' | 'all';
  /** `public` (default): exempt content left out; `members`: everything, with its notices. */
  audience?: 'public' | 'members';
  /** The output folder (default: `out`, or `out-members` for members). */
  out?: string;
  /** One meeting only, such as `cabinet/2026-04-14`. */
  meeting?: string;
  /** Publish even when the linter finds errors. */
  force?: boolean;
  /** Prints at once (default: the number of cores). */
  jobs?: number;
  /** Share `index` of `count` of the meetings, for a CI matrix. */
  shard?: { index: number; count: number };
  /** The public site's search page and index (default true; a sharded build has none). */
  search?: boolean;
  /** The lint cache's folder, for the gate. */
  cache?: string;
  /** Told as each output is made. */
  onProgress?: (done: number, total: number, what: string) => void;
}

export interface BuildContentResult {
  /** The output folder, absolute. */
  out: string;
  /** The files written, relative to it. */
  files: string[];
  /** The lint gate's report: errors here were published only because `force` was given. */
  report: LintReport;
  /** For each PDF written, in order of its file: what PDF/UA-1's machine checks found, and which merged PDFs are untagged. */
  accessibility: PdfAccessibility[];
  /** What the build left out and why (calendars and feeds without a base URL). */
  notes: string[];
}

// Rendering and printing are loaded by the builds that use them, so that lint (run on every change in CI) starts without them.
const rendering = () => import('./parts.js');
const printModules = () => Promise.all([import('../render/pdf/browser.js'), import('../render/pdf/site.js'), import('../render/chromium.js')]);

/**
 * Check a content folder, then write its packs, minutes, plans, registers and index for one audience.
 * Everything goes to a staging folder and replaces the output folder only when all of it is made.
 * Throws `BoardpackError`: with the report (exit code 1) when the linter finds errors and `force` is
 * not given; with the problems when the content cannot be built.
 */
export async function buildContent(dir: string, options: BuildContentOptions = {}): Promise<BuildContentResult> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? fromDate(new Date());
  const audience = options.audience ?? 'public';
  const root = contentRoot(dir, cwd);
  const out = resolve(cwd, options.out ?? (audience === 'members' ? 'out-members' : 'out'));
  const earlier = earlierFormats(out);
  const format = options.format ?? formatOf(earlier ?? ['html']);
  // Said when a build asked for fewer formats than the folder held: what it takes away, and how to keep it.
  const dropped = (earlier ?? []).filter((f) => !formatsOf(format).includes(f));
  // Chromium is started as soon as its module has loaded, which this thread gets to once the first part is
  // checked: it starts up while the papers are rendered. Started before the content is read, it slowed the reading
  // by as much as it saved (bench/README.md). It is closed again if the build stops before printing.
  const pdfModules = format === 'html' ? null : printModules();
  const starting = pdfModules?.then(([{ launchBrowser }]) => launchBrowser()).then((b) => b, (error: Error) => error) ?? null;
  const { buildInParts, gatesMeeting } = await rendering();
  try {
    const asOf = options.asOf ?? today;
    // Pages are rendered while Chromium may still be starting; each print waits for it.
    const browser = starting?.then(async (started) => {
      if (!(started instanceof Error)) return started;
      if (started instanceof (await pdfModules!)[2].BrowserNotFound) throw new BoardpackError(started.message);
      throw new BoardpackError(`Chromium could not be started: ${started.message}`);
    });
    browser?.catch(() => {}); // reported where a print waits for it
    // Each output goes to a staging folder as it is made, and the whole is swapped in only when all are made.
    const partial = Boolean(options.meeting || options.shard);
    const staged = new StagedOutput(out, { audience, partial, formats: formatsOf(format) });
    const accessibility: PdfAccessibility[] = [];
    // The public site's search: the pages of a whole build are indexed once they are all written, in the order of
    // their paths. A build of one meeting keeps the index the last whole build made; a share of a matrix has its
    // search page and links but no index (no share sees every page): \`boardpack merge\` makes it from them all.
    const search = (options.search ?? true) && audience === 'public' && format !== 'pdf';
    const index = search && !options.meeting && !options.shard ? new SearchIndex() : null;
    try {
      // The lint gate from the cache, when asked: then only the committees to build are read.
      let checked;
      if (options.cache) {
        checked = await lintCached(root, resolve(cwd, options.cache), { today, asOf }, packageVersion());
        stopOnConfig(checked.configErrors, dir, 'built');
      }
      // Committee by committee: each part is checked (the lint gate), then rendered.
      const built = await buildInParts(root, {
        checked,
        lint: { today, asOf },
        stopOnErrors: !options.force,
        meeting: options.meeting,
        audience,
        asOf,
        html: format !== 'pdf',
        pdf: browser ? async (input) => (await pdfModules!)[1].renderPdfs(browser, input, (result) => accessibility.push(result)) : undefined,
        shard: options.shard,
        jobs: options.jobs ?? availableParallelism(),
        onProgress: options.onProgress,
        search,
        emit: staged.write,
      });
      stopOnConfig(built.configProblems, dir, 'built');
      if (built.unknownMeeting) {
        throw new BoardpackError(`No meeting "${options.meeting}" in ${dir}, expected <committee>/<meeting folder> such as ${built.example ?? 'cabinet/2026-04-14'}`);
      }
      // The lint gate: papers with errors are not published unless the clerk insists. One meeting's build is
      // gated by the findings in its own files and the shared ones, not by another meeting's draft.
      const gating = options.meeting ? built.findings.filter((f) => gatesMeeting(f.position.file, options.meeting!)) : built.findings;
      const report = buildReport(root, gating, built.rules);
      if (report.errorCount > 0 && !options.force) {
        throw new BoardpackError('not built: fix the errors above, or build anyway with --force', { report, exitCode: 1 });
      }
      if (built.problems.length) throw new BoardpackError(`${dir}: nothing was written`, { problems: built.problems, report });
      if (index) {
        await index.addPages(staged.written(), (file) => staged.read(file)!);
        for (const file of await index.files()) staged.write(file.path, file.content);
      }
      // A meeting whose time or venue changed since the last build with nothing recorded: calendars would keep the old.
      const changes = unrecordedChanges(readOutput(out, 'calendar.ics'), staged.read('calendar.ics'));
      const files = staged.commit();
      stepDone('outputs in place');
      accessibility.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      const notes = [...(built.notes ?? [])];
      if (dropped.length && !partial) notes.push(droppedNote(out, cwd, dropped, format));
      for (const change of changes) notes.push(changeNote(change, today));
      return { out, files, report, accessibility, notes };
    } finally {
      staged.discard();
      await index?.close();
    }
  } finally {
    const started = await starting;
    if (started && !(started instanceof Error)) {
      await started.close();
      stepDone('browser closed');
    }
  }
}

/** A file an earlier build left in the output folder, as text; null when there is none. */
function readOutput(out: string, rel: string): string | null {
  try {
    return readFileSync(join(out, rel), 'utf8');
  } catch {
    return null;
  }
}

/** What to do about a time or venue changed without a record. */
function changeNote(change: UnrecordedChange, today: string): string {
  const what = change.what.map((w) => `${w.field} ${w.from} to ${w.to}`).join(', ');
  const field = change.what.map((w) => w.field).join(' and ');
  return (
    `The ${field} of ${change.summary} on ${formatLong(change.date)} changed since the last build (${what}), but its agenda does not record it: ` +
    `calendars that hold the meeting keep the old ${field}. Add "revised: ${today}" to the frontmatter of committees/${change.committee}/${change.date}/agenda.md and build again`
  );
}

/** The formats `--format` names. */
function formatsOf(format: 'html' | 'pdf' | 'all'): OutputFormat[] {
  return format === 'all' ? ['html', 'pdf'] : [format];
}

/** The `--format` that makes these formats. */
function formatOf(formats: OutputFormat[]): 'html' | 'pdf' | 'all' {
  if (formats.includes('pdf')) return formats.includes('html') ? 'all' : 'pdf';
  return 'html';
}

const FORMAT_NAMES: Record<OutputFormat, string> = { html: 'web pages', pdf: 'PDFs' };

function droppedNote(out: string, cwd: string, dropped: OutputFormat[], format: 'html' | 'pdf' | 'all'): string {
  const folder = relative(cwd, out) || '.';
  const what = dropped.map((f) => FORMAT_NAMES[f]).join(' and ');
  const all = formatOf([...formatsOf(format), ...dropped]);
  return `The ${what} an earlier build wrote to ${folder} are gone, as --format ${format} asked; build with --format ${all} to make them again`;
}
