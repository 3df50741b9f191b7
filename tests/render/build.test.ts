import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';
import { buildSample, filesUnder, page, select, selectAll, text, toString } from './site.js';

const { model } = parseContent(SAMPLE);
let out: string;
beforeAll(async () => {
  out = await buildSample();
});

describe('building the sample council', () => {
  it('writes every output: a pack and minutes for each meeting, plans, registers and the index', () => {
    const files = filesUnder(out);
    for (const committee of model.committees) {
      for (const meeting of committee.meetings) {
        expect(files).toContain(`${meeting.id}/agenda-pack.html`);
        if (meeting.minutes) expect(files).toContain(`${meeting.id}/minutes.html`);
        else expect(files).not.toContain(`${meeting.id}/minutes.html`);
      }
    }
    expect(files).toContain('plans/corporate-improvement-plan.html');
    expect(files).toContain('registers/governance-review.html');
    expect(files).toContain('index.html');
    expect(files).toContain('resources-scrutiny-panel/2026-01-13/budget-monitoring-q2-appendix-a.pdf');
    expect(files.filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('copies PDF attachments byte for byte', () => {
    const file = 'resources-scrutiny-panel/2026-01-13/budget-monitoring-q2-appendix-a.pdf';
    expect(readFileSync(join(out, file)).equals(readFileSync(join(SAMPLE, 'committees', file)))).toBe(true);
  });
});

describe('an agenda pack', () => {
  const file = 'resources-scrutiny-panel/2026-03-10/agenda-pack.html';

  it('opens with the summons: organisation, committee, weekday and date, time, venue, membership, publication date', () => {
    const tree = page(out, file);
    expect(text(tree, 'html')[0]).toContain('Wyndmoor Borough Council');
    expect(select('html', tree)?.properties.lang).toBe('en-GB');
    expect(text(tree, 'h1')).toEqual(['Resources Scrutiny Panel Tuesday 10 March 2026']);
    const summons = text(tree, '.summons dd');
    expect(summons).toEqual([
      'Resources Scrutiny Panel',
      'Tuesday 10 March 2026',
      '6.00 pm',
      'Committee Room 2, Wyndmoor Town Hall, Church Street, Wyndmoor WY1 2AB',
      'Monday 2 March 2026',
    ]);
    expect(text(tree, '.membership li')).toContain('Councillor Helen Ashworth (Chair)');
    expect(text(tree, '.membership li')).toContain('Mr Graham Tull (Co-opted member)');
  });

  it('lists the agenda items in order, each linked to its papers in the pack', () => {
    const tree = page(out, file);
    const main = select('.agenda-items', tree)!;
    const items = selectAll(':scope > li', main);
    expect(items.map((li) => String(li.properties.value))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(text(main, '.item-title').slice(3, 5)).toEqual([
      'Temporary accommodation: recovery plan',
      'Fees and charges 2026/27',
    ]);
    const links = selectAll('.agenda .item-papers a', tree).map((a) => [toString(a), a.properties.href]);
    expect(links).toContainEqual(['Temporary Accommodation - Recovery Plan', '#paper-temporary-accommodation']);
    // The minutes to approve are in the pack, as councils publish them.
    expect(links).toContainEqual(['Minutes of the meeting held on Tuesday 13 January 2026', '#minutes-resources-scrutiny-panel-2026-01-13']);
    for (const [, href] of links) {
      if (String(href).startsWith('#')) expect(select(String(href), tree), String(href)).toBeTruthy();
      else expect(existsSync(join(out, 'resources-scrutiny-panel/2026-03-10', String(href)))).toBe(true);
    }
  });

  it('follows with every paper in agenda order, supplementary papers after their item', () => {
    const tree = page(out, file);
    expect(text(tree, 'article.paper h3')).toEqual([
      'Minutes of the meeting held on Tuesday 13 January 2026',
      'Temporary Accommodation - Recovery Plan',
      'Fees and Charges 2026/27',
      'Appendix B - Benchmarking of Charges',
      'Leisure centre management contract: options', // exempt: its agenda item's title, not its own
    ]);
    expect(text(tree, '#paper-fees-benchmarking .paper-meta')[0]).toContain('supplementary agenda 1');
    expect(text(tree, '.urgency')[0]).toContain('not received until 4 March 2026');
    // A paper's own headings sit below its title.
    expect(text(tree, '#paper-temporary-accommodation h4')).toContain('1. Recommendations');
  });

  it('carries the minutes to approve as the item’s paper: attendance, then each minute', () => {
    const tree = page(out, file);
    const minutes = select('#minutes-resources-scrutiny-panel-2026-01-13', tree)!;
    expect(text(minutes, '.paper-meta')[0]).toBe('Agenda item 3 · Minutes');
    expect(text(minutes, '.attendance dt')).toContain('Present');
    expect(toString(minutes)).toMatch(/Councillor Helen Ashworth \(in the Chair\)/);
    // Its minutes sit below its title, their ids its own.
    expect(selectAll('h4', minutes).length).toBeGreaterThan(2);
    for (const el of selectAll('[id]', minutes)) expect(String(el.properties.id)).toMatch(/^minutes-resources-scrutiny-panel-2026-01-13/);
  });

  it('leaves the exempt minutes of the minutes to approve out of the public pack, with the notice and summary in their place', () => {
    const june = page(out, 'resources-scrutiny-panel/2026-06-16/agenda-pack.html');
    const minutes = toString(select('#minutes-resources-scrutiny-panel-2026-03-10', june)!);
    expect(minutes).toContain('44. Leisure centre management contract: options');
    expect(minutes).toContain('The Panel considered the options for the leisure centre management contract');
    expect(minutes).toMatch(/paragraph 3/);
    expect(minutes).not.toContain('favours a full procurement');
    expect(minutes).not.toContain('took part in the discussion');
  });

  it('links PDF appendices for download and shows Markdown appendices after their paper', () => {
    const tree = page(out, 'resources-scrutiny-panel/2026-01-13/agenda-pack.html');
    const appendices = selectAll('#paper-budget-monitoring-q2 .appendix', tree);
    expect(appendices.map((a) => toString(select('h4', a)!))).toEqual([
      'Appendix A - Revenue monitoring by directorate',
      'Appendix B - Savings delivery tracker',
    ]);
    expect(select('a', appendices[0])?.properties.href).toBe('budget-monitoring-q2-appendix-a.pdf');
    expect(text(appendices[1], 'td')).toContain('Consolidate office accommodation at the Town Hall');
  });
});

describe('minutes', () => {
  const tree = () => page(out, 'resources-scrutiny-panel/2026-01-13/minutes.html');

  it('number each minute, with attendance first and a signature line last', () => {
    const t = tree();
    expect(text(t, '.minutes-body h2')).toEqual([
      '31. Apologies for absence',
      '32. Declarations of interest',
      '33. Minutes of the previous meeting held on Tuesday 11 November 2025',
      '34. Budget monitoring 2025/26: quarter 2',
      '35. Council tax support scheme 2026/27',
      '36. Work programme 2025/26',
      '37. Date and time of next meeting',
    ]);
    expect(text(t, '.attendance dd')[0]).toContain('Councillor Helen Ashworth (in the Chair)');
    expect(text(t, '.attendance dd')[1]).toBe('Councillor Peter Lowther');
    expect(text(t, '.signature')[0]).toMatch(/^Signed .*\(Councillor Helen Ashworth, Chair\) Date$/);
  });

  it('lay resolutions out with their parts and sub-parts indented by level', () => {
    const t = tree();
    const parts = selectAll('.minutes-body p.part', t).map((p) => [
      (p.properties.className as string[]).join(' '),
      toString(p).slice(0, 3),
    ]);
    // Part (1), written on the resolution's own line, is laid out as the parts after it are.
    expect(parts).toEqual([
      ['part part-1', '(1)'],
      ['part part-1', '(2)'],
      ['part part-1', '(1)'],
      ['part part-1', '(2)'],
      ['part part-2', '(a)'],
      ['part part-2', '(b)'],
    ]);
    expect(text(t, '.minutes-body p.resolution').length).toBe(5);
    expect(text(t, '.minutes-body p.resolution')[0]).toBe('Resolved:-');
    expect(text(t, '.minutes-body p.reason')).toContain('Reason: to keep spending within the approved budget.');
  });

  it('list the actions with owner and date', () => {
    expect(text(tree(), '.actions tbody td')).toEqual([
      '34',
      'Head of Finance',
      'circulate the shared legal service business case',
      '28 February 2026',
    ]);
  });
});

describe('the plan and the register', () => {
  it('shows each strand’s actions with status as text, overdue ones marked as of the plan’s date', () => {
    const t = page(out, 'plans/corporate-improvement-plan.html');
    expect(text(t, '.strand h2')).toEqual([
      'Strand 1: Leadership and governance',
      'Strand 2: Financial sustainability',
      'Strand 3: Decision-making and scrutiny',
      'Strand 4: Workforce and culture',
      'Strand 5: Customer services and digital',
    ]);
    expect(text(t, '#strand-3 tbody tr td:last-child')).toEqual(['Complete', 'Amber', 'Green']);
    expect(text(t, 'dd')).toContain('Saturday 31 October 2026');
    expect(selectAll('tr.overdue', t)).toHaveLength(0);
  });

  it('has a matrix of which strands answer which recommendations, and says when none is left unanswered', () => {
    const t = page(out, 'plans/corporate-improvement-plan.html');
    const rows = selectAll('.matrix tbody tr', t);
    expect(rows).toHaveLength(10);
    const yes = rows.map((r) => selectAll('td', r).map((td) => (toString(td) === 'Yes' ? 'Y' : '.')).join(''));
    expect(yes.slice(0, 4)).toEqual(['Y....', 'Y....', '.Y...', '.Y...']);
    expect(text(t, '.matrix p')).toEqual(['Every recommendation is answered by at least one strand.']);
  });

  it('marks an overdue action and lists an unanswered recommendation', async () => {
    const { cli } = await import('../helpers.js');
    const { contentFolder, BASE } = await import('../helpers.js');
    const root = contentFolder({
      ...BASE,
      'registers/review.md': '---\ntitle: Review\n---\n\n| Ref | Recommendation | Decision | Owner | Action by |\n|---|---|---|---|---|\n| R1 | Balance the budget | Accepted | Treasurer | 2027-03-31 |\n| R2 | Publish the accounts | Accepted | Treasurer | 2027-03-31 |\n',
      'plans/p/plan.yml': 'title: Plan\nasOf: 2026-06-30\n',
      'plans/p/01-money.md': '---\nnumber: 1\ntitle: Money\naddresses: [R1]\n---\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Set the budget | Treasurer | 2026-05-31 | A |\n',
    });
    const result = await cli(['build', root, '--out', `${root}/out`, '--force']);
    expect(result.code).toBe(0);
    const t = page(`${root}/out`, 'plans/p.html');
    expect(text(t, 'tr.overdue td')[3]).toBe('31 May 2026 Overdue');
    expect(text(t, '.matrix li')).toEqual(['R2 Publish the accounts']);
  });

  it('the register shows each decision and the strands that answer it', () => {
    const t = page(out, 'registers/governance-review.html');
    const row = text(t, '#rec-IR9 td');
    expect(row[3]).toBe('Deferred - to be considered once the resident survey reports');
    expect(row[7]).toBe('Corporate Improvement Plan 2026-28, strand 5: Customer services and digital');
    expect(select('#rec-IR9 a', t)?.properties.href).toBe('../plans/corporate-improvement-plan.html#strand-5');
  });
});

describe('the front page', () => {
  it('lists the next meetings, every committee with its purpose, the latest papers, plans and registers, all linked to real files', () => {
    const t = page(out, 'index.html');
    expect(text(t, 'h2')).toEqual(['Next meetings', 'Committees', 'Recently published', 'Plans', 'Recommendation registers', 'Follow']);
    // The one meeting to come after the build's day (22 November 2026).
    expect(text(t, '.meeting-list li')).toEqual(['Resources Scrutiny Panel, Tuesday 8 December 2026, 6.00 pm']);
    expect(text(t, '.committee-list li a')).toEqual(['Cabinet', 'Council', 'Improvement and Assurance Board', 'Resources Scrutiny Panel']);
    expect(text(t, '.committee-list li')[0]).toMatch(/^Cabinet: The council's executive/);
    const hrefs = selectAll('main a', t).map((a) => String(a.properties.href));
    expect(hrefs).toContain('resources-scrutiny-panel/2026-12-08/index.html');
    expect(hrefs).toContain('plans/corporate-improvement-plan.html');
    expect(hrefs).toContain('registers/governance-review.html');
    for (const href of hrefs) expect(existsSync(join(out, href.split('#')[0])), href).toBe(true);
  });
});
