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
// The next meeting's pack, which carries the minutes of 13 January as item 3's paper: the agenda with their
// pages and their first page; and the last page of those minutes as a minute book, with the signature.
execFileSync('node', ['bin/boardpack', 'build', 'content', '--format', 'pdf', '--meeting', 'resources-scrutiny-panel/2026-03-10', '--out', join(out, 'march')], { stdio: 'inherit' });
const march = join(out, 'march/resources-scrutiny-panel/2026-03-10/agenda-pack.pdf');
const withMinutes: [number, string][] = [
  [1, 'pdf-page-minutes-agenda'],
  [3, 'pdf-page-minutes'],
];
const book = join(out, 'resources-scrutiny-panel/2026-01-13/minutes.pdf');
const bookPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [book], { encoding: 'utf8' }))![1]);
const signed: [number, string][] = [[bookPages, 'pdf-page-minutes-signed']];
for (const [file, list] of [[pack, pages], [march, withMinutes], [book, signed]] as const) {
  for (const [page, name] of list) {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, join(out, name)]);
    renameSync(join(out, `${name}.png`), join('docs', `${name}.png`));
  }
}
console.log(`wrote ${[...pages, ...withMinutes, ...signed].map(([, n]) => `docs/${n}.png`).join(', ')}`);
