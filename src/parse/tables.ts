import type { Table, TextBlock } from '../model/types.js';

/**
 * Find each role's column by its header, ignoring case and punctuation, and
 * a note in brackets after it ("Cabinet Decision (Accepted/ Rejected/
 * Deferred)", "Action by (Date)").
 */
export function columnsOf<R extends string>(
  table: Table,
  synonyms: Record<R, readonly string[]>,
): Partial<Record<R, number>> {
  const found: Partial<Record<R, number>> = {};
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  table.header.forEach((cell, index) => {
    const header = norm(cell.text);
    const bare = norm(cell.text.replace(/\([^)]*\)/g, ' '));
    for (const role of Object.keys(synonyms) as R[]) {
      if (found[role] === undefined && synonyms[role].some((s) => norm(s) === header || norm(s) === bare)) {
        found[role] = index;
        return;
      }
    }
  });
  return found;
}

export function cellAt(row: TextBlock[], index: number | undefined): TextBlock | null {
  return index === undefined ? null : (row[index] ?? null);
}

/** A cell's text, or null when it is empty. */
export function cellText(cell: TextBlock | null): string | null {
  const t = cell?.text.trim();
  return t ? t : null;
}
