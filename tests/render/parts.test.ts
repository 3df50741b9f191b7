import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.js';
import { parseContent } from '../../src/index.js';
import { renderSite } from '../../src/render/html/build.js';
import { cli, REPO, SAMPLE } from '../helpers.js';
import { filesUnder } from './site.js';

describe('building committee by committee', () => {
  it('writes what rendering the whole content folder at once writes, index, plans and registers included', async () => {
    const out = mkdtempSync(join(tmpdir(), 'boardpack-parts-'));
    const result = await cli(['build', 'content', '--out', out, '--audience', 'members'], { today: '2026-11-22' });
    expect(result.code).toBe(0);
    const whole = await renderSite(SAMPLE, parseContent(SAMPLE).model, { audience: 'members', asOf: '2026-11-22' });
    expect(whole.problems).toEqual([]);
    const written = filesUnder(out).sort();
    expect(written).toEqual([...whole.outputs.keys()].sort());
    for (const file of written) {
      const expected = whole.outputs.get(file)!;
      expect(readFileSync(join(out, file)).equals(Buffer.from(expected)), file).toBe(true);
    }
    expect(written).toContain('index.html');
    expect(written.some((f) => f.startsWith('plans/'))).toBe(true);
  });

  it('gives the same outputs with the parts parsed ahead on worker threads', () => {
    const root = mkdtempSync(join(tmpdir(), 'boardpack-parts-archive-'));
    generateArchive(root, { committees: 3, years: 2, meetingsPerYear: 10 });
    const build = (workers: string) => {
      const out = mkdtempSync(join(tmpdir(), 'boardpack-parts-out-'));
      execFileSync('node', [join(REPO, 'bin/boardpack'), 'build', root, '--out', out, '--force', '--as-of', '2026-11-22'], {
        env: { ...process.env, BOARDPACK_WORKERS: workers },
        stdio: 'pipe',
      });
      return out;
    };
    const single = build('1');
    const threaded = build('2');
    const files = filesUnder(single).sort();
    expect(files.length).toBeGreaterThan(100);
    expect(filesUnder(threaded).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(threaded, file)).equals(readFileSync(join(single, file))), file).toBe(true);
  }, 120_000);
});
