import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParseResult, Problem } from '../model/types.js';
import { CONFIG_FILE, configStoppers } from '../config/config.js';
import { knownHolidays, rememberHolidays } from '../dates/calendar.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { parseContent } from '../parse/content.js';
import { contentEntries, exists } from '../parse/files.js';
import { prepareFilesPacked } from '../parse/parallel.js';
import { linkTargets, packPrepared, prepareFile, roleOf, unpackPrepared, type Prepared, type Role } from '../parse/prepare.js';
import { sortProblems } from '../parse/problems.js';
import { YamlMemo, type YamlEntry } from '../parse/yaml-memo.js';
import { lint, ruleSettings, type LintOptions } from './lint.js';
import { committeeOf, COUNCIL_RULES, councilFindings, partAttendance, type ParsedSource } from './parts.js';
import { attendanceIn, type Attended } from './attendance.js';
import type { Finding, Rule } from './rule.js';
import { RULES } from './rules/index.js';

/**
 * `lint --cache`: a content-hashed cache, as ESLint's, kept in a folder.
 *
 * The content folder is split into parts: each committee's folder, and the
 * shared part (boardpack.yml, members' files, plans, registers). Every rule's findings in a
 * committee's files depend only on that committee's files and the shared
 * part, and its findings in the shared part on the shared part alone (a test
 * holds every rule to this: tests/lint/cache.test.ts). So when one paper
 * changes, only its committee is read and checked again; every other part's
 * findings, and the parsed files of every other committee, come from the
 * cache untouched. Any change to the shared part, the settings, the date or
 * boardpack itself checks everything again.
 */

/** Bump when what is kept changes shape, so that old caches are ignored. */
const CACHE_VERSION = 5;

interface FileRecord {
  hash: string;
  /** When the file was last seen: unchanged size and time mean unchanged content, as ESLint's cache takes it. */
  mtimeMs: number;
  size: number;
  /** Files whose existence the parse depends on (an agenda's links), with what was found. */
  deps: [string, boolean][];
}

interface PartRecord {
  key: string;
  findings: Finding[];
  /** When boardpack.yml has errors that stop the check, its problems (kept with the shared part). */
  configErrors: Problem[];
  /** The rules that ran, after boardpack.yml and the command line (kept with the shared part). */
  enabled: string[];
  /** A committee's meetings held and who attended, for the council-wide rules. */
  attendance?: Attended[];
  /** The council-wide rules' findings (kept with the shared part), and the attendance of all they were worked out from. */
  council?: { key: string; findings: Finding[] };
}

interface Index {
  stamp: string;
  /** Bank holidays worked out by earlier runs (the stamp holds boardpack's version). */
  holidays: Record<string, string[]>;
  files: Record<string, FileRecord>;
  parts: Record<string, PartRecord>;
}

/** The index as stored: each file's record as a row, which is quicker to read and write back than an object each. */
type StoredIndex = Omit<Index, 'files'> & { files: [string, string, number, number, [string, boolean][]][] };

export interface CachedLint {
  findings: Finding[];
  rules: Rule[];
  configErrors: Problem[];
  /** The parts' files as the check read them, for a build to render from (read from the cache when asked for). */
  source: ParsedSource;
  stats: {
    /** Markdown files parsed again: new, changed, or with a linked file come or gone. */
    parsed: string[];
    /** Parts checked again: a committee's id, or `/shared` for boardpack.yml, plans and registers. */
    checked: string[];
  };
}

/** The shared part's name: no committee folder can be called this. */
const SHARED = '/shared';

/** Every file and folder the model is read from, relative to the root, and the committees. */
function contentParts(root: string): { files: string[]; folders: string[]; committees: Set<string> } {
  const { files, folders } = contentEntries(root);
  if (existsSync(join(root, CONFIG_FILE))) files.push(CONFIG_FILE);
  const committees = new Set(folders.filter((f) => /^committees\/[^/]+$/.test(f)).map((f) => f.slice('committees/'.length)));
  return { files: files.sort(), folders, committees };
}

/** The part a file (or a finding's file) belongs to: its committee's, or the shared one. */
const partOf = (file: string, committees: Set<string>): string => committeeOf(file, committees) ?? SHARED;

/** A content hash: 128 bits of SHA-256 are plenty to tell versions of a file apart. */
const sha = (...parts: (string | Buffer)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
};

function readIndex(dir: string, stamp: string): Index | null {
  try {
    const stored = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as StoredIndex;
    if (stored.stamp !== stamp) return null;
    const files: Record<string, FileRecord> = {};
    for (const [rel, hash, mtimeMs, size, deps] of stored.files) files[rel] = { hash, mtimeMs, size, deps };
    return { ...stored, files };
  } catch {
    return null;
  }
}

function writeIndex(dir: string, index: Index): void {
  const files = Object.entries(index.files).map(([rel, r]) => [rel, r.hash, r.mtimeMs, r.size, r.deps]);
  writeFileAtomic(join(dir, 'index.json'), JSON.stringify({ ...index, files }));
}

const blobFile = (dir: string, part: string) => join(dir, `${sha(part).slice(0, 16)}.bin`);

function readBlob(dir: string, part: string): Map<string, Prepared> | null {
  try {
    return new Map(deserialize(readFileSync(blobFile(dir, part))) as [string, Prepared][]);
  } catch {
    return null;
  }
}

/** What the YAML files gave the model last time (members' files, forward plans, decisions), one entry a file. */
const yamlFile = (dir: string) => join(dir, 'yaml.bin');

function readYamlMemo(dir: string): YamlMemo {
  try {
    return new YamlMemo(deserialize(readFileSync(yamlFile(dir))) as [string, YamlEntry][]);
  } catch {
    return new YamlMemo();
  }
}

/** Lint a content folder, reusing what the cache in `dir` holds for every part that has not changed. */
export async function lintCached(root: string, dir: string, options: LintOptions, version: string): Promise<CachedLint> {
  const settings = ruleSettings({}, options.rules); // an unknown rule stops here, before anything is read
  // The days files were first committed go into their parts' keys, not the stamp: a commit that adds a paper checks only its committee again.
  const { committed, ...stamped } = options;
  const stamp = sha(String(CACHE_VERSION), version, root, JSON.stringify({ ...stamped, rules: settings, fromGit: committed !== undefined }));
  // An older cache was one file: make way for the folder.
  if (existsSync(dir) && !statSync(dir).isDirectory()) rmSync(dir, { force: true });
  const index = readIndex(dir, stamp);
  if (index?.holidays) rememberHolidays(index.holidays);
  const yaml = index ? readYamlMemo(dir) : new YamlMemo();

  const { files, folders, committees } = contentParts(root);
  // Whether a linked file is there: from the walk for nearly all (a stat each was a tenth of a re-lint), asked of the disk otherwise.
  const present = new Set([...files, ...folders]);
  const isThere = (path: string) => present.has(path) || exists(root, path);
  const records: Record<string, FileRecord> = {};
  const changed: { rel: string; role: Role }[] = [];
  for (const rel of files) {
    const role = rel.endsWith('.md') ? roleOf(rel) : null;
    const before = index?.files[rel];
    let seen = { mtimeMs: -1, size: -1 };
    try {
      const stat = statSync(join(root, rel));
      seen = { mtimeMs: stat.mtimeMs, size: stat.size };
    } catch {
      // the reader reports it
    }
    let hash = before?.hash ?? '';
    if (!before || before.mtimeMs !== seen.mtimeMs || before.size !== seen.size) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(root, rel));
      } catch {
        bytes = Buffer.alloc(0);
      }
      hash = sha(role ?? '', bytes);
    }
    const same = before && before.hash === hash && before.deps.every(([path, found]) => isThere(path) === found);
    records[rel] = same ? { ...before, ...seen } : { hash, deps: [], ...seen };
    if (!same && role) changed.push({ rel, role });
  }

  // Each part's key: its files and folders with their content (and their links' targets), and the shared part's.
  const byPart = new Map<string, string[]>();
  for (const entry of [...files, ...folders]) {
    const part = partOf(entry, committees);
    const list = byPart.get(part);
    if (list) list.push(entry);
    else byPart.set(part, [entry]);
  }
  const partKeys = () => {
    const keyOf = (part: string) => {
      const lines = (byPart.get(part) ?? []).map((entry) => {
        const record = records[entry];
        return record
          ? `${entry}\t${record.hash}\t${record.deps.map(([path, found]) => `${path}:${found}`).join(',')}\t${committed?.get(entry) ?? ''}`
          : `${entry}\tfolder`;
      });
      return sha(stamp, lines.join('\n'));
    };
    const sharedKey = keyOf(SHARED);
    return new Map<string, string>([[SHARED, sharedKey], ...[...committees].map((c) => [c, sha(sharedKey, keyOf(c))] as [string, string])]);
  };
  const keys = partKeys();
  const stale = [...keys].filter(([part, key]) => index?.parts[part]?.key !== key).map(([part]) => part);

  const parts: Record<string, PartRecord> = {};
  for (const part of keys.keys()) if (!stale.includes(part)) parts[part] = index!.parts[part];
  const changedFiles = new Set(changed.map((f) => f.rel));
  const parsed = new Set<string>();
  mkdirSync(dir, { recursive: true });

  if (stale.includes(SHARED)) {
    // Everything again: parse what changed (on threads when there is much), check the whole, and split the findings by part.
    const old = new Map<string, Prepared>();
    for (const part of keys.keys()) for (const [rel, p] of readBlob(dir, part) ?? []) old.set(rel, p);
    const missing = files.filter((rel) => rel.endsWith('.md') && !changedFiles.has(rel) && !old.has(rel)).flatMap((rel) => {
      const role = roleOf(rel);
      return role ? [{ rel, role }] : [];
    });
    const fresh = await prepareFilesPacked(root, [...changed, ...missing]);
    for (const rel of fresh.keys()) parsed.add(rel);
    const all = new Map<string, Prepared>();
    for (const rel of files) {
      const p = fresh.get(rel) ?? old.get(rel);
      if (p) all.set(rel, p);
    }
    saveBlobs(dir, all, committees, keys.keys(), records, isThere);
    for (const p of all.values()) unpackPrepared(p);
    const whole = parseContent(root, all, undefined, { yaml });
    const result = checkPart(whole, options);
    const split = new Map<string, Finding[]>([...keys.keys()].map((part) => [part, []]));
    const council: Finding[] = [];
    for (const finding of result.findings) {
      if (COUNCIL_RULES.has(finding.ruleId ?? '')) council.push(finding);
      else split.get(partOf(finding.position.file, committees))!.push(finding);
    }
    const attended = attendanceIn(whole.model);
    for (const part of keys.keys()) {
      parts[part] = { key: '', findings: split.get(part)!, configErrors: part === SHARED ? result.configErrors : [], enabled: part === SHARED ? result.enabled : [] };
      if (part !== SHARED) parts[part].attendance = attended.filter((a) => a.committee === part);
    }
    parts[SHARED].council = { key: councilKey(stamp, parts), findings: council };
  } else {
    // Only the committees that changed: each read alone, with the shared part, and checked.
    const shared = readBlob(dir, SHARED) ?? new Map<string, Prepared>();
    for (const part of stale) {
      const kept = readBlob(dir, part) ?? new Map<string, Prepared>();
      const own = new Set(byPart.get(part));
      const mine = (rel: string) => own.has(rel);
      const prepared = new Map<string, Prepared>();
      for (const rel of [...own, ...(byPart.get(SHARED) ?? [])]) {
        // The part's and the shared Markdown files (its list holds folders too, which have no record).
        const role = records[rel] && rel.endsWith('.md') ? roleOf(rel) : null;
        if (!role) continue;
        let p = changedFiles.has(rel) ? undefined : (kept.get(rel) ?? shared.get(rel));
        if (!p) {
          p = packPrepared(prepareFile(root, rel, role));
          parsed.add(rel);
        }
        // The shared files are unpacked below, in place: check them from a copy, so the next part finds them packed.
        prepared.set(rel, mine(rel) ? p : structuredClone(p));
      }
      saveBlobs(dir, new Map([...prepared].filter(([rel]) => mine(rel))), committees, [part], records, isThere);
      for (const p of prepared.values()) unpackPrepared(p);
      const read = parseContent(root, prepared, new Set([part]), { yaml });
      const result = checkPart(read, { ...options, skip: COUNCIL_RULES }); // those run once, below, with every committee's attendance
      parts[part] = { key: '', findings: result.findings.filter((f) => mine(f.position.file)), configErrors: [], enabled: [], attendance: partAttendance(read, part) };
    }
    // The council-wide rules again, from the shared part, only when someone's attendance changed.
    const key = councilKey(stamp, parts);
    if (parts[SHARED].council?.key !== key) {
      const copy = new Map([...shared].map(([rel, p]) => [rel, unpackPrepared(structuredClone(p))]));
      parts[SHARED] = { ...parts[SHARED], council: { key, findings: councilFindings(parseContent(root, copy, new Set(), { yaml }), attendanceOf(parts), options) } };
    }
  }

  // The keys again, now that every agenda's links are known, as the next run will work them out.
  for (const [part, key] of partKeys()) parts[part].key = key;
  // The memo keeps an entry for each YAML file still there, written when a read changed it.
  const gone = [...yaml.entries.keys()].filter((rel) => !(rel in records));
  for (const rel of gone) yaml.entries.delete(rel);
  if (yaml.changed || gone.length) writeFileAtomic(yamlFile(dir), serialize([...yaml.entries]));
  writeIndex(dir, { stamp, holidays: knownHolidays(), files: records, parts });
  return {
    findings: sortProblems([...[...keys.keys()].flatMap((part) => parts[part].findings), ...(parts[SHARED].council?.findings ?? [])]),
    rules: RULES.filter((rule) => parts[SHARED].enabled.includes(rule.meta.id)),
    configErrors: parts[SHARED].configErrors,
    source: { prepared: (committee) => readBlob(dir, committee ?? SHARED), yaml },
    stats: { parsed: [...parsed].sort(), checked: stale },
  };
}

/** Every committee's attendance, in the order of the parts. */
const attendanceOf = (parts: Record<string, PartRecord>): Attended[] =>
  Object.keys(parts)
    .filter((part) => part !== SHARED)
    .sort()
    .flatMap((part) => parts[part].attendance ?? []);

/** What the council-wide findings depend on besides the shared part (whose change checks everything): every committee's attendance. */
const councilKey = (stamp: string, parts: Record<string, PartRecord>) => sha(stamp, JSON.stringify(attendanceOf(parts)));

function checkPart(parsed: ParseResult, options: LintOptions): { findings: Finding[]; configErrors: Problem[]; enabled: string[] } {
  const configErrors = configStoppers(parsed.problems);
  if (configErrors.length) return { findings: [], configErrors, enabled: [] };
  const result = lint(parsed, options);
  return { findings: result.findings, configErrors, enabled: result.rules.map((r) => r.meta.id) };
}

/** Keep each part's parsed files, packed, and each agenda's links' existence with its record. */
function saveBlobs(
  dir: string,
  prepared: Map<string, Prepared>,
  committees: Set<string>,
  parts: Iterable<string>,
  records: Record<string, FileRecord>,
  isThere: (path: string) => boolean,
): void {
  const wanted = new Set(parts);
  const byPart = new Map<string, [string, Prepared][]>([...wanted].map((part) => [part, []]));
  for (const [rel, p] of prepared) {
    const part = partOf(rel, committees);
    if (!wanted.has(part)) continue;
    byPart.get(part)!.push([rel, p]);
    records[rel] = { ...records[rel], deps: linkTargets(p).map((path) => [path, isThere(path)]) };
  }
  for (const [part, entries] of byPart) writeFileAtomic(blobFile(dir, part), serialize(entries));
}
