import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@cantoo/fontkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFString,
  type PDFFont,
} from '@cantoo/pdf-lib';

/*
 * What makes a PDF that boardpack writes meet PDF/UA-1 (ISO 14289-1) where a
 * machine can tell: XMP metadata naming the standard, the title shown, links
 * described, tab order by structure, embedded fonts for what boardpack itself
 * draws, and merged PDFs given a place in the structure tree.
 */

const require = createRequire(import.meta.url);
const name = (key: string) => PDFName.of(key);

/** Noto Sans, regular or bold, embedded (subset, with its Unicode map) under a fixed name so that rebuilds are identical. */
export async function stampFont(doc: PDFDocument, bold = false): Promise<PDFFont> {
  const dir = dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const file = join(dir, 'files', `noto-sans-latin-${bold ? 700 : 400}-normal.woff`);
  doc.registerFontkit(fontkit);
  return doc.embedFont(readFileSync(file), { subset: true, customName: bold ? 'BPSTMB+NotoSans-Bold' : 'BPSTMP+NotoSans-Regular' });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface AccessibleMetadata {
  title: string;
  author: string;
  subject: string;
  language: string;
  /** The day that stands for creation and modification (ISO date). */
  date: string;
}

/** The XMP packet: Dublin Core title, creator, description and language, dates, and the PDF/UA-1 identifier. */
export function xmpPacket(meta: AccessibleMetadata): string {
  const when = `${meta.date}T00:00:00Z`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${escapeXml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    '   <pdf:Producer>boardpack</pdf:Producer>',
    '   <xmp:CreatorTool>boardpack</xmp:CreatorTool>',
    `   <xmp:CreateDate>${when}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${when}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    '   <pdfuaid:part>1</pdfuaid:part>',
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * The document-level conditions: the information dictionary and the same in
 * XMP with the PDF/UA identifier, the title shown in the window, the
 * language, marked as tagged, PDF 1.7.
 */
export function setAccessibleMetadata(doc: PDFDocument, meta: AccessibleMetadata): void {
  const when = new Date(`${meta.date}T00:00:00Z`);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setLanguage(meta.language);
  doc.setCreator('boardpack');
  doc.setProducer('boardpack');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const old = doc.catalog.get(name('Metadata'));
  if (old instanceof PDFRef) doc.context.delete(old);
  const stream = doc.context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(name('Metadata'), doc.context.register(stream));
  doc.catalog.set(name('MarkInfo'), doc.context.obj({ Marked: true }));
  doc.context.header = PDFHeader.forVersion(1, 7);
  mapRoles(doc);
}

/**
 * Every link gets the description PDF/UA asks for (its Contents), and every
 * page the tab order of its structure. `describe` names the place an internal
 * link goes, by its destination's name; without one, its page is named.
 */
export function describeLinks(doc: PDFDocument, describe: (destination: string) => string | undefined = () => undefined): void {
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const dests = doc.catalog.lookupMaybe(name('Dests'), PDFDict);
  for (const page of doc.getPages()) {
    page.node.set(name('Tabs'), name('S'));
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(name('Subtype')) !== name('Link')) continue;
      const contents = annot.lookupMaybe(name('Contents'), PDFString, PDFHexString)?.decodeText();
      if (contents) continue;
      const uri = annot.lookupMaybe(name('A'), PDFDict)?.lookupMaybe(name('URI'), PDFString, PDFHexString)?.decodeText();
      let text: string;
      if (uri !== undefined) text = uri.startsWith('mailto:') ? `Email ${uri.slice(7)}` : `Open ${uri}`;
      else {
        const dest = annot.get(name('Dest'));
        const key = dest instanceof PDFName ? decodeURIComponent(dest.decodeText()) : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : null;
        const target = key !== null ? dests?.lookupMaybe(name(key), PDFArray) : dest instanceof PDFArray ? dest : undefined;
        const at = target ? pages.get(target.get(0).toString()) : undefined;
        text = (key !== null ? describe(key) : undefined) ?? (at !== undefined ? `Go to page ${at + 1} of this document` : 'Go to a place in this document');
      }
      annot.set(name('Contents'), PDFHexString.fromText(text));
    }
  }
}

/** Structure types Chromium writes from PDF 2.0 and HTML, with the PDF 1.7 type each stands for. */
const ROLES: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Title: 'P',
  FENote: 'Note',
  Aside: 'Div',
  DocumentFragment: 'Div',
};

/** Map the structure types PDF 1.7 does not define to those it does, in the role map, where they are used. */
export function mapRoles(doc: PDFDocument): void {
  const tree = doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (!tree) return;
  const used = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const type = object instanceof PDFDict ? object.get(name('S')) : undefined;
    if (type instanceof PDFName && ROLES[type.decodeText()]) used.add(type.decodeText());
  }
  if (used.size === 0) return;
  let map = tree.lookupMaybe(name('RoleMap'), PDFDict);
  if (!map) {
    map = doc.context.obj({});
    tree.set(name('RoleMap'), map);
  }
  for (const type of [...used].sort()) if (!map.has(name(type))) map.set(name(type), name(ROLES[type]));
}
