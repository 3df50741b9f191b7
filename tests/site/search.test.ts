import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../src/render/chromium.js';
import { cli } from '../helpers.js';
import { buildSample, filesUnder, page, selectAll } from '../render/site.js';

/*
 * The site's search, used as a resident would: the built folder served as
 * any static host serves it, the search page opened in headless Chromium, a
 * sentence typed in. A sentence of a public report finds that report, at its
 * place in the pack; a sentence of the exempt report finds nothing.
 */

let out: string;
let server: Server;
let base: string;
let browser: Browser;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

beforeAll(async () => {
  out = await buildSample();
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(out, path);
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs(mkdtempSync(join(tmpdir(), 'boardpack-chromium-'))) });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Search the site as a reader does; returns each result's link and the requests the page made. */
async function search(text: string): Promise<{ links: string[]; message: string; requests: string[] }> {
  const tab = await browser.newPage();
  const requests: string[] = [];
  tab.on('request', (r) => requests.push(r.url()));
  await tab.goto(`${base}search.html`, { waitUntil: 'load' });
  await tab.waitForSelector('.pagefind-ui__search-input');
  await tab.type('.pagefind-ui__search-input', text);
  // Done when the UI says there are no results, or says how many and shows them (the first five, each loaded in turn).
  await tab.waitForFunction(
    () => {
      const message = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
      const count = /(\d+) results? for/i.exec(message);
      const shown = document.querySelectorAll('.pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link').length;
      return /no results/i.test(message) || (count !== null && shown === Math.min(5, Number(count[1])));
    },
    { timeout: 20_000 },
  );
  const found = await tab.evaluate(() => ({
    links: [...document.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-link')].map((a) => a.href),
    message: document.querySelector('.pagefind-ui__message')?.textContent ?? '',
  }));
  await tab.close();
  return { ...found, requests };
}

describe('search', () => {
  it('finds a public report by a sentence of it, opening the pack at the report', async () => {
    const { links, requests } = await search("The Council's charging policy asks services to recover the full cost of discretionary services");
    expect(links.length).toBeGreaterThan(0);
    // The pack, and within it the report's own place.
    expect(links).toContain(`${base}resources-scrutiny-panel/2026-03-10/agenda-pack.html`);
    expect(links).toContain(`${base}resources-scrutiny-panel/2026-03-10/agenda-pack.html#paper-fees-and-charges-title`);
    // Everything it loaded came from the site itself.
    expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'))).toEqual([]);
  }, 60_000);

  it("finds a decision by its reasons, and the forward plan by a matter on it", async () => {
    const decision = await search('The roof was found unsafe on 10 August 2026 and the centre is closed');
    expect(decision.links).toContain(`${base}cabinet/decisions/northgate-roof-repairs.html`);
    const plan = await search('Disposal of the former Mill Lane depot');
    expect(plan.links).toContain(`${base}cabinet/forward-plan/2026-11-27.html`);
  }, 60_000);

  it('finds nothing of the exempt report, whose text is in no public page and so not in the index', async () => {
    const sentence = 'Soft market testing with three other operators suggests that a procurement would produce bids';
    // The sentence is the exempt report's (paragraph 3), so finding nothing means it was kept out of the index.
    const exemptReport = readFileSync(join('content', 'committees/resources-scrutiny-panel/2026-03-10/leisure-contract.md'), 'utf8');
    expect(exemptReport).toMatch(/^exempt: 3$/m);
    expect(exemptReport.replace(/\s+/g, ' ')).toContain(sentence);
    const { links, message } = await search(sentence);
    expect(links).toEqual([]);
    expect(message).toMatch(/no results/i);
  }, 60_000);

  it('indexes papers, not lists of meetings; the members’ build has no index at all', async () => {
    const searchable = filesUnder(out).filter((f) => f.endsWith('.html') && selectAll('main[data-pagefind-body]', page(out, f)).length > 0);
    expect(searchable).toContain('resources-scrutiny-panel/2026-03-10/agenda-pack.html');
    expect(searchable).toContain('resources-scrutiny-panel/2026-03-10/index.html');
    expect(searchable).not.toContain('index.html');
    expect(searchable).not.toContain('archive.html');
    const members = await buildSample('--audience', 'members');
    expect(filesUnder(members).filter((f) => f.startsWith('pagefind/') || f === 'search.html')).toEqual([]);
  }, 60_000);

  it('is the only thing on the site that needs JavaScript: no other page has a script to run', () => {
    for (const file of filesUnder(out).filter((f) => f.endsWith('.html'))) {
      const scripts = selectAll('script', page(out, file)).filter((s) => s.properties.type !== 'application/ld+json');
      if (file === 'search.html') expect(scripts.map((s) => s.properties.src)).toEqual(['pagefind/pagefind-ui.js', 'search.js']);
      else expect(scripts, file).toEqual([]);
    }
    expect(readFileSync(join(out, 'search.html'), 'utf8')).toContain('Searching needs JavaScript');
  });

  it('says what to do when Pagefind’s program is missing, and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'boardpack-nosearch-')), 'out');
    process.env.PAGEFIND_BINARY_PATH = join(tmpdir(), 'no-such-pagefind');
    try {
      const result = await cli(['build', 'content', '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Cannot make the search index: Pagefind's program for");
      expect(result.stderr).toContain('build with --no-search to leave search out');
      expect(result.stderr).not.toContain('internal error');
      expect(() => statSync(out)).toThrow();
    } finally {
      delete process.env.PAGEFIND_BINARY_PATH;
    }
  });

  // Issue 31: Pagefind's program panicking (as a long locale once made it) ended the build with exit code 0 and nothing
  // written. A program that dies at once, and one that dies after the build has started feeding it, must each fail the
  // build with its step named, no stack trace, and the output folder as it was.
  for (const [when, script] of [
    ['at once', 'echo "thread main panicked" >&2\nexit 101\n'],
    ['while the pages are fed to it', 'sleep 2\necho "thread main panicked" >&2\nexit 101\n'],
  ]) {
    it(`a build whose search program dies ${when} fails, says so, and leaves the output folder as it was`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'boardpack-panic-'));
      const program = join(dir, 'pagefind');
      writeFileSync(program, `#!/bin/sh\n${script}`, { mode: 0o755 });
      const out = join(dir, 'out');
      const boardpack = (...args: string[]) =>
        spawnSync(process.execPath, [join(process.cwd(), 'bin/boardpack'), ...args], { env: { ...process.env, PAGEFIND_BINARY_PATH: program }, encoding: 'utf8', timeout: 120_000 });
      expect(boardpack('build', 'content', '--no-search', '--out', out).status).toBe(0);
      const before = readdirSync(out, { recursive: true }).map(String).sort();
      const run = spawnSync(process.execPath, [join(process.cwd(), 'bin/boardpack'), 'build', 'content', '--out', out], {
        env: { ...process.env, PAGEFIND_BINARY_PATH: program },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/Cannot (?:make the search index: Pagefind's program stopped|finish: the search index \(Pagefind's program\) stopped without an answer)/);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at .*:\d+:\d+\)?\n/);
      expect(run.stdout).not.toContain('Wrote');
      expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(before);
      // What the build staged is removed by its watchdog once the process has ended: a moment after it returns.
      for (const end = Date.now() + 10_000; readdirSync(dir).length > 2 && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100));
      expect(readdirSync(dir).sort()).toEqual(['out', 'pagefind']);
    }, 150_000);
  }
});
