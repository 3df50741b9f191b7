import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { BASE, cli, contentFolder, REPO } from '../helpers.js';

describe('boardpack --help and --version', () => {
  it('prints help naming every command', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of ['export', 'init', 'new']) expect(stdout).toContain(command);
  });

  it('prints the package version', async () => {
    const { code, stdout } = await cli(['--version']);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('rejects an unknown command or option with exit 2', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    const bad = await cli(['export', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are json');
  });
});

describe('boardpack export', () => {
  it('prints the whole model as JSON, with ISO dates and positions', async () => {
    const root = contentFolder({
      ...BASE,
      'committees/panel/2025-03-11/agenda.md': '---\npublished: 3 March 2025\n---\n\n1. Apologies for absence\n',
    });
    const { code, stdout, stderr } = await cli(['export', root, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const model = JSON.parse(stdout);
    expect(model.version).toBe(1);
    const meeting = model.committees[0].meetings[0];
    expect(meeting).toMatchObject({ id: 'panel/2025-03-11', date: '2025-03-11', published: '2025-03-03' });
    expect(meeting.agenda.items[0].position).toEqual({
      file: 'committees/panel/2025-03-11/agenda.md',
      line: 5,
      column: 1,
    });
  });

  it('defaults to ./content', async () => {
    const { code, stdout } = await cli(['export']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).config.organisation).toBe('Wyndmoor Borough Council');
  });

  it('stops with exit 2 and every problem, each with file, line and column, when the content is unusable', async () => {
    const root = contentFolder({
      ...BASE,
      'committees/panel/2025-03-11/agenda.md': '---\nstatus: maybe\n---\n\n1. Budget\n   [Report](budget.md)\n',
    });
    const { code, stdout, stderr } = await cli(['export', root]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('committees/panel/2025-03-11/agenda.md:2:9: error: Unexpected text "maybe" for "status"');
    expect(stderr).toContain(
      'committees/panel/2025-03-11/agenda.md:6:4: error: Unexpected link to missing file "budget.md"',
    );
    expect(stderr).toMatch(/2 problems must be fixed/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says when the content folder does not exist', async () => {
    const { code, stderr } = await cli(['export', '/nonexistent/content']);
    expect(code).toBe(2);
    expect(stderr).toBe('boardpack: Content folder not found: /nonexistent/content (expected a folder holding boardpack.yml)\n');
  });
});

describe('boardpack init', () => {
  it('writes a starter content folder that the parser reads without a problem', async () => {
    const parent = contentFolder({});
    const { code, stdout } = await cli(['init', 'papers'], { cwd: parent, today: '2026-11-22' });
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote a starter content folder to papers');
    const { model, problems } = parseContent(join(parent, 'papers'));
    expect(problems).toEqual([]);
    expect(model.committees[0].meetings.map((m) => m.date)).toEqual(['2026-12-22']);
    expect(readdirSync(parent).sort()).toEqual(['.gitignore', 'papers']); // no temporary folder left behind
  });

  it('refuses to write into a folder that has files', async () => {
    const parent = contentFolder({ 'papers/keep.txt': 'mine' });
    const { code, stderr } = await cli(['init', 'papers'], { cwd: parent });
    expect(code).toBe(2);
    expect(stderr).toContain('papers already exists and is not empty');
    expect(readFileSync(join(parent, 'papers/keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('boardpack new meeting', () => {
  const content = () =>
    contentFolder({
      ...BASE,
      'committees/panel/committee.yml': 'name: Test Panel\ntime: "18:00"\n',
      'committees/panel/2026-01-13/agenda.md': '1. Apologies for absence\n',
      'committees/panel/2026-01-13/minutes.md': '## 1. Apologies for absence\n\nNone.\n',
      'committees/panel/2026-05-12/agenda.md': '---\nstatus: cancelled\n---\n\n1. Apologies for absence\n',
      'committees/panel/2026-06-09/agenda.md': '1. Apologies for absence\n',
    });

  it("writes the committee's standard items, with the previous meeting's date and link and the next meeting's date", async () => {
    const root = content();
    const { code, stdout, stderr } = await cli(['new', 'meeting', 'panel', '2026-03-10', '--content', root]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('committees/panel/2026-03-10/agenda.md');
    const agenda = readFileSync(join(root, 'committees/panel/2026-03-10/agenda.md'), 'utf8');
    expect(agenda).toBe(
      [
        '---',
        'published: 2026-03-02',
        'status: scheduled',
        '---',
        '',
        '1. Apologies for absence',
        '2. Declarations of interest',
        '3. Minutes of the previous meeting held on Tuesday 13 January 2026',
        '   [Minutes](../2026-01-13/minutes.md)',
        '4. Date and time of next meeting: Tuesday 9 June 2026 at 6.00 pm',
        '',
      ].join('\n'),
    );
    const { model, problems } = parseContent(root);
    expect(problems).toEqual([]);
    const made = model.committees[0].meetings.find((m) => m.date === '2026-03-10')!;
    expect(made.agenda!.items.map((i) => i.kind)).toEqual(['apologies', 'declarations', 'previous-minutes', 'next-meeting']);
  });

  it('skips a cancelled meeting when finding the previous one, and notes minutes not yet written', async () => {
    const root = content();
    const { code, stderr } = await cli(['new', 'meeting', 'panel', '2026-07-14', '--content', root]);
    expect(code).toBe(0);
    const agenda = readFileSync(join(root, 'committees/panel/2026-07-14/agenda.md'), 'utf8');
    expect(agenda).toContain('3. Minutes of the previous meeting held on Tuesday 9 June 2026\n   [Minutes](../2026-06-09/minutes.md)');
    expect(agenda).toContain('4. Date and time of next meeting\n');
    expect(stderr).toBe('note: panel/2026-06-09/minutes.md does not exist yet; the new agenda links to it.\n');
  });

  it('refuses an unknown committee, a bad date, or a meeting that exists', async () => {
    const root = content();
    const unknown = await cli(['new', 'meeting', 'cabinet', '2026-03-10', '--content', root]);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('No committee "cabinet"');
    const bad = await cli(['new', 'meeting', 'panel', '2026-02-30', '--content', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unexpected date "2026-02-30"');
    const twice = await cli(['new', 'meeting', 'panel', '2026-01-13', '--content', root]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('already exists');
    expect(existsSync(join(root, 'committees/panel/2026-02-30'))).toBe(false);
  });
});

describe('the real binary', () => {
  it('exports the sample council', () => {
    const out = execFileSync('node', [join(REPO, 'bin/boardpack'), 'export', 'content', '--format', 'json'], {
      cwd: REPO,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(JSON.parse(out).committees.map((c: { id: string }) => c.id)).toEqual([
      'cabinet',
      'council',
      'improvement-board',
      'resources-scrutiny-panel',
    ]);
  });

  it('exits 2 with a message and no stack trace on bad input', () => {
    const root = contentFolder({ 'boardpack.yml': 'organisation: [\n' });
    const result = spawnSync('node', [join(REPO, 'bin/boardpack'), 'export', root], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^boardpack\.yml:\d+:\d+: error: Broken YAML/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('boardpack export --out', () => {
  it('writes the model to a file, whole, leaving no temporary file', async () => {
    const root = contentFolder({ ...BASE });
    const { code, stdout } = await cli(['export', root, '--out', 'model/out.json'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toBe('Wrote model/out.json\n');
    expect(JSON.parse(readFileSync(join(root, 'model/out.json'), 'utf8')).config.organisation).toBe('Test Council');
    expect(readdirSync(join(root, 'model'))).toEqual(['out.json']);
  });
});

describe('BOARDPACK_TIMING', () => {
  it('makes a build say when each step was done, in order, and says nothing without it', async () => {
    const root = contentFolder({
      ...BASE,
      'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
      'committees/panel/2026-03-10/report.md': '---\ntitle: Report\n---\n\nText.\n',
    });
    const quiet = await cli(['build', root, '--out', join(root, 'quiet')]);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');

    process.env.BOARDPACK_TIMING = '1';
    try {
      const timed = await cli(['build', root, '--out', join(root, 'out')]);
      expect(timed.code, timed.stderr).toBe(0);
      const steps = [...timed.stderr.matchAll(/^ *(\d+) {2}(.+)$/gm)].map((m) => ({ at: Number(m[1]), step: m[2] }));
      expect(timed.stderr).toMatch(/^boardpack timing \(ms from the start of the process\):\n/);
      expect(steps.map((s) => s.step)).toEqual(['started', 'read and checked: panel', 'outputs in place', 'ended']);
      steps.slice(1).forEach((s, i) => expect(s.at).toBeGreaterThanOrEqual(steps[i].at));
    } finally {
      delete process.env.BOARDPACK_TIMING;
    }
  });
});
