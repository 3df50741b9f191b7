import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { cli } from '../helpers.js';

export { select, selectAll, toString };

/** Build the sample council into a fresh folder, in-process; returns the folder. */
export async function buildSample(...args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'boardpack-out-'));
  const result = await cli(['build', 'content', '--out', out, ...args], { today: '2026-11-30' });
  if (result.code !== 0) throw new Error(`build failed (${result.code}): ${result.stderr}`);
  return out;
}

export function page(out: string, file: string): Root {
  return fromHtml(readFileSync(join(out, file), 'utf8'));
}

export function text(tree: Root | Element, selector: string): string[] {
  return selectAll(selector, tree).map((n) => toString(n).replace(/\s+/g, ' ').trim());
}

/** Every file under a folder, relative to it, but for the mark a build leaves to say it wrote the folder. */
export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== '.boardpack-build.json') found.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}
