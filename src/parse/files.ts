import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { at, type Problems } from './problems.js';

/** The entries of a folder, sorted, split into files and folders; [] with a problem if unreadable. */
export function listFolder(root: string, rel: string, problems: Problems): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  let names: string[];
  try {
    names = readdirSync(join(root, rel)).sort();
  } catch (err) {
    problems.error('read-error', `Cannot read folder: ${reason(err)}`, at(rel || '.'));
    return { files, folders };
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = rel ? `${rel}/${name}` : name;
    try {
      (statSync(join(root, path)).isDirectory() ? folders : files).push(name);
    } catch (err) {
      problems.error('read-error', `Cannot read ${name}: ${reason(err)}`, at(path));
    }
  }
  return { files, folders };
}

/** A file's text, or null with a problem naming the file when it cannot be read. */
export function readText(root: string, rel: string, problems: Problems): string | null {
  try {
    return readFileSync(join(root, rel), 'utf8');
  } catch (err) {
    problems.error('read-error', `Cannot read file: ${reason(err)}`, at(rel));
    return null;
  }
}

/**
 * Every file and folder under committees/, plans/ and registers/, relative
 * to the root with `/`, sorted; names starting with a dot left out, and
 * unreadable folders passed over (the reader reports them). Quicker than
 * `listFolder`: one call a folder, no stat a name.
 */
export function contentEntries(root: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        folders.push(path);
        walk(path);
      } else files.push(path);
    }
  };
  for (const top of ['committees', 'plans', 'registers']) walk(top);
  return { files: files.sort(), folders: folders.sort() };
}

export function exists(root: string, rel: string): boolean {
  try {
    statSync(join(root, rel));
    return true;
  } catch {
    return false;
  }
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder, expected a file';
  return (err as Error).message;
}
