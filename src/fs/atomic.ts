import { existsSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

/**
 * The files of a build, written as they are made into a hidden folder inside
 * the output folder, and moved into place only when the whole build has
 * succeeded (each by a rename, so each is whole). A build that fails leaves
 * the output folder as it was; memory holds one output at a time, not all.
 */
export class StagedOutput {
  private staging: string | null = null;
  private readonly files = new Set<string>();
  private readonly existed: boolean;

  constructor(readonly target: string) {
    this.existed = existsSync(target);
  }

  /** Write one output, `rel` with `/`; a second write of the same file replaces the first. */
  readonly write = (rel: string, data: string | Uint8Array): void => {
    if (this.staging === null) {
      mkdirSync(this.target, { recursive: true });
      this.staging = mkdtempSync(join(this.target, '.boardpack-staging-'));
    }
    const path = join(this.staging, ...rel.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
    this.files.add(rel);
  };

  /** Move every output into place; returns them, sorted. */
  commit(): string[] {
    const files = [...this.files].sort();
    for (const rel of files) {
      const to = join(this.target, ...rel.split('/'));
      mkdirSync(dirname(to), { recursive: true });
      renameSync(join(this.staging!, ...rel.split('/')), to);
    }
    this.discard();
    return files;
  }

  /** Drop whatever was written and not committed; an output folder this build created goes too if it is empty. */
  discard(): void {
    if (this.staging !== null) rmSync(this.staging, { recursive: true, force: true });
    this.staging = null;
    if (!this.existed) {
      try {
        rmdirSync(this.target);
      } catch {
        /* not empty: it holds committed outputs */
      }
    }
  }
}
