import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, sep } from 'node:path';
import { at, type Problems } from './problems.js';

/*
 * Every read of the content folder goes through this module, and each path is
 * checked by where it really leads (after symlinks): nothing outside the
 * content folder is ever read or published, whatever a symlink says.
 */

/** Where a path in the content folder leads, once symlinks are followed. */
export type Place = 'inside' | 'outside' | 'missing';

const realRoots = new Map<string, string>();
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    real = realpathSync.native(root);
    realRoots.set(root, real);
  }
  return real;
}

/** Is a real path the root, or inside it? */
export function within(realBase: string, real: string): boolean {
  return real === realBase || real.startsWith(realBase.endsWith(sep) ? realBase : realBase + sep);
}

export function placeOf(root: string, rel: string): Place {
  let real: string;
  try {
    real = realpathSync.native(join(root, rel));
  } catch {
    return 'missing';
  }
  return within(realRoot(root), real) ? 'inside' : 'outside';
}

/** Whether a path inside the content folder (symlinks followed) is a folder, not a file. */
export function isFolder(root: string, rel: string): boolean {
  try {
    return statSync(join(root, rel)).isDirectory();
  } catch {
    return false;
  }
}

/** The message for a path that leaves the content folder, for every reader to say alike. */
export function outsideMessage(name: string): string {
  return `Unexpected "${name}": it leads outside the content folder through a symlink, expected a file or folder inside it; nothing is read from it`;
}

/** A file inside the content folder read whole, or an error naming it: for renderers, which read what the reader checked. */
export function readContentFile(root: string, rel: string): Buffer {
  if (placeOf(root, rel) !== 'inside') throw new ContentError(rel, outsideMessage(rel));
  return readFileSync(join(root, rel));
}

/** A text file inside the content folder, decoded as UTF-8, or an error naming it: for renderers. */
export function readContentText(root: string, rel: string): string {
  const decoded = decodeText(readContentFile(root, rel));
  if ('error' in decoded) throw new ContentError(rel, decoded.error);
  return decoded.text;
}

/** A problem with one content file that stops a command: printed with the file, never as an internal error. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/**
 * A file's bytes as text: UTF-8 only (a byte-order mark is dropped), since a
 * file in another encoding would be published as garbled text. Returns the
 * text, or why it cannot be read and where.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { error: string; line: number } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: 'Unexpected UTF-16 text, expected UTF-8: save the file as UTF-8', line: 1 };
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const lenient = LENIENT.decode(bytes);
    const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
    return { error: `Unexpected bytes that are not UTF-8 at line ${line}, expected UTF-8 text: save the file as UTF-8`, line };
  }
  const conflict = mergeConflict(text);
  if (conflict) {
    return {
      error: `Unexpected unresolved merge conflict at lines ${conflict.from}-${conflict.to} (from <<<<<<< to >>>>>>>), expected one version of the text: keep the lines wanted and remove the markers; the file is not read until then`,
      line: conflict.from,
    };
  }
  return { text };
}

/**
 * Where git left a merge conflict in a text: a line opening with seven `<`
 * and, after it, one opening with seven `>`. (A line of `=` alone is also a
 * Markdown heading's underline, so it is not looked for alone.)
 */
export function mergeConflict(text: string): { from: number; to: number } | null {
  const start = /^<{7}(?: |\r?$)/m.exec(text);
  if (!start) return null;
  const end = /^>{7}(?: |\r?$)/m.exec(text.slice(start.index));
  if (!end) return null;
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  return { from: lineOf(start.index), to: lineOf(start.index + end.index) };
}
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const LENIENT = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** The entries of a folder, sorted, split into files and folders; [] with a problem if unreadable. */
/** What a file or folder name of the content may hold, as messages say it. */
export const SAFE_NAME_RULE = 'a name without : / \\ ? # % * " < > | or control characters, not starting with - or a space nor ending with a dot or a space';

/**
 * A name that could not be a safe file name on every system or a safe part
 * of a URL: one that holds a scheme's colon, a query, a fragment or an
 * escape, a character Windows forbids, or a control character. Such a file
 * is reported and left out, never read or published.
 */
export function unsafeName(name: string): boolean {
  return /[\u0000-\u001f\u007f:/\\?#%*"<>|]/.test(name) || /^[-\s]|[.\s]$/.test(name) || Buffer.byteLength(name) > 255;
}

/** A name as a message can show it: control characters as \u escapes. */
function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function listFolder(root: string, rel: string, problems: Problems): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    problems.error('read-error', `Cannot read folder: ${reason(err)}`, at(rel || '.'));
    return { files, folders };
  }
  for (const entry of entries) {
    const name = entry.name;
    if (name.startsWith('.')) continue;
    const path = rel ? `${rel}/${name}` : name;
    // Below the content folder's top, names become the published site's folders, files and links.
    if (rel && unsafeName(name)) {
      problems.error('frontmatter', `Unexpected name "${printable(name)}", expected ${SAFE_NAME_RULE}: it becomes part of the published site's file names and addresses`, at(path));
      continue;
    }
    if (!entry.isSymbolicLink()) {
      (entry.isDirectory() ? folders : files).push(name);
      continue;
    }
    // A symlink is taken as what it leads to, if that is inside the content folder.
    if (placeOf(root, path) === 'outside') {
      problems.error('link-target', outsideMessage(name), at(path));
      continue;
    }
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
  let bytes: Buffer;
  try {
    bytes = readContentFile(root, rel);
  } catch (err) {
    if (err instanceof ContentError) problems.error('link-target', outsideMessage(rel), at(rel));
    else problems.error('read-error', `Cannot read file: ${reason(err)}`, at(rel));
    return null;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    problems.error('read-error', decoded.error, at(rel, decoded.line));
    return null;
  }
  return decoded.text;
}

/**
 * Every file and folder under committees/, members/, plans/ and registers/ (every folder the model is read from), relative
 * to the root with `/`, sorted; names starting with a dot left out, and
 * unreadable folders passed over (the reader reports them). Quicker than
 * `listFolder`: one call a folder, no stat a name.
 */
export function contentEntries(root: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  const seen = new Set<string>();
  const walk = (rel: string) => {
    // A symlink back up the tree would make the walk endless: each real folder is walked once.
    try {
      const real = realpathSync.native(join(root, rel));
      if (seen.has(real)) return;
      seen.add(real);
    } catch {
      return;
    }
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = `${rel}/${entry.name}`;
      let folder = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        if (placeOf(root, path) !== 'inside') continue; // the reader reports it
        try {
          folder = statSync(join(root, path)).isDirectory();
        } catch {
          continue;
        }
      }
      if (folder) {
        folders.push(path);
        walk(path);
      } else files.push(path);
    }
  };
  for (const top of ['committees', 'members', 'plans', 'registers']) walk(top);
  return { files: files.sort(), folders: folders.sort() };
}

/** Is the file there, inside the content folder? A path that leads outside is not. */
export function exists(root: string, rel: string): boolean {
  return placeOf(root, rel) === 'inside';
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder, expected a file';
  return (err as Error).message;
}
