/*
 * An independent reading of PDF/UA-1's machine-checkable conditions, for the
 * tests: the objects as qpdf's JSON shows them, the page content as
 * pdfjs-dist's operator lists show it, fonts as poppler's pdffonts lists them.
 * None of it shares code with boardpack's writer or its own checker, which
 * use pdf-lib; the conditions are those of veraPDF's PDF/UA-1 profile and the
 * Matterhorn Protocol that a machine can decide.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const CONDITIONS = [
  'header',
  'metadata',
  'metadata-title',
  'metadata-language',
  'display-title',
  'lang',
  'marked',
  'content-marked',
  'artifact-nesting',
  'parent-tree',
  'struct-parent',
  'role-map',
  'fonts-embedded',
  'fonts-unicode',
  'headings',
  'tables',
  'figures-alt',
  'links',
  'annotations',
  'tabs',
  'bookmarks',
] as const;
export type Condition = (typeof CONDITIONS)[number];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface QpdfObject {
  value?: Json;
  stream?: { dict: Record<string, Json>; data?: string };
}

/** The PDF's objects, by "n 0 R", as qpdf shows them with streams decoded. */
function objectsOf(file: string): { objects: Map<string, QpdfObject>; trailer: Record<string, Json> } {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--decode-level=generalized', '--json-stream-data=inline', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    }),
  ) as { qpdf: [unknown, Record<string, QpdfObject>] };
  const objects = new Map<string, QpdfObject>();
  let trailer: Record<string, Json> = {};
  for (const [key, value] of Object.entries(json.qpdf[1])) {
    if (key === 'trailer') trailer = (value.value ?? {}) as Record<string, Json>;
    else objects.set(key.replace(/^obj:/, ''), value);
  }
  return { objects, trailer };
}

const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody ' +
    'Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP ' +
    'Figure Formula Form'
  ).split(' '),
);

export interface UaReading {
  /** What fails, by condition; a condition with no entry passes. */
  faults: Map<Condition, string[]>;
}

/** Read a PDF and say which of the machine-checkable conditions it fails, and where. */
export async function readPdfUa(file: string): Promise<UaReading> {
  const bytes = readFileSync(file);
  const faults = new Map<Condition, string[]>();
  const fail = (condition: Condition, what: string) => {
    const list = faults.get(condition) ?? [];
    if (list.length < 20) list.push(what);
    faults.set(condition, list);
  };
  const { objects, trailer } = objectsOf(file);
  const isRef = (v: Json | undefined): v is string => typeof v === 'string' && /^\d+ \d+ R$/.test(v);
  const resolve = (v: Json | undefined): Json | undefined => {
    if (!isRef(v)) return v;
    const o = objects.get(v);
    return o?.value ?? (o?.stream?.dict as Json | undefined);
  };
  const dict = (v: Json | undefined) => {
    const r = resolve(v);
    return r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, Json>) : undefined;
  };
  const array = (v: Json | undefined): Json[] => {
    const r = resolve(v);
    return Array.isArray(r) ? r : r === undefined || r === null ? [] : [v ?? null];
  };
  const text = (v: Json | undefined): string | undefined => {
    const r = resolve(v);
    if (typeof r !== 'string') return undefined;
    if (r.startsWith('u:')) return r.slice(2);
    if (r.startsWith('b:')) return Buffer.from(r.slice(2), 'hex').toString('latin1');
    return undefined;
  };
  const streamData = (v: Json | undefined) => {
    const data = isRef(v) ? objects.get(v)?.stream?.data : undefined;
    return data === undefined ? undefined : Buffer.from(data, 'base64').toString('utf8');
  };

  // The header, the catalog and its metadata.
  const header = bytes.subarray(0, 16).toString('latin1').split(/\r\n|\r|\n/)[0];
  if (!/^%PDF-1\.[0-7]$/.test(header)) fail('header', header);
  const catalog = dict(trailer['/Root'])!;
  const xmp = streamData(catalog['/Metadata']);
  if (!xmp) fail('metadata', 'no metadata stream in the catalog');
  else {
    if (!/pdfuaid:part\s*(=\s*["']1["']|>\s*1\s*<)/.test(xmp)) fail('metadata', 'no pdfuaid:part 1');
    if (!/<dc:title>[\s\S]*?<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(xmp)) fail('metadata-title', 'no dc:title');
    if (!/<dc:language>[\s\S]*?<rdf:li[^>]*>[^<]+<\/rdf:li>/.test(xmp)) fail('metadata-language', 'no dc:language');
  }
  if (dict(catalog['/ViewerPreferences'])?.['/DisplayDocTitle'] !== true) fail('display-title', 'DisplayDocTitle is not true');
  const lang = text(catalog['/Lang']);
  if (!lang || !/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(lang)) fail('lang', `catalog Lang ${lang ?? 'missing'}`);
  if (dict(catalog['/MarkInfo'])?.['/Marked'] !== true) fail('marked', 'MarkInfo Marked is not true');
  if (dict(catalog['/MarkInfo'])?.['/Suspects'] === true) fail('marked', 'Suspects is true');
  const tree = dict(catalog['/StructTreeRoot']);
  if (!tree) fail('marked', 'no StructTreeRoot');
  const outlines = dict(catalog['/Outlines']);
  if (!outlines || !outlines['/First']) fail('bookmarks', 'no bookmarks');

  // The structure tree: parents, types, headings, tables, figures.
  const roleMap = dict(tree?.['/RoleMap']) ?? {};
  for (const [from, to] of Object.entries(roleMap)) {
    const name = from.slice(1);
    if (STANDARD_TYPES.has(name)) fail('role-map', `standard type ${name} remapped`);
  }
  const standard = (type: string): string | null => {
    const seen = new Set<string>();
    for (let t = type; ; ) {
      if (STANDARD_TYPES.has(t)) return t;
      if (seen.has(t)) return null;
      seen.add(t);
      const next = roleMap[`/${t}`];
      if (typeof next !== 'string') return null;
      t = next.slice(1);
    }
  };
  const elementRefs = new Map<string, string>();
  const headings: string[] = [];
  const visit = (ref: Json, parent: string | null, depth: number) => {
    const element = dict(ref);
    if (!element || depth > 200) return;
    if (element['/Type'] !== undefined && element['/Type'] !== '/StructElem') return; // an MCR or OBJR
    if (element['/S'] === undefined) return;
    const type = String(element['/S']).slice(1);
    const std = standard(type);
    const id = isRef(ref) ? ref : `${parent}>${type}`;
    if (isRef(ref)) elementRefs.set(ref, std ?? type);
    if (!std) fail('role-map', `${type} is not mapped to a standard type`);
    if (!element['/P']) fail('struct-parent', `${type} ${id} has no P`);
    if (std && /^H[1-6]$/.test(std)) headings.push(std);
    if (std === 'Figure' && !text(element['/Alt']) && text(element['/ActualText']) === undefined) fail('figures-alt', `Figure ${id}`);
    const kids = array(element['/K']).filter((k) => dict(k)?.['/S'] !== undefined);
    const kidTypes = kids.map((k) => standard(String(dict(k)!['/S']).slice(1)) ?? '?');
    if (std === 'Table' && kidTypes.some((t) => !['TR', 'THead', 'TBody', 'TFoot', 'Caption'].includes(t))) fail('tables', `Table ${id} holds ${kidTypes}`);
    if (std === 'TR' && kidTypes.some((t) => !['TH', 'TD'].includes(t))) fail('tables', `TR ${id} holds ${kidTypes}`);
    if (std === 'TH') {
      const attributes = array(element['/A']).map((a) => dict(a) ?? {});
      const scope = attributes.some((a) => a['/O'] === '/Table' && typeof a['/Scope'] === 'string');
      if (!scope) fail('tables', `TH ${id} has no Scope`);
    }
    for (const kid of kids) visit(kid, id, depth + 1);
  };
  for (const top of array(tree?.['/K'])) visit(top, null, 0);
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.slice(1));
    if (level > previous + 1) fail('headings', `${h} after ${previous ? `H${previous}` : 'no heading'}`);
    previous = level;
  }

  // The parent tree: what each page's marked content and each annotation belongs to.
  const parentTree = new Map<number, Json>();
  const collect = (node: Json | undefined) => {
    const d = dict(node);
    if (!d) return;
    const nums = array(d['/Nums']);
    for (let i = 0; i + 1 < nums.length; i += 2) parentTree.set(Number(nums[i]), nums[i + 1]);
    for (const kid of array(d['/Kids'])) collect(kid);
  };
  collect(tree?.['/ParentTree']);

  // Pages: their annotations and tab order, and the fonts their content uses.
  const pages: Record<string, Json>[] = [];
  const walkPages = (node: Json | undefined, inherited: Record<string, Json>) => {
    const d = dict(node);
    if (!d) return;
    const here = { ...inherited, ...(d['/Resources'] ? { '/Resources': d['/Resources'] } : {}) };
    if (d['/Type'] === '/Pages') for (const kid of array(d['/Kids'])) walkPages(kid, here);
    else pages.push({ ...here, ...d });
  };
  walkPages(catalog['/Pages'], {});
  const fonts = new Map<string, Record<string, Json>>();
  const seenResources = new Set<string>();
  const walkResources = (resources: Json | undefined) => {
    const key = isRef(resources) ? resources : JSON.stringify(resources);
    if (seenResources.has(key)) return;
    seenResources.add(key);
    const r = dict(resources);
    for (const [, font] of Object.entries(dict(r?.['/Font']) ?? {})) {
      const d = dict(font);
      if (d) fonts.set(isRef(font) ? font : JSON.stringify(font), d);
    }
    for (const [, xobject] of Object.entries(dict(r?.['/XObject']) ?? {})) {
      const d = dict(xobject);
      if (d?.['/Subtype'] === '/Form') walkResources(d['/Resources']);
    }
  };
  pages.forEach((page, index) => {
    walkResources(page['/Resources']);
    const annots = array(page['/Annots']).map((a) => dict(a) ?? {});
    if (annots.length && page['/Tabs'] !== '/S') fail('tabs', `page ${index + 1}`);
    for (const annot of annots) {
      const subtype = String(annot['/Subtype']).slice(1);
      const hidden = (Number(annot['/F'] ?? 0) & 2) === 2;
      if (hidden || subtype === 'Popup' || subtype === 'PrinterMark') continue;
      const owner = typeof annot['/StructParent'] === 'number' ? parentTree.get(annot['/StructParent']) : undefined;
      const ownerType = owner && isRef(owner) ? elementRefs.get(owner) : undefined;
      if (subtype === 'Link') {
        if (ownerType !== 'Link') fail('links', `a link on page ${index + 1} is not in a Link element (${ownerType ?? 'none'})`);
        if (!text(annot['/Contents'])) fail('links', `a link on page ${index + 1} has no Contents`);
      } else if (subtype === 'Widget') {
        if (ownerType !== 'Form') fail('annotations', `a form field on page ${index + 1} is not in a Form element`);
      } else {
        if (ownerType !== 'Annot') fail('annotations', `a ${subtype} annotation on page ${index + 1} is not in an Annot element`);
        if (!text(annot['/Contents']) && !text(dict(owner)?.['/Alt'])) fail('annotations', `a ${subtype} annotation on page ${index + 1} has no description`);
      }
    }
  });
  for (const [key, font] of fonts) {
    const subtype = String(font['/Subtype']);
    if (subtype === '/Type3') continue;
    const descendant = subtype === '/Type0' ? dict(array(font['/DescendantFonts'])[0]) : font;
    const descriptor = dict(descendant?.['/FontDescriptor']);
    const embedded = descriptor && ['/FontFile', '/FontFile2', '/FontFile3'].some((k) => descriptor[k]);
    if (!embedded) fail('fonts-embedded', `${font['/BaseFont']} (${key})`);
    const encoding = resolve(font['/Encoding']);
    const standardEncoding =
      subtype !== '/Type0' &&
      (encoding === '/WinAnsiEncoding' || encoding === '/MacRomanEncoding' || (dict(encoding) && !dict(encoding)!['/Differences']));
    if (!font['/ToUnicode'] && !standardEncoding) fail('fonts-unicode', `${font['/BaseFont']} (${key})`);
  }

  // The content, as pdfjs reads it: every painting operator is in tagged content or an artifact, never both, and
  // every piece of tagged content is found from the structure tree.
  const names = Object.fromEntries(Object.entries(OPS).map(([k, v]) => [v, k])) as Record<number, string>;
  const painting = new Set([
    'stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke',
    'showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText', 'shadingFill',
    'paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintInlineImageXObjectGroup',
    'paintImageXObjectRepeat', 'paintImageMaskXObjectRepeat', 'paintSolidColorImageMask', 'paintImageMaskXObjectGroup',
  ]);
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const list = await page.getOperatorList();
      const stack: { tag: string; mcid: number | null }[] = [];
      const mcids = new Set<number>();
      let unmarked = 0;
      for (let i = 0; i < list.fnArray.length; i++) {
        const fn = names[list.fnArray[i]];
        const args = list.argsArray[i] as unknown[];
        // A tag comes as a string, or as a name object ({ name }) after BMC.
        const tag = typeof args?.[0] === 'object' && args[0] !== null ? String((args[0] as { name: string }).name) : String(args?.[0]);
        if (fn === 'beginMarkedContent' || fn === 'beginMarkedContentProps') {
          const mcid = fn === 'beginMarkedContentProps' && typeof args[1] === 'number' ? args[1] : null;
          const inArtifact = stack.some((s) => s.tag === 'Artifact');
          const inTagged = stack.some((s) => s.mcid !== null);
          if (mcid !== null && inArtifact) fail('artifact-nesting', `page ${p}: tagged content inside an artifact`);
          if (tag === 'Artifact' && inTagged) fail('artifact-nesting', `page ${p}: an artifact inside tagged content`);
          if (mcid !== null) mcids.add(mcid);
          stack.push({ tag, mcid });
        } else if (fn === 'endMarkedContent') stack.pop();
        else {
          // A path is painted by the operator that ends it (pdfjs folds it into constructPath).
          const op = fn === 'constructPath' ? names[args[0] as number] : fn;
          if (!painting.has(op)) continue;
          if (!stack.some((s) => s.tag === 'Artifact' || s.mcid !== null)) unmarked++;
        }
      }
      if (unmarked) fail('content-marked', `page ${p}: ${unmarked} painting operators neither tagged nor artifact`);
      const leaf = pages[p - 1];
      const owners = typeof leaf['/StructParents'] === 'number' ? array(parentTree.get(leaf['/StructParents'])) : [];
      for (const mcid of mcids) {
        const owner = owners[mcid];
        if (!owner || !isRef(owner) || !elementRefs.has(owner)) fail('parent-tree', `page ${p}: marked content ${mcid} has no element in the structure tree`);
      }
    }
  } finally {
    await pdf.destroy();
  }
  return { faults };
}

/** Fonts pdffonts lists as not embedded (its columns end: emb sub uni object-number generation). */
export function unembeddedFonts(file: string): string[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length >= 6 && cells[cells.length - 5] === 'no')
    .map((cells) => cells[0]);
}
