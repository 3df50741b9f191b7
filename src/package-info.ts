import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
  repository?: string | { url: string };
  bugs?: string | { url: string };
}

let info: PackageJson | null = null;

function packageJson(): PackageJson {
  return (info ??= JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as PackageJson);
}

/** The package's name, from its package.json. */
export function packageName(): string {
  return packageJson().name;
}

/** boardpack's version, from its package.json. */
export function packageVersion(): string {
  return packageJson().version;
}

/**
 * The repository's web address, from package.json's `repository` (the one place it is written):
 * `git+https://github.com/o/r.git` and `github:o/r` both give `https://github.com/o/r`.
 */
export function repositoryUrl(): string {
  const repository = packageJson().repository;
  const url = typeof repository === 'string' ? repository : (repository?.url ?? '');
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  return url.replace(/^git\+/, '').replace(/^git:\/\//, 'https://').replace(/\.git$/, '');
}

/** The web address of one of the package's documents, such as `docs/format.md`. */
export function docsUrl(path: string): string {
  return `${repositoryUrl()}/blob/main/${path}`;
}
