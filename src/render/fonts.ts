import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The faces the templates use, from the Fontsource packages installed with boardpack. */
const FACES = [
  ['@fontsource/noto-serif', '400'],
  ['@fontsource/noto-serif', '400-italic'],
  ['@fontsource/noto-serif', '700'],
  ['@fontsource/noto-serif', '700-italic'],
  ['@fontsource/noto-sans', '400'],
  ['@fontsource/noto-sans', '700'],
] as const;

/** The faces' `@font-face` rules, each font's URL left as `{{file}}`, and the files they name. */
let rules: { css: string; files: { name: string; path: string }[] } | null = null;

function faceRules(): NonNullable<typeof rules> {
  if (rules) return rules;
  const css: string[] = [];
  const files: { name: string; path: string }[] = [];
  for (const [pkg, face] of FACES) {
    const dir = dirname(require.resolve(`${pkg}/package.json`));
    // The face's own stylesheet has a block per subset, each with its unicode-range.
    const blocks = readFileSync(join(dir, `${face}.css`), 'utf8').split(/(?=\/\* [\w-]+ \*\/)/);
    for (const subset of ['latin', 'latin-ext']) {
      const block = blocks.find((b) => new RegExp(`^/\\* [\\w-]+-${subset}-\\d+-\\w+ \\*/`).test(b));
      if (!block || !/unicode-range:/.test(block)) throw new Error(`${pkg}/${face}.css has no ${subset} block with a unicode-range`);
      css.push(
        block
          .trim()
          .replace(/font-display: swap;/g, 'font-display: block;')
          .replace(/, url\([^)]*\.woff\) format\('woff'\)/g, '')
          .replace(/url\(\.\/files\/([^)]+\.woff2)\)/g, (_, name: string) => {
            files.push({ name, path: join(dir, 'files', name) });
            return `url({{${name}}})`;
          }),
      );
    }
  }
  rules = { css: css.join('\n'), files };
  return rules;
}

/**
 * `@font-face` rules for the Latin and Latin Extended subsets, with the font
 * files copied into `folder` (the private folder pages are printed from, the
 * only place they may load files from), so that a printed page looks the
 * same on every machine and loads nothing from outside it. Files load faster
 * than the same fonts inlined as base64, which every page would decode again.
 * Each rule keeps its `unicode-range`: without it every character tried the
 * Latin Extended face first, both faces were embedded in every PDF, and
 * printing took twice as long.
 */
export function fontFacesCss(folder: string): string {
  const { css, files } = faceRules();
  const fonts = join(folder, '.fonts');
  mkdirSync(fonts, { recursive: true });
  for (const { name, path } of files) copyFileSync(path, join(fonts, name));
  return css.replace(/\{\{([^}]+)\}\}/g, (_, name: string) => pathToFileURL(join(fonts, name)).href);
}
