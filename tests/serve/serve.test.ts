import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/serve/server.js';
import { run } from '../../src/cli/main.js';
import { REPO, SAMPLE } from '../helpers.js';

const PACK = 'resources-scrutiny-panel/2026-12-08/agenda-pack.html';
const REPORT = 'committees/resources-scrutiny-panel/2026-12-08/medium-term-financial-strategy.md';

function copyOfSample(): string {
  const root = mkdtempSync(join(tmpdir(), 'boardpack-serve-'));
  cpSync(SAMPLE, root, { recursive: true });
  return root;
}

/** Wait, at most `ms`, for a condition; polls, so the test ends by itself. */
async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Listen to the page's event stream, as the reload script in the page does. */
function events(url: string): { received: string[]; close: () => void } {
  const received: string[] = [];
  const req = get(`${url}__boardpack/events`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      for (const m of chunk.matchAll(/^data: (.*)$/gm)) received.push(m[1]);
    });
  });
  req.on('error', () => undefined);
  return { received, close: () => req.destroy() };
}

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

describe('boardpack serve', () => {
  it('serves the built pages on localhost, with a reload script and no findings panel for clean content', async () => {
    preview = await startPreview({ root: copyOfSample(), port: 0, today: '2026-11-22' });
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await fetch(preview.url);
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toContain('Committee papers');
    expect(html).toContain('new EventSource("/__boardpack/events")');
    expect(html).not.toContain('boardpack-preview');
    expect((await fetch(`${preview.url}no/such/page.html`)).status).toBe(404);
  });

  it('rebuilds when a file is saved, tells the page to reload, and the page shows the change', async () => {
    const root = copyOfSample();
    preview = await startPreview({ root, port: 0, today: '2026-11-22' });
    const stream = events(preview.url);
    try {
      const before = await (await fetch(`${preview.url}${PACK}`)).text();
      expect(before).toContain('Medium-Term Financial Strategy 2027-2030');
      const file = join(root, REPORT);
      writeFileSync(file, readFileSync(file, 'utf8').replace('title: Medium-Term Financial Strategy 2027-2030', 'title: Medium-Term Financial Strategy 2027-2031'));
      await until(() => stream.received.length > 0);
      expect(Number(stream.received.at(-1))).toBeGreaterThanOrEqual(2);
      const after = await (await fetch(`${preview.url}${PACK}`)).text();
      expect(after).toContain('Medium-Term Financial Strategy 2027-2031');
    } finally {
      stream.close();
    }
  }, 30_000);

  it('shows a change to a member’s file after a save (what YAML files gave the model is kept only for the same text)', async () => {
    const root = copyOfSample();
    preview = await startPreview({ root, port: 0, today: '2026-11-22' });
    const stream = events(preview.url);
    try {
      const page = `${preview.url}members/marcus-bright.html`;
      expect(await (await fetch(page)).text()).toContain('Shares in Wyndmoor Building Society');
      const file = join(root, 'members/marcus-bright.yml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Shares in Wyndmoor Building Society', 'Shares in Wyndmoor Water'));
      await until(() => stream.received.length > 0);
      const after = await (await fetch(page)).text();
      expect(after).toContain('Shares in Wyndmoor Water');
      expect(after).not.toContain('Shares in Wyndmoor Building Society');
    } finally {
      stream.close();
    }
  }, 30_000);

  it('renders again only the saved committee\'s pages and the site pages, and serves the others as they were', async () => {
    const root = copyOfSample();
    const builds: { rendered: string[]; files: number }[] = [];
    preview = await startPreview({ root, port: 0, today: '2026-11-22', onBuild: (b) => builds.push(b) });
    expect(builds[0].rendered.length).toBe(builds[0].files);
    const other = await (await fetch(`${preview.url}cabinet/2026-06-23/agenda-pack.html`)).text();
    expect(other).toContain('Cabinet');
    const file = join(root, REPORT);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Medium-Term Financial Strategy 2027-2030', 'title: Medium-Term Financial Strategy 2027-2032'));
    await until(() => builds.length >= 2);
    const rendered = builds.at(-1)!.rendered;
    expect(rendered).toContain(PACK);
    expect(rendered).toContain('index.html');
    expect(rendered.every((f) => f.startsWith('resources-scrutiny-panel/') || !/^[^/]+\/\d{4}-/.test(f))).toBe(true);
    expect(rendered.length).toBeLessThan(builds[0].files);
    expect(builds.at(-1)!.files).toBe(builds[0].files);
    expect(await (await fetch(`${preview.url}${PACK}`)).text()).toContain('Medium-Term Financial Strategy 2027-2032');
    expect(await (await fetch(`${preview.url}cabinet/2026-06-23/agenda-pack.html`)).text()).toBe(other);
  }, 30_000);

  it('serves each meeting’s PDF pack from a browser it keeps, made again after a save that changes it', async () => {
    const root = copyOfSample();
    const builds: number[] = [];
    preview = await startPreview({ root, port: 0, today: '2026-11-30', onBuild: (b) => builds.push(b.version) });
    const pdfUrl = `${preview.url}${PACK.replace(/\.html$/, '.pdf')}`;
    // The pack's page links to its PDF.
    expect(await (await fetch(`${preview.url}${PACK}`)).text()).toContain('<a href="agenda-pack.pdf?view">PDF preview of this pack</a>');
    const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    let served = '';
    const text = async () => {
      const res = await fetch(pdfUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const file = join(mkdtempSync(join(tmpdir(), 'boardpack-serve-pdf-')), 'pack.pdf');
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      served = pdfText(file);
      return served.replace(/\s+/g, ' ');
    };
    const before = await text();
    expect(before).toMatch(/Medium-Term Financial Strategy 2027-2030 \(Pages? \d/);
    const file = join(root, REPORT);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Medium-Term Financial Strategy 2027-2030', 'title: Medium-Term Financial Strategy 2027-2033'));
    await until(() => builds.length >= 2);
    const after = await text();
    expect(after).toMatch(/Medium-Term Financial Strategy 2027-2033 \(Pages? \d/);
    // The preview shows the pages the build prints, word for word and page for page (it leaves out only the
    // PDF/UA-1 marking, which no reader sees).
    const out = mkdtempSync(join(tmpdir(), 'boardpack-serve-built-'));
    const meeting = PACK.split('/').slice(0, 2).join('/');
    expect(await run(['build', root, '--format', 'pdf', '--meeting', meeting, '--out', out], { stdout: () => {}, stderr: () => {}, cwd: root, today: '2026-11-30', interactive: false, env: {}, stdoutIsTTY: false })).toBe(0);
    expect(served).toBe(pdfText(join(out, meeting, 'agenda-pack.pdf')));
    // A meeting with nothing to print is not found.
    expect((await fetch(`${preview.url}no-such/2026-01-01/agenda-pack.pdf`)).status).toBe(404);
  }, 120_000);

  it('shows lint findings on the page and in the terminal', async () => {
    const root = copyOfSample();
    const builds: { version: number; findings: number; reparsed: string[] }[] = [];
    preview = await startPreview({ root, port: 0, today: '2026-11-22', onBuild: (b) => builds.push({ version: b.version, findings: b.findings.length, reparsed: b.reparsed }) });
    const file = join(root, REPORT);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nThe strategy goes to Council on Friday 24 February 2027.\n`);
    await until(() => builds.length >= 2);
    expect(builds.at(-1)!.findings).toBe(1);
    // Only the saved file was parsed again.
    expect(builds[0].reparsed.length).toBeGreaterThan(40);
    expect(builds.slice(1).flatMap((b) => b.reparsed)).toEqual([REPORT]);
    const page = await (await fetch(`${preview.url}${PACK}`)).text();
    expect(page).toContain('1 lint finding');
    expect(page).toContain('Unexpected Friday in &quot;Friday 24 February 2027&quot;, expected Wednesday');
    // At the top of the page, as the README says: straight after <body>, before the pack's own content.
    const body = page.slice(page.search(/<body[^>]*>/));
    expect(body.replace(/^<body[^>]*>/, '').trimStart()).toMatch(/^<aside class="boardpack-preview"/);
    expect(page.indexOf('1 lint finding')).toBeLessThan(page.indexOf('<h1'));
  }, 30_000);

  it('runs from the command line, printing where it serves and the findings', async () => {
    const root = copyOfSample();
    let stdout = '';
    let stderr = '';
    const code = await run(['serve', root, '--port', '0'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      cwd: root,
      today: '2026-11-22',
      onServe: async (served, stop) => {
        expect((await fetch(served.url)).status).toBe(200);
        stop();
      },
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Previewing .* at http:\/\/127\.0\.0\.1:\d+\/ \(Ctrl-C to stop\)\n$/);
    expect(stderr).toContain('Built 127 files; 0 errors, 0 warnings');
  }, 30_000);
});

/** A raw request, as a hostile page or script could send it: the path and Host exactly as given. */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get(`${url.replace(/\/$/, '')}${path}`, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

describe('the preview keeps up with saves (issue 29)', () => {
  it('answers a PDF asked for in the moments after a save with the PDF of the save, never the one before', async () => {
    const root = copyOfSample();
    preview = await startPreview({ root, port: 0, today: '2026-11-30' });
    const pdfUrl = `${preview.url}${PACK.replace(/\.html$/, '.pdf')}`;
    const pdfText = async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'boardpack-serve-pdf-')), 'pack.pdf');
      writeFileSync(file, Buffer.from(await (await fetch(pdfUrl)).arrayBuffer()));
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    expect(await pdfText()).toContain('Medium-Term Financial Strategy 2027-2030');
    const file = join(root, REPORT);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Medium-Term Financial Strategy 2027-2030', 'title: Medium-Term Financial Strategy 2027-2033'));
    // As soon as the save is seen, and before it is built, the PDF is asked for.
    await until(() => preview!.pending());
    const after = await pdfText();
    expect(after).toContain('Medium-Term Financial Strategy 2027-2033');
    expect(after).not.toContain('Medium-Term Financial Strategy 2027-2030');
  }, 120_000);

  it('shows the PDF in a page whose frame loads the new PDF after each save, and links the pack to it', async () => {
    const root = copyOfSample();
    preview = await startPreview({ root, port: 0, today: '2026-11-30' });
    const pack = await (await fetch(`${preview.url}${PACK}`)).text();
    expect(pack).toContain('<a href="agenda-pack.pdf?view">PDF preview of this pack</a>');
    const viewer = await fetch(`${preview.url}${PACK.replace(/\.html$/, '.pdf')}?view`);
    expect(viewer.headers.get('content-type')).toContain('text/html');
    // In a real browser: the frame holds the PDF, and after a save its address changes to the new build's.
    const { launchBrowser } = await import('../../src/render/pdf/browser.js');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${preview.url}${PACK.replace(/\.html$/, '.pdf')}?view`);
      const frameSrc = () => page.$eval('#pdf', (f) => (f as HTMLIFrameElement).getAttribute('src'));
      expect(await frameSrc()).toBe('agenda-pack.pdf');
      const file = join(root, REPORT);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more line.\n`);
      await page.waitForFunction(() => /\?v=\d+$/.test(document.getElementById('pdf')!.getAttribute('src') ?? ''), { timeout: 20_000 });
      expect(await frameSrc()).toBe(`agenda-pack.pdf?v=${preview.version()}`);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('previews the members’ site with --audience members: exempt papers shown, marked', async () => {
    preview = await startPreview({ root: copyOfSample(), port: 0, today: '2026-11-30', audience: 'members' });
    const exempt = 'resources-scrutiny-panel/2026-03-10/agenda-pack';
    const members = await fetch(`${preview.url}${exempt}.members.html`);
    expect(members.status).toBe(200);
    const html = await members.text();
    expect(html).toContain('NOT FOR PUBLICATION');
    expect(html).toContain('<a href="agenda-pack.members.pdf?view">PDF preview of this pack</a>');
    expect((await fetch(`${preview.url}${exempt}.html`)).status).toBe(404);
  }, 60_000);
});

describe('boardpack serve against hostile requests', () => {
  it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
    preview = await startPreview({ root: copyOfSample(), port: 0, today: '2026-11-22' });
    for (const path of ['/%E0%A4%A', '/%', '/index.html%ZZ']) {
      const answer = await rawGet(preview.url, path);
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('malformed URL');
    }
    expect((await fetch(preview.url)).status).toBe(200);
  }, 30_000);

  it('refuses a Host that is not the address it listens on (DNS rebinding), and other methods', async () => {
    preview = await startPreview({ root: copyOfSample(), port: 0, today: '2026-11-22' });
    const port = new URL(preview.url).port;
    expect((await rawGet(preview.url, '/', { host: `attacker.example:${port}` })).status).toBe(403);
    expect((await rawGet(preview.url, '/', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(403);
    expect((await rawGet(preview.url, '/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await fetch(preview.url, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(preview.url)).status).toBe(200);
  }, 30_000);

  it('answers nothing that starts work to a page of another site (issue 31): no PDF printed for an <img> elsewhere', async () => {
    preview = await startPreview({ root: copyOfSample(), port: 0, today: '2026-11-22' });
    const port = new URL(preview.url).port;
    const host = `127.0.0.1:${port}`;
    const pdf = `/${PACK.replace(/\.html$/, '.pdf')}`;
    const hostile: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
      { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
      // A top-level navigation from elsewhere may open a page, but not make a PDF.
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
      { origin: 'https://attacker.example' },
      { referer: 'https://attacker.example/page.html' },
      { origin: 'null' },
    ];
    for (const headers of hostile) {
      const answer = await rawGet(preview.url, pdf, { host, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body).toContain('another site');
    }
    // Embedded in another site's page, a page is refused too; followed as a link, it opens.
    expect((await rawGet(preview.url, `/${PACK}`, { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'iframe' })).status).toBe(403);
    expect((await rawGet(preview.url, `/${PACK}`, { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })).status).toBe(200);
    // The preview's own pages, a typed address, and a tool that sends none of these headers are answered.
    expect((await rawGet(preview.url, `/${PACK}`, { host, 'sec-fetch-site': 'same-origin', referer: `http://${host}/` })).status).toBe(200);
    expect((await rawGet(preview.url, `/${PACK}`, { host, 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await rawGet(preview.url, `/${PACK}`, { host, referer: `http://localhost:${port}/index.html` })).status).toBe(200);
  }, 30_000);

  it('says in one line that a port is in use, with exit 2', async () => {
    preview = await startPreview({ root: copyOfSample(), port: 0, today: '2026-11-22' });
    const port = new URL(preview.url).port;
    let stderr = '';
    const code = await run(['serve', copyOfSample(), '--port', port], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      cwd: REPO,
      today: '2026-11-22',
    });
    expect(code).toBe(2);
    expect(stderr).toContain(`boardpack: Port ${port} is in use: stop what uses it, or choose another with --port\n`);
    expect(stderr).not.toContain('internal error');
  }, 30_000);
});
