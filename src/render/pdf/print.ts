import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';

let printed = 0;

interface Tab {
  page: Page;
  /** The one page this tab may load now; any other navigation (a refresh, a redirect) is blocked. */
  expected: string | null;
  /** Told of each request blocked while the tab prints its current page. */
  onBlocked: (url: string) => void;
}

/**
 * Prints HTML documents to PDF in a few tabs of one browser, each tab used
 * for one print after another, and at most `tabs` prints at once. Pages are
 * printed from `allowed` (a private folder, where the build puts what a page
 * may load) and may load only files inside it: every other request, to the
 * network or elsewhere on disk, is blocked. The browser may still be
 * starting: pages are rendered meanwhile, and printed once it is up.
 */
export class Printer {
  private readonly free: Tab[] = [];
  private readonly waiting: { resolve: (tab: Tab) => void; reject: (error: unknown) => void }[] = [];
  private opened = 0;

  constructor(
    private readonly browser: Browser | PromiseLike<Browser>,
    readonly allowed: string,
    private readonly tabs = 1,
  ) {}

  /**
   * Print one document. It is printed from `relDir` inside the allowed
   * folder, where its output will stand, so that relative links resolve as
   * they will in the output. With `outline`, the PDF has bookmarks made from
   * the document's headings.
   */
  async print(html: string, relDir = '.', onBlocked: (url: string) => void = () => {}, outline = false): Promise<Uint8Array> {
    const dir = join(this.allowed, relDir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `.print-${process.pid}-${++printed}.html`);
    writeFileSync(file, html);
    try {
      const tab = await this.take();
      try {
        tab.onBlocked = onBlocked;
        tab.expected = pathToFileURL(file).href;
        await tab.page.goto(tab.expected, { waitUntil: 'load' });
        // Print only once every font is ready, or a busy machine prints in a fallback font.
        await tab.page.evaluate(async () => {
          await document.fonts.ready;
        });
        const pdf = await tab.page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline });
        this.give(tab);
        return pdf;
      } catch (error) {
        // A tab that failed is not trusted with another page.
        this.drop(tab);
        throw error;
      }
    } finally {
      rmSync(file, { force: true });
    }
  }

  /** Close the tabs; the browser stays open. A tab that will not close goes with the browser. */
  async close(): Promise<void> {
    const tabs = this.free.splice(0);
    this.opened -= tabs.length;
    await Promise.all(tabs.map((tab) => tab.page.close().catch(() => {})));
  }

  private async take(): Promise<Tab> {
    const tab = this.free.pop();
    if (tab) return tab;
    if (this.opened < this.tabs) return this.open();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private give(tab: Tab): void {
    const next = this.waiting.shift();
    if (next) next.resolve(tab);
    else this.free.push(tab);
  }

  private drop(tab: Tab): void {
    void tab.page.close().catch(() => {});
    this.gone();
  }

  /** A tab closed or never opened: a print waiting for one opens its own. */
  private gone(): void {
    this.opened--;
    const next = this.waiting.shift();
    if (next) this.open().then(next.resolve, next.reject);
  }

  private async open(): Promise<Tab> {
    this.opened++;
    try {
      const page = await (await this.browser).newPage();
      const tab: Tab = { page, expected: null, onBlocked: () => {} };
      // Nothing on a page runs: no script, so no WebSocket, worker or fetch that request interception would not see.
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = request.url();
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
          if (url === tab.expected) {
            tab.expected = null;
            return void request.continue();
          }
          tab.onBlocked(url);
          return void request.abort('blockedbyclient');
        }
        if (url.startsWith('data:')) return void request.continue();
        if (url.startsWith('file:') && fileURLToPath(url).startsWith(this.allowed + sep)) return void request.continue();
        tab.onBlocked(url);
        void request.abort('blockedbyclient');
      });
      return tab;
    } catch (error) {
      this.gone();
      throw error;
    }
  }
}
