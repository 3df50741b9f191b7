import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/*
 * An encrypted PDF that has only an owner password opens without one, and
 * may be merged once decrypted with that empty password. pdf-lib cannot
 * decrypt; @cantoo/pdf-lib, its maintained fork, can, and is used for that
 * alone. The reader is synchronous and the fork is not, so lint asks it in
 * a short child process: encrypted PDFs are rare, and each takes a tenth of
 * a second.
 */

const require = createRequire(import.meta.url);

function forkUrl(): string {
  return pathToFileURL(require.resolve('@cantoo/pdf-lib')).href;
}

const CHILD = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  try {
    const lib = await import(process.argv[1]);
    const { PDFDocument } = lib.PDFDocument ? lib : lib.default;
    await PDFDocument.load(Buffer.concat(chunks), { password: '', updateMetadata: false });
    process.exit(0);
  } catch {
    process.exit(3);
  }
});
`;

/** Does an encrypted PDF open without a password (an owner password only)? */
export function opensWithoutPassword(bytes: Uint8Array): boolean {
  const result = spawnSync(process.execPath, ['-e', CHILD, forkUrl()], { input: bytes, timeout: 30_000, stdio: ['pipe', 'ignore', 'ignore'] });
  return result.status === 0;
}

/** The PDF with its encryption removed, when it has an owner password only; throws when it needs a password to open. */
export async function decryptPdf(bytes: Uint8Array): Promise<Uint8Array> {
  // The fork is CommonJS: Node's ESM loader may not see its names, which are then on its default export.
  const mod = await import('@cantoo/pdf-lib');
  const { PDFDocument, PDFDict, PDFName, PDFInvalidObject } = ('PDFDocument' in mod && mod.PDFDocument ? mod : (mod as unknown as { default: typeof mod }).default);
  const doc = await PDFDocument.load(bytes, { password: '', updateMetadata: false });
  // What is left of the encryption, and of the cross-reference and object streams the fork keeps as objects.
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFDict ? object : (object as { dict?: unknown }).dict;
    const type = dict instanceof PDFDict ? dict.get(PDFName.of('Type')) : undefined;
    const security =
      dict instanceof PDFDict && dict.get(PDFName.of('Filter')) === PDFName.of('Standard') && dict.has(PDFName.of('O')) && dict.has(PDFName.of('U'));
    if (object instanceof PDFInvalidObject || type === PDFName.of('XRef') || type === PDFName.of('ObjStm') || security) doc.context.delete(ref);
  }
  return doc.save({ useObjectStreams: false });
}

/** Is the PDF encrypted? Its trailer (or cross-reference stream) names an /Encrypt dictionary. */
export function isEncrypted(bytes: Uint8Array): boolean {
  return ENCRYPTED.test(Buffer.from(bytes).toString('latin1'));
}

/** An /Encrypt entry in a trailer or cross-reference stream, in a PDF read as latin1. */
export const ENCRYPTED = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;
