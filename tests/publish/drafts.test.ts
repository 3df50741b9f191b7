import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/serve/server.js';
import { BASE, cli, contentFolder } from '../helpers.js';
import { channels, leaks, pdfSaying } from './channels.js';

/*
 * Drafts and embargoes through the publication gate (issue 29), hunted as the
 * exempt routes are (leak-hunt.test.ts): a paper marked `draft: true` (with a
 * Markdown and a PDF appendix), a supplement and a whole meeting whose
 * `published:` day is still to come, and minutes in draft, each carrying a
 * sentence. The public build as of a day before their publication holds none
 * of them in any channel; the members' build and the clerk's preview show
 * them, marked; a build as of a later day publishes the embargoed ones. Minutes
 * no later meeting has approved are published marked as a draft.
 */

const SECRETS = {
  draftPaper: 'Puffin draft figures are not settled',
  draftAppendix: 'Stoat annex of the draft paper',
  draftPdfAppendix: 'Badger map of the draft paper',
  embargoedSupplement: 'Otter late paper for the supplement',
  embargoedMeeting: 'Heron pay award for April',
  embargoedPdf: 'Marten pay table attached',
  draftMinutes: 'Vole minutes still being typed',
} as const;
const J = 'committees/panel/2026-01-13';
const F = 'committees/panel/2026-02-10';
const M = 'committees/panel/2026-03-10';
const A = 'committees/panel/2026-04-14';
const AS_OF = '2026-03-20';

const paper = (title: string, body: string, front = '') => `---\ntitle: ${title}\n${front}---\n\n${body}\n`;
const minutes = (body: string, front = '') =>
  `---\nchair: Councillor Ann Lee\npresent: [Councillor Ann Lee, Councillor Bo Chen, Councillor Cy Dale]\n${front}---\n\n${body}\n`;

async function content() {
  const root = contentFolder({
    ...BASE,
    'boardpack.yml': 'organisation: Test Council\nbaseUrl: https://papers.test.example\n',
    [`${J}/agenda.md`]: '---\npublished: 2026-01-02\n---\n\n1. Apologies for absence\n',
    [`${J}/minutes.md`]: minutes('## 1. Apologies for absence\n\nThere were none.'),
    [`${F}/agenda.md`]: '---\npublished: 2026-02-02\n---\n\n1. Apologies for absence\n',
    [`${F}/minutes.md`]: minutes(`## 2. Apologies for absence\n\n${SECRETS.draftMinutes}.`, 'draft: true\n'),
    [`${M}/agenda.md`]: [
      '---',
      'published: 2026-03-02',
      '---',
      '',
      '1. Minutes of the previous meeting',
      '   [Minutes](../2026-01-13/minutes.md)',
      '2. Budget',
      '   [Report](budget.md)',
      '3. Parks',
      '   [Report](parks.md)',
      '',
    ].join('\n'),
    [`${M}/budget.md`]: paper('Budget', 'The budget is public.'),
    [`${M}/parks.md`]: paper(
      'Puffin Parks',
      `${SECRETS.draftPaper}.`,
      'draft: true\nappendices:\n  - file: parks-annex.md\n    title: Annex\n  - file: parks-map.pdf\n    title: Map\n',
    ),
    [`${M}/parks-annex.md`]: `${SECRETS.draftAppendix}.\n`,
    [`${M}/supplement-1.md`]: '---\npublished: 2026-03-25\nurgency: The figures came late.\n---\n\n3. Parks\n   [Late paper](otter.md)\n',
    [`${M}/otter.md`]: paper('Otter Paper', `${SECRETS.embargoedSupplement}.`),
    [`${M}/minutes.md`]: minutes(
      '## 3. Minutes of the previous meeting\n\nResolved: That the minutes of the meeting held on 13 January 2026 be approved as a correct record.\n\n## 4. Budget\n\nResolved: That the budget be noted.',
    ),
    [`${A}/agenda.md`]: '---\npublished: 2026-04-03\ntime: "18:00"\n---\n\n1. Minutes of the previous meeting\n   [Minutes](../2026-03-10/minutes.md)\n2. Pay\n   [Report](pay.md)\n   [Table](pay-table.pdf)\n',
    [`${A}/pay.md`]: paper('Heron Pay', `${SECRETS.embargoedMeeting}.`),
  });
  writeFileSync(join(root, M, 'parks-map.pdf'), await pdfSaying(SECRETS.draftPdfAppendix));
  writeFileSync(join(root, A, 'pay-table.pdf'), await pdfSaying(SECRETS.embargoedPdf));
  return root;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');
const seenIn = async (dir: string) => [...(await channels(dir)).entries()];

let root: string;
let publicOut: string;
let preview: Preview | null = null;
let buildSaid = '';

beforeAll(async () => {
  root = await content();
  publicOut = join(root, '..', 'drafts-public');
  const built = await cli(['build', root, '--force', '--format', 'all', '--out', publicOut], { today: AS_OF });
  expect(built.code, built.stderr).toBe(0);
  buildSaid = built.stdout;
}, 180_000);

afterAll(async () => {
  await preview?.close();
});

describe('drafts and papers published later, through the gate', () => {
  it('the public build as of a day before their publication holds none of them, in any channel', async () => {
    const seen = await seenIn(publicOut);
    expect(seen.some(([k]) => k.endsWith('.pdf (text)'))).toBe(true);
    const exported = (await cli(['export', root, '--as-of', AS_OF], { today: AS_OF })).stdout;
    expect(leaks([...seen, ['export', exported]], SECRETS, ['Puffin Parks', 'Otter Paper', 'Heron Pay', 'parks-map.pdf', 'pay-table.pdf', 'parks-annex'])).toEqual([]);
  });

  it('tells the clerk what it held back, naming the files, which no output names', () => {
    expect(flat(buildSaid)).toContain(
      'Note: Held back from the public site, as drafts or until the day they are published: committees/panel/2026-02-10/minutes.md: a draft; committees/panel/2026-03-10/supplement-1.md: published Wednesday 25 March 2026; committees/panel/2026-03-10/parks.md: a draft; committees/panel/2026-04-14/agenda.md: published Friday 3 April 2026',
    );
  });

  it('keeps each place: the draft paper "to follow", the meeting to come known by its day with when its papers will be published', () => {
    const pack = flat(readFileSync(join(publicOut, 'panel/2026-03-10/agenda-pack.html'), 'utf8'));
    expect(pack).toContain('To follow: this paper has not been published yet.');
    expect(pack).toContain('The budget is public.');
    expect(pack).not.toContain('Supplementary agenda 1');
    const page = flat(readFileSync(join(publicOut, 'panel/2026-04-14/index.html'), 'utf8'));
    expect(page).toContain('Not yet published: the agenda and papers for this meeting will be published on Friday 3 April 2026.');
    expect(page).not.toContain('agenda-pack');
    // The meeting is in the calendar (its day and time are public), with no publication stamp of its papers.
    const events = new ICAL.Component(ICAL.parse(readFileSync(join(publicOut, 'panel/calendar.ics'), 'utf8'))).getAllSubcomponents('vevent');
    expect(events.map((e) => String(e.getFirstPropertyValue('dtstart')))).toContain('2026-04-14T18:00:00');
    // The feed names no document of the meeting to come, nor the draft minutes.
    const feed = readFileSync(join(publicOut, 'feed.xml'), 'utf8');
    expect(feed).not.toContain('2026-04-14/agenda-pack');
    expect(feed).not.toContain('2026-02-10/minutes');
  });

  it('publishes minutes no later meeting has approved marked as a draft, and approved minutes as they are', () => {
    const unapproved = flat(readFileSync(join(publicOut, 'panel/2026-03-10/minutes.html'), 'utf8'));
    expect(unapproved).toContain('Draft: these minutes are to be approved as a correct record at a later meeting.');
    const approved = flat(readFileSync(join(publicOut, 'panel/2026-01-13/minutes.html'), 'utf8'));
    expect(approved).not.toContain('Draft:');
  });

  it('shows them all to members, each marked', async () => {
    const out = join(root, '..', 'drafts-members');
    const built = await cli(['build', root, '--force', '--format', 'html', '--audience', 'members', '--out', out], { today: AS_OF });
    expect(built.code, built.stderr).toBe(0);
    const seen = (await seenIn(out)).map(([, text]) => flat(text)).join('\n');
    for (const route of ['draftPaper', 'draftAppendix', 'embargoedSupplement', 'embargoedMeeting', 'draftMinutes'] as const) {
      expect(seen.includes(SECRETS[route]), route).toBe(true);
    }
    const pack = flat(readFileSync(join(out, 'panel/2026-03-10/agenda-pack.members.html'), 'utf8'));
    expect(pack).toMatch(/To follow: this paper has not been published yet\.<\/p> <div class="paper-body"><p>Puffin draft figures/);
    expect(flat(readFileSync(join(out, 'panel/2026-02-10/minutes.html'), 'utf8'))).toContain('Not yet published: these minutes are in draft.');
  });

  it('the clerk’s preview shows the public site with the drafts in it, marked', async () => {
    preview = await startPreview({ root, port: 0, today: AS_OF });
    const pack = flat(await (await fetch(`${preview.url}panel/2026-03-10/agenda-pack.html`)).text());
    expect(pack).toContain(SECRETS.draftPaper);
    expect(pack).toContain('To follow: this paper has not been published yet.');
    const later = flat(await (await fetch(`${preview.url}panel/2026-04-14/agenda-pack.html`)).text());
    expect(later).toContain(SECRETS.embargoedMeeting);
    expect(later).toContain('will be published on Friday 3 April 2026');
  });

  it('publishes the embargoed papers on their day: built as of it, they are there', async () => {
    const out = join(root, '..', 'drafts-later');
    const built = await cli(['build', root, '--force', '--format', 'html', '--out', out, '--as-of', '2026-04-05'], { today: AS_OF });
    expect(built.code, built.stderr).toBe(0);
    expect(flat(readFileSync(join(out, 'panel/2026-04-14/agenda-pack.html'), 'utf8'))).toContain(SECRETS.embargoedMeeting);
    expect(flat(readFileSync(join(out, 'panel/2026-03-10/agenda-pack.html'), 'utf8'))).toContain(SECRETS.embargoedSupplement);
    // Drafts stay out whatever the day.
    expect(flat(readFileSync(join(out, 'panel/2026-03-10/agenda-pack.html'), 'utf8'))).not.toContain(SECRETS.draftPaper);
  });
});
