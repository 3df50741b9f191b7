import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { REPO } from '../helpers.js';
import { RULE_FIXTURES } from './harness.js';

const ids = RULES.map((r) => r.meta.id);
const CATALOGUE = join(REPO, '..', 'shared', 'RULES.md');

describe('every rule is complete', () => {
  it('registers every rule file, and only those, once each', () => {
    const files = readdirSync(join(REPO, 'src', 'lint', 'rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect([...ids].sort()).toEqual(files);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // The product's catalogue sits beside the repository when it is checked out with it.
  it.runIf(existsSync(CATALOGUE))('implements every rule in the catalogue', () => {
    const listed = [...readFileSync(CATALOGUE, 'utf8').matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]).sort();
    // The project may add rules of its own; every rule of the catalogue must be among them.
    expect(listed.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('lists every rule, and only those, in docs/rules/README.md', () => {
    const index = readFileSync(join(REPO, 'docs', 'rules', 'README.md'), 'utf8');
    const listed = [...index.matchAll(/^\| \[`([a-z-]+)`\]/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual([...ids].sort());
  });

  for (const id of ids) {
    it(`${id} has its doc, its test and its fixtures`, () => {
      const doc = join(REPO, 'docs', 'rules', `${id}.md`);
      expect(existsSync(doc), `docs/rules/${id}.md`).toBe(true);
      expect(readFileSync(doc, 'utf8')).toMatch(/## Fails[\s\S]+## Passes/);
      expect(existsSync(join(REPO, 'tests', 'lint', 'rules', `${id}.test.ts`)), `tests/lint/rules/${id}.test.ts`).toBe(true);
      expect(existsSync(join(RULE_FIXTURES, id, 'fail', 'expected.txt')), `fixtures/rules/${id}/fail`).toBe(true);
      expect(existsSync(join(RULE_FIXTURES, id, 'pass')), `fixtures/rules/${id}/pass`).toBe(true);
      expect(readFileSync(join(REPO, 'docs', 'rules', 'README.md'), 'utf8')).toContain(`[\`${id}\`](${id}.md)`);
    });
  }
});
