import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent, toJson } from '../../src/index.js';
import { parseContentCached } from '../../src/parse/cache.js';
import { cli, SAMPLE } from '../helpers.js';

function copy(): { root: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'boardpack-cache-'));
  cpSync(SAMPLE, join(dir, 'content'), { recursive: true });
  return { root: join(dir, 'content'), cache: join(dir, '.boardpack-cache') };
}

const REPORT = 'committees/resources-scrutiny-panel/2026-12-08/strand-3-review.md';

describe('the lint cache', () => {
  it('re-reads a changed file and reuses every unchanged one, giving the same model', () => {
    const { root, cache } = copy();
    const first = parseContentCached(root, cache, 'test');
    expect(first.stats.reused).toBe(0);
    expect(first.stats.parsed.length).toBeGreaterThan(40);

    const again = parseContentCached(root, cache, 'test');
    expect(again.stats).toEqual({ parsed: [], reused: first.stats.parsed.length });
    expect(toJson(again.result.model)).toBe(toJson(parseContent(root).model));

    appendFileSync(join(root, REPORT), '\n4.2 A paragraph added after the first run.\n');
    const changed = parseContentCached(root, cache, 'test');
    expect(changed.stats.parsed).toEqual([REPORT]);
    expect(changed.stats.reused).toBe(first.stats.parsed.length - 1);
    expect(toJson(changed.result.model)).toBe(toJson(parseContent(root).model));
  });

  it('re-reads an agenda when a file it links to appears or goes', () => {
    const { root, cache } = copy();
    parseContentCached(root, cache, 'test');
    const paper = join(root, REPORT);
    rmSync(paper);
    const after = parseContentCached(root, cache, 'test');
    expect(after.stats.parsed).toContain('committees/resources-scrutiny-panel/2026-12-08/agenda.md');
    expect(after.result.problems.map((p) => p.code)).toContain('link-target');
  });

  it('starts afresh from a cache another version wrote, or one it cannot read', () => {
    const { root, cache } = copy();
    const total = parseContentCached(root, cache, 'test').stats.parsed.length;
    expect(parseContentCached(root, cache, 'other').stats.parsed.length).toBe(total);
    writeFileSync(cache, 'not a cache');
    expect(parseContentCached(root, cache, 'test').stats.parsed.length).toBe(total);
  });

  it('lint --cache reports what lint without it reports', async () => {
    const { root, cache } = copy();
    appendFileSync(join(root, REPORT), '\nThe review is due on Friday 8 December 2026.\n');
    const plain = await cli(['lint', root, '--format', 'json']);
    const cached = await cli(['lint', root, '--format', 'json', '--cache', '--cache-location', cache]);
    const again = await cli(['lint', root, '--format', 'json', '--cache', '--cache-location', cache]);
    expect(plain.code).toBe(1);
    expect(cached).toEqual(plain);
    expect(again).toEqual(plain);
  });
});
