import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../src/render/chromium.js';
import { buildSample } from './site.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// One page of each kind the sample produces, in both audiences where they differ.
const PAGES = [
  'index.html',
  'resources-scrutiny-panel/2026-01-13/agenda-pack.html',
  'resources-scrutiny-panel/2026-03-10/agenda-pack.html',
  'resources-scrutiny-panel/2026-03-10/agenda-pack.members.html',
  'resources-scrutiny-panel/2026-01-13/minutes.html',
  'cabinet/2026-04-14/agenda-pack.html',
  'cabinet/2026-04-14/minutes.html',
  'improvement-board/2026-10-22/minutes.html',
  'plans/corporate-improvement-plan.html',
  'registers/governance-review.html',
  'resources-scrutiny-panel/index.html',
  'resources-scrutiny-panel/2026-03-10/index.html',
  'resources-scrutiny-panel/2026-12-08/index.html',
  'archive.html',
  'archive-2025-26.html',
  'search.html',
  'cabinet/index.html',
  'cabinet/2026-06-23/index.html',
  'cabinet/forward-plan/index.html',
  'cabinet/forward-plan/2026-09-18.html',
  'cabinet/decisions/index.html',
  'cabinet/decisions/car-park-charges-2027.html',
  'cabinet/decisions/leisure-procurement.html',
  'members/index.html',
  'cabinet/notices/fp-2026-07.html',
  'members/rashid-karim.html',
  'members/register-of-interests.html',
  'resources-scrutiny-panel/2026-09-15/index.html',
];

let browser: Browser;
let out: string;
beforeAll(async () => {
  out = await buildSample();
  const members = await buildSample('--audience', 'members');
  const { cpSync } = await import('node:fs');
  cpSync(members, out, { recursive: true });
  browser = await puppeteer.launch({
    executablePath: findChromium(),
    args: chromiumArgs(mkdtempSync(join(tmpdir(), 'boardpack-chromium-'))),
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function violationsOf(url: string) {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  await page.close();
  return {
    violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    requests: requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:')),
  };
}

describe('accessibility, checked by axe-core in headless Chromium', () => {
  it('the checker finds violations where there are some', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'boardpack-bad-')), 'bad.html');
    (await import('node:fs')).writeFileSync(bad, '<html><body><img src="x.png"><a href="#"></a><table><tr><th>A</th></tr></table></body></html>');
    const { violations } = await violationsOf(pathToFileURL(bad).href);
    expect(violations.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt', 'link-name']));
  }, 30_000);

  for (const file of PAGES) {
    it(`${file} has no violations`, async () => {
      const { violations, requests } = await violationsOf(pathToFileURL(join(out, file)).href);
      expect(violations).toEqual([]);
      expect(requests).toEqual([]);
    }, 30_000);
  }

  it('each page has one h1 and no skipped heading levels', async () => {
    const page = await browser.newPage();
    for (const file of PAGES) {
      await page.goto(pathToFileURL(join(out, file)).href);
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels.filter((l) => l === 1), file).toHaveLength(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level - levels[i - 1], `${file}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(1);
      });
    }
    await page.close();
  }, 60_000);
});
