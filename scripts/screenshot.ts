/**
 * Takes the README's screenshots of the sample council's agenda pack, plan,
 * and a meeting's and a committee's page in headless Chromium
 * (run: npm run build && npx tsx scripts/screenshot.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildContent } from '../src/index.js';
import { chromiumArgs, findChromium } from '../src/render/chromium.js';

const root = resolve('content');
// The whole site with its PDFs, as a council publishes it, so that the meeting page lists them.
const out = join(mkdtempSync(join(tmpdir(), 'boardpack-shot-')), 'out');
await buildContent(root, { format: 'all', out, today: '2026-11-22' });

const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs(mkdtempSync(join(tmpdir(), 'boardpack-chromium-'))) });
const page = await browser.newPage();
await page.setViewport({ width: 1000, height: 1400, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.html')).href);
await page.screenshot({ path: 'docs/screenshot-agenda-pack.png' });
await page.goto(pathToFileURL(join(out, 'plans/corporate-improvement-plan.html')).href + '#strand-3');
await page.screenshot({ path: 'docs/screenshot-plan.png' });
await page.setViewport({ width: 1000, height: 1250, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(join(out, 'resources-scrutiny-panel/2026-03-10/index.html')).href);
await page.screenshot({ path: 'docs/screenshot-meeting.png' });
await page.goto(pathToFileURL(join(out, 'resources-scrutiny-panel/index.html')).href);
await page.screenshot({ path: 'docs/screenshot-committee.png' });
await browser.close();
console.log('wrote docs/screenshot-agenda-pack.png, docs/screenshot-plan.png, docs/screenshot-meeting.png and docs/screenshot-committee.png');
