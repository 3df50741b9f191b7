/*
 * Makes two ready-made PDF appendices, as two kinds of PDF that clerks are
 * sent: the sample's, a tagged one (as an accessible export from a finance
 * system would be: headings, a table with its header cells, a link, its own
 * structure types in a role map) and an untagged one (as an old word
 * processor's export is: text with no tags), which the tests merge into a pack. Both embed their fonts.
 * Run with `npx tsx scripts/sample-pdfs.ts`; the PDFs are kept in the repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@cantoo/fontkit';
import { endMarkedContent, PDFDocument, PDFHexString, PDFName, PDFOperator, PDFRef, PDFString, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';

const require = createRequire(import.meta.url);
const fonts = join(dirname(require.resolve('@fontsource/noto-sans/package.json')), 'files');
const WHEN = new Date('2025-12-15T00:00:00Z');

async function newDoc(title: string) {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(readFileSync(join(fonts, 'noto-sans-latin-400-normal.woff')), { subset: true, customName: 'SMPLRG+NotoSans-Regular' });
  const bold = await doc.embedFont(readFileSync(join(fonts, 'noto-sans-latin-700-normal.woff')), { subset: true, customName: 'SMPLBD+NotoSans-Bold' });
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor('Wyndmoor Borough Council');
  doc.setCreator('boardpack sample');
  doc.setProducer('boardpack sample');
  doc.setCreationDate(WHEN);
  doc.setModificationDate(WHEN);
  doc.setLanguage('en-GB');
  return { doc, regular, bold };
}

function linkAnnotation(doc: PDFDocument, page: PDFPage, rect: [number, number, number, number], uri: string, extra: Record<string, unknown> = {}): PDFRef {
  const annot = doc.context.register(
    doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of(uri) }, ...extra }),
  );
  page.node.addAnnot(annot);
  return annot;
}

/** Appendix A of the budget monitoring report: tagged. */
async function tagged(): Promise<Uint8Array> {
  const { doc, regular, bold } = await newDoc('Appendix A - Revenue monitoring by directorate');
  const page = doc.addPage([595.28, 841.89]);
  const ctx = doc.context;
  const root = ctx.nextRef();
  const document = ctx.nextRef();
  const pageRef = page.ref;
  let mcid = 0;
  const owners: PDFRef[] = [];
  /** Draw text as marked content of a new element of `type` under `parent`. */
  const text = (parent: PDFRef, type: string, value: string, x: number, y: number, font: PDFFont, size: number, attributes?: object): PDFRef => {
    const element = ctx.nextRef();
    const id = mcid++;
    page.pushOperators(PDFOperator.of('BDC' as never, [PDFName.of(type), ctx.obj({ MCID: id }) as never]));
    page.drawText(value, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    page.pushOperators(endMarkedContent());
    ctx.assign(element, ctx.obj(<never>{ Type: 'StructElem', S: type, P: parent, Pg: pageRef, K: id, ...(attributes ? { A: attributes } : {}) }));
    owners[id] = element;
    return element;
  };
  const group = (parent: PDFRef, type: string, kids: (self: PDFRef) => PDFRef[]): PDFRef => {
    const element = ctx.nextRef();
    ctx.assign(element, ctx.obj({ Type: 'StructElem', S: type, P: parent, K: kids(element) }));
    return element;
  };
  const top = [
    text(document, 'Heading 1', 'Appendix A - Revenue monitoring by directorate', 56, 780, bold, 15),
    text(document, 'Body Text', 'Forecast outturn 2025/26 at the end of quarter 2 (30 September 2025)', 56, 756, regular, 10),
  ];
  const rows = [
    ['Directorate', 'Budget £m', 'Forecast £m', 'Variance £m'],
    ['Adults and Housing', '14.20', '14.61', '+0.41'],
    ["Children's Services", '11.35', '11.58', '+0.23'],
    ['Environment', '7.10', '7.06', '-0.04'],
    ['Resources', '5.40', '5.37', '-0.03'],
    ['Corporate', '3.00', '3.00', '0.00'],
    ['Total', '41.05', '41.62', '+0.57'],
  ];
  const columns = [56, 230, 360, 480];
  top.push(
    group(document, 'Table', (table) =>
      rows.map((row, r) =>
        group(table, 'TR', (tr) =>
          row.map((cell, c) => {
            const header = r === 0 || c === 0;
            const scope = r === 0 ? 'Column' : 'Row';
            return text(tr, header ? 'TH' : 'TD', cell, columns[c], 720 - r * 24, header ? bold : regular, 10, header ? { O: 'Table', Scope: scope } : undefined);
          }),
        ),
      ),
    ),
  );
  top.push(text(document, 'Body Text', 'Positive variances are overspends. Figures are rounded to the nearest £10,000.', 56, 540, regular, 9));
  // A link: its text as marked content, and the annotation, both in one Link element.
  const link = ctx.nextRef();
  const linkId = mcid++;
  const linkText = 'The budget book is at www.example.gov.uk/budget';
  page.pushOperators(PDFOperator.of('BDC' as never, [PDFName.of('Link'), ctx.obj({ MCID: linkId }) as never]));
  page.drawText(linkText, { x: 56, y: 520, size: 9, font: regular, color: rgb(0.05, 0.2, 0.5) });
  page.pushOperators(endMarkedContent());
  const annot = linkAnnotation(doc, page, [56, 516, 56 + regular.widthOfTextAtSize(linkText, 9), 530], 'https://www.example.gov.uk/budget', {
    StructParent: 1,
    Contents: PDFHexString.fromText('The council budget book'),
  });
  ctx.assign(link, ctx.obj({ Type: 'StructElem', S: 'Link', P: document, Pg: pageRef, K: [linkId, ctx.obj({ Type: 'OBJR', Obj: annot, Pg: pageRef })] }));
  owners[linkId] = link;
  top.push(link);
  ctx.assign(document, ctx.obj({ Type: 'StructElem', S: 'Document', P: root, K: top }));
  page.node.set(PDFName.of('StructParents'), ctx.obj(0));
  page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  ctx.assign(
    root,
    ctx.obj({
      Type: 'StructTreeRoot',
      K: [document],
      RoleMap: { 'Heading 1': 'H1', 'Body Text': 'P' },
      ParentTree: ctx.register(ctx.obj({ Nums: [0, owners, 1, link] })),
      ParentTreeNextKey: 2,
    }),
  );
  doc.catalog.set(PDFName.of('StructTreeRoot'), root);
  doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  return doc.save({ useObjectStreams: false });
}

/** An appendix on the general reserve, for the tests: untagged. */
async function untagged(): Promise<Uint8Array> {
  const { doc, regular, bold } = await newDoc('Appendix A - General reserve 2021/22 to 2025/26');
  const page = doc.addPage([595.28, 841.89]);
  const line = (value: string, y: number, font: PDFFont, size: number) => page.drawText(value, { x: 56, y, size, font, color: rgb(0.1, 0.1, 0.1) });
  line('Appendix A - General reserve 2021/22 to 2025/26', 780, bold, 15);
  line('Balance at 31 March, £ million, and as a share of net spending', 756, regular, 10);
  const years = [
    ['2021/22', '5.2', '13.4%'],
    ['2022/23', '4.6', '11.5%'],
    ['2023/24', '4.0', '9.9%'],
    ['2024/25', '3.7', '9.0%'],
    ['2025/26', '4.1', '9.9%'],
  ];
  years.forEach(([year, balance, share], i) => line(`${year}    ${balance}    ${share}`, 720 - i * 22, regular, 10));
  const note = 'Source: the statement of accounts, www.example.gov.uk/accounts';
  line(note, 590, regular, 9);
  linkAnnotation(doc, page, [56, 586, 56 + regular.widthOfTextAtSize(note, 9), 600], 'https://www.example.gov.uk/accounts');
  return doc.save({ useObjectStreams: false });
}

const repo = dirname(require.resolve('../package.json'));
writeFileSync(join(repo, 'content/committees/resources-scrutiny-panel/2026-01-13/budget-monitoring-q2-appendix-a.pdf'), await tagged());
writeFileSync(join(repo, 'tests/fixtures/pdf-ua/untagged-appendix.pdf'), await untagged());
