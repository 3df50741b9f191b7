import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';

/**
 * Real councils' papers, transcribed with the defects they really hold
 * (../shared/real/): score.py, used as it is, lints each set with the built
 * CLI and must find every known defect with no false error or warning.
 * It runs bin/boardpack, built by `npm test`'s pretest step. Its pack lines
 * build the real pack and must find it right: every item's "(Pages X - Y)",
 * the minutes first, bookmarks naming each item, tagged, the same bytes on
 * rebuild.
 */
const SCORE = join(REPO, '..', 'shared', 'real', 'score.py');

describe('real papers', () => {
  it('score.py finds every known defect, no false error or warning, and the real pack right', () => {
    expect(existsSync(SCORE)).toBe(true);
    const run = spawnSync('python3', [SCORE], { cwd: REPO, encoding: 'utf8', env: { ...process.env, SHOW_WARNINGS: '1' } });
    expect(run.error).toBeUndefined();
    const out = run.stdout;
    const sets = [...out.matchAll(/^(\S+): recall (\d+)\/(\d+) known defects; (\d+) false errors; (\d+) false warnings$/gm)];
    expect(sets.length, out).toBeGreaterThan(0);
    const findings = out.split('\n').filter((l) => /^(missed|false error|false warning|pack fault|pack):/.test(l));
    expect(findings, out).toEqual([]);
    expect(out).toMatch(/^pack \S+: (\d+)\/\1 page references right; 0 faults$/m);
    expect(run.status, out).toBe(0);
    for (const [, , hit, total, errors, warnings] of sets) {
      expect({ hit, errors, warnings }).toEqual({ hit: total, errors: '0', warnings: '0' });
    }
  }, 300_000);
});
