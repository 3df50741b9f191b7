import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../model/types.js';
import { parseContent } from './content.js';
import { packPrepared, prepareFile, roleOf, unpackPrepared, type Prepared, type Role } from './prepare.js';

/** Below this many Markdown files, starting threads and copying their results back costs more than it saves (measured: bench/README.md). */
const THRESHOLD = 2000;

/** Every Markdown file the reader will read, with its role. */
export function markdownFiles(root: string): { rel: string; role: Role }[] {
  const found: { rel: string; role: Role }[] = [];
  const walk = (rel: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return; // the reader reports unreadable folders itself
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && depth < 3) walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.md')) {
        const role = roleOf(path);
        if (role) found.push({ rel: path, role });
      }
    }
  };
  for (const top of ['committees', 'plans', 'registers']) walk(top, 0);
  return found;
}

/** How many threads to parse on: BOARDPACK_WORKERS, or one a core. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.BOARDPACK_WORKERS;
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : availableParallelism();
}

/**
 * Read a content folder as `parseContent` does, parsing the Markdown on
 * worker threads when the folder is large enough to gain from it. The model
 * and problems are the same either way.
 */
export async function parseContentParallel(root: string, workers = workerCount()): Promise<ParseResult> {
  if (!canUseThreads(workers)) return parseContent(root);
  const files = markdownFiles(root);
  // BOARDPACK_WORKERS, when set, is obeyed whatever the size.
  if (files.length < THRESHOLD && process.env.BOARDPACK_WORKERS === undefined) return parseContent(root);
  const prepared = await parseOnThreads(root, files, workers);
  for (const p of prepared.values()) unpackPrepared(p);
  return parseContent(root, prepared);
}

const WORKER = new URL('./worker.js', import.meta.url);

/** From the TypeScript sources (the test runner) there is no compiled worker: parse on this thread. */
function canUseThreads(workers: number): boolean {
  return workers >= 2 && existsSync(fileURLToPath(WORKER));
}

/**
 * Read and parse the given Markdown files, on worker threads when there are
 * enough to gain from it, and return them packed (`packPrepared`), as they
 * are kept in a cache; unpack each before use.
 */
export async function prepareFilesPacked(root: string, files: { rel: string; role: Role }[], workers = workerCount()): Promise<Map<string, Prepared>> {
  const threads = canUseThreads(workers) && (files.length >= THRESHOLD || process.env.BOARDPACK_WORKERS !== undefined);
  if (threads) return parseOnThreads(root, files, workers);
  return new Map(files.map((f) => [f.rel, packPrepared(prepareFile(root, f.rel, f.role))]));
}

/** Files handed to a thread at a time: small enough to even out the threads' loads, large enough that messages cost little. */
const BATCH = 40;

/**
 * Parse files on `threads` worker threads from one shared queue: each takes a
 * batch and comes back for the next, so none sits idle while another still
 * has a long share (minutes and reports take longer than agendas). This
 * thread only hands out work and keeps the results, packed: parsing here too was
 * slower, as every collection of this thread's heap, which grows with the
 * results, is paid for again and again.
 */
async function parseOnThreads(root: string, files: { rel: string; role: Role }[], threads: number): Promise<Map<string, Prepared>> {
  const prepared = new Map<string, Prepared>();
  let next = 0;
  const take = () => {
    if (next >= files.length) return null;
    next += BATCH;
    return files.slice(next - BATCH, next);
  };
  const helpers = Array.from(
    { length: threads },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(WORKER, { workerData: { root } });
        // Two batches in hand, so a worker never waits for this thread to take its answer in.
        let inHand = 0;
        const feed = () => {
          const batch = take();
          if (batch) {
            worker.postMessage(batch);
            inHand++;
          } else if (inHand === 0) {
            worker.postMessage(null);
            resolve();
          }
        };
        worker.on('message', (batch: Prepared[]) => {
          inHand--;
          for (const p of batch) prepared.set(p.rel, p);
          feed();
        });
        worker.once('error', reject);
        feed();
        feed();
      }),
  );
  await Promise.all(helpers);
  return prepared;
}
