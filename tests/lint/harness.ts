import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { lint } from '../../src/lint/lint.js';
import { FIXTURES } from '../helpers.js';

export const RULE_FIXTURES = join(FIXTURES, 'rules');
/** The day rule tests run on, so overdue checks do not drift with the calendar. */
export const TODAY = '2026-11-22';

/** The base organisation with the given files laid over it; returns the folder. */
export function overlay(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boardpack-rule-'));
  cpSync(join(RULE_FIXTURES, '_base'), root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** One rule's findings on a content folder, as `file:line:column message` lines. */
export function findingsOf(root: string, ruleId: string): string[] {
  const { findings } = lint(parseContent(root), { today: TODAY });
  return findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.position.file}:${f.position.line}:${f.position.column} ${f.message}`);
}

export function readTree(dir: string, skip: string[] = []): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!skip.includes(name)) files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * The fixtures of one rule: `fail/` must give exactly the findings listed in
 * `fail/expected.txt`, and `pass/` none at all.
 */
export function describeRuleFixtures(ruleId: string): void {
  describe(`${ruleId} fixtures`, () => {
    it('reports each fault in fail/ at its place', () => {
      const dir = join(RULE_FIXTURES, ruleId, 'fail');
      const actual = findingsOf(overlay(readTree(dir, ['expected.txt'])), ruleId);
      // Golden files are rewritten only on request: UPDATE=1 npm test, then review the diff.
      if (process.env.UPDATE) writeFileSync(join(dir, 'expected.txt'), `${actual.join('\n')}\n`);
      const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').trim().split('\n');
      expect(expected.length).toBeGreaterThan(0);
      expect(actual).toEqual(expected);
    });

    it('reports nothing in pass/', () => {
      expect(findingsOf(overlay(readTree(join(RULE_FIXTURES, ruleId, 'pass'))), ruleId)).toEqual([]);
    });
  });
}
