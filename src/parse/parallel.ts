import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../model/types.js';
import { parseContent } from './content.js';
import { contentEntries } from './files.js';
import { stepDone } from '../timing.js';
import { packPrepared, prepareFile, roleOf, unpackPrepared, type Prepared, type Role } from './prepare.js';

/** Below this many Markdown files, starting threads and copying their results back costs more than it saves (measured: bench/README.md). */
const THRESHOLD = 2000;

/** Every Markdown file the reader will read, with its role. */
export function markdownFiles(root: string): { rel: string; role: Role }[] {
  return contentEntries(root).files.flatMap((rel) => {
    const role = rel.endsWith('.md') ? roleOf(rel) : null;
    return role ? [{ rel, role }] : [];
  });
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
  const files = markdownFiles(root);
  if (!useThreads(files.length, workers)) return parseContent(root);
  const prepared = await parseOnThreads(root, files, workers);
  for (const p of prepared.values()) unpackPrepared(p);
  return parseContent(root, prepared);
}

const WORKER = new URL('./worker.js', import.meta.url);

/**
 * Whether to parse this many Markdown files on worker threads: when there
 * are enough to gain from it (BOARDPACK_WORKERS, when set, is obeyed whatever
 * the number), more than one thread, and a compiled worker (the test runner
 * runs the TypeScript sources, which have none).
 */
function useThreads(fileCount: number, workers: number): boolean {
  const worth = fileCount >= THRESHOLD || process.env.BOARDPACK_WORKERS !== undefined;
  return worth && workers >= 2 && existsSync(fileURLToPath(WORKER));
}

/**
 * Read and parse the given Markdown files, on worker threads when there are
 * enough to gain from it, and return them packed (`packPrepared`), as they
 * are kept in a cache; unpack each before use.
 */
export async function prepareFilesPacked(root: string, files: { rel: string; role: Role }[], workers = workerCount()): Promise<Map<string, Prepared>> {
  if (useThreads(files.length, workers)) return parseOnThreads(root, files, workers);
  return new Map(files.map((f) => [f.rel, packPrepared(prepareFile(root, f.rel, f.role))]));
}

/** Files handed to a thread at a time: small enough to even out the threads' loads, large enough that messages cost little. */
const BATCH = 40;

/**
 * Parse files on `threads` worker threads from one shared queue (a pool used
 * once): each takes a batch and comes back for the next, so none sits idle
 * while another still has a long share (minutes and reports take longer
 * than agendas). This thread only hands out work and keeps the results,
 * packed: parsing here too was slower, as every collection of this thread's
 * heap, which grows with the results, is paid for again and again.
 */
async function parseOnThreads(root: string, files: { rel: string; role: Role }[], threads: number): Promise<Map<string, Prepared>> {
  const pool = new ParsePool(root, threads);
  try {
    return await pool.prepare(files);
  } finally {
    pool.close();
  }
}

interface Job {
  files: { rel: string; role: Role }[];
  next: number;
  pending: number;
  results: Map<string, Prepared>;
  resolve: (results: Map<string, Prepared>) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads kept for a whole build, parsing one part of the content
 * after another: a part can be asked for while the one before is still being
 * checked and rendered. Results come back packed (`packPrepared`).
 */
export class ParsePool {
  private readonly jobs: Job[] = [];
  private readonly workers: { worker: Worker; inHand: Job[] }[] = [];
  private failed: Error | null = null;

  /** A pool for this many Markdown files, or null when parsing them on this thread is better (`useThreads`). */
  static start(root: string, fileCount: number, threads = workerCount()): ParsePool | null {
    return useThreads(fileCount, threads) ? new ParsePool(root, threads) : null;
  }

  constructor(root: string, threads: number) {
    stepDone(`worker threads started: ${threads}`);
    for (let i = 0; i < threads; i++) {
      const slot = { worker: new Worker(WORKER, { workerData: { root } }), inHand: [] as Job[] };
      slot.worker.on('message', (batch: Prepared[]) => {
        const job = slot.inHand.shift()!;
        for (const p of batch) job.results.set(p.rel, p);
        job.pending -= batch.length;
        if (job.pending === 0) job.resolve(job.results);
        this.feed(slot);
      });
      slot.worker.once('error', (error) => {
        this.failed = error;
        for (const job of [...this.jobs, ...slot.inHand]) job.reject(error);
      });
      this.workers.push(slot);
    }
  }

  /** Parse these files; resolves with all of them, packed. */
  prepare(files: { rel: string; role: Role }[]): Promise<Map<string, Prepared>> {
    if (this.failed) return Promise.reject(this.failed);
    if (files.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      this.jobs.push({ files, next: 0, pending: files.length, results: new Map(), resolve, reject });
      // Two batches in hand each, so a worker never waits for this thread to take its answer in.
      for (const slot of this.workers) while (slot.inHand.length < 2 && this.feed(slot));
    });
  }

  private feed(slot: { worker: Worker; inHand: Job[] }): boolean {
    const job = this.jobs[0];
    if (!job) return false;
    const batch = job.files.slice(job.next, job.next + BATCH);
    job.next += batch.length;
    if (job.next >= job.files.length) this.jobs.shift();
    slot.inHand.push(job);
    slot.worker.postMessage(batch);
    return true;
  }

  close(): void {
    for (const { worker } of this.workers) worker.postMessage(null);
  }
}
