import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';

/** A committee whose last meeting has no minutes yet, and a new meeting made by `new meeting` after it. */
async function preparing() {
  const root = contentFolder({
    ...BASE,
    'committees/panel/2026-11-10/agenda.md': '---\npublished: 2026-11-02\n---\n\n1. Apologies for absence\n',
  });
  const made = await cli(['new', 'meeting', 'panel', '2026-12-15', '-C', root], { today: '2026-11-22' });
  expect(made.code, made.stderr).toBe(0);
  return root;
}

describe('a pack in preparation is not an error', () => {
  it('lint on a meeting made by `new meeting` exits 0: the previous minutes are "to follow", a warning', async () => {
    const root = await preparing();
    const result = await cli(['lint', root], { today: '2026-11-22' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/warning\s+Unexpected link to minutes not written yet "\.\.\/2026-11-10\/minutes\.md" \(to follow\), expected them at committees\/panel\/2026-11-10\/minutes\.md before the pack is published on \w+ \d+ December 2026\s+link-target/);
  });

  it('once the pack’s publication date has come, minutes still missing are an error', async () => {
    const root = await preparing();
    const result = await cli(['lint', root, '--as-of', '2026-12-14'], { today: '2026-11-22' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error\s+Unexpected link to missing file "\.\.\/2026-11-10\/minutes\.md"/);
  });

  it('build --meeting is gated by that meeting’s files and the shared ones, not another committee’s draft', async () => {
    const root = contentFolder({
      ...BASE,
      'committees/panel/2026-11-10/agenda.md': '---\npublished: 2026-11-02\n---\n\n1. Apologies for absence\n',
      'committees/board/committee.yml': 'name: Board\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n',
      'committees/board/2026-11-12/agenda.md': '---\npublished: 2026-11-04\n---\n\n1. Report\n   [Report](missing.md)\n',
    });
    const one = await cli(['build', root, '--meeting', 'panel/2026-11-10', '--out', join(root, 'out')], { today: '2026-11-22' });
    expect(one.code, one.stderr).toBe(0);
    expect(existsSync(join(root, 'out/panel/2026-11-10/agenda-pack.html'))).toBe(true);
    const other = await cli(['build', root, '--meeting', 'board/2026-11-12', '--out', join(root, 'out2')], { today: '2026-11-22' });
    expect(other.code).toBe(1);
    const all = await cli(['build', root, '--out', join(root, 'out3')], { today: '2026-11-22' });
    expect(all.code).toBe(1);
  });
});
