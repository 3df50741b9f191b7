// Every declared runtime dependency is used, and everything the built code imports is declared.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

/** The package a specifier names: `@scope/name` or `name`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('dependencies', () => {
  // Type-only imports (of @types packages) are gone from the built code.
  const code = sources(join(REPO, 'src'))
    .join('\n')
    .replace(/^(?:import|export) type [^;]*;/gm, '');
  const imported = new Set(
    [...code.matchAll(/(?:from\s+|import\(|require\()\s*'([^'.][^']*)'/g)]
      .map((m) => m[1])
      .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
      .map(packageOf),
  );
  // Fonts are files the renderer reads from their package, not modules it imports.
  const readByPath = new Set([...code.matchAll(/'(@fontsource\/[\w-]+)/g)].map((m) => m[1]));

  it('declares nothing it never imports', () => {
    const unused = Object.keys(pkg.dependencies).filter((d) => !imported.has(d) && !readByPath.has(d));
    expect(unused).toEqual([]);
  });

  it('declares in dependencies everything the code imports, so that the installed package runs', () => {
    const missing = [...imported].filter((d) => !(d in pkg.dependencies));
    expect(missing).toEqual([]);
  });
});
