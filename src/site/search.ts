import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import type * as Pagefind from 'pagefind';
import { BoardpackError } from '../errors.js';
import { stepUnderWay } from '../timing.js';

const require = createRequire(import.meta.url);

/*
 * The site's full-text search: an index built with Pagefind as the pages are
 * written, served as static files beside them (`pagefind/`), searched in the
 * reader's browser with no server. Only the public build has one, and it is
 * fed the public build's pages alone: exempt text cannot reach it.
 * The pages that are indexed mark their content with data-pagefind-body
 * (packs, minutes, meeting pages, plans and registers); lists of meetings are not.
 */

/** The folder the index goes in, and the one script the search page adds of its own. */
export const SEARCH_FOLDER = 'pagefind';
export const SEARCH_SCRIPT = 'search.js';

/** Starts Pagefind's UI on the search page; a file of its own, so that the page holds no inline script. */
export const SEARCH_SCRIPT_TEXT = `// boardpack: the search page's box, from Pagefind's UI. Results link to the paper at its place.
window.addEventListener('DOMContentLoaded', function () {
  document.getElementById('search-needs-script').hidden = true;
  new PagefindUI({ element: '#search', showSubResults: true, showImages: false, resetStyles: false });
  // Pagefind's box has a placeholder for a label; screen readers need a name of its own.
  var input = document.querySelector('#search input');
  if (input) input.setAttribute('aria-label', 'Search the papers');
});
`;

/**
 * Whether Pagefind's program is here: its own variable names one, or its
 * platform package (an optional dependency, one per platform) holds it.
 */
function pagefindInstalled(): boolean {
  const given = process.env.PAGEFIND_BINARY_PATH ?? process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  if (given) return existsSync(given);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return ['pagefind', 'pagefind_extended'].some((name) => {
    try {
      require.resolve(`@pagefind/${platform}-${arch()}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
      return true;
    } catch {
      return false;
    }
  });
}

/** Pagefind's program ended or failed mid-way: said as the step that failed, with the way round it. */
function stopped(err: unknown): BoardpackError {
  const reason = (err as Error)?.message ?? String(err);
  return new BoardpackError(`Cannot make the search index: Pagefind's program stopped (${reason}). Build with --no-search to leave search out`);
}

/**
 * Pagefind's Node API prints the error (with its stack) when its program
 * dies, then rejects what was waiting with "Pagefind backend closed"; the
 * build says that once, as its own message, so the print is left out.
 */
let quieted = false;
function quietPagefind(): void {
  if (quieted) return;
  quieted = true;
  const error = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args[0] === 'Service stopped') return;
    error(...args);
  };
}

/** How many indexes are open in this process: Pagefind's service is one, shared, and stopped when the last closes. */
let openIndexes = 0;

export class SearchIndex {
  private index: Promise<Pagefind.PagefindIndex> | null = null;
  private pending: Promise<string[]>[] = [];
  /** Ends the note that the build waits on Pagefind's program, which can die without answering. */
  private waiting: (() => void) | null = null;

  /** The one index of this build, started by the first page. */
  private open(): Promise<Pagefind.PagefindIndex> {
    this.index ??= (async () => {
      if (!pagefindInstalled()) {
        const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${arch()}`;
        throw new BoardpackError(
          `Cannot make the search index: Pagefind's program for ${platform} is not installed (npm installs it with boardpack, as @pagefind/${platform}, where Pagefind has one). Install boardpack again, or build with --no-search to leave search out`,
        );
      }
      openIndexes++;
      this.waiting = stepUnderWay("the search index (Pagefind's program)");
      quietPagefind();
      let made;
      try {
        made = await (await import('pagefind')).createIndex({ keepIndexUrl: true });
      } catch (err) {
        throw stopped(err);
      }
      if (!made.index) throw new BoardpackError(`Cannot make the search index: ${made.errors.join('; ')}. Build with --no-search to leave search out`);
      return made.index;
    })();
    return this.index;
  }

  /** Index one page, by its path in the output folder. What goes wrong is told by `files`. */
  add(file: string, html: string): void {
    this.pending.push(
      this.open().then(
        (index) => index.addHTMLFile({ url: `/${file}`, content: html }).then((r) => r.errors),
        (err: Error) => [err.message],
      ),
    );
  }

  /**
   * Index the site's pages in the order of their paths, reading each when its turn comes: Pagefind's index
   * depends on the order pages are added, so a whole build and the merge of a sharded one (which see the same
   * pages in different orders) add them in this one order and make the same index. A few hundred at a
   * time are in flight, so that memory holds those pages, not the site.
   */
  async addPages(files: readonly string[], read: (file: string) => string): Promise<void> {
    const pages = files.filter((f) => f.endsWith('.html') && !f.startsWith(`${SEARCH_FOLDER}/`)).sort();
    const BATCH = 256;
    for (let i = 0; i < pages.length; i += BATCH) {
      const batch = pages.slice(i, i + BATCH);
      for (const file of batch) this.add(file, read(file));
      await Promise.all(this.pending.slice(-batch.length));
    }
  }

  /** The index's files, by their paths in the output folder. */
  async files(): Promise<{ path: string; content: Uint8Array }[]> {
    const index = await this.open();
    const errors = (await Promise.all(this.pending)).flat();
    if (errors.length) throw new BoardpackError(`Cannot make the search index: ${errors.join('; ')}. Build with --no-search to leave search out`);
    const written = await index.getFiles().catch((err: unknown) => {
      throw stopped(err);
    });
    if (written.errors.length) throw new BoardpackError(`Cannot write the search index: ${written.errors.join('; ')}. Build with --no-search to leave search out`);
    this.waiting?.();
    return written.files.filter((f) => !f.path.includes('playground')).map((f) => ({ path: `${SEARCH_FOLDER}/${f.path}`, content: f.content }));
  }

  /** Let the index go, and Pagefind's service with the last one. */
  async close(): Promise<void> {
    this.waiting?.();
    if (!this.index) return;
    const index = await this.index.catch(() => null);
    this.index = null;
    if (!index) return;
    await Promise.all(this.pending);
    await index.deleteIndex();
    if (--openIndexes === 0) await (await import('pagefind')).close();
  }
}
