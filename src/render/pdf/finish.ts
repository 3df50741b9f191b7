import { join } from 'node:path';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { addOutline, normaliseStructIds, relativiseLinks, savePdf, stampPageNumbers, stampRestricted, type OutlineEntry } from './assemble.js';
import { describeLinks, setAccessibleMetadata, type AccessibleMetadata } from './accessible.js';
import { artifactPages, type KnownMarkings } from './content-stream.js';
import { checkAccessible, type UaFault } from './ua-check.js';

/**
 * Chromium's untagged painting (a page's background, what a page hides from
 * screen readers) marked as artifacts, noting each page's marking for the
 * checks; null for `serve`'s preview, which leaves out the PDF/UA-1 steps a
 * reader cannot see. Done on the printed pages, before anything is merged.
 */
export function markArtifacts(doc: PDFDocument, preview: boolean | undefined): KnownMarkings | null {
  return preview ? null : artifactPages(doc);
}

export interface Finishing {
  /** The printed part's folder in the output (`<committee>/<meeting>`), under the printer's folder. */
  printedFrom: { allowed: string; relDir: string };
  /**
   * The markings `markArtifacts` noted on the printed parts before others were
   * merged in; `now` to mark a PDF printed whole here, once its links and ids
   * are settled; null for no machine checks (the preview).
   */
  known: KnownMarkings | 'now' | null;
  /** Pages before this index carry no number; each from it on, its label (null: none). */
  firstNumbered: number;
  pageLabel: (n: number) => string | null;
  /** Pages stamped NOT FOR PUBLICATION (a members' pack's exempt papers). */
  restricted?: number[];
  /** Bookmarks, where the PDF has them beyond its headings'. */
  outline?: OutlineEntry[];
  /** How a link to a named destination is described (default: by where it goes). */
  describe?: (destination: string) => string | undefined;
  metadata: AccessibleMetadata;
}

/**
 * The steps every PDF boardpack writes ends with, in one place: its links
 * made relative to the output folder, structure ids made stable, page numbers
 * and restricted stamps, bookmarks, links described, PDF/UA-1 metadata, the
 * machine checks (when `known` is given), and saving.
 */
export async function finishPdf(doc: PDFDocument, finishing: Finishing): Promise<{ bytes: Uint8Array; faults: UaFault[] }> {
  relativiseLinks(doc, join(finishing.printedFrom.allowed, finishing.printedFrom.relDir));
  normaliseStructIds(doc);
  const known = finishing.known === 'now' ? artifactPages(doc) : finishing.known;
  await stampPageNumbers(doc, finishing.firstNumbered, finishing.pageLabel);
  if (finishing.restricted?.length) await stampRestricted(doc, finishing.restricted);
  if (finishing.outline) addOutline(doc, finishing.outline);
  describeLinks(doc, finishing.describe);
  setAccessibleMetadata(doc, finishing.metadata);
  const faults = known ? checkAccessible(doc, known) : [];
  return { bytes: await savePdf(doc), faults };
}
