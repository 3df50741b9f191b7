// `boardpack new minutes` and `boardpack new paper`: the clerk's next files, ready to fill in.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { BASE, cli, contentFolder, SAMPLE } from '../helpers.js';

const PANEL = 'committees/resources-scrutiny-panel';

/** The sample without the minutes of 10 March 2026 (a meeting with a Part 2 item). */
function sampleWithoutMinutes(): string {
  const root = join(contentFolder({}), 'content');
  cpSync(SAMPLE, root, { recursive: true });
  rmSync(join(root, PANEL, '2026-03-10/minutes.md'));
  return root;
}

describe('new minutes', () => {
  it('numbers the minutes on from the last, lists the Part 2 item as exempt, and lints with no error', async () => {
    const root = sampleWithoutMinutes();
    const made = await cli(['new', 'minutes', 'resources-scrutiny-panel/2026-03-10', root]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toBe(`Created ${join(root, PANEL, '2026-03-10/minutes.md')}\n`);
    const text = readFileSync(join(root, PANEL, '2026-03-10/minutes.md'), 'utf8');
    // The same numbers as the minutes the clerk really wrote, and the agenda's titles (which the clerk may shorten).
    const written = readFileSync(join(SAMPLE, PANEL, '2026-03-10/minutes.md'), 'utf8');
    const headings = (t: string) => t.split('\n').filter((l) => l.startsWith('## '));
    expect(headings(text).map((h) => h.split(' ')[1])).toEqual(headings(written).map((h) => h.split(' ')[1]));
    headings(written).forEach((h, i) => expect(headings(text)[i].startsWith(h)).toBe(true));
    const minutes = parseContent(root).model.committees.find((c) => c.id === 'resources-scrutiny-panel')!.meetings.find((m) => m.folder === '2026-03-10')!.minutes!;
    // Fail closed: the item taken in private is exempt before a word of it is written.
    expect(minutes.minutes.find((m) => m.number?.raw === '44')!.exempt).toEqual({ paragraph: 3, summary: null });
    expect(minutes.chair?.name).toBe('Councillor Helen Ashworth');
    expect(minutes.minutes.find((m) => m.number?.raw === '40')!.resolutions[0].text).toMatch(/^That the minutes of the previous meeting be approved/);
    const lint = await cli(['lint', root, '--format', 'json']);
    const findings = JSON.parse(lint.stdout).flatMap((r: { messages: { severity: number; ruleId: string }[] }) => r.messages);
    expect(findings.filter((m: { severity: number }) => m.severity === 2)).toEqual([]);
    // What is left to write is what lint asks for: the decisions on the items with papers.
    expect(findings.map((m: { ruleId: string }) => m.ruleId)).toContain('resolution-missing');
  });

  it('numbers from 1 where the committee numbers its minutes afresh each meeting, and refuses minutes already written', async () => {
    const root = contentFolder({
      ...BASE,
      'boardpack.yml': 'organisation: Test Council\nminuteNumbering: per-meeting\n',
      'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Apologies for absence\n2. Budget\n',
    });
    expect((await cli(['new', 'minutes', 'panel/2026-03-10', root])).code).toBe(0);
    const text = readFileSync(join(root, 'committees/panel/2026-03-10/minutes.md'), 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## 1. Apologies for absence', '## 2. Budget']);
    expect(text).not.toContain('exempt:');
    const again = await cli(['new', 'minutes', 'panel/2026-03-10', root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('panel/2026-03-10/minutes.md already exists');
    const unknown = await cli(['new', 'minutes', 'panel/2027-01-01', root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No meeting "panel/2027-01-01"');
  });
});

describe('new paper', () => {
  it("writes a report with an officer's report's numbered sections, and says to link it", async () => {
    const root = contentFolder({ ...BASE, 'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Budget\n' });
    const made = await cli(['new', 'paper', 'panel/2026-03-10', 'budget-monitoring', root, '--title', 'Budget monitoring: quarter 3']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Next: link it from its agenda item: [Budget monitoring: quarter 3](budget-monitoring.md)');
    const file = join(root, 'committees/panel/2026-03-10/budget-monitoring.md');
    const paper = parseContent(root).model.committees[0].meetings[0].papers.find((p) => p.id === 'budget-monitoring');
    // Its frontmatter is valid; not linked yet, lint says what is missing.
    expect(paper).toMatchObject({ title: 'Budget monitoring: quarter 3', type: 'report', sections: [{ number: 1, title: 'Purpose of the report' }, {}, {}, {}, {}, {}] });
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: "Budget monitoring: quarter 3"\ntype: report\n/);
    const lint = await cli(['lint', root]);
    expect(lint.stdout).toContain('Unexpected paper "budget-monitoring.md" that no agenda item');
    expect(lint.stdout).not.toContain('frontmatter');
    const bad = await cli(['new', 'paper', 'panel/2026-03-10', 'Budget Report', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected lower-case letters, digits and hyphens');
    expect(existsSync(join(root, 'committees/panel/2026-03-10/Budget Report.md'))).toBe(false);
  });
});

describe('new plan-entry and new decision', () => {
  const CABINET = 'name: Cabinet\nexecutive: true\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n';

  it("start the executive's forward plan and decision records, each field the law asks for to fill in, then add to them keeping what is there", async () => {
    const root = contentFolder({
      ...BASE,
      'committees/cabinet/committee.yml': CABINET,
      'committees/cabinet/2026-06-23/agenda.md': '---\npublished: 2026-06-12\n---\n\n1. Apologies for absence\n',
    });
    const first = await cli(['new', 'plan-entry', 'cabinet', 'FP/2026/01', root, '--matter', 'Leisure contract'], { today: '2026-05-22' });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Next: add that day under published: when the edition goes out, and name the entry from its report with forwardPlan: FP/2026/01');
    const second = await cli(['new', 'plan-entry', 'cabinet', 'FP/2026/02', root, '--matter', 'Depot sale'], { today: '2026-05-29' });
    expect(second.code, second.stderr).toBe(0);
    const again = await cli(['new', 'plan-entry', 'cabinet', 'FP/2026/02', root, '--matter', 'Depot sale'], { today: '2026-05-29' });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already has an entry FP/2026/02');
    const decision = await cli(['new', 'decision', 'cabinet', 'leisure-contract', root, '--meeting', '2026-06-23', '--title', 'Leisure contract'], { today: '2026-06-24' });
    expect(decision.code, decision.stderr).toBe(0);
    const plan = readFileSync(join(root, 'committees/cabinet/forward-plan.yml'), 'utf8');
    expect(plan).toMatch(/^# The forward plan of key decisions/);
    const { model, problems } = parseContent(root);
    expect(problems.filter((p) => p.code === 'frontmatter')).toEqual([]);
    const cabinet = model.committees.find((c) => c.id === 'cabinet')!;
    expect(cabinet.forwardPlan?.entries.map((e) => [e.ref, e.matter, e.firstPublished, e.decisionMaker])).toEqual([
      ['FP/2026/01', 'Leisure contract', '2026-05-22', 'cabinet'],
      ['FP/2026/02', 'Depot sale', '2026-05-29', 'cabinet'],
    ]);
    expect(cabinet.decisions).toMatchObject([{ id: 'leisure-contract', title: 'Leisure contract', kind: 'executive', date: '2026-06-23', meeting: '2026-06-23', callIn: { kind: 'subject' } }]);
    // Where 28 days' notice cannot be given, the notice it comes by; an item to be taken in private, its paragraph.
    const urgent = await cli(['new', 'plan-entry', 'cabinet', 'FP/2026/03', root, '--matter', 'Roof repairs', '--route', 'general-exception', '--private', '3'], { today: '2026-06-10' });
    expect(urgent.code, urgent.stderr).toBe(0);
    const entry = parseContent(root).model.committees.find((c) => c.id === 'cabinet')!.forwardPlan!.entries[2];
    expect(entry).toMatchObject({ ref: 'FP/2026/03', firstPublished: null, private: 3, exception: { route: 'general-exception', published: '2026-06-10', scrutinyChair: '2026-06-10' } });
    const badParagraph = await cli(['new', 'plan-entry', 'cabinet', 'FP/2026/04', root, '--matter', 'X', '--private', 'three']);
    expect(badParagraph.code).toBe(2);
    expect(badParagraph.stderr).toContain('expected the paragraph of Schedule 12A, such as 3');
    // A new meeting of the executive says what a private item's notices need, and by when.
    const meeting = await cli(['new', 'meeting', 'cabinet', '2026-07-21', root]);
    expect(meeting.code, meeting.stderr).toBe(0);
    expect(readFileSync(join(root, 'committees/cabinet/2026-07-21/agenda.md'), 'utf8')).toContain('needs notice 28 clear days before, by 2026-06-22, and again 5 clear days before (reg 5):\n# privateNotice: { intention: <day>, final: <day>, representations: None }');
    const noMeeting = await cli(['new', 'decision', 'cabinet', 'other', root, '--meeting', '2026-06-30'], { today: '2026-06-24' });
    expect(noMeeting.code).toBe(2);
    expect(noMeeting.stderr).toContain('No meeting of Cabinet on 2026-06-30');
  });
});
