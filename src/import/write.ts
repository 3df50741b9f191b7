import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { BoardpackError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { importDocx, ImportRefused, type ImportOptions, type ImportedPaper } from './docx.js';

/** The largest Word file imported: a report with its pictures, not an archive. */
const MAX_DOCX_BYTES = 100e6;

export interface ImportWritten extends ImportedPaper {
  /** The paper written, as the caller names it. */
  file: string;
  /** `new`, `changed` (with `diff`) or `unchanged`. */
  state: 'new' | 'changed' | 'unchanged';
  /** What changed since the paper was last imported, as a unified diff. */
  diff: string | null;
}

/** A paper's file name from a Word file's: lower case, words joined by hyphens. */
export function paperName(file: string): string {
  const name = basename(file, extname(file))
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'paper';
}

/**
 * Import a Word document as a paper into `folder` (a meeting's folder, or
 * any): the paper and its images are written whole, and importing the same
 * document again writes the same bytes. Over an earlier import, it says what
 * changed. `shown` is how messages name the folder.
 */
export async function importPaper(source: string, folder: string, shown: string, options: Omit<ImportOptions, 'name'> & { name?: string } = {}): Promise<ImportWritten> {
  if (!existsSync(source)) throw new BoardpackError(`Word document not found: ${source}`);
  if (extname(source).toLowerCase() !== '.docx') throw new BoardpackError(`Unexpected file ${source}, expected a Word document saved as .docx (an older .doc must be saved as .docx in Word first)`);
  const name = options.name ?? paperName(source);
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(name)) throw new BoardpackError(`Unexpected paper name "${name}", expected letters, digits and hyphens, such as budget-monitoring`);
  if (statSync(source).size > MAX_DOCX_BYTES) throw new BoardpackError(`Unexpected ${basename(source)} of ${(statSync(source).size / 1e6).toFixed(0)} MB, expected a report under ${MAX_DOCX_BYTES / 1e6} MB: attach large documents as PDFs`);
  let imported: ImportedPaper;
  try {
    imported = await importDocx(readFileSync(source), { ...options, name });
  } catch (err) {
    // Every message names the document it is about; a refusal stays one.
    if (err instanceof ImportRefused) throw new ImportRefused(`${basename(source)}: ${err.message}`);
    if (err instanceof BoardpackError) throw new BoardpackError(`${basename(source)}: ${err.message}`);
    throw err;
  }
  const path = join(folder, `${name}.md`);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const state = before === null ? 'new' : before === imported.markdown ? 'unchanged' : 'changed';
  for (const image of imported.images) writeFileAtomic(join(folder, image.name), image.bytes);
  if (state !== 'unchanged') writeFileAtomic(path, imported.markdown);
  const file = join(shown, `${name}.md`);
  const diff = state === 'changed' ? createTwoFilesPatch(file, file, before!, imported.markdown, 'before', 'imported', { context: 2 }) : null;
  return { ...imported, file, state, diff };
}

/**
 * The folder of a meeting (`<committee>/<meeting folder>`) in the content folder `root`, relative to it. Found on
 * disk, not in the parsed content: the agenda may already link the paper about to be imported.
 */
export function meetingFolder(root: string, id: string, name: string): string {
  const [committeeId, folder, ...rest] = id.split('/');
  const rel = join('committees', committeeId ?? '', folder ?? '');
  if (!committeeId || !folder || rest.length > 0 || committeeId.startsWith('.') || folder.startsWith('.') || !existsSync(join(root, rel, 'agenda.md'))) {
    const committees = join(root, 'committees');
    const example = existsSync(committees)
      ? readdirSync(committees, { withFileTypes: true })
          .filter((c) => c.isDirectory())
          .flatMap((c) => readdirSync(join(committees, c.name), { withFileTypes: true }).filter((m) => m.isDirectory()).map((m) => `${c.name}/${m.name}`))
          .sort()
          .at(-1)
      : undefined;
    throw new BoardpackError(`No meeting "${id}" in ${name}, expected <committee>/<meeting folder> with an agenda.md, such as ${example ?? 'cabinet/2026-04-14'}`);
  }
  return rel;
}
