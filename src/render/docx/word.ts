import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { FootnoteDefinition, List, PhrasingContent, Root, RootContent, TableRow as MdTableRow } from 'mdast';

/*
 * A paper or minutes as a Word document, for the officers and chairs who
 * review in Word: the Markdown tree (as the publication view gives it) written
 * with the `docx` package. What `boardpack import` reads back it writes as
 * Word holds it: headings as Word's headings, numbered paragraphs with their
 * numbers as text (as the paper has them), lists as Word's lists, tables with
 * a header row, footnotes as Word's footnotes, links as links. Images are
 * named by their alternative text: packs and review copies fetch nothing.
 */

export interface WordDocument {
  title: string;
  author: string | null;
  /** The document's date (its properties' created and modified), `YYYY-MM-DD`; none where the paper has none. */
  date: string | null;
  /** A line under the title: the meeting, the item. */
  subtitle: string | null;
  tree: Root;
}

type Block = Paragraph | Table;
type Marks = Pick<IRunOptions, 'bold' | 'italics' | 'strike' | 'font'>;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
/** Deterministic bytes: the document's dates are fixed, not the clock's. */
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

class Writer {
  private readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  private readonly noteIds = new Map<string, number>();
  private lists = 0;

  constructor(private readonly definitions: Map<string, FootnoteDefinition>) {}

  notes(): Record<number, { children: Paragraph[] }> {
    return this.footnotes;
  }

  blocks(nodes: readonly RootContent[], indent = 0): Block[] {
    return nodes.flatMap((node) => this.block(node, indent));
  }

  private block(node: RootContent, indent: number): Block[] {
    switch (node.type) {
      case 'heading':
        // The paper's title is the document's Title; its level-2 sections are Word's Heading 1.
        return [new Paragraph({ heading: HEADINGS[Math.max(0, Math.min(5, node.depth - 2))], children: this.runs(node.children, {}) })];
      case 'paragraph':
        return [new Paragraph({ children: this.runs(node.children, {}), ...(indent ? { indent: { left: indent * 720 } } : {}) })];
      case 'list':
        return this.list(node, 0);
      case 'table':
        return [this.table(node.children)];
      case 'blockquote':
        return this.blocks(node.children, indent + 1);
      case 'code':
        return node.value.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New' })] }));
      case 'thematicBreak':
        return [new Paragraph({ children: [], border: { bottom: { style: 'single', size: 6, color: '999999', space: 1 } } })];
      case 'html':
        return node.value.trim() ? [new Paragraph({ children: [new TextRun(node.value.replace(/<[^>]*>/g, ''))] })] : [];
      default:
        return [];
    }
  }

  private list(list: List, level: number): Paragraph[] {
    const instance = ++this.lists;
    const out: Paragraph[] = [];
    for (const item of list.children) {
      let first = true;
      for (const child of item.children) {
        if (child.type === 'list') {
          out.push(...this.list(child, level + 1));
          continue;
        }
        if (child.type !== 'paragraph') {
          out.push(...(this.blocks([child], level + 1) as Paragraph[]));
          continue;
        }
        const runs = this.runs(child.children, {});
        out.push(
          first
            ? new Paragraph({ children: runs, ...(list.ordered ? { numbering: { reference: 'ordered', level, instance } } : { bullet: { level } }) })
            : new Paragraph({ children: runs, indent: { left: (level + 1) * 720 } }),
        );
        first = false;
      }
    }
    return out;
  }

  private table(rows: readonly MdTableRow[]): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (row, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: row.children.map((cell) => new TableCell({ children: [new Paragraph({ children: this.runs(cell.children, {}) })] })),
          }),
      ),
    });
  }

  private runs(nodes: readonly PhrasingContent[], marks: Marks): (TextRun | ExternalHyperlink | FootnoteReferenceRun)[] {
    return nodes.flatMap((node): (TextRun | ExternalHyperlink | FootnoteReferenceRun)[] => {
      switch (node.type) {
        case 'text':
          return [new TextRun({ text: node.value.replace(/\n/g, ' '), ...marks })];
        case 'strong':
          return this.runs(node.children, { ...marks, bold: true });
        case 'emphasis':
          return this.runs(node.children, { ...marks, italics: true });
        case 'delete':
          return this.runs(node.children, { ...marks, strike: true });
        case 'inlineCode':
          return [new TextRun({ text: node.value, ...marks, font: 'Courier New' })];
        case 'break':
          return [new TextRun({ text: '', break: 1 })];
        case 'link': {
          const runs = this.runs(node.children, marks) as TextRun[];
          return /^(https?:|mailto:)/i.test(node.url) ? [new ExternalHyperlink({ link: node.url, children: runs })] : runs;
        }
        case 'image':
          return [new TextRun({ text: `[Image: ${node.alt || 'no description'}]`, ...marks, italics: true })];
        case 'footnoteReference': {
          const id = this.note(node.identifier);
          return id === null ? [] : [new FootnoteReferenceRun(id)];
        }
        case 'html':
          return [new TextRun({ text: node.value.replace(/<[^>]*>/g, ''), ...marks })];
        default:
          return 'children' in node ? this.runs(node.children as PhrasingContent[], marks) : [];
      }
    });
  }

  /** Word's number for a footnote, its text written the first time it is referred to. */
  private note(identifier: string): number | null {
    const known = this.noteIds.get(identifier);
    if (known !== undefined) return known;
    const definition = this.definitions.get(identifier);
    if (!definition) return null;
    const id = this.noteIds.size + 1;
    this.noteIds.set(identifier, id);
    const paragraphs = this.blocks(definition.children).filter((b): b is Paragraph => b instanceof Paragraph);
    this.footnotes[id] = { children: paragraphs.length ? paragraphs : [new Paragraph('')] };
    return id;
  }
}

/** The Word document's bytes: the same tree always gives the same bytes. */
export async function wordDocument(doc: WordDocument): Promise<Uint8Array> {
  const definitions = new Map<string, FootnoteDefinition>();
  const body: RootContent[] = [];
  for (const node of doc.tree.children) {
    if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node);
    else if (node.type !== 'yaml' && (node as { type: string }).type !== 'toml') body.push(node);
  }
  const writer = new Writer(definitions);
  const children: Block[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    ...(doc.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(doc.subtitle)] })] : []),
    ...writer.blocks(body),
  ];
  const word = new Document({
    title: doc.title,
    creator: doc.author ?? '',
    lastModifiedBy: 'boardpack',
    revision: 1,
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [0, 1, 2, 3, 4, 5].map((level) => ({
            level,
            format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3],
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    styles: { paragraphStyles: [{ id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { italics: true, color: '595959' } }] },
    footnotes: writer.notes(),
    sections: [{ children }],
  });
  const bytes = await Packer.toBuffer(word);
  return fixDates(bytes, doc.date);
}

/**
 * The package's created and modified dates: the paper's own day, or none where it has none (never the clock's),
 * so that the same paper makes the same bytes, and its date comes back when the copy is imported.
 */
async function fixDates(bytes: Buffer, date: string | null): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const core = zip.file('docProps/core.xml');
  if (core) {
    const text = (await core.async('string')).replace(/<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:(?:created|modified)>/g, (whole, which: string) =>
      date ? `<dcterms:${which} xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:${which}>` : '',
    );
    zip.file('docProps/core.xml', text);
  }
  // Fixed times in the zip's own entries too.
  for (const file of Object.values(zip.files)) file.date = FIXED_DATE;
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}
