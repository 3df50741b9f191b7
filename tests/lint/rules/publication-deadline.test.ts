import { describe, expect, it } from 'vitest';
import { describeRuleFixtures, findingsOf, overlay } from '../harness.js';

// tests/fixtures/rules/publication-deadline/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('publication-deadline');

describe('a town or parish council, where Saturdays count', () => {
  const town = (published: string) =>
    overlay({
      'boardpack.yml': 'organisation: Example Town Council\njurisdiction: england\npublicationClearDays: 3\npublicationCountDays: mon-sat\n',
      'committees/panel/2026-03-10/agenda.md': `---\npublished: ${published}\n---\n\n1. Apologies for absence\n`,
    });

  it('counts the Saturday and not the Sunday: Thursday before a Tuesday gives three clear days', () => {
    expect(findingsOf(town('2026-03-05'), 'publication-deadline')).toEqual([]);
  });

  it('says how many clear days there were, and the last day that would have done', () => {
    expect(findingsOf(town('2026-03-06'), 'publication-deadline')).toEqual([
      'committees/panel/2026-03-10/agenda.md:2:12 Unexpected publication on Friday 6 March 2026, 2 clear days before the meeting, expected at least 3 clear days, published by Thursday 5 March 2026',
    ]);
  });
});
