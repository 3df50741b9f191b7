import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../src/serve/server.js';
import { BASE, cli, contentFolder } from '../helpers.js';
import { channels, filesIn, leaks, pdfSaying } from './channels.js';

/*
 * The leak hunt: a meeting with exempt information reaching the pack by every
 * route we know, each carrying a distinctive sentence. The public outputs are
 * built (with --force, so that the gate alone has to hold), and every channel
 * is searched for every sentence: each HTML file, each PDF's text, metadata
 * and bookmarks, every file name, every copied attachment, the export, and
 * what serve answers. None is found there; each is found for members.
 */

const M = 'committees/panel/2026-03-10';
const SECRETS = {
  privateItemPaper: 'Walrus contract terms are confidential',
  privateItemPdf: 'Pelican PDF linked from the private item',
  exemptPaper: 'Ocelot deal figures stay private',
  exemptPaperAppendix: 'Narwhal annex of the exempt deal',
  exemptPaperPdfAppendix: 'Heron PDF annex of the exempt deal',
  ownFileAppendix: 'Lynx appendix says exempt in its own file',
  parentListAppendix: 'Mongoose appendix made exempt by its parent',
  exemptMinute: 'Tapir minute was taken in private',
  madeExemptLater: 'Quokka report became exempt after a build',
  // A minute of a private item that the minutes forgot to list under exempt: (issue 25): withheld all the same.
  unmarkedMinute: 'Capybara offer was minuted but never marked',
  // The routes across files (issue 31).
  supplementPaper: 'Gecko paper added by the supplement to a private item',
  otherFolderPaper: 'Ibis report kept in another meeting folder',
  otherFolderPdf: 'Jackal PDF kept in another meeting folder',
  bodyLinkedPdf: 'Koala valuation linked from the exempt report only',
  linkedMinutesPrivate: 'Lemur settlement minuted at an earlier private item',
} as const;
const E = 'committees/panel/2026-01-20';
const N = 'committees/panel/2026-04-14';
const FILE_NAMES = [
  'contract.md',
  'contract-plan.pdf',
  'deal.md',
  'deal-annex.md',
  'deal-annex.pdf',
  'own-exempt.md',
  'parent-exempt.md',
  'later.md',
  'gecko.md',
  'prior-offer.md',
  'prior-offer.pdf',
  'deal-valuation.pdf',
];

const paper = (title: string, body: string, front = '') => `---\ntitle: ${title}\nauthor: Secret Author ${title}\n${front}---\n\n${body}\n`;

async function content() {
  const root = contentFolder({
    ...BASE,
    [`${M}/agenda.md`]: [
      '---',
      'published: 2026-03-02',
      'status: held',
      'private:',
      '  5: 3',
      '  6: 3',
      '---',
      '',
      '1. Apologies for absence',
      '2. Budget',
      '   [Report](budget.md)',
      '   [Annex](deal-annex.pdf)',
      '3. Later report',
      '   [Report](later.md)',
      '4. Exclusion of the press and public',
      '5. Contract',
      '   [Report](contract.md)',
      '   [Plan](contract-plan.pdf)',
      '   [Deal](deal.md)',
      '   [Earlier offer](../2026-01-20/prior-offer.md)',
      '   [Earlier offer plan](../2026-01-20/prior-offer.pdf)',
      '   [Exempt minutes of the meeting held on 20 January 2026](../2026-01-20/minutes.md)',
      '6. Land sale',
      '',
    ].join('\n'),
    [`${M}/supplement-1.md`]: ['---', 'published: 2026-03-06', 'urgency: The bidder answered late.', '---', '', '5. Contract', '   [Further paper](gecko.md)', ''].join('\n'),
    [`${M}/gecko.md`]: paper('Gecko Paper', `${SECRETS.supplementPaper}.`),
    [`${E}/agenda.md`]: ['---', 'published: 2026-01-12', 'status: held', 'private:', '  3: 1', '---', '', '1. Apologies for absence', '2. Exclusion of the press and public', '3. Settlement', ''].join('\n'),
    [`${E}/prior-offer.md`]: paper('Ibis Offer', `${SECRETS.otherFolderPaper}.`),
    [`${E}/minutes.md`]: [
      '---',
      'chair: Councillor Ann Lee',
      'present: [Councillor Ann Lee, Councillor Bo Chen]',
      '---',
      '',
      '## 1. Apologies for absence',
      '',
      'There were none.',
      '',
      '## 2. Exclusion of the press and public',
      '',
      'Resolved:- That the press and public be excluded for the next item under paragraph 1.',
      '',
      '## 3. Settlement',
      '',
      `${SECRETS.linkedMinutesPrivate}.`,
      '',
    ].join('\n'),
    [`${N}/agenda.md`]: ['---', 'published: 2026-04-06', '---', '', '1. Apologies for absence', '2. Minutes of the previous meeting', '   [Minutes](../2026-03-10/minutes.md)', ''].join('\n'),
    [`${M}/budget.md`]: paper(
      'Budget',
      'The budget is public.',
      'appendices:\n  - file: own-exempt.md\n    title: Appendix A\n  - file: parent-exempt.md\n    title: Appendix B\n    exempt: 2\n  - file: deal-annex.md\n    title: Appendix C\n  - file: contract.md\n    title: Appendix D\n',
    ),
    [`${M}/own-exempt.md`]: `---\ntitle: Own\nexempt: 1\n---\n\n${SECRETS.ownFileAppendix}.\n`,
    [`${M}/parent-exempt.md`]: `${SECRETS.parentListAppendix}.\n`,
    [`${M}/contract.md`]: paper('Walrus Contract', `${SECRETS.privateItemPaper}.`),
    [`${M}/deal.md`]: paper('Ocelot Deal', `${SECRETS.exemptPaper}. The [valuation](deal-valuation.pdf) is attached.`, 'exempt: 3\nwards: [Secret Ward]\nappendices:\n  - file: deal-annex.md\n    title: Annex one\n  - file: deal-annex.pdf\n    title: Annex two\n'),
    [`${M}/deal-annex.md`]: `${SECRETS.exemptPaperAppendix}.\n`,
    [`${M}/later.md`]: paper('Quokka Report', `${SECRETS.madeExemptLater}.`),
    [`${M}/minutes.md`]: [
      '---',
      'chair: Councillor Ann Lee',
      'present: [Councillor Ann Lee, Councillor Bo Chen]',
      'exempt:',
      '  "5": 3',
      '---',
      '',
      '## 1. Apologies for absence',
      '',
      'There were none.',
      '',
      '## 5. Contract',
      '',
      `${SECRETS.exemptMinute}.`,
      '',
      '## 6. Land sale',
      '',
      `${SECRETS.unmarkedMinute}.`,
      '',
    ].join('\n'),
  });
  writeFileSync(join(root, M, 'contract-plan.pdf'), await pdfSaying(SECRETS.privateItemPdf));
  writeFileSync(join(root, M, 'deal-annex.pdf'), await pdfSaying(SECRETS.exemptPaperPdfAppendix));
  writeFileSync(join(root, M, 'deal-valuation.pdf'), await pdfSaying(SECRETS.bodyLinkedPdf));
  writeFileSync(join(root, E, 'prior-offer.pdf'), await pdfSaying(SECRETS.otherFolderPdf));
  return root;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

let root: string;
let publicOut: string;
let membersOut: string;
let exported: string;
let served: Map<string, string>;
let preview: Preview | null = null;

beforeAll(async () => {
  root = await content();
  publicOut = join(root, '..', 'public-out');
  membersOut = join(root, '..', 'members-out');
  // A first public build with the later report public; then it is made exempt, and the same folder built again.
  const first = await cli(['build', root, '--force', '--format', 'all', '--out', publicOut], { today: '2026-11-22' });
  expect(first.code, first.stderr).toBe(0);
  writeFileSync(join(root, M, 'later.md'), paper('Quokka Report', `${SECRETS.madeExemptLater}.`, 'exempt: 1\n'));
  const again = await cli(['build', root, '--force', '--format', 'all', '--out', publicOut], { today: '2026-11-22' });
  expect(again.code, again.stderr).toBe(0);
  const members = await cli(['build', root, '--force', '--format', 'all', '--audience', 'members', '--out', membersOut], { today: '2026-11-22' });
  expect(members.code, members.stderr).toBe(0);
  exported = (await cli(['export', root], { today: '2026-11-22' })).stdout;
  preview = await startPreview({ root, port: 0, today: '2026-11-22' });
  served = new Map();
  for (const file of filesIn(publicOut).filter((f) => f.endsWith('.html'))) {
    served.set(file, await (await fetch(`${preview.url}${file}`)).text());
  }
}, 180_000);

afterAll(async () => {
  await preview?.close();
});

describe('the leak hunt: no exempt sentence reaches a public channel', () => {
  it('the public outputs hold none of them, nor any exempt file’s name', async () => {
    const seen = await channels(publicOut);
    expect([...seen.keys()].some((k) => k.endsWith('.pdf (text)'))).toBe(true);
    const own = ['Secret Author Walrus', 'Secret Author Ocelot', 'Secret Author Quokka', 'Secret Ward', 'Walrus Contract', 'Ocelot Deal', 'Quokka Report', 'Gecko Paper', 'Ibis Offer'];
    expect(leaks(seen, SECRETS, [...FILE_NAMES, ...own])).toEqual([]);
  });

  it('nor does export, which is for the public unless told otherwise', () => {
    for (const [route, sentence] of Object.entries(SECRETS)) expect(exported.includes(sentence), route).toBe(false);
    for (const name of FILE_NAMES) expect(exported.includes(name), name).toBe(false);
  });

  it('nor does what serve answers', () => {
    expect(served.size).toBeGreaterThan(1);
    for (const [page, text] of served) {
      for (const [route, sentence] of Object.entries(SECRETS)) expect(flat(text).includes(sentence), `${route} on ${page}`).toBe(false);
    }
  });

  it('the public pack keeps each withheld item’s place: the item’s title and its notice', async () => {
    const pack = readFileSync(join(publicOut, 'panel/2026-03-10/agenda-pack.html'), 'utf8');
    expect(pack).toContain('Contract');
    expect(pack).toContain('paragraph 3 of Part 1 of Schedule 12A');
    const minutes = flat(readFileSync(join(publicOut, 'panel/2026-03-10/minutes.html'), 'utf8'));
    expect(minutes).toContain('5. Contract');
    expect(minutes).toContain('This minute is not for publication');
  });

  it('a minute of a private item not listed under exempt: is withheld on the minutes page and in the next pack, and lint says what to add', async () => {
    const minutes = flat(readFileSync(join(publicOut, 'panel/2026-03-10/minutes.html'), 'utf8'));
    expect(minutes).toContain('6. Land sale');
    expect(minutes.match(/This minute is not for publication because it contains exempt information under paragraph 3/g)?.length).toBe(2);
    const next = flat(readFileSync(join(publicOut, 'panel/2026-04-14/agenda-pack.html'), 'utf8'));
    expect(next).toContain('6. Land sale');
    expect(next).toContain('This minute is not for publication');
    const earlier = flat(readFileSync(join(publicOut, 'panel/2026-01-20/minutes.html'), 'utf8'));
    expect(earlier).toContain('3. Settlement');
    expect(earlier).toContain('under paragraph 1 of Part 1 of Schedule 12A');
    const lint = await cli(['lint', root], { today: '2026-11-22' });
    expect(lint.code).toBe(1);
    expect(flat(lint.stdout)).toContain(
      'Unexpected minute 6 "Land sale" with no exempt: entry, although agenda item 6 is taken in private (paragraph 3), expected "6: 3" under exempt: in the minutes\' frontmatter (with a summary: for the public minutes), or "6: false" if the minute may be published (agenda item 6, taken in private:',
    );
    expect(flat(lint.stdout)).toContain('Unexpected minute 3 "Settlement" with no exempt: entry, although agenda item 3 is taken in private (paragraph 1)');
  });

  it('every sentence is in the members’ outputs', async () => {
    const members = (await cli(['export', root, '--audience', 'members'], { today: '2026-11-22' })).stdout;
    expect(members).toContain(SECRETS.exemptPaper);
    // A paper kept in another meeting's folder, which no agenda of its own lists, is in no pack: the export holds it.
    const seen = [...(await channels(membersOut)).values(), members].map(flat).join('\n');
    for (const [route, sentence] of Object.entries(SECRETS)) expect(seen.includes(sentence), route).toBe(true);
  });
});

describe('a misspelt key is not a way out', () => {
  it('"exmept: 3" is a lint error, and the build publishes nothing', async () => {
    const typo = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
      [`${M}/report.md`]: paper('Report', `${SECRETS.exemptPaper}.`, 'exmept: 3\n'),
    });
    const lint = await cli(['lint', typo], { today: '2026-11-22' });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('Unexpected key "exmept" in paper frontmatter; did you mean "exempt"?  frontmatter');
    expect(lint.stdout).toMatch(/4:1\s+error\s+Unexpected key "exmept"/);
    const build = await cli(['build', typo, '--out', join(typo, 'out')], { today: '2026-11-22' });
    expect(build.code).toBe(1);
    expect(readdirSync(typo)).not.toContain('out');
  });

  it('the standard item "To consider whether the press and public should be excluded" makes nothing private', async () => {
    const root = contentFolder({
      ...BASE,
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. To consider whether the press and public should be excluded from the meeting during any item\n2. Report\n   [Report](report.md)\n',
      [`${M}/report.md`]: paper('Report', 'This report is public and on the agenda.'),
    });
    const out = join(root, 'out');
    const build = await cli(['build', root, '--out', out], { today: '2026-11-22' });
    expect(build.code, build.stderr).toBe(0);
    expect(flat(readFileSync(join(out, 'panel/2026-03-10/agenda-pack.html'), 'utf8'))).toContain('This report is public and on the agenda.');
  });
});
