import { relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { availableParallelism } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseContentWith, type CacheEntries } from '../parse/cache.js';
import { YamlMemo } from '../parse/yaml-memo.js';
import { lint } from '../lint/lint.js';
import { committeeOf } from '../lint/parts.js';
import type { Finding } from '../lint/rule.js';
import { renderSite } from '../build/site.js';
import type { Model } from '../model/types.js';
import type { Browser } from 'puppeteer-core';
import type { Audience } from '../publish/types.js';

export interface PreviewOptions {
  root: string;
  port: number;
  today: string;
  /** Whose site to preview: the public's (exempt content withheld, drafts shown marked), or the members' (default public). */
  audience?: Audience;
  /** Told after each build, with the lint findings, for the terminal, and the pages rendered again. */
  onBuild?: (result: { version: number; findings: Finding[]; files: number; reparsed: string[]; rendered: string[] }) => void;
}

export interface Preview {
  url: string;
  /** How many builds have run; the first is 1. */
  version: () => number;
  /** Whether saves have been seen that are not built yet (requests wait for them). */
  pending: () => boolean;
  close: () => Promise<void>;
}

const EVENTS = '/__boardpack/events';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The PDFs boardpack makes for a meeting: its pack, supplementary packs and minutes (`<committee>/<folder>/<name>`), for either audience. */
const MADE_PDF = /^([^/]+\/[^/]+)\/(?:agenda-pack(?:\.supplement-\d+)?(?:\.members)?|minutes)\.pdf$/;

/**
 * The page the preview shows a PDF in: the PDF in a frame filling the window, loaded again (not the page) each time
 * a save has been built, so that the tab the clerk keeps open on the pack always shows the pack as last saved.
 */
export function pdfViewer(name: string): string {
  const src = JSON.stringify(name);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>PDF preview: ${escapeHtml(name)}</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="pdf" title="PDF preview: ${escapeHtml(name)}" src="${escapeHtml(name)}"></iframe>
<script>new EventSource(${JSON.stringify(EVENTS)}).onmessage = (e) => { document.getElementById('pdf').src = ${src} + '?v=' + encodeURIComponent(e.data); };</script>
</body></html>`;
}

/**
 * What the preview adds to every page: at the top, the lint findings and a link to the PDF pack, where
 * the clerk sees them first; at the end, a script that reloads when a rebuild is done.
 */
export function withOverlay(html: string, findings: Finding[], pdf: string | null = null): string {
  const script = `<script>new EventSource(${JSON.stringify(EVENTS)}).onmessage = () => location.reload();</script>`;
  const top = overlayTop(findings, pdf);
  const opened = /<body[^>]*>/i.exec(html);
  const withTop = opened ? html.slice(0, opened.index + opened[0].length) + top + html.slice(opened.index + opened[0].length) : top + html;
  return withTop.includes('</body>') ? withTop.replace('</body>', `${script}</body>`) : withTop + script;
}

function overlayTop(findings: Finding[], pdf: string | null): string {
  const items = findings
    .map((f) => `<li>${escapeHtml(`${f.position.file}:${f.position.line}:${f.position.column} ${f.severity}: ${f.message}`)}${f.ruleId ? ` <code>${f.ruleId}</code>` : ''}</li>`)
    .join('');
  const panel = findings.length
    ? `<aside class="boardpack-preview" aria-label="Lint findings" style="font:14px/1.4 sans-serif;background:#fff4e5;border-bottom:3px solid #b45309;padding:.75rem 1.5rem"><strong>${findings.length} lint finding${findings.length === 1 ? '' : 's'}</strong><ul>${items}</ul></aside>`
    : '';
  const link = pdf
    ? `<p class="boardpack-preview" style="font:14px/1.4 sans-serif;padding:.5rem 1.5rem"><a href="${escapeHtml(pdf)}?view">PDF preview of this pack</a> (kept up to date as you save)</p>`
    : '';
  return `${panel}${link}`;
}

/** Is the request's Host one of this machine's names for the preview's own address and port? */
export function allowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`].includes(host.toLowerCase());
}

/**
 * Whether a request comes from a page of another site: an `<img>` or a
 * script elsewhere pointing at the preview. Browsers say so in
 * Sec-Fetch-Site; where it is missing (an older browser), Origin and Referer
 * must be the preview's own address when they are given.
 */
export function fromElsewhere(headers: IncomingMessage['headers'], port: number): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  for (const value of [headers.origin, headers.referer]) {
    if (value === undefined) continue;
    try {
      if (!allowedHost(new URL(value).host, port) || !value.startsWith('http://')) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Serve a content folder's HTML on localhost, rebuilding when a file is
 * saved: the pages reload themselves, and the lint findings show in the
 * terminal and at the top of every page.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const audience = options.audience ?? 'public';
  let pages = new Map<string, string | Uint8Array>();
  let findings: Finding[] = [];
  let version = 0;
  const clients = new Set<ServerResponse>();
  // The PDF preview: one browser kept running from the first PDF asked for, and each meeting's PDFs made when asked
  // for and kept until a save changes that meeting's committee.
  let model: Model | null = null;
  let browser: Promise<Browser> | null = null;
  const pdfs = new Map<string, Promise<Map<string, string | Uint8Array>>>();
  const printing = async (meeting: string) => {
    const [{ launchBrowser }, { renderPdfs }] = await Promise.all([import('../render/pdf/browser.js'), import('../render/pdf/site.js')]);
    browser ??= launchBrowser();
    browser.catch(() => (browser = null)); // not found: said on each request, and tried again after
    const started = browser;
    const { outputs, problems } = await renderSite(options.root, model!, {
      audience,
      asOf: options.today,
      drafts: 'mark',
      meeting,
      html: false,
      sitePages: false,
      jobs: availableParallelism(),
      // The pages as the build prints them, without the PDF/UA-1 marking and checks, which no reader sees.
      pdf: (input) => renderPdfs(started, input, undefined, { preview: true }),
    });
    if (problems.some((p) => p.severity === 'error')) throw new Error(problems.find((p) => p.severity === 'error')!.message);
    return outputs;
  };

  // Files parsed last time, by content hash: a save re-parses only what changed.
  let parsedFiles: CacheEntries = new Map();
  // And what the YAML files (members, an executive's plans and decisions) gave the model, by their text.
  const yamlRead = new YamlMemo();
  // What was saved since the last build: null means everything (the first build, or a save the watcher could not name).
  let saved: Set<string> | null = null;
  const rebuild = async () => {
    const changed = saved;
    saved = new Set();
    const read = parseContentWith(options.root, parsedFiles, yamlRead);
    parsedFiles = read.entries;
    const parsed = read.result;
    model = parsed.model;
    findings = lint(parsed, { today: options.today }).findings;
    // A save inside one committee's folder changes only that committee's pages (and the index's list of its
    // meetings): every rule and page of a committee looks only at it and the shared files. Anything else renders all.
    const committees = new Set(parsed.model.committees.map((c) => c.id));
    const touched = changed === null ? null : [...changed, ...read.stats.parsed].map((file) => committeeOf(file.split(sep).join('/'), committees));
    let rendered: string[];
    // The PDFs the clerk has looked at and this save changes: made again at once, so the next look finds them ready.
    const stale = [...pdfs.keys()].filter((id) => touched === null || touched.includes(null) || touched.includes(id.split('/')[0]));
    for (const id of stale) pdfs.delete(id);
    // Printed while the pages are rendered: Chromium prints in processes of its own.
    for (const id of stale) {
      if (!parsed.model.committees.some((c) => c.meetings.some((m) => m.id === id))) continue;
      const made = printing(id);
      made.catch(() => pdfs.get(id) === made && pdfs.delete(id)); // said when it is asked for
      pdfs.set(id, made);
    }
    if (touched === null || touched.includes(null)) {
      const { outputs } = await renderSite(options.root, parsed.model, { audience, asOf: options.today, drafts: 'mark' });
      pages = outputs;
      rendered = [...outputs.keys()];
    } else {
      const dirty = new Set(touched as string[]);
      const meetingIds = new Set(parsed.model.committees.filter((c) => dirty.has(c.id)).flatMap((c) => c.meetings.map((m) => m.id)));
      for (const key of [...pages.keys()]) if (dirty.has(key.split('/')[0])) pages.delete(key);
      const part = await renderSite(options.root, parsed.model, { audience, asOf: options.today, drafts: 'mark', meetingIds });
      for (const [key, page] of part.outputs) pages.set(key, page);
      rendered = [...part.outputs.keys()];
    }
    version++;
    options.onBuild?.({ version, findings, files: pages.size, reparsed: read.stats.parsed, rendered });
    for (const client of clients) client.write(`data: ${version}\n\n`);
  };
  await rebuild();

  // Saves come in bursts (an editor writes, renames, touches): build once they settle.
  let timer: NodeJS.Timeout | null = null;
  let building: Promise<void> = Promise.resolve();
  // A request in the moments after a save waits for that save to be built, so that nothing old is served as new:
  // \`fresh\` settles once every save seen so far has been built.
  let seen = 0;
  let built = 0;
  let fresh: Promise<void> = Promise.resolve();
  let settle: (() => void) | null = null;
  // chokidar rather than fs.watch: the same events on Linux, macOS and Windows (fs.watch's recursive mode differs,
  // and names renamed files by platform), and an editor's write-to-temporary-then-rename seen as one change.
  const watcher = watch(options.root, {
    ignoreInitial: true,
    atomic: true,
    // Nothing outside the content folder is read, so nothing outside it is watched.
    followSymlinks: false,
    // Version control's own files are not content.
    ignored: (path: string) => /(^|[\\/])\.(git|hg|svn)([\\/]|$)/.test(relative(options.root, path)),
  });
  watcher.on('all', (_event, path) => {
    const file = relative(options.root, path);
    if (saved !== null && file && !file.startsWith('..')) saved.add(file);
    else saved = null;
    seen++;
    if (!settle) fresh = new Promise<void>((done) => (settle = done));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const upTo = seen;
      building = building
        .then(rebuild)
        .catch(() => undefined)
        .then(() => {
          built = Math.max(built, upTo);
          if (built === seen) {
            settle?.();
            settle = null;
          }
        });
    }, 100);
  });
  // Saves are seen from the moment the preview answers.
  await new Promise<void>((ready) => watcher.once('ready', ready));

  let port = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const failed = () => {
      // Nothing a request holds may stop the preview.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    };
    // Everything but the reload events waits for the saves seen so far to be built.
    const go = () => {
      try {
        answer(req, res)?.catch(failed);
      } catch {
        failed();
      }
    };
    if (req.url?.startsWith(EVENTS)) go();
    else fresh.then(go, go);
  });
  const refuse = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`${message}\n`);
  };
  /** A meeting's PDF, made by the kept browser from the content as last saved. */
  const servePdf = async (key: string, meeting: string, res: ServerResponse) => {
    let made = pdfs.get(meeting);
    if (!made) {
      made = printing(meeting);
      pdfs.set(meeting, made);
    }
    let outputs: Map<string, string | Uint8Array>;
    try {
      outputs = await made;
    } catch (error) {
      if (pdfs.get(meeting) === made) pdfs.delete(meeting);
      return refuse(res, 503, `The PDF preview cannot be made: ${(error as Error).message}`);
    }
    const body = outputs.get(key);
    if (body === undefined) return refuse(res, 404, `Not found: /${key}`);
    res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
    res.end(body);
  };
  // Not a static file server (such as sirv): the preview's pages are never written to disk. They are kept in
  // memory as rendered, the changed part replaced after each save, and each gets the lint panel on the way out;
  // writing them to serve them as files would add a write and a read of every page to each rebuild, for nothing.
  const answer = (req: IncomingMessage, res: ServerResponse): Promise<void> | void => {
    // Only this machine's own names for the address it listens on: a page elsewhere that points its own
    // host name at 127.0.0.1 (DNS rebinding) is refused.
    if (!allowedHost(req.headers.host, port)) return refuse(res, 403, 'Forbidden: unexpected Host header');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    // Another site's page may link to the preview (the clerk follows it), but may not make it work: embedded
    // requests from elsewhere (an <img> asking for a PDF starts Chromium) are refused.
    const navigation = req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document';
    const elsewhere = fromElsewhere(req.headers, port);
    if (elsewhere && (!navigation || /\.pdf(?:$|\?)/i.test(req.url ?? ''))) return refuse(res, 403, 'Forbidden: a request from another site');
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    } catch {
      return refuse(res, 400, 'Bad request: malformed URL');
    }
    if (path === EVENTS) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const key = path === '/' ? 'index.html' : path.replace(/^\//, '').replace(/\/$/, '/index.html');
    const body = pages.get(key);
    const made = MADE_PDF.exec(key);
    // "?view": the PDF in a page that loads it again after each save.
    if (made && /[?&]view(?:[=&]|$)/.test(req.url ?? '')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(pdfViewer(key.split('/').pop()!));
      return;
    }
    if (body === undefined && made && model?.committees.some((c) => c.meetings.some((m) => m.id === made[1] && (m.agenda || m.minutes)))) {
      return servePdf(key, made[1], res);
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Not found: ${path}\n`);
      return;
    }
    if (key.endsWith('.html')) {
      const pack = /^(.+\/)agenda-pack(\.members)?\.html$/.exec(key);
      const html = withOverlay(String(body), findings, pack ? `agenda-pack${pack[2] ?? ''}.pdf` : null);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(200, { 'content-type': key.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream' });
      res.end(body);
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    version: () => version,
    pending: () => seen > built,
    close: async () => {
      await watcher.close();
      if (timer) clearTimeout(timer);
      for (const client of clients) client.end();
      await building;
      await Promise.allSettled(pdfs.values());
      if (browser) await (await browser.catch(() => null))?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
