import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { watchdog } from './watchdog.js';

/** Write a file whole or not at all: to a temporary file beside it, then rename. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Create a folder and its files whole or not at all: build them in a
 * temporary folder beside the target, then rename it into place.
 */
export function writeFolderAtomic(path: string, files: Record<string, string | Uint8Array>): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = mkdtempSync(join(dirname(path), `.${basename(path)}.tmp-`));
  try {
    for (const [rel, data] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), data);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** The output folder cannot be used as asked: a message for the user, not an internal error. */
export class OutputFolderError extends Error {}

/** The file a build leaves in its output folder to say it wrote it, and for whom. */
export const BUILD_MARK = '.boardpack-build.json';

/** What a build makes: web pages, PDFs. */
export type OutputFormat = 'html' | 'pdf';

interface BuildMark {
  generator: 'boardpack';
  audience: string;
  /** The formats the folder holds (an earlier version of boardpack did not say). */
  formats?: OutputFormat[];
}

/** What an existing folder is to a build: nothing there, an earlier build's (for which audience), or someone else's. */
export type Owner = { kind: 'none' } | { kind: 'build'; audience: string; formats: OutputFormat[] } | { kind: 'foreign'; why: string };

export function folderOwner(target: string): Owner {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return { kind: 'none' };
  }
  if (!stat.isDirectory()) return { kind: 'foreign', why: 'it is a file, expected a folder' };
  const names = readdirSync(target);
  if (names.length === 0) return { kind: 'none' };
  try {
    const mark = JSON.parse(readFileSync(join(target, BUILD_MARK), 'utf8')) as BuildMark;
    if (mark.generator === 'boardpack' && typeof mark.audience === 'string') {
      const formats = Array.isArray(mark.formats) ? mark.formats.filter((f): f is OutputFormat => f === 'html' || f === 'pdf') : formatsIn(target);
      return { kind: 'build', audience: mark.audience, formats };
    }
  } catch {
    /* no mark: see below */
  }
  // A build by an earlier version left no mark, but its front page says who made it.
  try {
    if (readFileSync(join(target, 'index.html'), 'utf8').includes('<meta name="generator" content="boardpack">')) {
      const members = readdirSync(target, { recursive: true }).some((n) => String(n).includes('.members.'));
      return { kind: 'build', audience: members ? 'members' : 'public', formats: formatsIn(target) };
    }
  } catch {
    /* not a build of ours */
  }
  return { kind: 'foreign', why: 'it holds files that boardpack did not write' };
}

/** The formats an earlier build left in a folder whose mark does not say: its own PDFs, its pages. */
function formatsIn(target: string): OutputFormat[] {
  const names = readdirSync(target, { recursive: true }).map(String);
  const formats: OutputFormat[] = [];
  if (names.some((n) => n.endsWith('.html'))) formats.push('html');
  if (names.some((n) => /(?:^|[/\\])(?:agenda-pack|minutes)[^/\\]*\.pdf$/.test(n))) formats.push('pdf');
  return formats;
}

/** The formats an earlier build left in the output folder, or null when there is none. */
export function earlierFormats(target: string): OutputFormat[] | null {
  const owner = folderOwner(target);
  return owner.kind === 'build' ? owner.formats : null;
}

/** Why a file system call failed, in words for the user. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'part of the path is a file, expected a folder';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'it is a folder, expected a file';
  return (err as Error).message;
}

function describeFsError(err: unknown, what: string): OutputFolderError {
  return new OutputFolderError(`Cannot write ${what}: ${fsReason(err)}`);
}

export interface StagedOutputOptions {
  /** Who the outputs are for: a folder holds one audience's outputs only. */
  audience: string;
  /**
   * A build of part of the outputs (one meeting, one shard): an earlier
   * build's files outside the meeting folders this build writes are kept.
   * A whole build keeps nothing of an earlier one.
   */
  partial?: boolean;
  /** The formats this build makes; a partial build's folder holds the earlier build's too. */
  formats: OutputFormat[];
}

/**
 * The files of a build, written as they are made into a staging folder beside
 * the output folder, then swapped in whole when the build has succeeded: the
 * output folder afterwards holds exactly what this build wrote (and, for a
 * build of part of the outputs, what an earlier build wrote elsewhere), never
 * a mix of an old file and a new one's neighbours. A build that fails leaves
 * the output folder as it was. Should the process die at any moment, the
 * watchdog removes the staging folder and puts back a folder half swapped.
 * Memory holds one output at a time, not all.
 */
export class StagedOutput {
  private staging: string | null = null;
  private readonly files = new Set<string>();
  /** The formats the earlier build in the folder made, read once with its mark. */
  private readonly earlier: OutputFormat[];

  constructor(
    readonly target: string,
    private readonly options: StagedOutputOptions,
  ) {
    const owner = folderOwner(target);
    this.earlier = owner.kind === 'build' ? owner.formats : [];
    if (owner.kind === 'foreign') {
      throw new OutputFolderError(`Unexpected output folder ${target}: ${owner.why}; choose a new or empty folder, or one an earlier build wrote`);
    }
    if (owner.kind === 'build' && owner.audience !== options.audience) {
      throw new OutputFolderError(
        `Unexpected output folder ${target}: it holds a build for the ${owner.audience} audience, expected one for ${options.audience}; ` +
          `each audience has its own folder (out for the public, out-members for members)`,
      );
    }
  }

  private stage(): string {
    if (this.staging === null) {
      const parent = dirname(this.target);
      try {
        mkdirSync(parent, { recursive: true });
        this.staging = mkdtempSync(join(parent, `.${basename(this.target)}.boardpack-staging-`));
      } catch (err) {
        throw describeFsError(err, `beside the output folder ${this.target}`);
      }
      watchdog.path(this.staging);
    }
    return this.staging;
  }

  /** Write one output, `rel` with `/`; a second write of the same file replaces the first. */
  readonly write = (rel: string, data: string | Uint8Array): void => {
    const path = join(this.stage(), ...rel.split('/'));
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
    } catch (err) {
      throw describeFsError(err, rel);
    }
    this.files.add(rel);
  };

  /** The outputs this build has written so far, by their paths. */
  written(): string[] {
    return [...this.files];
  }

  /** An output this build has written, as text; null when it wrote none by that name. */
  read(rel: string): string | null {
    if (!this.files.has(rel) || this.staging === null) return null;
    return readFileSync(join(this.staging, ...rel.split('/')), 'utf8');
  }

  /** Swap the staged outputs in for the output folder; returns what this build wrote, sorted. */
  commit(): string[] {
    const staging = this.stage();
    const files = [...this.files].sort();
    const earlier = this.options.partial ? this.earlier : [];
    const formats = (['html', 'pdf'] as const).filter((f) => this.options.formats.includes(f) || earlier.includes(f));
    const mark: BuildMark = { generator: 'boardpack', audience: this.options.audience, formats };
    writeFileSync(join(staging, BUILD_MARK), `${JSON.stringify(mark)}\n`);
    const before = existsSync(this.target);
    if (before && this.options.partial) this.keepEarlier(staging);
    const old = before ? `${staging.replace('.boardpack-staging-', '.boardpack-old-')}` : null;
    watchdog.swap(this.target, old);
    try {
      if (old) renameSync(this.target, old);
      // For the test that a folder left half swapped by a killed process is put back.
      if (process.env.BOARDPACK_TEST_DIE_MID_SWAP) process.kill(process.pid, 'SIGKILL');
      renameSync(staging, this.target);
    } catch (err) {
      if (old && !existsSync(this.target)) renameSync(old, this.target);
      throw describeFsError(err, `the output folder ${this.target}`);
    } finally {
      watchdog.swapped(this.target);
    }
    this.staging = null;
    watchdog.pathGone(staging);
    if (old) rmSync(old, { recursive: true, force: true });
    return files;
  }

  /** An earlier build's files outside the meeting folders this one wrote, linked (or copied) into the new folder. */
  private keepEarlier(staging: string): void {
    const rewritten = new Set([...this.files].map((rel) => rel.split('/').slice(0, 2).join('/')));
    for (const entry of readdirSync(this.target, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = relative(this.target, join(entry.parentPath, entry.name)).split(sep).join('/');
      if (rel === BUILD_MARK || this.files.has(rel) || rewritten.has(rel.split('/').slice(0, 2).join('/'))) continue;
      const to = join(staging, ...rel.split('/'));
      mkdirSync(dirname(to), { recursive: true });
      try {
        linkSync(join(this.target, ...rel.split('/')), to);
      } catch {
        copyFileSync(join(this.target, ...rel.split('/')), to);
      }
    }
  }

  /** Drop whatever was written and not committed. */
  discard(): void {
    if (this.staging !== null) {
      rmSync(this.staging, { recursive: true, force: true });
      watchdog.pathGone(this.staging);
    }
    this.staging = null;
  }
}
