// The kind of council as one setting (issue 30): `council:` in boardpack.yml sets the notice a local council gives.
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { lint } from '../../src/lint/lint.js';
import { BASE, contentFolder } from '../helpers.js';

const M = 'committees/panel/2026-03-10'; // a Tuesday
const findings = (config: string, published: string) => {
  const parsed = parseContent(
    contentFolder({
      ...BASE,
      'boardpack.yml': `organisation: Test Council\n${config}`,
      [`${M}/agenda.md`]: `---\npublished: ${published}\n---\n\n1. Apologies for absence\n`,
    }),
  );
  return { config: parsed.model.config, problems: parsed.problems, deadline: lint(parsed, { today: '2026-11-22' }).findings.filter((f) => f.ruleId === 'publication-deadline') };
};

describe('council: parish, town or community', () => {
  it('gives three clear days in which Saturdays count, with no second setting', () => {
    const parish = findings('council: parish\n', '2026-03-05'); // Thursday: Friday, Saturday and Monday are clear
    expect(parish.config).toMatchObject({ council: 'parish', publicationClearDays: 3, publicationCountDays: 'mon-sat' });
    expect(parish.deadline).toEqual([]);
    expect(parish.problems).toEqual([]);
    // Published on the Friday: two clear days.
    expect(findings('council: town\n', '2026-03-06').deadline).toHaveLength(1);
    // A principal council, the default, counts five clear working days: the Thursday is too late.
    const principal = findings('', '2026-03-05');
    expect(principal.config).toMatchObject({ council: 'principal', publicationClearDays: 5, publicationCountDays: 'mon-fri' });
    expect(principal.deadline).toHaveLength(1);
  });

  it('warns where an explicit setting contradicts the kind, at its line', () => {
    const { problems, config } = findings('council: community\njurisdiction: wales\npublicationCountDays: mon-fri\n', '2026-03-05');
    expect(config.publicationCountDays).toBe('mon-fri'); // said explicitly, it stands
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'frontmatter',
        severity: 'warning',
        message: expect.stringMatching(/^Unexpected publicationCountDays: mon-fri for a community council, expected mon-sat: a local council's clear days count Saturdays/),
        position: expect.objectContaining({ file: 'boardpack.yml', line: 4 }),
      }),
    ]);
    expect(findings('publicationCountDays: mon-sat\n', '2026-03-05').problems[0].message).toMatch(/for a principal council, expected mon-fri/);
  });

  it('warns where the clear days set are fewer than the law allows the kind of council, and not where they are more', () => {
    const few = findings('council: parish\npublicationClearDays: 2\n', '2026-03-05');
    expect(few.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/^Unexpected publicationClearDays: 2 for a parish council in England, expected at least 3/),
        position: expect.objectContaining({ file: 'boardpack.yml', line: 3 }),
      }),
    ]);
    expect(findings('publicationClearDays: 3\n', '2026-03-02').problems[0].message).toMatch(/for a principal council in England, expected at least 5/);
    expect(findings('council: parish\npublicationClearDays: 5\n', '2026-03-02').problems).toEqual([]);
    expect(findings('jurisdiction: scotland\npublicationClearDays: 3\n', '2026-03-02').problems).toEqual([]);
  });
});

describe('governance: executive or committee', () => {
  it('defaults to executive arrangements for a principal council in England or Wales, and the committee system elsewhere', () => {
    expect(findings('', '2026-03-02').config.governance).toBe('executive');
    expect(findings('council: parish\n', '2026-03-02').config.governance).toBe('committee');
    expect(findings('jurisdiction: scotland\n', '2026-03-02').config.governance).toBe('committee');
    expect(findings('governance: committee\n', '2026-03-02').config.governance).toBe('committee');
  });

  it('warns at the line where a local council says it has an executive', () => {
    const { problems } = findings('council: town\ngovernance: executive\n', '2026-03-02');
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Unexpected governance: executive for a town council, expected committee/),
        position: expect.objectContaining({ file: 'boardpack.yml', line: 3 }),
      }),
    ]);
  });

  it('warns at a paper that marks a key decision where there are no key decisions', () => {
    const paper = (config: string) =>
      parseContent(
        contentFolder({
          ...BASE,
          'boardpack.yml': `organisation: Test Council\n${config}`,
          [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. [Budget](budget.md)\n',
          [`${M}/budget.md`]: '---\ntitle: Budget\nkeyDecision: true\n---\n\nText.\n',
        }),
      ).problems;
    expect(paper('council: parish\n')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Unexpected keyDecision: true in a paper of a parish council, expected no key decision/),
        position: expect.objectContaining({ file: `${M}/budget.md`, line: 3 }),
      }),
    ]);
    expect(paper('')).toEqual([]);
  });
});
