import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from './config.js';

/**
 * The content folder holding `start`: the nearest folder at or above it with a
 * boardpack.yml, as ESLint and Prettier look for their configuration.
 */
export function findContentRoot(start: string): string | null {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * The repository a content folder is kept in: the nearest folder at or above
 * it holding `.git` (a folder, or a file for a worktree or submodule); null
 * when there is none. Code scanning and workflow annotations place findings
 * by paths from there.
 */
export function findRepositoryRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
