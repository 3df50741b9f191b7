import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstCommits } from '../../src/fs/git.js';
import { lintCached } from '../../src/lint/cache.js';
import { cli } from '../helpers.js';
import { RULE_FIXTURES, TODAY } from './harness.js';

// `lint --submitted-from-git` (issue 28): a report with no `submitted:` day is taken as submitted
// when it was first committed to the repository holding the content folder.

const MEETING = 'committees/panel/2026-03-10';

/** A repository whose `content/` folder is the report-deadline pass fixture (deadline Monday 2 March 2026), with the reports' submitted: lines taken out. */
function repository(): { repo: string; content: string } {
  const repo = mkdtempSync(join(tmpdir(), 'boardpack-git-'));
  const content = join(repo, 'content');
  cpSync(join(RULE_FIXTURES, '_base'), content, { recursive: true });
  cpSync(join(RULE_FIXTURES, 'report-deadline', 'pass'), content, { recursive: true });
  for (const paper of ['leisure.md', 'parking.md']) {
    const file = join(content, MEETING, paper);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(submitted|lateReason):.*\n/gm, ''));
  }
  git(repo, ['init', '-q']);
  return { repo, content };
}

function git(repo: string, args: string[], date?: string): string {
  return execFileSync('git', ['-c', 'user.name=Officer', '-c', 'user.email=officer@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

/** Commit everything but the leisure report early, then the leisure report at `date`. */
function commitLeisureAt(repo: string, content: string, date: string): void {
  const leisure = join(content, MEETING, 'leisure.md');
  const kept = readFileSync(leisure, 'utf8');
  renameSync(leisure, `${leisure}.away`);
  git(repo, ['add', '-A', '--', '.', ':!*.away'], '2026-02-16T10:00:00+00:00');
  git(repo, ['commit', '-qm', 'The agenda and the parking report'], '2026-02-16T10:00:00+00:00');
  renameSync(`${leisure}.away`, leisure);
  writeFileSync(leisure, kept);
  git(repo, ['add', '-A'], date);
  git(repo, ['commit', '-qm', 'The leisure report'], date);
}

const deadlineFindings = (stdout: string) => stdout.split('\n').filter((line) => line.includes('report-deadline'));

describe('lint --submitted-from-git', () => {
  it('warns of a report first committed after the deadline, in the council’s time zone', async () => {
    const { repo, content } = repository();
    // 23:30 in New York on Monday 2 March is 04:30 on Tuesday 3 March in London: a day late.
    commitLeisureAt(repo, content, '2026-03-02T23:30:00-05:00');
    const { code, stdout } = await cli(['lint', content, '--submitted-from-git', '--no-color'], { today: TODAY });
    expect(code).toBe(0);
    const found = deadlineFindings(stdout);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/first committed on Tuesday 3 March 2026 \(it gives no submitted: day\), after the deadline of Monday 2 March 2026/);
    expect(stdout).toContain('leisure.md');

    // Without the option nothing is said of it: the reports give no submitted: day.
    const without = await cli(['lint', content, '--no-color'], { today: TODAY });
    expect(deadlineFindings(without.stdout)).toEqual([]);
  });

  it('is silent on a report committed in time, one whose stated day outranks the commit, and one with a late reason', async () => {
    const { repo, content } = repository();
    commitLeisureAt(repo, content, '2026-03-02T23:30:00+00:00'); // still Monday in London (GMT)
    expect(deadlineFindings((await cli(['lint', content, '--submitted-from-git', '--no-color'], { today: TODAY })).stdout)).toEqual([]);

    const late = repository();
    commitLeisureAt(late.repo, late.content, '2026-03-05T09:00:00+00:00');
    const leisure = join(late.content, MEETING, 'leisure.md');
    const text = readFileSync(leisure, 'utf8');
    expect(deadlineFindings((await cli(['lint', late.content, '--submitted-from-git', '--no-color'], { today: TODAY })).stdout)).toHaveLength(1);
    writeFileSync(leisure, text.replace('---\n\n', 'submitted: 2026-02-27\n---\n\n'));
    expect(deadlineFindings((await cli(['lint', late.content, '--submitted-from-git', '--no-color'], { today: TODAY })).stdout)).toEqual([]);
    writeFileSync(leisure, text.replace('---\n\n', 'lateReason: The tender results came on 4 March\n---\n\n'));
    expect(deadlineFindings((await cli(['lint', late.content, '--submitted-from-git', '--no-color'], { today: TODAY })).stdout)).toEqual([]);
  });

  it('keeps the day a report was first added when it is renamed or moved later', () => {
    const { repo, content } = repository();
    const leisure = join(content, MEETING, 'leisure.md');
    const draft = join(content, 'committees/panel/drafts/leisure-draft.md');
    mkdirSync(dirname(draft), { recursive: true });
    renameSync(leisure, draft);
    git(repo, ['add', '-A'], '2026-02-20T10:00:00+00:00');
    git(repo, ['commit', '-qm', 'Drafts'], '2026-02-20T10:00:00+00:00');
    renameSync(draft, leisure);
    git(repo, ['add', '-A'], '2026-03-06T10:00:00+00:00');
    git(repo, ['commit', '-qm', 'Moved to its meeting'], '2026-03-06T10:00:00+00:00');
    const { committed } = firstCommits(content);
    expect(committed.get(`${MEETING}/leisure.md`)).toBe('2026-02-20T10:00:00+00:00');
    expect(committed.get(`${MEETING}/agenda.md`)).toBe('2026-02-20T10:00:00+00:00');
    // Paths are from the content folder; the repository's files outside it are not read.
    expect([...committed.keys()].every((path) => !path.startsWith('content/') && !path.startsWith('..'))).toBe(true);
  });

  it('leaves out, and says, the files a shallow clone’s history begins with', async () => {
    const { repo, content } = repository();
    commitLeisureAt(repo, content, '2026-03-04T09:00:00+00:00');
    const clone = (depth: number) => {
      const to = mkdtempSync(join(tmpdir(), 'boardpack-shallow-'));
      execFileSync('git', ['clone', '-q', `--depth=${depth}`, `file://${repo}`, to]);
      return join(to, 'content');
    };
    // Depth 1: every file seems added by the one commit there is, so none is known.
    const one = clone(1);
    expect(firstCommits(one).committed.size).toBe(0);
    const shallow = await cli(['lint', one, '--submitted-from-git', '--no-color'], { today: TODAY });
    expect(deadlineFindings(shallow.stdout)).toEqual([]);
    expect(shallow.stderr).toMatch(/\b3 Markdown files were already there when this shallow clone's history begins.*fetch-depth: 0/);
    // Depth 2: the leisure report's commit is inside the history, the rest at its cut.
    const two = clone(2);
    const { committed, unknown } = firstCommits(two);
    expect([...committed.keys()]).toEqual([`${MEETING}/leisure.md`]);
    expect(unknown).toContain(`${MEETING}/agenda.md`);
    expect(unknown).toContain('boardpack.yml');
    expect(deadlineFindings((await cli(['lint', two, '--submitted-from-git', '--no-color'], { today: TODAY })).stdout)).toHaveLength(1);
  });

  it('stops with a clear message where the content folder is not in a repository', async () => {
    const content = mkdtempSync(join(tmpdir(), 'boardpack-nogit-'));
    cpSync(join(RULE_FIXTURES, '_base'), content, { recursive: true });
    const { code, stderr } = await cli(['lint', content, '--submitted-from-git'], { today: TODAY, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--submitted-from-git: git cannot read the history of .*expected the content folder to be kept in a git repository/);
    expect(stderr).not.toMatch(/at .*\.js:\d+|internal error/i);
  });

  it('checks again through the cache only the committee whose report came to be committed', async () => {
    const { repo, content } = repository();
    const other = join(content, 'committees/board/2026-03-12');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(content, 'committees/board/committee.yml'), 'name: Board\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n');
    writeFileSync(join(other, 'agenda.md'), '---\npublished: 2026-03-03\n---\n\n1. Budget\n');
    const leisure = join(content, MEETING, 'leisure.md');
    renameSync(leisure, `${leisure}.away`);
    git(repo, ['add', '-A', '--', '.', ':!*.away'], '2026-02-16T10:00:00+00:00');
    git(repo, ['commit', '-qm', 'First'], '2026-02-16T10:00:00+00:00');
    renameSync(`${leisure}.away`, leisure);
    const cache = mkdtempSync(join(tmpdir(), 'boardpack-git-cache-'));
    const options = () => ({ today: TODAY, committed: firstCommits(content).committed });
    // Not yet committed: nothing known of it, nothing said.
    const before = await lintCached(content, cache, options(), 'test');
    expect(before.findings.filter((f) => f.ruleId === 'report-deadline')).toEqual([]);
    git(repo, ['add', '-A'], '2026-03-05T10:00:00+00:00');
    git(repo, ['commit', '-qm', 'Late'], '2026-03-05T10:00:00+00:00');
    const after = await lintCached(content, cache, options(), 'test');
    expect(after.findings.filter((f) => f.ruleId === 'report-deadline').map((f) => f.position.file)).toEqual([`${MEETING}/leisure.md`]);
    expect(after.stats.checked).toEqual(['panel']);
    expect(after.stats.parsed).toEqual([]);
  });
});
