import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'paper-accessibility',
    description: 'Papers can be read with assistive technology: images have alternative text, tables a header row, headings no skipped level',
    category: 'text',
    severity: 'warning',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const paper of meeting.papers) {
          for (const image of paper.images) {
            if (image.alt.trim() === '') {
              context.report(`Unexpected image "${image.src}" without alternative text, expected ![what it shows](${image.src}): a reader who cannot see it is told nothing`, image.position);
            }
          }
          for (const table of paper.tables) {
            if (table.header.every((cell) => cell.text.trim() === '')) {
              context.report('Unexpected table without a header row, expected its first row to name the columns: a screen reader reads each cell with its column’s name', table.position);
            }
          }
          let previous: number | null = null;
          for (const section of paper.sections) {
            if (section.level === null) continue;
            if (previous !== null && section.level > previous + 1) {
              context.report(
                `Unexpected heading level ${section.level} after level ${previous} ("${section.title}"), expected level ${previous + 1}: a skipped level breaks the outline that screen readers and the PDF's tags follow`,
                section.position,
              );
            }
            previous = section.level;
          }
        }
      }
    }
  },
);
