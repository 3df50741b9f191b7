import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { cli, FIXTURES, SAMPLE } from '../helpers.js';
import { filesUnder, page, selectAll, text } from '../render/site.js';
import { channels, leaks } from '../publish/channels.js';

/*
 * The members' pages (issue 27), read from the sample's built site as a
 * resident and a monitoring officer would: each member's offices, seats,
 * attendance (expected, present, apologies, substituted), declarations and
 * register; the register of interests as a page and a tagged PDF; attendance
 * as CSV; people and memberships as OCD open data. A sensitive interest
 * reaches no public output by any route, and the members' build shows it.
 */

const SENSITIVE = 'Home, 7 Heron Close, Riverside';

async function build(...args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'boardpack-members-'));
  const result = await cli(['build', SAMPLE, '--out', out, '--as-of', '2026-11-30', ...args], { today: '2026-11-30' });
  expect(result.code, result.stderr).toBe(0);
  return out;
}
const flat = (dir: string, file: string) => text(page(dir, file), 'main').join(' ').replace(/\s+/g, ' ');
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

let out: string;
let members: string;
beforeAll(async () => {
  out = await build('--format', 'all');
  members = await build('--format', 'all', '--audience', 'members');
}, 240_000);

describe("a member's page", () => {
  it('gives their seats with dates, their attendance counted at the meetings they were expected at, and who substituted for them', () => {
    const karim = flat(out, 'members/rashid-karim.html');
    expect(karim).toContain('Resources Scrutiny Panel: Member, since Tuesday 20 May 2025');
    expect(karim).toContain('Expected at 5 meetings: present at 4, apologies for 0, substituted at 1, absent from 0.');
    const rows = selectAll('section[aria-labelledby="attendance-heading"] tbody tr', page(out, 'members/rashid-karim.html')).map((tr) => text(tr, 'td').join(' | '));
    expect(rows).toContain('Tuesday 15 September 2026 | Resources Scrutiny Panel | Substituted (by Councillor Tom Hale)');
    const hale = flat(out, 'members/tom-hale.html');
    expect(hale).toContain('attended 1 as a substitute');
    expect(hale).toMatch(/Resources Scrutiny Panel\s*Attended as substitute \(for Councillor Rashid Karim\)/);
    // A change of role at the annual meeting: two dated seats.
    expect(flat(out, 'members/sian-pritchard.html')).toContain('Vice-chair, Tuesday 20 May 2025 to Monday 18 May 2026');
    expect(flat(out, 'members/sian-pritchard.html')).toContain('Member, since Tuesday 19 May 2026');
  });

  it('lists the interests declared at meetings and the dispensations, and links each meeting', () => {
    const tree = page(out, 'members/owen-pryce.html');
    const declared = text(tree, 'section[aria-labelledby="declarations-heading"] li').join(' ');
    expect(declared).toContain('Cabinet, Tuesday 23 June 2026: a personal interest in minute 5');
    expect(flat(out, 'members/lucy-tremayne.html')).toContain('Car park charges 2027: to take part as a member of the executive');
    const ld = JSON.parse(text(tree, 'script[type="application/ld+json"]')[0]);
    expect(ld).toMatchObject({ '@type': 'Person', name: 'Councillor Owen Pryce', jobTitle: 'Cabinet Member for Leisure', affiliation: { name: 'Labour' } });
  });

  it("is linked from every meeting page's attendance, with a substitute marked", () => {
    const links = selectAll('section[aria-labelledby="attendance-heading"] a', page(out, 'resources-scrutiny-panel/2026-09-15/index.html')).map((a) => a.properties.href);
    expect(links).toContain('../../members/tom-hale.html');
    expect(links).toContain('../../members/rashid-karim.html');
    expect(flat(out, 'resources-scrutiny-panel/2026-09-15/index.html')).toContain('Councillor Tom Hale (substitute for Councillor Rashid Karim)');
  });
});

describe('the register of interests and attendance', () => {
  it('publishes the register as a page and a tagged PDF, a sensitive entry as the notice that there is one', () => {
    const register = flat(out, 'members/register-of-interests.html');
    expect(register).toContain('Director, Karim Accountancy Ltd');
    expect(register).toContain('The member has an interest the details of which are withheld under section 32(2) of the Localism Act 2011.');
    const pdf = join(out, 'members/register-of-interests.pdf');
    expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/^Tagged:\s+yes$/m);
    expect(execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ')).toContain('Trustee, Northgate Swimming Club');
  });

  it('gives attendance as CSV, one row per member and committee', () => {
    const rows = read(out, 'members/attendance.csv').trim().split('\r\n');
    expect(rows[0]).toBe('member,group,committee,expected,present,apologies,substituted,absent,as substitute');
    expect(rows).toContain('Councillor Rashid Karim,Wyndmoor Independents,Resources Scrutiny Panel,4,3,0,1,0,0');
    expect(rows).toContain('Councillor Tom Hale,Wyndmoor Independents,Resources Scrutiny Panel,0,0,0,0,0,1');
  });

  it('publishes people, organisations and memberships in OCD shapes, dated', () => {
    const data = JSON.parse(read(out, 'members/people.json'));
    const pryce = data.people.find((p: { name: string }) => p.name === 'Councillor Owen Pryce');
    expect(pryce).toMatchObject({ _type: 'person', id: expect.stringMatching(/^ocd-person\/[0-9a-f-]{36}$/) });
    const cabinet = data.organizations.find((o: { name: string }) => o.name === 'Cabinet');
    expect(cabinet).toMatchObject({ _type: 'organization', classification: 'committee' });
    const seat = data.memberships.find((m: { person_id: string; organization_id: string }) => m.person_id === pryce.id && m.organization_id === cabinet.id);
    expect(seat).toMatchObject({ role: 'member', start_date: '2025-05-20', end_date: '' });
  });
});

describe('the open data validates against the Open Civic Data shapes', () => {
  // tests/fixtures/ocd/shapes.schema.json: the OCD scrape shapes as pupa checks them, with what its constructors require.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(JSON.parse(readFileSync(join(FIXTURES, 'ocd', 'shapes.schema.json'), 'utf8')), 'ocd');
  const check = (shape: string, items: unknown[]) => {
    const validate = ajv.getSchema(`ocd#/definitions/${shape}`)!;
    return items.flatMap((item) => (validate(item) ? [] : [`${shape} ${JSON.stringify(item).slice(0, 80)}: ${ajv.errorsText(validate.errors)}`]));
  };

  it('people, organisations and memberships (members/people.json), and every meeting\'s VoteEvents', () => {
    const data = JSON.parse(read(out, 'members/people.json'));
    expect(data.people.length).toBeGreaterThan(10);
    expect([...check('person', data.people), ...check('organization', data.organizations), ...check('membership', data.memberships)]).toEqual([]);
    const files = filesUnder(out).filter((f) => f.endsWith('/votes.json'));
    expect(files).toContain('council/2026-02-24/votes.json');
    for (const file of files) expect(check('voteEvent', JSON.parse(read(out, file)).votes)).toEqual([]);
  });

  it('the shapes catch what OCD would refuse', () => {
    const [vote] = JSON.parse(read(out, 'council/2026-02-24/votes.json')).votes;
    expect(check('voteEvent', [{ ...vote, result: null }])).toHaveLength(1);
    expect(check('voteEvent', [{ ...vote, _type: 'vote' }])).toHaveLength(1);
    expect(check('voteEvent', [{ ...vote, votes: [{ option: 'yes', voter_name: 'X', voter_id: null }] }])).toHaveLength(1);
  });
});

describe('recorded votes', () => {
  it("publish a budget meeting's votes as OCD VoteEvents, each member's vote by name, linked from the meeting's page", () => {
    const { votes } = JSON.parse(read(out, 'council/2026-02-24/votes.json'));
    expect(votes).toHaveLength(2);
    const [amendment, motion] = votes;
    expect(amendment).toMatchObject({
      _type: 'vote_event',
      legislative_session: '2025/26',
      motion_text: 'Budget 2026/27 and council tax',
      identifier: '63 (vote 1)',
      start_date: '2026-02-24',
      result: 'fail',
    });
    expect(motion.counts).toEqual([
      { option: 'yes', value: 8 },
      { option: 'no', value: 3 },
      { option: 'abstain', value: 1 },
    ]);
    const data = JSON.parse(read(out, 'members/people.json'));
    const ashworth = data.people.find((p: { name: string }) => p.name === 'Councillor Helen Ashworth');
    expect(motion.votes).toContainEqual({ option: 'no', voter_name: 'Councillor Helen Ashworth', voter_id: ashworth.id });
    expect(selectAll('a', page(out, 'council/2026-02-24/index.html')).map((a) => a.properties.href)).toContain('votes.json');
    // A meeting with no recorded vote has no such file.
    expect(filesUnder(out)).not.toContain('cabinet/2026-06-23/votes.json');
  });
});

describe("a member's recorded votes and approved absences", () => {
  it('lists how the member voted in each named vote, with the result, linked to the meeting', () => {
    const rows = selectAll('section[aria-labelledby="votes-heading"] tbody tr', page(out, 'members/helen-ashworth.html')).map((tr) => text(tr, 'td').join(' | '));
    expect(rows).toEqual([
      'Tuesday 24 February 2026 | Council | 63. Budget 2026/27 and council tax (vote 1) | For | Lost',
      'Tuesday 24 February 2026 | Council | 63. Budget 2026/27 and council tax (vote 2) | Against | Carried',
    ]);
    // A member who sat on no body that voted by name has no such section.
    expect(selectAll('section[aria-labelledby="votes-heading"]', page(out, 'members/graham-tull.html'))).toHaveLength(0);
  });

  it("names an approved absence's days and minute, its reason only to the members", () => {
    const pub = flat(out, 'members/marcus-bright.html');
    expect(pub).toContain('Approved Tuesday 22 September 2026, to Sunday 31 January 2027 (Council, 22 September 2026, minute 58)');
    expect(pub).not.toContain('Ill health');
    expect(flat(members, 'members/marcus-bright.html')).toContain('to Sunday 31 January 2027: Ill health');
  });

  it("keeps a vote taken in private off the members' pages, as it keeps the minute", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boardpack-private-vote-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const file = join(dir, 'committees/council/2026-02-24/minutes.md');
    // Taken in private after a resolution excluding the public, with no exempt: entry for it and the rule that asks for one
    // turned off: the gate withholds it all the same, and so must every page made from the site's outline of the meeting.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'There were no declarations of interest.',
        'There were no declarations of interest.\n\nResolved:- That the press and public be excluded for the next item, under paragraph 3.',
      ),
    );
    writeFileSync(join(dir, 'boardpack.yml'), `${readFileSync(join(dir, 'boardpack.yml'), 'utf8')}\nrules:\n  minute-private: off\n`);
    const built = mkdtempSync(join(tmpdir(), 'boardpack-private-vote-out-'));
    for (const audience of ['public', 'members']) {
      const result = await cli(['build', dir, '--out', join(built, audience), '--format', 'html', '--audience', audience, '--as-of', '2026-11-30'], { today: '2026-11-30' });
      expect(result.code, result.stderr).toBe(0);
    }
    expect(selectAll('section[aria-labelledby="votes-heading"]', page(join(built, 'public'), 'members/helen-ashworth.html'))).toHaveLength(0);
    expect(flat(join(built, 'public'), 'members/helen-ashworth.html')).not.toContain('Budget 2026/27');
    expect(selectAll('section[aria-labelledby="votes-heading"] tbody tr', page(join(built, 'members'), 'members/helen-ashworth.html'))).toHaveLength(2);
  }, 120_000);
});

describe('a sensitive interest', () => {
  it('reaches no public output by any route, and the members see it, marked', async () => {
    expect(read(SAMPLE, 'members/margaret-flynn.yml')).toContain(SENSITIVE);
    expect(leaks(await channels(out), { sensitive: SENSITIVE, absence: 'Parental leave' }, ['Heron Close', 'Ill health'])).toEqual([]);
    const shown = flat(members, 'members/margaret-flynn.html');
    expect(shown).toContain(SENSITIVE);
    expect(shown).toContain('withheld under section 32(2)');
    expect(filesUnder(members)).not.toContain('members/attendance.csv');
  }, 120_000);
});
