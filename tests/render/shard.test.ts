import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { shardOf } from '../../src/build/site.js';
import { cli, SAMPLE } from '../helpers.js';
import { filesUnder } from './site.js';

const meetings = parseContent(SAMPLE).model.committees.flatMap((c) => c.meetings);
const build = async (...args: string[]) => {
  const out = mkdtempSync(join(tmpdir(), 'boardpack-shard-'));
  const result = await cli(['build', 'content', '--out', out, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return { out, ...result };
};

describe('sharding a build across machines', () => {
  it('puts every meeting in exactly one shard, the same way every time', () => {
    for (let count = 1; count <= 4; count++) {
      const shards = Array.from({ length: count }, (_, i) => shardOf(meetings, i + 1, count).map((m) => m.id));
      expect(shards.flat().sort()).toEqual(meetings.map((m) => m.id).sort());
      expect(new Set(shards.flat()).size).toBe(meetings.length);
      expect(shards).toEqual(Array.from({ length: count }, (_, i) => shardOf([...meetings].reverse(), i + 1, count).map((m) => m.id)));
    }
  });

  it('builds, across shards, every output of a whole build exactly once, with the site pages in shard 1', async () => {
    // The search index is the one output a share cannot make (no share sees every page): \`boardpack merge\` makes it.
    // The search page is share 1's, with the site's other pages.
    const whole = filesUnder((await build()).out).filter((f) => !f.startsWith('pagefind/'));
    const shards = await Promise.all([1, 2, 3].map(async (i) => filesUnder((await build('--shard', `${i}/3`)).out)));
    expect(shards.flat().sort()).toEqual(whole);
    expect(new Set(shards.flat()).size).toBe(whole.length);
    expect(shards[0]).toContain('index.html');
    expect(shards[0]).toContain('search.html');
    expect(shards[1]).not.toContain('index.html');
  });

  it('refuses a shard that is not i/n', async () => {
    for (const bad of ['0/3', '4/3', '2', 'a/b']) {
      const result = await cli(['build', 'content', '--shard', bad, '--out', mkdtempSync(join(tmpdir(), 'x-'))]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain(`Unexpected --shard "${bad}"`);
    }
  });
});

describe('parallel PDF builds and progress', () => {
  it('give the same bytes with several packs printed at once as with one at a time', async () => {
    const one = await build('--format', 'pdf', '--shard', '1/3', '--jobs', '1');
    const three = await build('--format', 'pdf', '--shard', '1/3', '--jobs', '3');
    const files = filesUnder(one.out);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(3);
    expect(filesUnder(three.out)).toEqual(files);
    for (const f of files) expect(readFileSync(join(three.out, f)).equals(readFileSync(join(one.out, f))), f).toBe(true);
  }, 120_000);

  it('show progress on a terminal, and stay quiet in CI or when piped', async () => {
    const out = mkdtempSync(join(tmpdir(), 'boardpack-progress-'));
    const args = ['build', 'content', '--format', 'pdf', '--shard', '2/4', '--out', out];
    const quiet = await cli(args, { interactive: false });
    expect(quiet.stderr).toBe('');
    const shown = await cli(args, { interactive: true });
    const count = shardOf(meetings, 2, 4).length;
    expect(shown.stderr).toContain(`${count}/${count} `);
    expect(shown.stderr).toContain(`1/${count} `);
  }, 120_000);
});
