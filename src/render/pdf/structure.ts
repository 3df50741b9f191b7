import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFRef, PDFStream, PDFString } from '@cantoo/pdf-lib';

/*
 * Putting PDFs together with their structure trees: a separately printed
 * part in front of the pack (prependTagged), another program's tagged PDF
 * in a section of its own (insertTagged), an untagged one as a figure a page
 * (insertAsFigures). The tagged two share their copying of pages and of the
 * parent tree.
 */

const name = (key: string) => PDFName.of(key);

/** A value, or the items of the array it is or refers to. */
export function asArray(doc: PDFDocument, value: unknown): unknown[] {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (resolved instanceof PDFArray) return resolved.asArray();
  return resolved === undefined ? [] : [value];
}

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

/**
 * Copy a tagged PDF's pages into `doc` before page `at`, by reference (so that
 * its structure elements' page references meet the same copies), their
 * marked content's and annotations' parent-tree keys moved after `doc`'s by
 * `offset`, the forms' too.
 */
function copyTaggedPages(doc: PDFDocument, source: PDFDocument, copier: PDFObjectCopier, at: number, offset: number): PDFPage['node'][] {
  return source.getPages().map((page, i) => {
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
}

/** The source's parent-tree entries joined to the document's, under keys moved by `offset`; returns the next free key. */
function joinParentTree(doc: PDFDocument, parentTree: PDFDict, source: PDFDocument, sourceTree: PDFDict, copier: PDFObjectCopier, offset: number): number {
  const entries = numberTreeEntries(source, sourceTree.lookupMaybe(name('ParentTree'), PDFDict));
  addParentEntries(
    doc,
    parentTree,
    entries.flatMap(([key, value]) => [PDFNumber.of(key + offset), copier.copy(value as PDFRef)]),
  );
  const sourceNext = sourceTree.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? (entries.length ? Math.max(...entries.map(([k]) => k)) + 1 : 0);
  return offset + sourceNext;
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
  const leaves = copyTaggedPages(doc, source, copier, at, offset);

  const copied = children.map((child) => copier.copy(child as PDFRef));
  relevelHeadings(doc, copied, standardOf, headingLevel);
  for (const child of copied) {
    const element = child instanceof PDFRef ? doc.context.lookup(child) : child;
    if (element instanceof PDFDict) element.set(name('P'), section);
  }
  doc.context.assign(section, doc.context.obj({ Type: 'StructElem', S: 'Sect', T: PDFHexString.fromText(title), K: copied as PDFRef[] }));
  doc.context.lookup(section, PDFDict).set(name('P'), insertSection(doc, section, at + leaves.length));

  // The parent tree: the source's entries, under their shifted keys.
  tree.set(name('ParentTreeNextKey'), PDFNumber.of(joinParentTree(doc, parentTree, source, sourceTree, copier, offset)));

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

/**
 * Put the pages of a separately printed, tagged PDF in front of a tagged
 * document, keeping both tagged as one: the front's structure elements go
 * first under the document's own, its marked content keeps its place in the
 * parent tree (under keys after the document's), and its named destinations
 * join the document's. Links between the parts are made by linkAcrossParts
 * once all the parts are put together. (insertTagged puts another program's
 * PDF in a section of its own where its pages fall.)
 */
export function prependTagged(doc: PDFDocument, front: PDFDocument): void {
  const copier = PDFObjectCopier.for(front.context, doc.context);
  const docTree = doc.catalog.lookup(name('StructTreeRoot'), PDFDict);
  const frontTree = front.catalog.lookup(name('StructTreeRoot'), PDFDict);
  const offset = docTree.lookup(name('ParentTreeNextKey'), PDFNumber).asNumber();

  // The document's top structure element, under which the front's elements go.
  const [docTop] = asArray(doc, docTree.get(name('K')));
  const [frontTop] = asArray(front, frontTree.get(name('K')));
  if (!(docTop instanceof PDFRef) || !(frontTop instanceof PDFRef)) throw new Error('a printed part has no document structure element');
  const frontChildren = asArray(front, front.context.lookup(frontTop, PDFDict).get(name('K')));
  // Cut the children loose from the front's own tree, so copying them does not copy it too.
  for (const child of frontChildren) if (child instanceof PDFRef) front.context.lookup(child, PDFDict).delete(name('P'));

  copyTaggedPages(doc, front, copier, 0, offset);

  const children = frontChildren.map((child) => copier.copy(child as PDFRef));
  for (const child of children) {
    const element = child instanceof PDFRef ? doc.context.lookup(child) : undefined;
    if (element instanceof PDFDict) element.set(name('P'), docTop);
  }
  const topDict = doc.context.lookup(docTop, PDFDict);
  topDict.set(name('K'), doc.context.obj([...children, ...asArray(doc, topDict.get(name('K')))] as PDFRef[]));

  // The parent tree: the front's entries, under their shifted keys, after the document's.
  docTree.set(name('ParentTreeNextKey'), PDFNumber.of(joinParentTree(doc, docTree.lookup(name('ParentTree'), PDFDict), front, frontTree, copier, offset)));

  // Named destinations: the front's own join the document's.
  let dests = doc.catalog.lookupMaybe(name('Dests'), PDFDict);
  if (!dests) {
    dests = doc.context.obj({});
    doc.catalog.set(name('Dests'), doc.context.register(dests));
  }
  for (const [key, value] of front.catalog.lookupMaybe(name('Dests'), PDFDict)?.entries() ?? []) {
    dests.set(key, copier.copy(value));
  }
}
