import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';

const M = 'committees/panel/2026-03-10';
const SECRET = 'SECRET-OUTSIDE-THE-CONTENT-FOLDER';

/** A content folder, and beside it (outside) a folder of secrets the symlinks lead to. */
function setUp(extra: Record<string, string> = {}) {
  const outside = contentFolder({
    'secret.md': `---\ntitle: Outside\n---\n\n${SECRET}\n`,
    'secret.pdf': `%PDF-1.4\n% ${SECRET}\n`,
    'meeting/agenda.md': `---\npublished: 2026-03-02\n---\n\n1. ${SECRET}\n`,
    'templates/layout.liquid': SECRET,
  });
  const root = contentFolder({
    ...BASE,
    [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
    [`${M}/report.md`]: '---\ntitle: Report\n---\n\nText.\n',
    ...extra,
  });
  return { root, outside };
}

/** Every file under a folder, with its bytes. */
function everything(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => ({ name: join(e.parentPath, e.name), text: readFileSync(join(e.parentPath, e.name), 'latin1') }));
}

async function lintAndBuild(root: string) {
  const lint = await cli(['lint', root], { today: '2026-11-22' });
  const build = await cli(['build', root, '--force', '--format', 'html', '--out', join(root, '..', `${root.split('/').pop()}-out`)], { today: '2026-11-22' });
  const published = everything(join(root, '..', `${root.split('/').pop()}-out`));
  return { lint, build, published };
}

describe('nothing outside the content folder is read or published through a symlink', () => {
  it('a PDF symlinked to a file outside: a lint error naming it, and not copied', async () => {
    const { root, outside } = setUp();
    symlinkSync(join(outside, 'secret.pdf'), join(root, M, 'budget.pdf'));
    const { lint, build, published } = await lintAndBuild(root);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('budget.pdf');
    expect(lint.stdout).toContain('leads outside the content folder through a symlink');
    expect(build.stderr).not.toContain('internal error');
    expect(published.some((f) => f.text.includes(SECRET))).toBe(false);
  });

  it('an appendix symlinked to a file outside: a lint error, and not rendered', async () => {
    const { root, outside } = setUp({
      [`${M}/report.md`]: '---\ntitle: Report\nappendices:\n  - file: appendix.md\n    title: Appendix A\n---\n\nText.\n',
    });
    symlinkSync(join(outside, 'secret.md'), join(root, M, 'appendix.md'));
    const { lint, published } = await lintAndBuild(root);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/report\.md[\s\S]*leads outside the content folder/);
    expect(published.some((f) => f.text.includes(SECRET))).toBe(false);
  });

  it('a link from the agenda to a symlinked file outside: a lint error at the link', async () => {
    const { root, outside } = setUp({
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n   [Plan](plan.pdf)\n',
    });
    symlinkSync(join(outside, 'secret.pdf'), join(root, M, 'plan.pdf'));
    const { lint, published } = await lintAndBuild(root);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/agenda\.md\n\s+7:4\s+error\s+Unexpected "plan\.pdf": it leads outside/);
    expect(published.some((f) => f.text.includes(SECRET))).toBe(false);
  });

  it('a meeting folder symlinked outside: a lint error, and its papers not published', async () => {
    const { root, outside } = setUp();
    symlinkSync(join(outside, 'meeting'), join(root, 'committees/panel/2026-04-14'));
    const { lint, published } = await lintAndBuild(root);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('committees/panel/2026-04-14');
    expect(published.some((f) => f.text.includes(SECRET))).toBe(false);
    expect(published.length).toBeGreaterThan(0);
  });

  it('a templates folder symlinked outside: refused by lint as by build', async () => {
    const { root, outside } = setUp({ 'boardpack.yml': 'organisation: Test Council\ntemplates: branding\n' });
    symlinkSync(join(outside, 'templates'), join(root, 'branding'));
    const { lint, build, published } = await lintAndBuild(root);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain('Unexpected templates folder "branding" outside the content folder');
    expect(build.code).toBe(2);
    expect(published).toEqual([]);
  });

  it('a symlink inside the folder is read as the file it leads to, and a loop does not hang', async () => {
    const { root } = setUp({
      [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n   [Again](again.md)\n',
    });
    writeFileSync(join(root, M, 'shared.md'), '---\ntitle: Shared\n---\n\nShared text.\n');
    symlinkSync(join(root, M, 'shared.md'), join(root, M, 'again.md'));
    mkdirSync(join(root, 'plans'));
    symlinkSync(root, join(root, 'plans', 'loop'));
    const lint = await cli(['lint', root], { today: '2026-11-22' });
    expect(lint.stderr).not.toContain('internal error');
    expect(lint.stdout).not.toContain('again.md');
  });
});
