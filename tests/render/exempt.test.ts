import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';
import { buildSample, filesUnder, page, text } from './site.js';

const { model } = parseContent(SAMPLE);
const meetings = model.committees.flatMap((c) => c.meetings);
/** Every exempt paper or appendix in the sample, with the sentences of its text. */
const exempt = meetings.flatMap((m) =>
  m.papers.flatMap((p) => [
    ...(p.exempt ? [{ meeting: m, title: p.title, blocks: p.blocks }] : []),
    ...p.appendices.filter((a) => a.exempt && a.body).map((a) => ({ meeting: m, title: a.title, blocks: a.body!.blocks })),
  ]),
);
const sentences = exempt.flatMap((e) =>
  e.blocks
    .filter((b) => b.kind !== 'heading')
    .flatMap((b) => b.text.split(/(?<=[.;:])\s+/))
    .filter((s) => s.split(' ').length >= 6),
);

let publicOut: string;
let membersOut: string;
beforeAll(async () => {
  publicOut = await buildSample();
  membersOut = await buildSample('--audience', 'members');
});

describe('exempt information', () => {
  it('the sample has an exempt paper with text to look for', () => {
    expect(exempt.length).toBeGreaterThan(0);
    expect(sentences.length).toBeGreaterThan(3);
  });

  it('appears in no public output: no sentence of any exempt paper is in any public file', () => {
    const files = filesUnder(publicOut);
    expect(files.some((f) => f.includes('.members.'))).toBe(false);
    for (const file of files) {
      const body = readFileSync(join(publicOut, file), 'latin1').replace(/\s+/g, ' ');
      for (const sentence of sentences) expect(body.includes(sentence), `${file} holds "${sentence}"`).toBe(false);
    }
  });

  it('is replaced in the public pack by its agenda item’s title and a notice citing the paragraph in the law’s words', () => {
    const t = page(publicOut, 'resources-scrutiny-panel/2026-03-10/agenda-pack.html');
    // Nothing of the paper itself: not its own title, author, wards or file name (no anchor is made of it).
    const html = readFileSync(join(publicOut, 'resources-scrutiny-panel/2026-03-10/agenda-pack.html'), 'utf8');
    for (const own of ['Leisure Centre Management Contract - Options', 'Farah Quinn', 'Northgate', 'leisure-contract']) expect(html).not.toContain(own);
    expect(text(t, '#paper-exempt-1 h3')).toEqual(['Leisure centre management contract: options']);
    expect(text(t, '#paper-exempt-1 .exempt-notice')).toEqual([
      'This report is not for publication because it contains exempt information under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972. Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
    ]);
    expect(text(t, '.agenda-items .note')).toEqual(['(not for publication)']);
  });

  it('is in the members’ pack, marked NOT FOR PUBLICATION', () => {
    const file = 'resources-scrutiny-panel/2026-03-10/agenda-pack.members.html';
    const body = readFileSync(join(membersOut, file), 'utf8').replace(/\s+/g, ' ');
    for (const sentence of sentences) expect(body).toContain(sentence.replace(/&/g, '&#x26;'));
    const t = page(membersOut, file);
    expect(text(t, '#paper-leisure-contract .not-for-publication')).toEqual(['NOT FOR PUBLICATION']);
    expect(text(t, '.restricted-banner')[0]).toMatch(/^NOT FOR PUBLICATION/);
    // A members' pack of a meeting with nothing exempt carries no such banner.
    const plain = page(membersOut, 'resources-scrutiny-panel/2026-01-13/agenda-pack.members.html');
    expect(text(plain, '.restricted-banner')).toEqual([]);
  });
});
