import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { artifactPage, marking, pageMarking, scan, type KnownMarkings } from '../../src/render/pdf/content-stream.js';

/*
 * The small reader of content streams that marks a printed page's untagged
 * painting as artifacts and that the build's PDF/UA check reads pages with.
 * The PDF/UA tests read whole packs with an independent reader; these pin the
 * tokenizer on what real content streams hold and a fast reader can get wrong.
 */

/** Each operator with its operands' text. */
function ops(text: string): [string, string[]][] {
  const found: [string, string[]][] = [];
  scan(text, (op, _start, _end, spans) => {
    const operands: string[] = [];
    for (let k = 0; k < spans.length; k += 2) operands.push(text.slice(spans[k], spans[k + 1]));
    found.push([op, operands]);
  });
  return found;
}

describe('content stream reader', () => {
  it('reads operands of every kind, not mistaking what is inside a string, dictionary or array for an operator', () => {
    const text = [
      '/Span <</MCID 3 /ActualText (EMC \\) BDC (nested) Tj)>> BDC',
      '[(a\\(b) -120 <0041> (Tj)] TJ',
      '% a comment with EMC and Tj in it',
      '1 0 0 -1 .5 -2.25 cm /G3 gs true false null 3 d',
      'EMC',
    ].join('\n');
    expect(ops(text)).toEqual([
      ['BDC', ['/Span', '<</MCID 3 /ActualText (EMC \\) BDC (nested) Tj)>>']],
      ['TJ', ['[(a\\(b) -120 <0041> (Tj)]']],
      ['cm', ['1', '0', '0', '-1', '.5', '-2.25']],
      ['gs', ['/G3']],
      ['d', ['true', 'false', 'null', '3']],
      ['EMC', []],
    ]);
  });

  it('reads past an inline image, whose data may hold anything', () => {
    const text = 'q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EMC Tj(\xff EI Q';
    expect(ops(text).map(([op]) => op)).toEqual(['q', 'EI', 'Q']);
  });

  it('finds painting outside tagged content and artifacts, a path from its first segment, and misnested sequences', () => {
    const text = [
      '0 0 10 10 re f', // unmarked: a path, from "0 0 10 10 re"
      '/P <</MCID 0>> BDC BT (a) Tj ET EMC', // tagged
      '/Artifact BMC 1 1 m 2 2 l S EMC', // an artifact
      'BT (b) Tj ET', // unmarked text
      '/Span BMC (c) Tj EMC', // marked, but neither tagged nor an artifact
      '/P <</MCID 1>> BDC /Artifact BMC (d) Tj EMC EMC', // misnested
      '/Im1 Do', // an image, unmarked
    ].join('\n');
    const found = marking(text);
    expect(found.mcids).toEqual([0, 1]);
    expect(found.misnested).toBe(1);
    expect(found.unmarked.map(([from, to]) => text.slice(from, to))).toEqual(['0 0 10 10 re f', '(b) Tj', '(c) Tj', '/Im1 Do']);
  });

  it('takes a named property list with an MCID as tagged content, and a tagged form as not painting on its own', () => {
    const text = '/P /MC0 BDC (a) Tj EMC /Fm1 Do /Fm2 Do';
    const found = marking(text, { propertiesHaveMcid: (name) => name === 'MC0', formIsTagged: (name) => name === 'Fm1' });
    expect(found.unmarked.map(([from, to]) => text.slice(from, to))).toEqual(['/Fm2 Do']);
  });

  it("marks a page's untagged painting as artifacts, and its check reads the marking it left without reading the page again", async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([100, 100]);
    const stream = doc.context.flateStream('1 1 1 rg 0 0 100 100 re f\n/P <</MCID 0>> BDC BT /F1 12 Tf (a) Tj ET EMC\n');
    page.node.set(PDFName.of('Contents'), doc.context.register(stream));
    expect(pageMarking(doc, page).unmarked).toBe(1);
    const known: KnownMarkings = new WeakMap();
    expect(artifactPage(doc, page, known)).toBe(true);
    // Read afresh, the page now has nothing unmarked; the marking noted for its new stream says the same.
    expect(pageMarking(doc, page)).toEqual({ unmarked: 0, misnested: 0, mcids: [0] });
    expect(pageMarking(doc, page, known)).toEqual({ unmarked: 0, misnested: 0, mcids: [0] });
    // A stream added after (as a page number is) is still read: an unmarked one is found.
    page.drawText('Page 1', { x: 10, y: 10, size: 8 });
    expect(pageMarking(doc, page, known).unmarked).toBe(1);
    // A page already right is left as it is.
    expect(artifactPage(doc, doc.addPage([100, 100]), known)).toBe(false);
  });
});
