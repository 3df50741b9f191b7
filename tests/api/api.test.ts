// The library API a council's scripts call: the same checks and builds as the CLI, failures thrown, never printed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardpackError, buildContent, formatReport, lintContent } from '../../src/index.js';
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
});
