import { ContentError } from '../../parse/files.js';
import { decryptPdf, isEncrypted } from '../../parse/pdf-open.js';

/** A PDF as it may be published: as it is, unless it holds active content, which is removed (render/pdf/assemble.ts). */
export async function publishablePdf(file: string, bytes: Uint8Array): Promise<Uint8Array> {
  // Published decrypted, as it is merged: one with an owner password only opens without one anyway.
  if (isEncrypted(bytes)) {
    try {
      bytes = await decryptPdf(bytes);
    } catch {
      throw new ContentError(file, 'Unexpected PDF: it needs a password to open: ask for a copy saved without a password');
    }
  }
  // Names of active content can hide in object streams, and a web link may name a script (javascript:): only a PDF
  // with none of them is taken as it is without loading.
  const text = Buffer.from(bytes).toString('latin1');
  if (!/\/(?:JavaScript|JS|Launch|AA|OpenAction|EmbeddedFiles|XFA|RichMedia|SubmitForm|ImportData|ObjStm|URI)\b/.test(text)) return bytes;
  const { loadPdf, savePdf, stripActiveDocument } = await import('./assemble.js');
  let doc;
  try {
    doc = await loadPdf(bytes);
  } catch (err) {
    throw new ContentError(file, `Unexpected PDF: it cannot be read (${(err as Error).message.split('\n')[0]})`);
  }
  return stripActiveDocument(doc) > 0 ? savePdf(doc) : bytes;
}
