import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary folder a test run makes (content folders, outputs, caches,
 * the processes it starts) goes in one folder of its own, through TMPDIR, and
 * that folder is removed when the run ends, so repeated runs do not fill /tmp.
 */
export default function setup(): () => void {
  const saved = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'boardpack-tests-'));
  process.env.TMPDIR = folder;
  return () => {
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  };
}
