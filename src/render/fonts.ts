import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

let cached: string | null = null;

/**
 * `@font-face` rules for the Latin and Latin Extended subsets, with the fonts
 * inlined, so that a printed page looks the same on every machine and loads
 * nothing from outside itself.
 */
export function fontFacesCss(): string {
  if (cached !== null) return cached;
  const rules: string[] = [];
  for (const [pkg, face] of FACES) {
    const dir = dirname(require.resolve(`${pkg}/package.json`));
    for (const subset of ['latin', 'latin-ext']) {
      const css = readFileSync(join(dir, `${subset}-${face}.css`), 'utf8');
      rules.push(
        css
          .replace(/font-display: swap;/g, 'font-display: block;')
          .replace(/, url\([^)]*\.woff\) format\('woff'\)/g, '')
          .replace(/url\(\.\/files\/([^)]+\.woff2)\)/g, (_, file: string) =>
            `url(data:font/woff2;base64,${readFileSync(join(dir, 'files', file)).toString('base64')})`,
          ),
      );
    }
  }
  cached = rules.join('\n');
  return cached;
}
