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
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFRef,
  PDFStream,
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

// ---------------------------------------------------------------------------
// Merged PDFs

const asArray = (doc: PDFDocument, value: unknown): unknown[] => {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (resolved instanceof PDFArray) return resolved.asArray();
  return resolved === undefined ? [] : [value];
};

/** Whether a PDF is tagged: marked as such, with a structure tree that has elements. */
export function isTagged(source: PDFDocument): boolean {
  const marked = source.catalog.lookupMaybe(name('MarkInfo'), PDFDict)?.get(name('Marked'));
  const tree = source.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  return String(marked) === 'true' && tree !== undefined && asArray(source, tree.get(name('K'))).length > 0;
}

/** Every [key, value] of a number tree (a ParentTree), in order. */
export function numberTreeEntries(doc: PDFDocument, node: PDFDict | undefined, depth = 0): [number, unknown][] {
  if (!node || depth > 32) return [];
  const entries: [number, unknown][] = [];
  const nums = node.lookupMaybe(name('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) entries.push([nums.lookup(i, PDFNumber).asNumber(), nums.get(i + 1)]);
  const kids = node.lookupMaybe(name('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) entries.push(...numberTreeEntries(doc, kids.lookup(i, PDFDict), depth + 1));
  return entries;
}

/** The document's structure tree root, its top element (Document) and parent tree, made where missing. */
function structureOf(doc: PDFDocument): { tree: PDFDict; top: PDFRef; parentTree: PDFDict } {
  let tree = doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (!tree) {
    tree = doc.context.obj({ Type: 'StructTreeRoot', ParentTreeNextKey: 0 });
    doc.catalog.set(name('StructTreeRoot'), doc.context.register(tree));
  }
  const treeRef = doc.catalog.get(name('StructTreeRoot')) as PDFRef;
  let [top] = asArray(doc, tree.get(name('K')));
  if (!(top instanceof PDFRef)) {
    top = doc.context.register(doc.context.obj({ Type: 'StructElem', S: 'Document', P: treeRef, K: [] }));
    tree.set(name('K'), doc.context.obj([top as PDFRef]));
  }
  let parentTree = tree.lookupMaybe(name('ParentTree'), PDFDict);
  if (!parentTree) {
    parentTree = doc.context.obj({ Nums: [] });
    tree.set(name('ParentTree'), doc.context.register(parentTree));
  }
  if (!tree.has(name('ParentTreeNextKey'))) tree.set(name('ParentTreeNextKey'), PDFNumber.of(0));
  return { tree, top: top as PDFRef, parentTree };
}

/** Add entries to a parent tree, after its own (as a new leaf where it has kids). */
function addParentEntries(doc: PDFDocument, parentTree: PDFDict, added: unknown[]): void {
  if (added.length === 0) return;
  const nums = parentTree.lookupMaybe(name('Nums'), PDFArray);
  if (nums) for (const item of added) nums.push(item as PDFRef);
  else {
    const keys = added.filter((_, i) => i % 2 === 0) as PDFNumber[];
    const kid = doc.context.register(doc.context.obj({ Nums: added as PDFRef[], Limits: [keys[0], keys[keys.length - 1]] }));
    parentTree.lookup(name('Kids'), PDFArray).push(kid);
  }
}

/**
 * Put a new section for the pages from `firstAfter - count` to `firstAfter - 1`
 * where those pages fall in the reading order: before the first element that
 * starts after them, inside the element that runs on across them (a printed
 * part holding the papers before and after an appendix). Returns its parent.
 */
function insertSection(doc: PDFDocument, section: PDFRef, firstAfter: number): PDFRef {
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const spans = new Map<PDFDict, [number, number] | null>();
  /** The first and last page an element's content is on. */
  const span = (node: PDFDict, depth = 0): [number, number] | null => {
    if (spans.has(node)) return spans.get(node)!;
    let found: [number, number] | null = null;
    const add = (page: number | undefined) => {
      if (page !== undefined) found = found ? [Math.min(found[0], page), Math.max(found[1], page)] : [page, page];
    };
    const pg = node.get(name('Pg'));
    if (pg) add(pageIndex.get(pg.toString()));
    if (depth < 256) {
      for (const kid of asArray(doc, node.get(name('K')))) {
        const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
        if (!(dict instanceof PDFDict)) continue;
        const inner = span(dict, depth + 1);
        if (inner) {
          add(inner[0]);
          add(inner[1]);
        }
      }
    }
    spans.set(node, found);
    return found;
  };
  let parent = structureOf(doc).top;
  for (let depth = 0; depth < 256; depth++) {
    const parentDict = doc.context.lookup(parent, PDFDict);
    const kids = asArray(doc, parentDict.get(name('K')));
    let at = kids.length;
    let into: PDFRef | null = null;
    for (const [i, kid] of kids.entries()) {
      const dict = kid instanceof PDFRef ? doc.context.lookup(kid) : undefined;
      const range = dict instanceof PDFDict ? span(dict) : null;
      if (!range) continue;
      if (range[0] >= firstAfter) {
        at = i;
        break;
      }
      // An element that runs on across the new pages, and holds elements of its own: the section goes inside it.
      const holdsElements = dict instanceof PDFDict && asArray(doc, dict.get(name('K'))).some((k) => k instanceof PDFRef && doc.context.lookup(k) instanceof PDFDict && (doc.context.lookup(k) as PDFDict).has(name('S')));
      if (range[1] >= firstAfter && holdsElements) {
        into = kid as PDFRef;
        break;
      }
    }
    if (into) {
      parent = into;
      continue;
    }
    kids.splice(at, 0, section);
    parentDict.set(name('K'), doc.context.obj(kids as PDFRef[]));
    return parent;
  }
  throw new Error('the structure tree is too deep to place a merged PDF in');
}

/** Shift a StructParent(s) key by `offset`. */
function shift(dict: PDFDict, key: string, offset: number): void {
  const value = dict.get(name(key));
  if (value instanceof PDFNumber) dict.set(name(key), PDFNumber.of(value.asNumber() + offset));
}

/** Form XObjects under a page's resources (and theirs), each once. */
function formXObjects(doc: PDFDocument, resources: unknown, seen = new Set<PDFStream>()): PDFStream[] {
  const dict = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
  if (!(dict instanceof PDFDict)) return [];
  const xobjects = dict.lookupMaybe(name('XObject'), PDFDict);
  const found: PDFStream[] = [];
  for (const [, value] of xobjects?.entries() ?? []) {
    const stream = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(stream instanceof PDFStream) || seen.has(stream) || stream.dict.get(name('Subtype')) !== name('Form')) continue;
    seen.add(stream);
    found.push(stream, ...formXObjects(doc, stream.dict.get(name('Resources')), seen));
  }
  return found;
}

/** Give a source's element IDs (and the table header references to them) a prefix of their own, so that none clashes with the document's. */
function renameIds(source: PDFDocument, title: string): void {
  const prefix = `m${[...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(36)}-`;
  const rename = (value: unknown) =>
    value instanceof PDFString || value instanceof PDFHexString ? PDFString.of(`${prefix}${value.decodeText()}`) : undefined;
  for (const [, object] of source.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || (object.get(name('Type')) !== name('StructElem') && !object.has(name('S')))) continue;
    const id = rename(object.get(name('ID')));
    if (id) object.set(name('ID'), id);
    for (const set of asArray(source, object.get(name('A')))) {
      const attributes = set instanceof PDFRef ? source.context.lookup(set) : set;
      const headers = attributes instanceof PDFDict ? attributes.lookupMaybe(name('Headers'), PDFArray) : undefined;
      for (let i = 0; headers && i < headers.size(); i++) {
        const renamed = rename(headers.get(i));
        if (renamed) headers.set(i, renamed);
      }
    }
  }
}

/**
 * A merged PDF's headings start at its own level 1; in the pack they belong at
 * the level of its place (an appendix's title is a level 4 heading), so they
 * move down by as many levels as that, its top heading going there (at most level 6).
 */
function relevelHeadings(doc: PDFDocument, roots: unknown[], standardOf: (type: unknown) => string, level: number): void {
  const headings: [PDFDict, number][] = [];
  const seen = new Set<PDFDict>();
  const walk = (value: unknown, depth: number) => {
    const node = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (!(node instanceof PDFDict) || seen.has(node) || depth > 256 || !node.has(name('S'))) return;
    seen.add(node);
    const heading = /^H([1-6])$/.exec(standardOf(node.get(name('S'))));
    if (heading) headings.push([node, Number(heading[1])]);
    for (const kid of asArray(doc, node.get(name('K')))) walk(kid, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  if (headings.length === 0) return;
  const shift = level - Math.min(...headings.map(([, n]) => n));
  for (const [node, n] of headings) node.set(name('S'), name(`H${Math.max(1, Math.min(6, n + shift))}`));
}

/**
 * Insert the pages of a tagged PDF before page `at`, its structure kept: its
 * structure elements (under a new section titled for the appendix, placed in
 * the document's tree where its pages fall), their marked content and
 * annotations through the parent tree under keys after the document's, and
 * its role map joined to the document's. Returns how many pages were inserted.
 */
export function insertTagged(doc: PDFDocument, source: PDFDocument, at: number, title: string, headingLevel = 1): number {
  const copier = PDFObjectCopier.for(source.context, doc.context);
  const { tree, parentTree } = structureOf(doc);
  const sourceTree = source.catalog.lookup(name('StructTreeRoot'), PDFDict);
  const offset = tree.lookup(name('ParentTreeNextKey'), PDFNumber).asNumber();

  // The source's top elements: its Document element's children, or the root's own.
  const roots = asArray(source, sourceTree.get(name('K')));
  const roleMap = sourceTree.lookupMaybe(name('RoleMap'), PDFDict);
  const standardOf = (type: unknown) => {
    let t = type;
    for (let i = 0; i < 8 && t instanceof PDFName && roleMap?.has(t); i++) t = roleMap.get(t);
    return t instanceof PDFName ? t.decodeText() : '';
  };
  const only = roots.length === 1 ? source.context.lookup(roots[0] as PDFRef) : undefined;
  const children = only instanceof PDFDict && standardOf(only.get(name('S'))) === 'Document' ? asArray(source, only.get(name('K'))) : roots;
  // Cut them loose from the source's tree, so that copying them does not copy it too; content the source's Document
  // element holds itself goes to the new section in its place.
  const section = doc.context.nextRef();
  for (const child of children) {
    const element = child instanceof PDFRef ? source.context.lookup(child) : child;
    if (element instanceof PDFDict) element.delete(name('P'));
  }
  if (children !== roots) (copier as unknown as { traversedObjects: Map<unknown, unknown> }).traversedObjects.set(roots[0], section);
  renameIds(source, title);

  // Pages first, by reference, so that the elements' page references meet the same copies.
  const leaves = source.getPages().map((page, i) => {
    const ref = copier.copy(page.ref) as PDFRef;
    const leaf = doc.context.lookup(ref) as PDFPage['node'];
    shift(leaf, 'StructParents', offset);
    for (const annot of asArray(doc, leaf.get(name('Annots')))) {
      const dict = annot instanceof PDFRef ? doc.context.lookup(annot) : annot;
      if (dict instanceof PDFDict) shift(dict, 'StructParent', offset);
    }
    for (const form of formXObjects(doc, leaf.get(name('Resources')))) shift(form.dict, 'StructParents', offset);
    doc.insertPage(at + i, PDFPage.of(leaf, ref, doc));
    return leaf;
  });

  const copied = children.map((child) => copier.copy(child as PDFRef));
  relevelHeadings(doc, copied, standardOf, headingLevel);
  for (const child of copied) {
    const element = child instanceof PDFRef ? doc.context.lookup(child) : child;
    if (element instanceof PDFDict) element.set(name('P'), section);
  }
  doc.context.assign(section, doc.context.obj({ Type: 'StructElem', S: 'Sect', T: PDFHexString.fromText(title), K: copied as PDFRef[] }));
  doc.context.lookup(section, PDFDict).set(name('P'), insertSection(doc, section, at + leaves.length));

  // The parent tree: the source's entries, under their shifted keys.
  const entries = numberTreeEntries(source, sourceTree.lookupMaybe(name('ParentTree'), PDFDict));
  addParentEntries(
    doc,
    parentTree,
    entries.flatMap(([key, value]) => [PDFNumber.of(key + offset), copier.copy(value as PDFRef)]),
  );
  const sourceNext = sourceTree.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? (entries.length ? Math.max(...entries.map(([k]) => k)) + 1 : 0);
  tree.set(name('ParentTreeNextKey'), PDFNumber.of(offset + sourceNext));

  // Its role map and class map join the document's; where both name a type or class, the document's stands.
  for (const key of ['RoleMap', 'ClassMap']) {
    const map = sourceTree.lookupMaybe(name(key), PDFDict);
    if (!map) continue;
    let docMap = tree.lookupMaybe(name(key), PDFDict);
    if (!docMap) {
      docMap = doc.context.obj({});
      tree.set(name(key), docMap);
    }
    for (const [type, value] of map.entries()) if (!docMap.has(type)) docMap.set(type, copier.copy(value));
  }
  return leaves.length;
}

/**
 * Insert the pages of an untagged PDF before page `at`, each marked as one
 * figure whose alternative text names the appendix and the page, so that a
 * screen reader says what is there rather than skipping it or reading loose
 * text; its links and other annotations are tagged too. Returns how many pages were inserted.
 */
export async function insertAsFigures(doc: PDFDocument, source: PDFDocument, at: number, title: string): Promise<number> {
  const { tree, parentTree } = structureOf(doc);
  const pages = await doc.copyPages(source, source.getPageIndices());
  const section = doc.context.nextRef();
  const kids: PDFRef[] = [];
  const added: unknown[] = [];
  let next = tree.lookup(name('ParentTreeNextKey'), PDFNumber).asNumber();
  pages.forEach((page, i) => {
    doc.insertPage(at + i, page);
    const figure = doc.context.register(
      doc.context.obj({
        Type: 'StructElem',
        S: 'Figure',
        P: section,
        Pg: page.ref,
        Alt: PDFHexString.fromText(`${title}: page ${i + 1} of ${pages.length}, a scanned or untagged page whose text is not available to assistive technology`),
        K: 0,
      }),
    );
    kids.push(figure);
    // The page's content, whatever it marks itself, is the figure's marked content 0.
    const start = doc.context.register(doc.context.stream('q /Figure <</MCID 0>> BDC\n'));
    const end = doc.context.register(doc.context.stream('\nEMC Q\n'));
    page.node.wrapContentStreams(start, end);
    page.node.set(name('StructParents'), PDFNumber.of(next));
    added.push(PDFNumber.of(next++), doc.context.obj([figure]));
    page.node.set(name('Tabs'), name('S'));
    // Its annotations, each in an element of its kind: links in Link, form fields in Form, others in Annot.
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    for (let k = 0; annots && k < annots.size(); k++) {
      const ref = annots.get(k);
      const annot = annots.lookup(k);
      if (!(ref instanceof PDFRef) || !(annot instanceof PDFDict)) continue;
      const subtype = annot.get(name('Subtype'));
      if (subtype === name('Popup')) continue;
      const type = subtype === name('Link') ? 'Link' : subtype === name('Widget') ? 'Form' : 'Annot';
      const element = doc.context.register(
        doc.context.obj({ Type: 'StructElem', S: type, P: section, Pg: page.ref, K: doc.context.obj({ Type: 'OBJR', Obj: ref, Pg: page.ref }) }),
      );
      if (type === 'Annot' && !annot.has(name('Contents'))) annot.set(name('Contents'), PDFHexString.fromText(`A note in ${title}`));
      kids.push(element);
      annot.set(name('StructParent'), PDFNumber.of(next));
      added.push(PDFNumber.of(next++), element);
    }
  });
  doc.context.assign(section, doc.context.obj({ Type: 'StructElem', S: 'Sect', T: PDFHexString.fromText(title), K: kids }));
  doc.context.lookup(section, PDFDict).set(name('P'), insertSection(doc, section, at + pages.length));
  addParentEntries(doc, parentTree, added);
  tree.set(name('ParentTreeNextKey'), PDFNumber.of(next));
  return pages.length;
}
