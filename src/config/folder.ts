import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BoardpackError } from '../errors.js';
import type { Problem } from '../model/types.js';
import { CONFIG_FILE } from './config.js';

/** When boardpack.yml has errors (`configStoppers`), nothing else can be done: stop with them. */
export function stopOnConfig(problems: Problem[], dir: string, what: 'checked' | 'built'): void {
  if (problems.length) throw new BoardpackError(`${dir}: ${CONFIG_FILE} must be fixed before the content can be ${what}`, { problems });
}

/** The content folder named, resolved, or a clear error when it is not there. */
export function contentRoot(dir: string, cwd: string): string {
  const root = resolve(cwd, dir);
  if (!existsSync(root)) throw new BoardpackError(`Content folder not found: ${dir} (expected a folder holding ${CONFIG_FILE})`);
  return root;
}

