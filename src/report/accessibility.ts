import type { PdfAccessibility } from '../render/pdf/pack.js';

/**
 * One line for a PDF boardpack wrote: whether it passes PDF/UA-1's machine
 * checks, and which merged PDF does not, or is untagged and so shown as
 * figures; for example
 *
 *     PDF/UA-1 machine checks: cabinet/2026-07-21/agenda-pack.pdf passes
 *     PDF/UA-1 machine checks: panel/2026-01-13/agenda-pack.pdf passes; untagged, each page a figure: panel/2026-01-13/scan.pdf (ask its author for an accessible version)
 *     PDF/UA-1 machine checks: panel/2026-03-10/agenda-pack.pdf fails: panel/2026-03-10/budget.pdf: Helvetica is not embedded (page 7)
 */
export function accessibilityLine(result: PdfAccessibility): string {
  const bySource = new Map<string, string[]>();
  for (const fault of result.faults) {
    const key = fault.source ?? '';
    const said = bySource.get(key) ?? [];
    const text = `${fault.message}${fault.page === undefined ? '' : ` (page ${fault.page + 1})`}`;
    if (!said.some((s) => s.startsWith(fault.message))) said.push(text);
    bySource.set(key, said);
  }
  const failures = [...bySource].map(([source, said]) => `${source ? `${source}: ` : ''}${said.slice(0, 3).join('; ')}${said.length > 3 ? `; and ${said.length - 3} more` : ''}`);
  const verdict = failures.length ? `fails: ${failures.join(' | ')}` : 'passes';
  const untagged = result.untagged.length
    ? `; untagged, each page a figure: ${result.untagged.join(', ')} (ask ${result.untagged.length === 1 ? 'its author' : 'their authors'} for an accessible version)`
    : '';
  return `PDF/UA-1 machine checks: ${result.file} ${verdict}${untagged}`;
}

/** Whether a PDF needs saying: it fails a check, or merges an untagged PDF. */
function worthSaying(result: PdfAccessibility): boolean {
  return result.faults.length > 0 || result.untagged.length > 0;
}

/**
 * What build says of the PDFs it wrote: success is quiet, as ESLint's is.
 * One line for every PDF that fails a check or merges an untagged PDF, then
 * one line for the rest ("PDF/UA-1 machine checks: 22 PDFs pass", or "21 other
 * PDFs pass"); with
 * `verbose`, one line for each PDF.
 */
export function accessibilityLines(results: PdfAccessibility[], verbose = false): string[] {
  if (verbose) return results.map(accessibilityLine);
  const said = results.filter(worthSaying).map(accessibilityLine);
  const quiet = results.filter((r) => !worthSaying(r)).length;
  const other = said.length ? ' other' : '';
  if (quiet > 0) said.push(`PDF/UA-1 machine checks: ${quiet === 1 ? `1${other} PDF passes` : `${quiet}${other} PDFs pass`}`);
  return said;
}
