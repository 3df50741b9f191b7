import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.js';
import { roleOf } from '../../src/parse/prepare.js';
import { workerCount } from '../../src/parse/parallel.js';
import { REPO } from '../helpers.js';

const boardpack = (args: string[], workers: string) =>
  execFileSync('node', [join(REPO, 'bin/boardpack'), ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, BOARDPACK_WORKERS: workers },
  });

describe('parsing on worker threads', () => {
  it('gives the same model and the same findings as parsing on one thread', () => {
    const root = mkdtempSync(join(tmpdir(), 'boardpack-parallel-'));
    // 2 committees x 4 years x 10 meetings x 4 Markdown files: over the threshold for threads (BOARDPACK_WORKERS forces them below it).
    generateArchive(root, { committees: 2, years: 4, meetingsPerYear: 10 });
    const single = boardpack(['export', root], '1');
    const threaded = boardpack(['export', root], '2');
    // The threads really ran (a missing worker would parse on this thread, and the comparison would prove nothing).
    const steps = (workers: string) =>
      spawnSync('node', [join(REPO, 'bin/boardpack'), 'export', root], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, BOARDPACK_WORKERS: workers, BOARDPACK_TIMING: '1' } }).stderr;
    expect(steps('2')).toContain('worker threads started: 2');
    expect(steps('1')).not.toContain('worker threads started');
    expect(JSON.parse(single).committees[1].meetings).toHaveLength(40);
    expect(threaded).toBe(single);
    expect(boardpack(['lint', root, '--format', 'json', '--as-of', '2026-11-22'], '2')).toBe(
      boardpack(['lint', root, '--format', 'json', '--as-of', '2026-11-22'], '1'),
    );
  }, 60_000);

  it('knows each Markdown file’s role from where it sits', () => {
    expect(roleOf('committees/c/2026-01-13/agenda.md')).toBe('agenda');
    expect(roleOf('committees/c/2026-01-13/supplement-2.md')).toBe('agenda');
    expect(roleOf('committees/c/2026-01-13/minutes.md')).toBe('minutes');
    expect(roleOf('committees/c/2026-01-13/report.md')).toBe('meeting-md');
    expect(roleOf('plans/p/01-finance.md')).toBe('strand');
    expect(roleOf('registers/r.md')).toBe('register');
    expect(roleOf('notes.md')).toBeNull();
  });

  it('uses a thread a core unless BOARDPACK_WORKERS says otherwise', () => {
    expect(workerCount({ BOARDPACK_WORKERS: '3' })).toBe(3);
    expect(workerCount({ BOARDPACK_WORKERS: '0' })).toBe(0);
    expect(workerCount({})).toBeGreaterThanOrEqual(1);
  });
});
