// What a reader of a build's outputs could see, for the leak hunts (leak-hunt.test.ts, drafts.test.ts).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';

/** A one-page PDF that says `text`, in its page and its title. */
export async function pdfSaying(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([400, 200]).drawText(text, { x: 20, y: 100, size: 11, font });
  doc.setTitle(text);
  return doc.save({ useObjectStreams: false });
}

/** Every file under a folder, relative to it. */
export const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

/** A PDF's bookmark titles, read with pdf-lib from the file's own objects. */
async function bookmarks(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const titles: string[] = [];
  const walk = (node: unknown) => {
    for (let item = node; item instanceof PDFDict; item = item.lookup(PDFName.of('Next'))) {
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
      walk(item.lookup(PDFName.of('First')));
    }
  };
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of('First')));
  return titles;
}

/** Everything a reader of the outputs could see, file by file. */
export async function channels(dir: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  seen.set('(file names)', filesIn(dir).join('\n'));
  for (const file of filesIn(dir)) {
    const path = join(dir, file);
    seen.set(file, readFileSync(path, 'latin1'));
    if (file.endsWith('.pdf')) {
      seen.set(`${file} (text)`, execFileSync('pdftotext', [path, '-']).toString());
      seen.set(`${file} (metadata)`, execFileSync('pdfinfo', [path]).toString());
      seen.set(`${file} (bookmarks)`, (await bookmarks(path)).join('\n'));
    }
  }
  return seen;
}

/**
 * What of the given sentences (by route) and names is found in which channel: sentences read with white space
 * flattened (a PDF's text breaks lines), names as written. Empty when nothing leaked.
 */
export function leaks(seen: Iterable<[string, string]>, sentences: Record<string, string>, names: readonly string[]): string[] {
  const found: string[] = [];
  for (const [channel, text] of seen) {
    const flat = text.replace(/\s+/g, ' ');
    for (const [route, sentence] of Object.entries(sentences)) if (flat.includes(sentence)) found.push(`${route} in ${channel}`);
    for (const name of names) if (text.includes(name)) found.push(`${name} in ${channel}`);
  }
  return found;
}
