import type { Paper, ReportSection } from '../model/types.js';

/*
 * A report's sections as the template rules read them: a heading's words
 * without its number or emphasis, what is written under it, and the
 * wordings councils use for the same section.
 */

/** A heading's words, compared: lower case, without its number, emphasis or punctuation. */
export function sectionWords(title: string): string {
  return title
    .toLowerCase()
    .replace(/^\s*\d+(?:\.\d+)*\.?\s*/, '')
    .replace(/[*_`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The first section whose heading says one of the wordings (its words, or its first words). */
export function findSection(paper: Paper, wordings: readonly string[]): ReportSection | null {
  const wanted = wordings.map(sectionWords).filter(Boolean);
  return paper.sections.find((s) => wanted.some((w) => sectionWords(s.title) === w || sectionWords(s.title).startsWith(`${w} `))) ?? null;
}

/** Whether anything is written under a section before the next heading at its level or above ("None" counts). */
export function hasContent(paper: Paper, section: ReportSection): boolean {
  const level = section.level ?? 2;
  const next = paper.sections.find((s) => s.position.line > section.position.line && (s.level ?? 2) <= level);
  const end = next?.position.line ?? Infinity;
  return paper.blocks.some((b) => b.kind !== 'heading' && b.position.line > section.position.line && b.position.line < end && b.text.trim() !== '')
    || paper.sections.some((s) => s.position.line > section.position.line && s.position.line < end);
}
