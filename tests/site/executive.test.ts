import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, SAMPLE } from '../helpers.js';
import { overlay, readTree, RULE_FIXTURES } from '../lint/harness.js';
import { filesUnder, page, select, selectAll, text } from '../render/site.js';
import { channels, leaks } from '../publish/channels.js';

/*
 * The executive's publications (issue 26), read from the built site of the
 * sample's Cabinet: each edition of the forward plan with what changed, each
 * decision's page saying where its call-in stands on the build's day, the
 * meeting pages linking their decisions, and the feeds, calendars and open
 * data holding them. A decision taken in private and a plan's edition still to
 * come reach no public output.
 */

async function build(root: string, asOf: string, ...args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'boardpack-exec-'));
  const result = await cli(['build', root, '--out', out, '--as-of', asOf, ...args], { today: asOf });
  expect(result.code, result.stderr).toBe(0);
  return out;
}
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const flat = (dir: string, file: string) => text(page(dir, file), 'main').join(' ').replace(/\s+/g, ' ');

let late: string;
let june: string;
beforeAll(async () => {
  late = await build(SAMPLE, '2026-11-30');
  // A build as of a day in June: the sample's later meetings are still to come, which the lint gate would stop; built all the same.
  june = await build(SAMPLE, '2026-06-26', '--force');
}, 120_000);

describe('the forward plan', () => {
  it('publishes each edition, the latest as its index, with the first publication of each entry and what is new', () => {
    const editions = filesUnder(late).filter((f) => f.startsWith('cabinet/forward-plan/'));
    expect(editions.length).toBe(10);
    const index = flat(late, 'cabinet/forward-plan/index.html');
    expect(index).toMatch(/Published\s*Friday 27 November 2026/);
    expect(index).toMatch(/FP\/2027\/01: Budget 2027\/28 and council tax New/);
    // The decision maker with the names of the body's members (reg 9(1)(c)), and the private entry's paragraph.
    expect(index).toContain('Cabinet (Councillor Joanna Kell, Councillor Marcus Bright');
    expect(index).toContain('In private: paragraph 3 of Schedule 12A');
    // Decided since the edition before: off the plan, linked to its record.
    const gone = select('#removed-heading + ul a', page(late, 'cabinet/forward-plan/index.html'));
    expect(gone?.properties.href).toBe('../decisions/car-park-charges-2027.html');
    expect(index).toContain('FP/2026/08: Car park charges 2027: Decided on Friday 20 November 2026');
  });

  it('says in an edition what was deferred since the one before, and when to', () => {
    const september = flat(late, 'cabinet/forward-plan/2026-09-18.html');
    expect(september).toContain('Deferred on Friday 18 September 2026 to March 2027: To take account of the government');
    expect(september).toContain('FP/2026/06: Replacement of six refuse collection vehicles: Decided on Tuesday 1 September 2026');
    expect(september).not.toContain('Leisure centre management contract');
    // An entry by the general exception shows its notice.
    expect(flat(late, 'cabinet/forward-plan/2026-08-21.html')).toContain('General exception');
  });

  it('holds back an edition, and the entries first published in it, until its day', () => {
    const october = filesUnder(june).filter((f) => f.startsWith('cabinet/forward-plan/'));
    expect(october).not.toContain('cabinet/forward-plan/2026-07-17.html');
    expect(flat(june, 'cabinet/forward-plan/index.html')).toMatch(/Published\s*Friday 19 June 2026/);
    // The plan's pages, the decisions', the feeds and the data (a member's page may name a matter of the plan).
    const all = [...filesUnder(june)].filter((f) => !f.startsWith('members/')).map((f) => (f.endsWith('.html') || f.endsWith('.json') || f.endsWith('.xml') ? read(june, f) : '')).join('\n');
    expect(all).not.toContain('Budget 2027/28 and council tax');
    expect(all).not.toContain('Car park charges 2027');
  });
});

describe('the forward plan as PDF', () => {
  it('prints each edition as a tagged PDF with its title, linked from its page, and only with the site pages of a build with PDFs', async () => {
    const out = await build(SAMPLE, '2026-11-30', '--format', 'all');
    const file = join(out, 'cabinet/forward-plan/2026-11-27.pdf');
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/^Title:\s+Cabinet: Forward Plan of Key Decisions, Friday 27 November 2026$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const words = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(words).toContain('FP/2027/02: Disposal of the former Mill Lane depot');
    expect(words).toContain('Taken off since the previous edition');
    // The printed edition has no site navigation and no list of the other editions.
    expect(words).not.toContain('Skip to content');
    expect(words).not.toContain('(this edition)');
    const links = selectAll('a', page(out, 'cabinet/forward-plan/2026-11-27.html')).map((a) => a.properties.href);
    expect(links).toContain('2026-11-27.pdf');
    expect(filesUnder(late).filter((f) => f.startsWith('cabinet/forward-plan/') && f.endsWith('.pdf'))).toEqual([]);
  }, 120_000);
});

describe('notices', () => {
  it('publish each general exception and special urgency notice as a page, linked from the plan and the decision', () => {
    const urgent = flat(late, 'cabinet/notices/fp-2026-07.html');
    expect(urgent).toContain('Special urgency notice: Emergency repairs to the Northgate Sports Centre roof');
    expect(urgent).toMatch(/Urgency agreed by\s*Councillor Helen Ashworth, Chair of the Resources Scrutiny Panel, Tuesday 11 August 2026/);
    expect(urgent).toContain('the repair cannot wait for notice to be given');
    // Decided between two editions, it was in none: its entry is named, not linked.
    expect(urgent).toContain('FP/2026/07 (decided before the next edition)');
    const general = page(late, 'cabinet/notices/fp-2026-06.html');
    expect(text(general, 'main').join(' ')).toMatch(/Scrutiny chair told in writing\s*Thursday 20 August 2026/);
    // Its entry in the last edition that gave it.
    expect(selectAll('a', general).map((a) => a.properties.href)).toContain('../forward-plan/2026-08-21.html#entry-FP-2026-06');
    expect(selectAll('a', page(late, 'cabinet/decisions/refuse-vehicles.html')).map((a) => a.properties.href)).toContain('../notices/fp-2026-06.html');
    expect(selectAll('a', page(late, 'cabinet/forward-plan/2026-08-21.html')).map((a) => a.properties.href)).toContain('../notices/fp-2026-06.html');
  });
});

describe('decision pages', () => {
  it('say when call-in ends while it runs, and that it ended once it has', () => {
    const open = flat(june, 'cabinet/decisions/leisure-procurement.html');
    expect(open).toContain('Call-in ends at 5pm on Thursday 2 July 2026. The decision may not be implemented before then.');
    const ended = flat(late, 'cabinet/decisions/leisure-procurement.html');
    expect(ended).toContain('The call-in period ended at 5pm on Thursday 2 July 2026; the decision was implemented on Monday 6 July 2026.');
    expect(ended).toContain('Councillor Owen Pryce: personal interest');
    expect(ended).toContain('To extend the current contract by two years');
  });

  it('say that a decision was called in, linking the scrutiny meeting that considers it', () => {
    const tree = page(late, 'cabinet/decisions/car-park-charges-2027.html');
    expect(text(tree, '.call-in').join(' ')).toContain('Called in on Wednesday 25 November 2026 by Councillors Ashworth, Karim and Lowther.');
    expect(select('.call-in a', tree)?.properties.href).toBe('../../resources-scrutiny-panel/2026-12-08/index.html');
  });

  it('are linked from the meeting that took them and from the committee page, and an urgent one gives its exemption', () => {
    const links = selectAll('#decisions-heading + ul a', page(late, 'cabinet/2026-06-23/index.html')).map((a) => a.properties.href);
    expect(links).toEqual(['../decisions/revenue-outturn-2025-26.html', '../decisions/leisure-procurement.html']);
    // And from the agenda item whose report names the plan entry.
    const items = selectAll('li.agenda-item', page(late, 'cabinet/2026-06-23/index.html'));
    const leisure = items.find((li) => text(li, '.item-title')[0]?.startsWith('Leisure centre management contract'))!;
    expect(selectAll('.item-decisions a', leisure).map((a) => a.properties.href)).toEqual(['../decisions/leisure-procurement.html']);
    const committee = selectAll('a', page(late, 'cabinet/index.html')).map((a) => a.properties.href);
    expect(committee).toContain('forward-plan/index.html');
    expect(committee).toContain('decisions/index.html');
    expect(flat(late, 'cabinet/decisions/northgate-roof-repairs.html')).toContain('Not subject to call-in, as urgent. Urgent: any delay would keep the centre closed');
  });
});

describe('feeds, calendars and open data', () => {
  it('put the end of each call-in period in the calendar, at its hour in the council’s zone', () => {
    const calendar = new ICAL.Component(ICAL.parse(read(june, 'cabinet/calendar.ics')));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const event = calendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid === 'call-in-cabinet-leisure-procurement@democracy.wyndmoor.example');
    expect(event?.summary).toBe('Call-in ends: Leisure centre management contract: procurement');
    expect(event?.startDate.toJSDate().toISOString()).toBe('2026-07-02T16:00:00.000Z');
  });

  it('publish each committee’s decisions as data, indexed from meetings.json, with the call-in as it stands', () => {
    const data = JSON.parse(read(late, 'cabinet/decisions/decisions.json'));
    const called = data.decisions.find((d: { id: string }) => d.id === 'car-park-charges-2027');
    expect(called.callIn.status).toBe('called-in');
    expect(called.callIn.calledIn.meeting).toBe('resources-scrutiny-panel/2026-12-08');
    const leisure = data.decisions.find((d: { id: string }) => d.id === 'leisure-procurement');
    expect(leisure.callIn).toMatchObject({ status: 'ended', ends: '2026-07-02T17:00:00+01:00' });
    expect(JSON.parse(read(late, 'meetings.json')).decisions).toEqual(['https://democracy.wyndmoor.example/cabinet/decisions/decisions.json']);
    const ld = JSON.parse(text(page(late, 'cabinet/decisions/leisure-procurement.html'), 'script[type="application/ld+json"]')[0]);
    expect(ld).toMatchObject({ '@type': 'DigitalDocument', name: 'Leisure centre management contract: procurement', dateCreated: '2026-06-23', datePublished: '2026-06-25' });
  });
});

describe('a meeting held partly in private', () => {
  it('gives its notices on its page: the notice of intention, the further notice, the representations and the response', async () => {
    const root = overlay({ ...readTree(join(RULE_FIXTURES, 'private-meeting-notice', 'pass')), 'boardpack.yml': 'organisation: Example Borough Council\njurisdiction: england\nbaseUrl: https://papers.example.gov.uk/\n' });
    const out = await build(root, '2026-07-31', '--format', 'html', '--force');
    const notice = flat(out, 'cabinet/2026-07-21/index.html');
    expect(notice).toMatch(/Notice of intention published\s*Friday 19 June 2026/);
    expect(notice).toMatch(/Further notice published\s*Friday 10 July 2026/);
    expect(notice).toContain('The price offered is commercially sensitive until the sale completes');
  }, 60_000);
});

describe('a decision taken in private', () => {
  it('is, for the public, its title, who took it and when, and the notice: its decision, reasons and conflicts reach no output', async () => {
    const root = mkdtempSync(join(tmpdir(), 'boardpack-exec-content-'));
    cpSync(SAMPLE, root, { recursive: true });
    const SECRETS = { decision: 'Sell the Kestrel depot to the highest bidder', reasons: 'The Kestrel bid beats the valuation', alternatives: 'Hold the Kestrel site for housing' };
    const file = join(root, 'committees/cabinet/decisions.yml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}- id: kestrel-depot\n  title: Disposal of the Kestrel depot\n  by: Cabinet\n  date: 2026-07-21\n  meeting: 2026-07-21\n  decision: ${SECRETS.decision}\n  reasons: ${SECRETS.reasons}\n  alternatives: ${SECRETS.alternatives}\n  conflicts: [Councillor Ottoline Marsh, a bidder's director]\n  published: 2026-07-23\n  exempt: 3\n`,
    );
    const out = await build(root, '2026-11-30', '--format', 'html');
    const found = leaks(await channels(out), SECRETS, ['Ottoline']);
    expect(found).toEqual([]);
    const shown = flat(out, 'cabinet/decisions/kestrel-depot.html');
    expect(shown).toContain('Disposal of the Kestrel depot');
    expect(shown).toContain('paragraph 3 of Part 1 of Schedule 12A');
    // Members see all of it, marked.
    const members = await build(root, '2026-11-30', '--format', 'html', '--audience', 'members');
    expect(flat(members, 'cabinet/decisions/kestrel-depot.html')).toContain(SECRETS.reasons);
  }, 60_000);
});
