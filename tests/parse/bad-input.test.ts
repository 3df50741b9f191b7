import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { BASE, contentFolder } from '../helpers.js';

const MEETING = 'committees/panel/2025-03-11';
const AGENDA = `${MEETING}/agenda.md`;

function problemsOf(files: Record<string, string>) {
  return parseContent(contentFolder({ ...BASE, ...files })).problems;
}

describe('bad input is reported with file, line and what was expected', () => {
  it('a merge conflict git left in a file: one message at its line, and nothing of the file read', async () => {
    const conflict = '<<<<<<< HEAD\npublished: 2025-03-01\n=======\npublished: 2025-03-02\n>>>>>>> clerk/draft\n';
    const problems = problemsOf({
      [AGENDA]: `---\n${conflict}---\n\n1. Apologies\n2. Report\n   [Report](report.md)\n`,
      [`${MEETING}/report.md`]: '---\ntitle: Budget\n---\n\nText.\n',
    });
    expect(problems.map((p) => [p.position.file, p.position.line, p.message.split(',')[0]])).toEqual([
      ['committees/panel/2025-03-11/agenda.md', 2, 'Unexpected unresolved merge conflict at lines 2-6 (from <<<<<<< to >>>>>>>)'],
    ]);
    const inYaml = problemsOf({ 'committees/panel/committee.yml': `name: Test Panel\n${conflict.replace(/published/g, 'venue')}members:\n  - name: Councillor Ann Lee\n` });
    expect(inYaml.map((p) => [p.position.file, p.position.line])).toEqual([['committees/panel/committee.yml', 2]]);
    problems.push(...inYaml);
    expect(problems.every((p) => p.code === 'read-error' && !/Broken YAML/.test(p.message))).toBe(true);
    // A line of = alone is a heading's underline, not a conflict.
    expect(problemsOf({ [AGENDA]: '1. Report\n   [Report](report.md)\n', [`${MEETING}/report.md`]: '---\ntitle: Budget\n---\n\nSummary\n=======\n\nText.\n' })).toEqual([]);
  });

  it('broken YAML in frontmatter', () => {
    const problems = problemsOf({ [AGENDA]: '---\npublished: 2025-03-01\nvenue: [Civic Centre\n---\n\n1. Apologies\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'frontmatter', severity: 'error', position: { file: AGENDA } });
    expect(problems[0].message).toMatch(/^Broken YAML: /);
    expect(problems[0].position.line).toBeGreaterThanOrEqual(3);
    expect(problems[0].position.line).toBeLessThanOrEqual(4);
  });

  it('broken YAML in boardpack.yml', () => {
    const problems = problemsOf({ 'boardpack.yml': 'organisation: Test\n  jurisdiction: england\n' });
    expect(problems[0]).toMatchObject({
      code: 'frontmatter',
      message: 'Broken YAML: Nested mappings are not allowed in compact mappings',
      position: { file: 'boardpack.yml', line: 1, column: 15 },
    });
  });

  it('a wrong type, at the line of the value', () => {
    const problems = problemsOf({
      [AGENDA]: '1. Report\n   [Report](report.md)\n',
      [`${MEETING}/report.md`]: '---\ntitle: Budget\nkeyDecision: perhaps\n---\n\nText.\n',
    });
    expect(problems).toEqual([
      {
        code: 'frontmatter',
        severity: 'error',
        message: 'Unexpected text "perhaps" for "keyDecision" in paper frontmatter, expected true or false',
        position: { file: `${MEETING}/report.md`, line: 3, column: 14 },
      },
    ]);
  });

  it('a missing required key', () => {
    const problems = problemsOf({
      [AGENDA]: '1. Report\n   [Report](report.md)\n',
      [`${MEETING}/report.md`]: '---\nauthor: Jo\n---\n\nText.\n',
    });
    expect(problems[0]).toMatchObject({
      code: 'frontmatter',
      message: 'Missing "title" in paper frontmatter: expected text',
      position: { file: `${MEETING}/report.md`, line: 2 },
    });
  });

  it('an unknown key is a warning that suggests the nearest known key, and the rest is still read', () => {
    const root = contentFolder({ ...BASE, [AGENDA]: '---\npublshed: 2025-03-01\n---\n\n1. Apologies\n' });
    const { model, problems } = parseContent(root);
    expect(problems).toEqual([
      {
        code: 'frontmatter',
        severity: 'warning',
        message: 'Unexpected key "publshed" in agenda frontmatter; did you mean "published"?',
        position: { file: AGENDA, line: 2, column: 1 },
      },
    ]);
    expect(model.committees[0].meetings[0].agenda?.items).toHaveLength(1);
  });

  it('an unknown key nested in a list names its place', () => {
    const problems = problemsOf({
      'committees/panel/committee.yml': 'name: Panel\nmembers:\n  - name: Ann\n    rol: chair\n',
    });
    expect(problems[0]).toMatchObject({
      severity: 'warning',
      message: 'Unexpected key "rol" in committee.yml at members[0]; did you mean "role"?',
      position: { file: 'committees/panel/committee.yml', line: 4, column: 5 },
    });
  });

  it('a meeting folder whose name is not a date', () => {
    const problems = problemsOf({
      'committees/panel/2025-02-30/agenda.md': '1. Apologies\n',
      'committees/panel/march-meeting/agenda.md': '1. Apologies\n',
    });
    expect(problems.map((p) => [p.position.file, p.message])).toEqual([
      [
        'committees/panel/2025-02-30',
        'Unexpected meeting folder name "2025-02-30", expected the meeting\'s date as YYYY-MM-DD (a real day, in 1900-2199), optionally followed by -suffix',
      ],
      [
        'committees/panel/march-meeting',
        'Unexpected meeting folder name "march-meeting", expected the meeting\'s date as YYYY-MM-DD (a real day, in 1900-2199), optionally followed by -suffix',
      ],
    ]);
  });

  it('a link to a missing file, at the link', () => {
    const problems = problemsOf({ [AGENDA]: '1. Apologies\n2. Budget\n   [Report](budget.md)\n' });
    expect(problems).toEqual([
      {
        code: 'link-target',
        severity: 'error',
        message: `Unexpected link to missing file "budget.md", expected it at ${MEETING}/budget.md`,
        position: { file: AGENDA, line: 3, column: 4 },
      },
    ]);
  });

  it('a missing appendix, at its entry', () => {
    const problems = problemsOf({
      [AGENDA]: '1. Budget\n   [Report](budget.md)\n',
      [`${MEETING}/budget.md`]: '---\ntitle: Budget\nappendices:\n  - file: gone.pdf\n    title: Appendix A\n---\n',
    });
    expect(problems[0]).toMatchObject({ code: 'link-target', position: { file: `${MEETING}/budget.md`, line: 4 } });
    expect(problems[0].message).toContain('gone.pdf');
  });

  it('a link that leaves the content folder is refused', () => {
    const problems = problemsOf({ [AGENDA]: '1. Secrets\n   [Report](../../../../etc/passwd.md)\n' });
    expect(problems[0]).toMatchObject({ code: 'link-target', position: { file: AGENDA, line: 2 } });
    expect(problems[0].message).toContain('outside the content folder');
  });

  it('an unreadable file', () => {
    const root = contentFolder({ ...BASE, [AGENDA]: '1. Apologies\n' });
    symlinkSync(join(root, 'nowhere.md'), join(root, MEETING, 'report.md'));
    const { problems } = parseContent(root);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'read-error', severity: 'error', position: { file: `${MEETING}/report.md`, line: 1, column: 1 } }),
    ]);
    expect(problems[0].message).toMatch(/Cannot read report\.md/);
  });

  it('a missing boardpack.yml', () => {
    const root = contentFolder({ 'committees/panel/committee.yml': 'name: Panel\n' });
    const read = parseContent(root);
    expect(read.problems[0]).toMatchObject({ position: { file: 'boardpack.yml' } });
    // The rest is still read, with boardpack.yml's defaults as of no jurisdiction (no bank holidays, no legal notice).
    expect(read.model.config).toMatchObject({ organisation: '', jurisdiction: 'generic', holidays: 'none', locale: 'en-GB', timezone: 'Europe/London', publicationClearDays: null, governance: 'committee' });
    expect(read.model.config.decisions).toEqual({ callInDays: 5, callInEnds: '17:00', keyDecisionThreshold: null });
  });

  it('collects every problem, not only the first', () => {
    const problems = problemsOf({
      'boardpack.yml': 'organisation: Test Council\njurisdiction: narnia\n',
      [AGENDA]: '---\nstatus: maybe\n---\n\n1. Budget\n   [Report](budget.md)\n',
      'committees/panel/not-a-date/agenda.md': '1. Apologies\n',
      'registers/review.md': '---\nprefix: R\n---\n',
    });
    expect(problems.map((p) => `${p.position.file}:${p.position.line}`)).toEqual([
      'boardpack.yml:2',
      `${AGENDA}:2`,
      `${AGENDA}:6`,
      'committees/panel/not-a-date:1',
      'registers/review.md:2',
    ]);
  });
});
