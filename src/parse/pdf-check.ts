/*
 * What the reader can tell of a PDF without loading it (the loader is
 * asynchronous, the reader is not): enough that lint refuses what the PDF
 * build would refuse, and says why. The build loads each PDF in full and
 * stops with the file's name on anything these checks miss.
 */

import { inflateSync } from 'node:zlib';
import { ENCRYPTED, opensWithoutPassword } from './pdf-open.js';

const HEAD = 1024;
const TAIL = 2048;

/** Why a PDF cannot be merged into a pack, or null when it looks sound. */
export function pdfFault(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.slice(0, HEAD).includes('%PDF-')) return 'it is not a PDF (it does not start with %PDF-)';
  const tail = text.slice(-TAIL);
  if (!tail.includes('%%EOF') || !/startxref\s+\d+/.test(tail)) return 'it is cut short (no %%EOF and cross-reference at its end): ask for the whole file';
  // One with an owner password only opens without one, and is merged decrypted.
  if (ENCRYPTED.test(text) && !opensWithoutPassword(bytes)) {
    return 'it needs a password to open: ask for a copy saved without a password';
  }
  // The page tree's root says how many pages there are, where it can be read without decompressing.
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length > 0 && Math.max(...counts) === 0) return 'it has no pages';
  return null;
}

/** A compressed object stream's objects, as text; nothing for one that will not inflate. */
function objectStreams(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\/Type\s*\/ObjStm\b[^]*?stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      found.push(inflateSync(Buffer.from(text.slice(start, end), 'latin1')).toString('latin1'));
    } catch {
      /* not Flate, or cut short: its objects stay unknown */
    }
  }
  return found;
}

/**
 * Whether a PDF is certainly untagged: no structure tree, or not marked as
 * tagged (in its objects, or in its compressed object streams). An encrypted
 * one is not judged here (its object streams cannot be read without
 * decrypting); the build says what it found.
 */
export function pdfUntagged(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString('latin1');
  if (ENCRYPTED.test(text)) return false;
  const tagged = (t: string) => /\/StructTreeRoot\b/.test(t) && /\/Marked\s+true\b/.test(t);
  if (tagged(text)) return false;
  const streams = /\/ObjStm\b/.test(text) ? objectStreams(text).join('\n') : '';
  return !tagged(`${text}\n${streams}`);
}
