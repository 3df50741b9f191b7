import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, overlay, readTree, RULE_FIXTURES } from './harness.js';

/*
 * The executive's rules follow the law of the council's jurisdiction and its
 * own settings: England's 28-day notice, private-meeting notices and special
 * urgency; decision records and call-in in England and Wales; nothing in
 * Scotland or under the committee system; the call-in period and the
 * key-decision threshold as boardpack.yml sets them.
 */

const EXECUTIVE_RULES = ['key-decision-notice', 'forward-plan-fields', 'private-meeting-notice', 'decision-record', 'call-in', 'forward-plan-due', 'special-urgency-report', 'key-decision-maker'];

/** A rule's fail fixture with boardpack.yml replaced. */
const failWith = (rule: string, config: string) => overlay({ ...readTree(join(RULE_FIXTURES, rule, 'fail'), ['expected.txt']), 'boardpack.yml': config });

describe('the executive rules and the law that applies', () => {
  it('Wales: decision records and call-in, but not England’s 28 days, private-meeting notices or special urgency reports', () => {
    const wales = 'organisation: Example County Borough Council\njurisdiction: wales\n';
    expect(findingsOf(failWith('key-decision-notice', wales), 'key-decision-notice')).toEqual([]);
    expect(findingsOf(failWith('private-meeting-notice', wales), 'private-meeting-notice')).toEqual([]);
    expect(findingsOf(failWith('special-urgency-report', wales), 'special-urgency-report')).toEqual([]);
    expect(findingsOf(failWith('forward-plan-fields', wales), 'forward-plan-fields')).toEqual([]);
    expect(findingsOf(failWith('decision-record', wales), 'decision-record').length).toBeGreaterThan(0);
    expect(findingsOf(failWith('call-in', wales), 'call-in').length).toBeGreaterThan(0);
  });

  it('Scotland, and an English council under the committee system: none of them', () => {
    for (const config of ['organisation: Example Council\njurisdiction: scotland\n', 'organisation: Example Council\njurisdiction: england\ngovernance: committee\n']) {
      for (const rule of EXECUTIVE_RULES) {
        // An officer's record is England's law whatever the arrangements (the Openness regulations).
        const found = findingsOf(failWith(rule, config), rule).filter((f) => !(config.includes('england') && f.includes('SI 2014/2095')));
        expect(found, `${rule} under ${config}`).toEqual([]);
      }
    }
  });

  it('an officer’s record without reasons is England’s error under the committee system too, and a parish’s', () => {
    const parish = 'organisation: Example Parish Council\njurisdiction: england\ncouncil: parish\n';
    expect(findingsOf(failWith('decision-record', parish), 'decision-record')).toEqual([
      expect.stringMatching(/^committees\/cabinet\/decisions\.yml:\d+:\d+ Unexpected record of "Verge cutting contract extension" without reasons:.*SI 2014\/2095 reg 7/),
    ]);
  });

  it('counts call-in in the working days boardpack.yml sets, ending at its hour', () => {
    const root = (config: string) =>
      overlay({
        'boardpack.yml': `organisation: Example Borough Council\njurisdiction: england\n${config}`,
        'committees/cabinet/committee.yml': 'name: Cabinet\nexecutive: true\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n',
        // Published on a Thursday; implemented the next Wednesday, the fourth working day after.
        'committees/cabinet/decisions.yml':
          '- id: bins\n  title: Bins\n  kind: individual\n  by: Cabinet Member\n  date: 2026-06-25\n  reasons: Worn out.\n  alternatives: None.\n  published: 2026-06-25\n  implemented: 2026-07-01\n',
      });
    expect(findingsOf(root(''), 'call-in')).toEqual([
      expect.stringContaining('before its call-in period ended at 17:00 on Thursday 2 July 2026 (5 working days'),
    ]);
    expect(findingsOf(root('decisions:\n  callInDays: 3\n'), 'call-in')).toEqual([]);
    expect(findingsOf(root('decisions:\n  callInDays: 4\n  callInEnds: "12:00"\n'), 'call-in')).toEqual([
      expect.stringContaining('before its call-in period ended at 12:00 on Wednesday 1 July 2026 (4 working days'),
    ]);
  });
});
