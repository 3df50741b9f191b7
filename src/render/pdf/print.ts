import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';

let printed = 0;

/**
 * Print one HTML document to PDF in the given browser. It is printed from
 * `relDir` inside `allowed`, where its output will stand, so that relative
 * links resolve as they will in the output. The page may load only
 * files from `allowed` (the build's own output folder): every other request,
 * to the network or elsewhere on disk, is blocked. The browser may still be
 * starting: the page is rendered meanwhile, and printed once it is up.
 */
export async function printHtml(
  browser: Browser | PromiseLike<Browser>,
  html: string,
  allowed: string,
  relDir = '.',
  onBlocked: (url: string) => void = () => {},
): Promise<Uint8Array> {
  const dir = join(allowed, relDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `.print-${process.pid}-${++printed}.html`);
  writeFileSync(file, html);
  const page = await (await browser).newPage();
  try {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:')) return void request.continue();
      if (url.startsWith('file:')) {
        const path = fileURLToPath(url);
        if (path === file || path.startsWith(allowed + sep)) return void request.continue();
      }
      onBlocked(url);
      void request.abort('blockedbyclient');
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Print only once every font is ready, or a busy machine prints in a fallback font.
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: false });
    return pdf;
  } finally {
    await page.close();
    rmSync(file, { force: true });
  }
}
