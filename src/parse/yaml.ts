import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { Position } from '../model/types.js';
import type { Problems } from './problems.js';

/** YAML text parsed with its positions. `lineOffset` places it inside a larger file (frontmatter). */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  lineOffset: number;
  /** The plain data, made once; aliases are bounded, so a few lines cannot expand to billions of values. */
  data: unknown;
}

export function parseYaml(file: string, text: string, problems: Problems, lineOffset = 0): YamlSource | null {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch {
    problems.error('frontmatter', 'Broken YAML: it cannot be read (nested too deep?), expected a few levels of lists and mappings', {
      file,
      line: 1 + lineOffset,
      column: 1,
    });
    return null;
  }
  const source: YamlSource = { file, doc, lineCounter, lineOffset, data: undefined };
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const message = /call stack/i.test(first) ? 'lists or mappings nested too deep, expected a few levels' : first;
    problems.error('frontmatter', `Broken YAML: ${message}`, {
      file,
      line: pos.line + lineOffset,
      column: pos.col,
    });
  }
  if (doc.errors.length) return null;
  try {
    source.data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    problems.error('frontmatter', `Unexpected YAML aliases that expand too far, expected at most ${MAX_ALIASES} uses of an anchor (&name)`, {
      file,
      line: 1 + lineOffset,
      column: 1,
    });
    return null;
  }
  return source;
}

const MAX_ALIASES = 100;

function offsetPosition(src: YamlSource, offset: number): Position {
  const pos = src.lineCounter.linePos(offset);
  return { file: src.file, line: pos.line + src.lineOffset, column: pos.col };
}

/** The position of the value at a path, or of the nearest ancestor that exists. */
export function yamlPosition(src: YamlSource, path: readonly PropertyKey[]): Position {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return offsetPosition(src, node.range[0]);
  }
  return { file: src.file, line: 1 + src.lineOffset, column: 1 };
}

/** Where each key's value is written in the map at `path` (the top level by default), for messages about a field. */
export function fieldPositions(src: YamlSource, path: readonly PropertyKey[] = []): Record<string, Position> {
  const fields: Record<string, Position> = {};
  const map = path.length ? src.doc.getIn(path as unknown[], true) : src.doc.contents;
  if (isMap(map)) {
    for (const pair of map.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const node = (pair.value as Node | null) ?? pair.key;
      const range = node && 'range' in node ? node.range : null;
      if (range) fields[String(pair.key.value)] = offsetPosition(src, range[0]);
    }
  }
  return fields;
}

/** The position of a key (not its value) in the map at `path`. */
function keyPosition(src: YamlSource, path: readonly PropertyKey[], key: string): Position {
  const map = path.length ? src.doc.getIn(path as unknown[], true) : src.doc.contents;
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
        return offsetPosition(src, pair.key.range[0]);
      }
    }
  }
  return yamlPosition(src, path);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text "${value.length > 40 ? value.slice(0, 37) + '...' : value}"`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  for (const key of path) {
    s = unwrap(s);
    const def = (s as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object') s = def.shape?.[String(key)];
    else if (def?.type === 'array') s = def.element;
    else return [];
  }
  s = unwrap(s);
  const def = (s as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(s: unknown): unknown {
  for (;;) {
    const def = (s as { def?: { type?: string; innerType?: unknown; in?: unknown } })?.def;
    if (!def) return s;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault')
      s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return s;
  }
}

function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('');
}

function deleteAt(data: unknown, path: readonly PropertyKey[], key: string): void {
  const parent = valueAt(data, path);
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[key];
}

/**
 * Validate data against a schema, reporting each problem at its place in the
 * YAML. Unknown keys are warnings, or errors where a misspelt key could hide
 * something that matters (a paper's `exmept:`), with the nearest known key
 * suggested, and are dropped; anything else is an error. Returns the parsed value, or null
 * when the data cannot be used.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  src: YamlSource,
  problems: Problems,
  what: string,
  unknownKeys: 'warn' | 'error' = 'warn',
): z.output<S> | null {
  let value: unknown = structuredClone(data ?? {});
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    let fatal = false;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        if (attempt === 0) {
          const known = knownKeys(schema, issue.path);
          for (const key of issue.keys) {
            const near = known.length ? closest(key, known) : null;
            const hint =
              near && distance(key, near) <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean "${near}"?` : '';
            problems.add(
              'frontmatter',
              unknownKeys === 'error' ? 'error' : 'warning',
              `Unexpected key "${key}" in ${what}${issue.path.length ? ` at ${pathLabel(issue.path)}` : ''}${hint}`,
              keyPosition(src, issue.path, key),
            );
            deleteAt(value, issue.path, key);
          }
        }
        continue;
      }
      fatal = true;
      const found = valueAt(value, issue.path);
      const key = pathLabel(issue.path) || what;
      const expected = issue.message.replace(/^Invalid (?:input|option): /, '').replace(/, received .*$/, '');
      const message =
        found === undefined
          ? `Missing "${key}" in ${what}: ${expected}`
          : `Unexpected ${describe(found)} for "${key}" in ${what}, ${expected}`;
      problems.error('frontmatter', message, yamlPosition(src, issue.path));
    }
    if (fatal) return null;
    value = structuredClone(value);
  }
  return null;
}
