import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { Printer } from '../../src/render/pdf/print.js';

/**
 * A stand-in for Chromium that "prints" a page as its own HTML, and fails on
 * a page that says FAIL, to show how the printer shares and replaces its tabs.
 */
function fakeBrowser() {
  const log: string[] = [];
  let tabs = 0;
  const browser = {
    async newPage() {
      const tab = ++tabs;
      log.push(`open ${tab}`);
      let html = '';
      return {
        async setRequestInterception() {},
        async setJavaScriptEnabled() {},
        on() {},
        async goto(url: string) {
          html = readFileSync(fileURLToPath(url), 'utf8');
          await new Promise((done) => setTimeout(done, 5));
          if (html.includes('FAIL')) throw new Error('the page crashed');
        },
        async evaluate() {},
        async pdf() {
          log.push(`print ${html} in ${tab}`);
          return new TextEncoder().encode(html);
        },
        async close() {
          log.push(`close ${tab}`);
        },
      };
    },
  };
  return { browser: browser as unknown as Browser, log };
}

const allowed = () => mkdtempSync(join(tmpdir(), 'boardpack-printer-'));
const text = (pdf: Uint8Array) => new TextDecoder().decode(pdf);

describe('the printer', () => {
  it('uses each tab for one print after another, never more tabs than it is given', async () => {
    const { browser, log } = fakeBrowser();
    const printer = new Printer(browser, allowed(), 2);
    const pdfs = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((page) => printer.print(page)));
    expect(pdfs.map(text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(log.filter((l) => l.startsWith('open'))).toEqual(['open 1', 'open 2']);
    await printer.close();
    expect(log.filter((l) => l.startsWith('close')).sort()).toEqual(['close 1', 'close 2']);
  });

  it('drops a tab whose print failed, and the next print waiting opens a new one', async () => {
    const { browser, log } = fakeBrowser();
    const printer = new Printer(browser, allowed(), 1);
    const results = await Promise.allSettled(['first', 'FAIL', 'third'].map((page) => printer.print(page)));
    expect(results.map((r) => (r.status === 'fulfilled' ? text(r.value) : (r.reason as Error).message))).toEqual(['first', 'the page crashed', 'third']);
    expect(log).toEqual(['open 1', 'print first in 1', 'close 1', 'open 2', 'print third in 2']);
  });

  it('fails every print, none left waiting, when the browser never starts', async () => {
    const printer = new Printer(Promise.reject(new Error('Chromium could not be started')), allowed(), 2);
    const results = await Promise.allSettled(['a', 'b', 'c', 'd'].map((page) => printer.print(page)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    for (const r of results) expect((r as PromiseRejectedResult).reason.message).toBe('Chromium could not be started');
  });
});
