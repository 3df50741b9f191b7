import { createHash } from 'node:crypto';
import type { Problem } from '../model/types.js';

/** What a YAML file's text gave the model, and the problems reading it found. */
export interface YamlEntry {
  hash: string;
  value: unknown;
  problems: Problem[];
}

/**
 * What YAML files (members' files, an executive's forward plan and decisions) gave the model, one entry a
 * file, for a reader that reads the same files again and again: `lint --cache` keeps it between runs,
 * `serve` between saves. An entry serves only the very text it was made from. Entries are copies both
 * ways, as the model put together from them is added to.
 */
export class YamlMemo {
  readonly entries: Map<string, YamlEntry>;
  /** Whether a read added to it or changed it. */
  changed = false;

  constructor(entries: Iterable<[string, YamlEntry]> = []) {
    this.entries = new Map(entries);
  }

  private static hash(text: string): string {
    return createHash('sha256').update(text).digest('hex').slice(0, 32);
  }

  get<T>(rel: string, text: string): { value: T; problems: Problem[] } | null {
    const entry = this.entries.get(rel);
    if (!entry || entry.hash !== YamlMemo.hash(text)) return null;
    return structuredClone({ value: entry.value as T, problems: entry.problems });
  }

  set(rel: string, text: string, value: unknown, problems: Problem[]): void {
    this.entries.set(rel, structuredClone({ hash: YamlMemo.hash(text), value, problems }));
    this.changed = true;
  }
}
