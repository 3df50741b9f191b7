import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import type { ParseResult } from '../model/types.js';
import { parseContent } from './content.js';
import { exists } from './files.js';
import { markdownFiles } from './parallel.js';
import { linkTargets, prepareFile, type Prepared } from './prepare.js';
import type { YamlMemo } from './yaml-memo.js';

export interface Entry {
  hash: string;
  prepared: Prepared;
  /** Files whose existence the result depends on (an agenda's links), with what was found. */
  deps: [string, boolean][];
  /** The file's Markdown tree, kept for the renderers (never changed by them, so never copied). */
  tree?: Root;
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
 * parsed for every Markdown file whose content (hashed) has not changed,
 * and, given a `yaml` memo, what every unchanged YAML file gave the model;
 * `serve` keeps the entries and the memo between saves. Returns the entries for next
 * time. The objects kept are copies, because putting the model together adds to them.
 */
export function parseContentWith(root: string, entries: CacheEntries, yaml?: YamlMemo): { result: ParseResult; stats: CacheStats; entries: CacheEntries } {
  const stats: CacheStats = { parsed: [], reused: 0 };
  const ready = new Map<string, Prepared>();
  const kept: CacheEntries = new Map();
  const trees = new Map<string, Root>();
  for (const { rel, role } of markdownFiles(root)) {
    let text: Buffer;
    try {
      text = readFileSync(`${root}/${rel}`);
    } catch {
      continue; // the reader reports it
    }
    const hash = createHash('sha256').update(role).update('\0').update(text).digest('hex');
    let entry = entries.get(rel);
    if (entry && entry.hash === hash && entry.deps.every(([path, found]) => exists(root, path) === found)) stats.reused++;
    else {
      let tree: Root | undefined;
      const prepared = prepareFile(root, rel, role, (parsed) => (tree = parsed));
      entry = { hash, prepared, deps: linkTargets(prepared).map((path) => [path, exists(root, path)]), tree };
      stats.parsed.push(rel);
    }
    ready.set(rel, entry.prepared);
    const { tree, ...copied } = entry;
    kept.set(rel, { ...structuredClone(copied), tree });
    if (tree) trees.set(rel, tree);
  }
  return { result: parseContent(root, ready, undefined, { trees, yaml }), stats, entries: kept };
}
