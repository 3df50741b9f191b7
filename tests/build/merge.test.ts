// A whole sharded archive (issue 32): the shares of `build --shard i/n`, built apart as on a CI matrix and put
// together with `boardpack merge`, are the whole build file for file, search index and all.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SAMPLE } from '../helpers.js';

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();

describe('boardpack merge', () => {
  it('puts three shares together into the whole build, file for file, with the search index', async () => {
    const root = mkdtempSync(join(tmpdir(), 'boardpack-merge-'));
    cpSync(SAMPLE, join(root, 'content'), { recursive: true });
    const run = (...args: string[]) => cli(args, { cwd: root, today: '2026-11-30' });
    expect((await run('build', 'content', '--out', 'whole')).code).toBe(0);
    for (const i of [1, 2, 3]) {
      const share = await run('build', 'content', '--shard', `${i}/3`, '--out', `share-${i}`);
      expect(share.code, share.stderr).toBe(0);
    }
    // Each share alone has no index; its pages have the search page's link all the same.
    expect(filesUnder(join(root, 'share-2')).some((f) => f.startsWith('pagefind'))).toBe(false);
    const merged = await run('merge', 'share-1', 'share-2', 'share-3', '--out', 'merged');
    expect(merged.code, merged.stderr).toBe(0);
    const whole = filesUnder(join(root, 'whole'));
    expect(merged.stdout).toBe(`Wrote ${whole.length - 1} files to merged, from 3 shares\n`);
    expect(filesUnder(join(root, 'merged'))).toEqual(whole);
    expect(whole.filter((f) => f.startsWith('pagefind/')).length).toBeGreaterThan(3);
    for (const file of whole) expect(readFileSync(join(root, 'merged', file)).equals(readFileSync(join(root, 'whole', file))), file).toBe(true);
  }, 180_000);

  it('refuses shares that disagree, or are not shares, and writes nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'boardpack-merge-'));
    cpSync(SAMPLE, join(root, 'content'), { recursive: true });
    const run = (...args: string[]) => cli(args, { cwd: root, today: '2026-11-30' });
    expect((await run('build', 'content', '--shard', '1/2', '--out', 'share-1')).code).toBe(0);
    expect((await run('build', 'content', '--shard', '2/2', '--out', 'share-2')).code).toBe(0);
    // A file both shares hold, made different in one (as a share of another commit would be).
    const both = filesUnder(join(root, 'share-1')).find((f) => f.endsWith('.css') || f === 'index.html') ?? 'index.html';
    writeFileSync(join(root, 'share-2', both), 'changed');
    const refused = await run('merge', 'share-1', 'share-2', '--out', 'merged');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Unexpected ${both} differing between share-1 and share-2`);
    expect(readdirSync(root)).not.toContain('merged');
    const stranger = await run('merge', 'share-1', 'content', '--out', 'merged');
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain('Unexpected content:');
  }, 120_000);
});
