// Word documents made in the tests with the `docx` package, one hazard or feature each (issue 28).
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  Textbox,
  TextRun,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';

/** A 1x1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const NUMBERING = {
  config: [
    {
      reference: 'report',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', start: 1 },
        { level: 2, format: LevelFormat.LOWER_ROMAN, text: '(%3)', start: 1 },
      ],
    },
    { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022' }] },
  ],
};

/** The day the documents say they were saved: the `docx` package would write the clock's. */
export const SAVED = '2026-03-01T09:00:00Z';

async function pack(sections: ISectionOptions[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Promise<Buffer> {
  const bytes = await Packer.toBuffer(new Document({ creator: 'Nadine Cross', title: 'Fees and charges 2026/27', numbering: NUMBERING, sections, ...extra }));
  const zip = await JSZip.loadAsync(bytes);
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${SAVED}`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

const numbered = (text: string | (TextRun | FootnoteReferenceRun | ExternalHyperlink)[], level: number, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ ...(typeof text === 'string' ? { text } : { children: text }), numbering: { reference: 'report', level }, ...(heading ? { heading } : {}) });

/** A council report as officers write it: numbered headings and paragraphs, a bullet, a financial table with a merged total row, an image, a footnote, a link. */
export function councilReport(version: 'first' | 'second' = 'first'): Promise<Buffer> {
  return pack(
    [
      {
        children: [
          new Paragraph({ text: 'Fees and charges 2026/27', heading: HeadingLevel.TITLE }),
          numbered('Recommendations', 0, HeadingLevel.HEADING_1),
          numbered([new TextRun(`That the fees in Appendix A be approved from 1 April ${version === 'first' ? '2026' : '2027'}.`), new FootnoteReferenceRun(1)], 1),
          numbered([new TextRun({ text: 'Parking', bold: true }), new TextRun(' charges rise by the '), new ExternalHyperlink({ link: 'https://www.ons.gov.uk/', children: [new TextRun('rate of inflation')] })], 2),
          numbered('Bulky waste charges are frozen.', 2),
          numbered('Background', 0, HeadingLevel.HEADING_1),
          numbered('The council reviews its fees each year.', 1),
          new Paragraph({ text: 'car parks', numbering: { reference: 'bullets', level: 0 } }),
          new Table({
            rows: [
              new TableRow({ tableHeader: true, children: ['Service', 'Fee'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
              new TableRow({ children: ['Parking', '£2.00'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
              new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph('Total £2.00')] })] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 }, altText: { title: 'Map', description: 'A map of the car parks', name: 'map' } })] }),
        ],
      },
    ],
    { footnotes: { 1: { children: [new Paragraph('Set by the Local Government Act 2003.')] } } },
  );
}

/** A paragraph with a tracked deletion and insertion by one author, and a comment by another. */
export function trackedAndCommented(): Promise<Buffer> {
  const when = '2026-03-01T10:00:00Z';
  return pack(
    [
      {
        children: [
          new Paragraph({ text: 'Parking review', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('The daily fee is '),
              new DeletedTextRun({ text: '£2', id: 1, author: 'Nadine Cross', date: when }),
              new InsertedTextRun({ text: '£3', id: 2, author: 'Nadine Cross', date: when }),
              new TextRun(' a day.'),
            ],
          }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun('The budget is balanced.'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] }),
        ],
      },
    ],
    { comments: { children: [{ id: 0, author: 'Legal Services', date: new Date(when), children: [new Paragraph('Please check the figure.')] }] } },
  );
}

/** What a paper cannot hold: a text box, a field, a header; and an image with no alternative text, a table with no header row. */
export function withLosses(): Promise<Buffer> {
  return pack([
    {
      headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })] })] }) },
      children: [
        new Paragraph({ text: 'Street lighting', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ children: [new TextRun('Printed on '), new SimpleField('DATE', '1 March 2026')] }),
        new Textbox({ children: [new Paragraph('A note in a box.')], style: { width: '2in', height: '1in' } }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] }),
        new Table({ rows: [new TableRow({ children: ['Ward', 'Lights'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }), new TableRow({ children: ['Abbey', '120'].map((t) => new TableCell({ children: [new Paragraph(t)] })) })] }),
      ],
    },
  ]);
}
