import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { lint } from '../../src/lint/lint.js';
import { MAX_MARKDOWN_CHARS, MAX_MARKS_PER_FILE, MAX_MARKS_PER_PARAGRAPH } from '../../src/parse/markdown.js';
import { BASE, contentFolder } from '../helpers.js';

/*
 * The worst inputs found for each pattern that reads content (issue 31):
 * each once took time growing with the square (or cube) of its length, and
 * at these sizes took from ten seconds to minutes; each is now read in time
 * that grows with its length. The timed comparison against ordinary text of
 * the same size is the benchmark's (bench/README.md, "Hostile text"); here
 * each is read, and what it holds is read right, within the test's time.
 */

const M = 'committees/panel/2026-03-10';
const MINUTES = `${M}/minutes.md`;
const REPORT = `${M}/report.md`;
const minutes = (body: string) =>
  `---\nchair: Councillor Ann Lee\npresent:\n  - Councillor Ann Lee\n  - Councillor Bo Chen\n---\n\n## 1. Apologies\n\nNone.\n\n## 2. Budget\n\n${body}\n`;
const agenda = '---\npublished: 2026-03-02\n---\n\n1. Apologies\n2. Budget\n   [Report](report.md)\n';
const report = (body: string) => `---\ntitle: Budget\n---\n\n${body}\n`;
const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

function read(files: Record<string, string>) {
  const root = contentFolder({ ...BASE, [`${M}/agenda.md`]: agenda, [REPORT]: report('The budget.'), ...files });
  const parsed = parseContent(root);
  const minute = (n: number) => parsed.model.committees[0].meetings[0].minutes?.minutes.find((m) => m.number?.value === n);
  return { ...parsed, minute, findings: () => lint(parsed, { today: '2026-11-22' }).findings };
}

describe('patterns over content take time in proportion to the text', () => {
  it('declarations: 600 KB of "Aa declared x interest " (was 8.5 s), and the real declaration after it', () => {
    const { minute } = read({
      [MINUTES]: minutes(`${repeat('Aa declared x interest ', 600_000)}\n\nCouncillor Bo Chen declared a personal interest in Minute 2.`),
    });
    expect(minute(2)!.declarations.map((d) => [d.name, d.interest, d.minute])).toEqual([['Councillor Bo Chen', 'personal', '2']]);
  });

  it('declarations: a word of 300,000 capitals, where a name was looked for at every letter, is no name', () => {
    const { minute } = read({ [MINUTES]: minutes(`${'A'.repeat(300_000)} declared a personal interest in Minute 2.`) });
    expect(minute(2)!.declarations).toEqual([]);
  });

  it('resolution parts: "Resolved:-" and 600 KB of "(1) (a) (i) " (was a minute), read as the parser reads it', () => {
    const { minute } = read({ [MINUTES]: minutes(`Resolved:- ${repeat('(1) (a) (i) ', 600_000)}`) });
    const [resolution] = minute(2)!.resolutions;
    // After (1), only (2) continues a level, and "(a)" opens one only after a colon: the rest is (1)'s text.
    expect(resolution.parts).toMatchObject([{ label: '(1)', parts: [] }]);
    expect(resolution.parts[0].text).toMatch(/^\(a\) \(i\) \(1\) \(a\)/);
  });

  it('resolution parts: 30,000 numbered parts inline, each found once', () => {
    const written = Array.from({ length: 30_000 }, (_, i) => `(${i + 1}) That item ${i + 1} be noted;`).join(' ');
    const { minute } = read({ [MINUTES]: minutes(`Resolved:- ${written}`) });
    const [resolution] = minute(2)!.resolutions;
    expect(resolution.parts).toHaveLength(30_000);
    expect(resolution.parts.at(-1)).toMatchObject({ label: '(30000)', text: 'That item 30000 be noted;' });
  });

  it('resolution parts: 300 KB of "Resolved:- (1) " paragraphs glued together', () => {
    const { minute } = read({ [MINUTES]: minutes(repeat('Resolved:- (1) ', 300_000)) });
    expect(minute(2)!.resolutions).toHaveLength(1);
  });

  it('resolution parts: inline parts still split where they continue a level or open one after a colon', () => {
    const { minute } = read({ [MINUTES]: minutes('Resolved:- (1) That the report be noted; (2) That the Panel:- (a) asks for figures; and (b) meets again. (c) stays text') });
    const [resolution] = minute(2)!.resolutions;
    const labels = (parts: typeof resolution.parts): unknown => parts.map((p) => (p.parts.length ? [p.label, labels(p.parts)] : p.label));
    expect(labels(resolution.parts)).toEqual(['(1)', ['(2)', ['(a)', '(b)', '(c)']]]);
    expect(resolution.parts[1].text).toBe('That the Panel:-');
  });

  it('minute references: 300 KB of "Minute 12 of the meeting held on " (was 4.5 s at 120 KB), and a real one after it', () => {
    const { minute } = read({
      [MINUTES]: minutes(`${repeat('Minute 12 of the meeting held on ', 300_000)}\n\nAs Minute 7 of the meeting held on 10 February 2026 said.`),
    });
    const references = minute(2)!.references;
    expect(references.at(-1)).toMatchObject({ number: '7', meetingDate: { date: '2026-02-10' } });
  });

  it('a resolution followed by 60,000 unlabelled bullets, each added once (was half a minute)', () => {
    const { minute } = read({ [MINUTES]: minutes(`Resolved:-\n\n${'- the panel noted the report\n'.repeat(60_000)}`) });
    const [resolution] = minute(2)!.resolutions;
    expect(resolution.text.length).toBe(60_000 * 'the panel noted the report'.length + 59_999);
  }, 20_000);

  it('placeholders: 300 KB of paragraphs of "[insert " with no closing bracket are none, and a real one after them is found', () => {
    // 900 a paragraph: within what a paragraph may hold (MAX_MARKS_PER_PARAGRAPH), so the rule reads them all.
    const paragraph = `${'[insert '.repeat(900)}\n\n`;
    const { findings } = read({ [REPORT]: report(`${paragraph.repeat(300_000 / paragraph.length)}The figure is [insert figure].`) });
    const placeholders = findings().filter((f) => f.ruleId === 'no-placeholder');
    expect(placeholders.map((f) => f.message)).toEqual(['Unexpected placeholder "[insert figure]", expected the final text']);
  });
});

describe('Markdown too large or too marked up to read is reported, not parsed', () => {
  const readError = (files: Record<string, string>) => read(files).problems.filter((p) => p.code === 'read-error');

  it(`a file of more than ${MAX_MARKDOWN_CHARS / 1_000_000} MB: one error at its first line, nothing read`, () => {
    const problems = readError({ [REPORT]: report(repeat('The panel noted the report and asked questions.\n\n', MAX_MARKDOWN_CHARS + 10)) });
    expect(problems).toHaveLength(1);
    expect(problems[0].position).toMatchObject({ file: REPORT, line: 1 });
    expect(problems[0].message).toMatch(/^Unexpected Markdown file of 2\.0 MB, expected at most 2\.0 MB: split it .*; the text is not read$/);
  });

  it('approvals and next meetings read sentence by sentence (issue 30): 600 KB of each, linted, and the real one after it read', () => {
    const approvals = read({
      [MINUTES]: minutes(`${repeat('The minutes of the meeting of 5 May and 6 June were not approved until January 2026. ', 600_000)}\n\nThe next meeting will be held in 2025 January; at our next meeting to be held in January 2025.`),
    });
    const found = approvals.findings();
    expect(found.filter((f) => f.ruleId === 'future-meeting-dates').map((f) => f.message)).toContain(
      'Unexpected January 2025 for a future meeting, expected a date after this meeting on Tuesday 10 March 2026',
    );
    const nextMeetings = read({ [MINUTES]: minutes(repeat('next meeting of the next meeting will be held on next month in next ', 600_000)) });
    // "next month" is the month after the meeting's: no next meeting in the past.
    expect(nextMeetings.findings().filter((f) => f.ruleId === 'future-meeting-dates')).toEqual([]);
  });

  it('recorded votes (issue 27): 600 KB of "For: " labels, names and tallies in one paragraph, linted, and the real vote after it read', () => {
    const { minute, findings } = read({
      [MINUTES]: minutes(`${repeat('For: Councillors Aa, Bb and Cc (3). Against: carried by 1 votes to (For 2, Against ', 600_000)}\n\nFor: Councillors Lee and Chen (2)\n\nAgainst: Councillor Dale (1)`),
    });
    const votes = minute(2)!.votes;
    // Linted whole, vote-count reads every one of them.
    expect(findings().filter((f) => f.ruleId === 'vote-count').length).toBeGreaterThan(0);
    expect(votes.at(-1)).toMatchObject({ for: ['Councillor Lee', 'Councillor Chen'], against: ['Councillor Dale'], counts: { for: 2, against: 1 } });
  });

  it('comings and goings (issue 27): 600 KB of names before "left the room", with and without stops, linted, and the real one after it read', () => {
    for (const unit of ['Councillor Aa, ', 'Councillor Aa left the room, ', `${'Councillor Aa, '.repeat(38)}left the room. `]) {
      const { model, findings } = read({ [MINUTES]: minutes(`${repeat(unit, 600_000)}\n\nCouncillor Bo Chen left the meeting at 8 pm.`) });
      const { movements } = model.committees[0].meetings[0].minutes!;
      expect(movements.filter((m) => m.name === 'Councillor Bo Chen').map((m) => m.kind)).toEqual(['left']);
      expect(findings().length).toBeGreaterThan(0);
    }
  });

  it('100,000 "[a](" in one paragraph (two minutes in the parser): an error at the paragraph', () => {
    const { problems, model } = read({ [REPORT]: report(`Intro.\n\n${'[a]('.repeat(100_000)}`) });
    const errors = problems.filter((p) => p.code === 'read-error');
    expect(errors).toEqual([
      expect.objectContaining({ position: expect.objectContaining({ file: REPORT, line: 7 }), message: expect.stringMatching(/^Unexpected paragraph holding more than 1,000 link or emphasis marks/) }),
    ]);
    // Nothing of the text is read, so nothing of it is published.
    expect(model.committees[0].meetings[0].papers[0].blocks).toEqual([]);
  });

  it('marks spread over a table\'s rows and a list\'s items are counted row by row', () => {
    const rows = Array.from({ length: 600 }, (_, i) => `| **${i}** | [link](https://example.org/${i}) |`).join('\n');
    const items = Array.from({ length: 600 }, (_, i) => `- **item ${i}** with _emphasis_`).join('\n');
    const problems = readError({ [REPORT]: report(`| a | b |\n|---|---|\n${rows}\n\n${items}`) });
    expect(problems).toEqual([]);
    expect(MAX_MARKS_PER_PARAGRAPH).toBeLessThan(600 * 4);
  });

  it(`more than ${MAX_MARKS_PER_FILE.toLocaleString('en-GB')} marks in a file, however spread: an error where the count is passed`, () => {
    const paragraph = `${'*a* '.repeat(200)}\n\n`; // 400 marks a paragraph
    const problems = readError({ [REPORT]: report(paragraph.repeat(MAX_MARKS_PER_FILE / 400 + 1)) });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^Unexpected file holding more than 100,000 link or emphasis marks/);
    expect(problems[0].position.line).toBe(5 + 2 * (MAX_MARKS_PER_FILE / 400));
  });
});
