// The library API a council's scripts call: the same checks and builds as the CLI, failures thrown, never printed.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardpackError, buildContent, createCommittee, createMeeting, formatReport, initContent, lintContent, parseContent } from '../../src/index.js';
import { BASE, contentFolder } from '../helpers.js';

const withError = () =>
  contentFolder({
    ...BASE,
    'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Apologies for absence\n2. Date of next meeting: Friday 14 April 2026\n',
  });

describe('the API', () => {
  let exit: ReturnType<typeof vi.spyOn>;
  let write: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    exit = vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('process.exit called');
    });
    write = vi.spyOn(process.stdout, 'write');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lints a content folder into a report, formatted as the CLI formats it', async () => {
    const root = withError();
    const report = await lintContent(root, { today: '2026-11-22' });
    expect(report.errorCount).toBe(1);
    expect(report.results[0].messages[0]).toMatchObject({ ruleId: 'date-weekday', line: 6 });
    expect(formatReport(report, 'stylish', { cwd: root })).toContain('committees/panel/2026-03-10/agenda.md\n  6:');
    expect(JSON.parse(formatReport(report, 'sarif')).runs[0].results).toHaveLength(1);
    // Rules set as on the command line.
    expect((await lintContent(root, { today: '2026-11-22', rules: { 'date-weekday': 'off' } })).errorCount).toBe(0);
    expect(exit).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });

  it('throws a BoardpackError carrying the problems, never exiting', async () => {
    await expect(lintContent('/no/such/folder')).rejects.toThrow(new BoardpackError('Content folder not found: /no/such/folder (expected a folder holding boardpack.yml)'));
    await expect(lintContent(withError(), { rules: { 'no-such-rule': 'off' } })).rejects.toBeInstanceOf(BoardpackError);
    const broken = contentFolder({ ...BASE, 'boardpack.yml': 'organisation: [\n' });
    const error = (await lintContent(broken).catch((e: unknown) => e)) as BoardpackError;
    expect(error).toBeInstanceOf(BoardpackError);
    expect(error.exitCode).toBe(2);
    expect(error.problems[0].position.file).toBe('boardpack.yml');
    expect(exit).not.toHaveBeenCalled();
  });

  it('builds, refusing content with errors unless forced, and says what it wrote', async () => {
    const root = withError();
    const out = join(root, '..', 'site');
    const refused = (await buildContent(root, { out, today: '2026-11-22' }).catch((e: unknown) => e)) as BoardpackError;
    expect(refused).toBeInstanceOf(BoardpackError);
    expect(refused.exitCode).toBe(1);
    expect(refused.report?.errorCount).toBe(1);
    expect(existsSync(out)).toBe(false);
    const built = await buildContent(root, { out, today: '2026-11-22', force: true });
    expect(built.out).toBe(out);
    expect(built.report.errorCount).toBe(1);
    expect(built.files).toContain('index.html');
    expect(built.files).toContain('panel/2026-03-10/agenda-pack.html');
    expect(readFileSync(join(out, 'panel/2026-03-10/agenda-pack.html'), 'utf8')).toContain('Friday 14 April 2026');
    expect(exit).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });

  it('starts new content as init and new do: a starter folder that lints clean, a committee, a meeting', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'boardpack-api-init-')), 'council');
    initContent(root, '2026-11-22');
    expect(readdirSync(join(root, 'committees'))).toEqual(['example-committee']);
    expect((await lintContent(root, { today: '2026-11-22' })).errorCount).toBe(0);
    expect(createCommittee(root, 'audit-committee', 'Audit Committee')).toBe(join('committees', 'audit-committee'));
    expect(readFileSync(join(root, 'committees/audit-committee/committee.yml'), 'utf8')).toContain('name: "Audit Committee"');
    const made = createMeeting(root, parseContent(root).model, 'audit-committee', '2027-01-12');
    expect(made.folder).toBe(join('committees', 'audit-committee', '2027-01-12'));
    expect(existsSync(join(root, made.folder, 'agenda.md'))).toBe(true);
    // Refusals are thrown, with the message the CLI prints.
    const again = (() => { try { initContent(root, '2026-11-22', 'council'); } catch (e) { return e; } })() as BoardpackError;
    expect(again).toBeInstanceOf(BoardpackError);
    expect(again.message).toBe('council already exists and is not empty; choose a new folder');
    expect(() => createMeeting(root, parseContent(root).model, 'no-such', '2027-01-12')).toThrow(/No committee "no-such"/);
    expect(() => createCommittee(root, 'Bad Name')).toThrow(/expected lower-case letters/);
    expect(exit).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });
});
