import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { allowedHref, encodePath } from '../../src/output/paths.js';
import { BASE, cli, contentFolder } from '../helpers.js';
import { filesUnder, page, selectAll } from '../render/site.js';

/*
 * Names become links (issue 31): a committee folder or a PDF named like a
 * script URL must never become a live link, in HTML or in a PDF's link
 * annotations; every path segment that becomes a URL is percent-encoded, and a
 * name that could not be a safe URL or file name is an error naming it.
 */

const M = 'committees/panel/2026-03-10';

async function pdf(text: string, uri?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([400, 200]);
  page.drawText(text, { x: 20, y: 100, size: 11, font });
  if (uri) {
    const annot = doc.context.register(
      doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 400, 200], A: { S: 'URI', URI: PDFString.of(uri) } }),
    );
    page.node.set(PDFName.of('Annots'), doc.context.obj([annot]));
  }
  // Without object streams, so that the copy beside the pack is judged by what its text shows.
  return doc.save({ useObjectStreams: false });
}

/** Every URI of every link annotation in a PDF. */
async function pdfUris(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const uris: string[] = [];
  for (const p of doc.getPages()) {
    const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const uri = annots!.lookup(i, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (uri) uris.push(uri.decodeText());
    }
  }
  return uris;
}

/** Every href and src in every HTML page of an output folder. */
function hrefsIn(out: string): { file: string; href: string }[] {
  return filesUnder(out)
    .filter((f) => f.endsWith('.html'))
    .flatMap((file) =>
      selectAll('[href], [src]', page(out, file)).map((el) => ({ file, href: String(el.properties.href ?? el.properties.src) })),
    );
}

describe('encodePath and allowedHref', () => {
  it('encode every segment, so that no name becomes a scheme, a fragment or an escape', () => {
    expect(encodePath('javascript:alert(1)/index.html')).toBe('javascript%3Aalert(1)/index.html');
    expect(encodePath('../a b/50%#x.pdf')).toBe('../a%20b/50%25%23x.pdf');
    expect(allowedHref(encodePath('javascript:alert(1).pdf'))).toBe(true);
  });

  it('allow http, https, mailto and relative links only', () => {
    for (const ok of ['https://example.org/', 'http://x', 'mailto:clerk@example.org', 'plan.pdf', '../x/index.html', '#paper-1', 'a%3Ab'])
      expect(allowedHref(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'vbscript:x', '//evil.example/', '\\\\evil\\x'])
      expect(allowedHref(bad), bad).toBe(false);
  });
});

describe('a committee folder named like a script URL', () => {
  it('is a lint error naming the folder, and is published nowhere', async () => {
    const root = contentFolder({
      ...BASE,
      'boardpack.yml': 'organisation: Test Council\nbaseUrl: https://papers.example.org/\n',
      'committees/javascript:alert(1)/committee.yml': 'name: Evil Panel\n',
      'committees/javascript:alert(1)/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Apologies\n',
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Apologies\n',
    });
    const lint = await cli(['lint', root], { today: '2026-11-22' });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('Unexpected name "javascript:alert(1)", expected a name without : / \\ ? # % * " < > | or control characters');
    const out = join(root, '..', 'forced-out');
    const build = await cli(['build', root, '--force', '--no-search', '--out', out], { today: '2026-11-22' });
    expect(build.code, build.stderr).toBe(0);
    expect(filesUnder(out).some((f) => f.includes('alert'))).toBe(false);
    for (const { file, href } of hrefsIn(out)) expect(allowedHref(href), `${href} in ${file}`).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('Evil Panel');
  });
});

describe('a PDF named like a script URL, and one with spaces and brackets', () => {
  it('the first is an error and not published; the second is linked percent-encoded, in HTML and in the PDF pack', async () => {
    const root = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: [
        '---',
        'published: 2026-03-02',
        '---',
        '',
        '1. Budget',
        '   [Plan](./javascript:alert(1).pdf)',
        '   [Budget plan](Budget%20plan%20(final).pdf)',
        '   [Report](report.md)',
        '',
      ].join('\n'),
      [`${M}/report.md`]: '---\ntitle: Report\n---\n\nSee the [budget plan](Budget%20plan%20(final).pdf) and [this](javascript:alert(3)).\n',
    });
    writeFileSync(join(root, M, 'javascript:alert(1).pdf'), await pdf('Evil PDF'));
    // A PDF whose own link runs a script or opens a file: merged into the pack, its link must not survive.
    writeFileSync(join(root, M, 'Budget plan (final).pdf'), await pdf('The budget plan', 'javascript:alert(2)'));
    const lint = await cli(['lint', root], { today: '2026-11-22' });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('Unexpected name "javascript:alert(1).pdf"');
    const out = join(root, '..', 'out');
    const build = await cli(['build', root, '--force', '--no-search', '--format', 'all', '--out', out], { today: '2026-11-22' });
    expect(build.code, build.stderr).toBe(0);
    const files = filesUnder(out);
    expect(files.some((f) => f.includes('alert'))).toBe(false);
    expect(files).toContain('panel/2026-03-10/Budget plan (final).pdf');
    const hrefs = hrefsIn(out);
    for (const { file, href } of hrefs) expect(allowedHref(href), `${href} in ${file}`).toBe(true);
    const packLinks = hrefs.filter((h) => h.file === 'panel/2026-03-10/agenda-pack.html').map((h) => h.href);
    expect(packLinks).toContain('Budget%20plan%20(final).pdf');
    // Each link to the PDF reaches the file written.
    for (const { file, href } of hrefs.filter((h) => h.href.endsWith('.pdf') && !h.href.startsWith('http'))) {
      expect(existsSync(join(out, file, '..', decodeURIComponent(href))), `${href} from ${file}`).toBe(true);
    }
    for (const name of ['agenda-pack.pdf']) {
      const uris = await pdfUris(join(out, 'panel/2026-03-10', name));
      expect(uris.length).toBeGreaterThan(0);
      for (const uri of uris) expect(allowedHref(uri), `${uri} in ${name}`).toBe(true);
      expect(uris).not.toContain('javascript:alert(2)');
    }
    // The copy published beside the pack keeps no script link either.
    const copied = await pdfUris(join(out, 'panel/2026-03-10', 'Budget plan (final).pdf'));
    for (const uri of copied) expect(allowedHref(uri), uri).toBe(true);
    expect(execFileSync('pdftotext', [join(out, 'panel/2026-03-10/agenda-pack.pdf'), '-']).toString()).not.toContain('Evil PDF');
  }, 120_000);
});
