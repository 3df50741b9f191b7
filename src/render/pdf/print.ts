import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';

/**
 * Print one HTML document to PDF in the given browser. The page may load only
 * files from `allowed` (the build's own output folder): every other request,
 * to the network or elsewhere on disk, is blocked.
 */
export async function printHtml(
  browser: Browser,
  html: string,
  allowed: string,
  onBlocked: (url: string) => void = () => {},
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(allowed, '.print-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  const page = await browser.newPage();
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
    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: false });
    return pdf;
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
