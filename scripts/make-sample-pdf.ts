/**
 * Writes the sample council's ready-made PDF appendix, so the sample holds a
 * real PDF built from text we wrote (run: npx tsx scripts/make-sample-pdf.ts).
 * The output is committed; the script is kept so it can be made again.
 */
import { writeFileSync } from 'node:fs';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

const OUT = 'content/committees/resources-scrutiny-panel/2026-01-13/budget-monitoring-q2-appendix-a.pdf';
const FIXED = new Date('2026-01-05T09:00:00Z');

const rows: [string, string, string, string][] = [
  ['Directorate', 'Budget £m', 'Forecast £m', 'Variance £m'],
  ['Adults and Housing', '14.20', '14.61', '+0.41'],
  ["Children's Services", '11.35', '11.58', '+0.23'],
  ['Environment', '7.10', '7.06', '-0.04'],
  ['Resources', '5.40', '5.37', '-0.03'],
  ['Corporate', '3.00', '3.00', '0.00'],
  ['Total', '41.05', '41.62', '+0.57'],
];

const doc = await PDFDocument.create();
doc.setTitle('Appendix A - Revenue monitoring by directorate');
doc.setAuthor('Wyndmoor Borough Council');
doc.setSubject('Budget Monitoring 2025/26, Quarter 2');
doc.setProducer('boardpack sample');
doc.setCreator('boardpack sample');
doc.setCreationDate(FIXED);
doc.setModificationDate(FIXED);
doc.setLanguage('en-GB');
const font = await doc.embedFont(StandardFonts.Helvetica);
const bold = await doc.embedFont(StandardFonts.HelveticaBold);
const page = doc.addPage([595.28, 841.89]);
page.drawText('Appendix A - Revenue monitoring by directorate', { x: 56, y: 780, size: 16, font: bold });
page.drawText('Forecast outturn 2025/26 at the end of quarter 2 (30 September 2025)', { x: 56, y: 756, size: 11, font });
let y = 716;
for (const [i, row] of rows.entries()) {
  const f = i === 0 || i === rows.length - 1 ? bold : font;
  row.forEach((cell, c) => page.drawText(cell, { x: 56 + c * 125, y, size: 11, font: f }));
  page.drawLine({ start: { x: 56, y: y - 6 }, end: { x: 540, y: y - 6 }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
  y -= 24;
}
page.drawText('Positive variances are overspends. Figures are rounded to the nearest £10,000.', { x: 56, y: y - 12, size: 10, font });
writeFileSync(OUT, await doc.save({ useObjectStreams: false }));
console.log(`wrote ${OUT}`);
