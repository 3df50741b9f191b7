import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.js';
import { parseContent } from '../../src/index.js';
import { keptTree } from '../../src/parse/content.js';
import { publish } from '../../src/publish/view.js';
import { Problems } from '../../src/parse/problems.js';
import { packView } from '../../src/render/html/pack.js';
import { minutesView } from '../../src/render/html/site.js';
import { renderSite } from '../../src/build/site.js';
import { buildInParts } from '../../src/build/parts.js';
import { lintCached } from '../../src/lint/cache.js';
import { cli, REPO, SAMPLE } from '../helpers.js';
import { filesUnder } from './site.js';

/** A day after every publication date of the content: nothing is held back for being published later. */
const AS_OF = '2099-12-31';

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

  it('builds from the lint cache what it builds without it, one meeting or all, and keeps the gate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boardpack-parts-cache-'));
    const root = join(dir, 'content');
    cpSync(SAMPLE, root, { recursive: true });
    const cache = join(dir, 'cache');
    const build = async (...args: string[]) => {
      const out = mkdtempSync(join(tmpdir(), 'boardpack-parts-cached-out-'));
      const result = await cli(['build', root, '--out', out, ...args], { today: '2026-11-22' });
      return { ...result, out };
    };
    const same = (a: string, b: string) => {
      const files = filesUnder(a).sort();
      expect(filesUnder(b).sort()).toEqual(files);
      for (const file of files) expect(readFileSync(join(b, file)).equals(readFileSync(join(a, file))), file).toBe(true);
    };
    const plain = await build();
    const cached = await build('--cache', '--cache-location', cache);
    expect(cached.code).toBe(0);
    same(plain.out, cached.out);
    const meeting = ['--meeting', 'resources-scrutiny-panel/2026-03-10'];
    const one = await build(...meeting);
    const oneCached = await build(...meeting, '--cache', '--cache-location', cache);
    same(one.out, oneCached.out);
    expect(filesUnder(oneCached.out).every((f) => f.startsWith('resources-scrutiny-panel/2026-03-10/'))).toBe(true);

    // Another committee's error does not stop one meeting's build; an error in the meeting's own files does,
    // read from the cache as without it.
    const elsewhere = join(root, 'committees/cabinet/2026-06-23');
    const other = filesUnder(elsewhere).find((f) => f.endsWith('.md') && !['agenda.md', 'minutes.md'].includes(f))!;
    appendFileSync(join(elsewhere, other), '\nThe next meeting is on Friday 23 June 2026.\n');
    const unaffected = await build(...meeting, '--cache', '--cache-location', cache);
    expect(unaffected.code, unaffected.stderr).toBe(0);
    expect(filesUnder(unaffected.out).length).toBeGreaterThan(0);
    const report = join(root, 'committees/resources-scrutiny-panel/2026-03-10');
    appendFileSync(join(report, 'temporary-accommodation.md'), '\nThe next meeting is on Friday 23 June 2026.\n');
    const refused = await build(...meeting, '--cache', '--cache-location', cache);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('date-weekday');
    expect(filesUnder(refused.out)).toEqual([]);
  });

  it('builds a committee the lint cache has just read from what it read, not parsing its files again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boardpack-parts-source-'));
    const root = join(dir, 'content');
    cpSync(SAMPLE, root, { recursive: true });
    const checked = await lintCached(root, join(dir, 'cache'), { today: '2026-11-22' }, 'test');
    const id = 'resources-scrutiny-panel';
    const file = `committees/${id}/2026-03-10/temporary-accommodation.md`;
    // What the build is handed for the committee is what it builds from: a title changed there shows in the pack.
    const asked: (string | null)[] = [];
    const source = {
      yaml: checked.source.yaml,
      prepared(committee: string | null) {
        asked.push(committee);
        const kept = checked.source.prepared(committee);
        const paper = kept?.get(file)?.meetingMd?.paper?.paper;
        if (paper) paper.title = 'A title only the cache holds';
        return kept;
      },
    };
    const outputs = new Map<string, string>();
    const built = await buildInParts(root, {
      checked: { findings: checked.findings, rules: checked.rules, source },
      lint: { today: '2026-11-22' },
      stopOnErrors: true,
      meeting: `${id}/2026-03-10`,
      audience: 'public',
      asOf: '2026-11-22',
      emit: (path, content) => outputs.set(path, String(content)),
    });
    expect(built.problems).toEqual([]);
    expect(asked).toEqual([null, id]);
    expect(outputs.get(`${id}/2026-03-10/index.html`)).toContain('A title only the cache holds');
  });

  it('renders a part from the Markdown trees read for checking it, without reading the files again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'boardpack-parts-trees-'));
    cpSync(SAMPLE, dir, { recursive: true });
    const id = 'resources-scrutiny-panel';
    const kept = parseContent(dir, undefined, new Set([id]), { keepTrees: true });
    const view = publish(kept.model, 'public', dir, { asOf: AS_OF });
    const meeting = view.committees[0].meetings.find((m) => m.papers.length > 0 && m.minutes)!;
    const before = packView(view, meeting, new Problems());
    const minutesBefore = minutesView(view, meeting, new Problems());
    // The files go; a view from the kept trees is the same, one from the files cannot be made.
    for (const paper of meeting.papers) if (!paper.withheld) rmSync(join(dir, paper.file));
    rmSync(join(dir, meeting.minutes!.file));
    expect(packView(view, meeting, new Problems())).toEqual(before);
    expect(minutesView(view, meeting, new Problems())).toEqual(minutesBefore);
    expect(keptTree(parseContent(SAMPLE).model, meeting.minutes!.file)).toBeUndefined();
    // Read from the sample without its trees, the view reads the files from the folder where they are gone.
    const unkept = publish(parseContent(SAMPLE, undefined, new Set([id])).model, 'public', dir, { asOf: AS_OF });
    const same = unkept.committees[0].meetings.find((m) => m.id === meeting.id)!;
    expect(() => packView(unkept, same, new Problems())).toThrow();
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
    // The parts really were parsed ahead on threads, so the comparison below can tell.
    const timed = spawnSync('node', [join(REPO, 'bin/boardpack'), 'build', root, '--out', mkdtempSync(join(tmpdir(), 'boardpack-parts-out-')), '--force', '--as-of', '2026-11-22'], {
      encoding: 'utf8',
      env: { ...process.env, BOARDPACK_WORKERS: '2', BOARDPACK_TIMING: '1' },
    });
    expect(timed.stderr).toContain('worker threads started: 2');
    const files = filesUnder(single).sort();
    expect(files.length).toBeGreaterThan(100);
    expect(filesUnder(threaded).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(threaded, file)).equals(readFileSync(join(single, file))), file).toBe(true);
  }, 120_000);
});
