import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';

const M = 'committees/panel/2026-03-10';

/** A one-page PDF that runs JavaScript on opening and on the page, and has a link that launches a program. */
async function activePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 300]);
  page.drawText('Appendix with active content', { x: 20, y: 150, size: 12 });
  const js = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("page")') });
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: js }));
  const launch = doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') });
  const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 100, 100], A: launch });
  const web = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [100, 0, 200, 100], A: { S: 'URI', URI: PDFString.of('https://www.gov.uk/') } });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link), doc.context.register(web)]));
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("open")') }));
  return doc.save({ useObjectStreams: false });
}

/** The PDF's objects as qpdf writes them, uncompressed: what a reader would find. */
const objects = (file: string) => execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 1 << 28 }).toString('latin1');

describe('active content in PDF attachments never reaches the public outputs', () => {
  it('is stripped from the merged pack and from the copy published beside the web pack, links to the web kept', async () => {
    const root = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
      [`${M}/report.md`]: '---\ntitle: Report\nappendices:\n  - file: appendix.pdf\n    title: Appendix A\n---\n\nText.\n',
    });
    const bytes = await activePdf();
    writeFileSync(join(root, M, 'appendix.pdf'), bytes);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Launch');
    const result = await cli(['build', root, '--format', 'all', '--out', join(root, 'out')], { today: '2026-11-22' });
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    for (const file of ['agenda-pack.pdf', 'appendix.pdf']) {
      const text = objects(join(root, 'out/panel/2026-03-10', file));
      for (const bad of ['/JavaScript', '/JS ', '/Launch', 'calc.exe', 'app.alert']) expect(text, `${file}: ${bad}`).not.toContain(bad);
      expect(text, file).toContain('https://www.gov.uk/');
    }
    expect(execFileSync('pdftotext', [join(root, 'out/panel/2026-03-10/agenda-pack.pdf'), '-']).toString()).toContain('Appendix with active content');
    expect(readFileSync(join(root, 'out/panel/2026-03-10/appendix.pdf')).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('encrypted PDF appendices', () => {
  async function withEncrypted(userPassword: string) {
    const root = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
      [`${M}/report.md`]: '---\ntitle: Report\nappendices:\n  - file: locked.pdf\n    title: Appendix A\n---\n\nText.\n',
    });
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]).drawText('Owner password only appendix', { x: 20, y: 100, size: 12 });
    writeFileSync(join(root, 'plain.pdf'), await doc.save());
    execFileSync('qpdf', ['--encrypt', userPassword, 'owner-secret', '256', '--', join(root, 'plain.pdf'), join(root, M, 'locked.pdf')]);
    return root;
  }

  it('one with an owner password only opens without one: lint passes it, and the pack merges it decrypted', async () => {
    const root = await withEncrypted('');
    const lint = await cli(['lint', root], { today: '2026-11-22' });
    expect(lint.stdout + lint.stderr, lint.stdout).not.toContain('locked.pdf');
    const build = await cli(['build', root, '--format', 'all', '--out', join(root, 'out')], { today: '2026-11-22' });
    expect(build.code, build.stderr).toBe(0);
    expect(execFileSync('pdftotext', [join(root, 'out/panel/2026-03-10/agenda-pack.pdf'), '-']).toString()).toContain('Owner password only appendix');
    expect(execFileSync('pdftotext', [join(root, 'out/panel/2026-03-10/locked.pdf'), '-']).toString()).toContain('Owner password only appendix');
  }, 60_000);

  it('one that needs a password to open is a lint error naming it, and build refuses it', async () => {
    const root = await withEncrypted('user-secret');
    const lint = await cli(['lint', root], { today: '2026-11-22' });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/locked\.pdf\n\s+1:1\s+error\s+Unexpected PDF: it needs a password to open/);
    const build = await cli(['build', root, '--out', join(root, 'out')], { today: '2026-11-22' });
    expect(build.code).not.toBe(0);
    expect(build.stderr).not.toContain('internal error');
  }, 60_000);
});
