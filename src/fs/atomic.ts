import { mkdirSync, renameSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
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
