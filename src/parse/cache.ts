import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ParseResult } from '../model/types.js';
import { parseContent } from './content.js';
import { exists } from './files.js';
import { markdownFiles } from './parallel.js';
import { linkTargets, prepareFile, type Prepared } from './prepare.js';

export interface Entry {
  hash: string;
  prepared: Prepared;
  /** Files whose existence the result depends on (an agenda's links), with what was found. */
  deps: [string, boolean][];
}

export interface CacheStats {
  /** Files parsed again: new or changed. */
  parsed: string[];
  /** Files taken from the cache. */
  reused: number;
}

/** Parsed files kept in memory between rebuilds by `serve`. */
export type CacheEntries = Map<string, Entry>;

/**
 * Read a content folder like `parseContent`, reusing what a previous read
 * parsed for every Markdown file whose content (hashed) has not changed;
 * `serve` keeps the entries between saves. Returns the entries for next
 * time. The objects kept are copies, because putting the model together adds to them.
 */
export function parseContentWith(root: string, entries: CacheEntries): { result: ParseResult; stats: CacheStats; entries: CacheEntries } {
  const { result, stats, next } = parseWithEntries(root, entries);
  const kept: CacheEntries = new Map([...next].map(([rel, entry]) => [rel, structuredClone(entry)]));
  return { result: result(), stats, entries: kept };
}

function parseWithEntries(root: string, entries: CacheEntries) {
  const stats: CacheStats = { parsed: [], reused: 0 };
  const ready = new Map<string, Prepared>();
  const next = new Map<string, Entry>();
  for (const { rel, role } of markdownFiles(root)) {
    let text: Buffer;
    try {
      text = readFileSync(`${root}/${rel}`);
    } catch {
      continue; // the reader reports it
    }
    const hash = createHash('sha256').update(role).update('\0').update(text).digest('hex');
    const cached = entries.get(rel);
    if (cached && cached.hash === hash && cached.deps.every(([path, found]) => exists(root, path) === found)) {
      ready.set(rel, cached.prepared);
      next.set(rel, cached);
      stats.reused++;
      continue;
    }
    const prepared = prepareFile(root, rel, role);
    ready.set(rel, prepared);
    next.set(rel, { hash, prepared, deps: linkTargets(prepared).map((path) => [path, exists(root, path)]) });
    stats.parsed.push(rel);
  }
  return { stats, next, result: () => parseContent(root, ready) };
}
