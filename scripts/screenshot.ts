/**
 * Takes the README's screenshot of the sample council's agenda pack in
 * headless Chromium (run: npm run build && npx tsx scripts/screenshot.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { parseContent } from '../src/index.js';
import { renderSite, writeOutputs } from '../src/render/html/build.js';
import { chromiumArgs, findChromium } from '../src/render/chromium.js';

const root = resolve('content');
const out = mkdtempSync(join(tmpdir(), 'boardpack-shot-'));
const { model } = parseContent(root);
const { outputs } = await renderSite(root, model, { audience: 'public', asOf: '2026-11-22' });
writeOutputs(out, outputs);

const browser = await puppeteer.launch({ executablePath: findChromium(), args: chromiumArgs(mkdtempSync(join(tmpdir(), 'boardpack-chromium-'))) });
const page = await browser.newPage();
await page.setViewport({ width: 1000, height: 1400, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(join(out, 'resources-scrutiny-panel/2026-03-10/agenda-pack.html')).href);
await page.screenshot({ path: 'docs/screenshot-agenda-pack.png' });
await page.goto(pathToFileURL(join(out, 'plans/corporate-improvement-plan.html')).href + '#strand-3');
await page.screenshot({ path: 'docs/screenshot-plan.png' });
await browser.close();
console.log('wrote docs/screenshot-agenda-pack.png and docs/screenshot-plan.png');
