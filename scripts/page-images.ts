/**
 * Renders pages of the sample's PDF pack to PNG for the README, with poppler's
 * pdftoppm (run: npm run build && npx tsx scripts/page-images.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'boardpack-pages-'));
execFileSync('node', ['bin/boardpack', 'build', 'content', '--format', 'pdf', '--meeting', 'resources-scrutiny-panel/2026-01-13', '--out', out], { stdio: 'inherit' });
const pack = join(out, 'resources-scrutiny-panel/2026-01-13/agenda-pack.pdf');
// The cover with the summons, the agenda with page references, a report page, and the merged PDF appendix.
const pages: [number, string][] = [
  [1, 'pdf-page-cover'],
  [2, 'pdf-page-agenda'],
  [3, 'pdf-page-report'],
  [4, 'pdf-page-attachment'],
];
for (const [page, name] of pages) {
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', pack, join(out, name)]);
  renameSync(join(out, `${name}.png`), join('docs', `${name}.png`));
}
console.log(`wrote ${pages.map(([, n]) => `docs/${n}.png`).join(', ')}`);
