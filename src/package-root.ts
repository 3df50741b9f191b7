import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | null = null;

/**
 * boardpack's own folder, holding package.json, templates/ and starter/:
 * found by looking upward from this file, wherever the build put it
 * (dist/ from tsc, or dist/bundle/ for the command).
 */
export function packageRoot(): string {
  if (found) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return (found = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`boardpack cannot find its own folder above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
