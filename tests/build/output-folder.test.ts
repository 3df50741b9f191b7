import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';

const M = 'committees/panel/2026-03-10';
const N = 'committees/panel/2026-04-14';
const content = () =>
  contentFolder({
    ...BASE,
    [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
    [`${M}/report.md`]: '---\ntitle: Report\n---\n\nText.\n',
    [`${N}/agenda.md`]: '---\npublished: 2026-04-03\n---\n\n1. Apologies\n',
  });
const build = (root: string, ...args: string[]) => cli(['build', root, ...args], { cwd: root, today: '2026-11-22' });

describe('the output folder holds exactly what the build wrote', () => {
  it('removes what an earlier build wrote and this one did not', async () => {
    const root = content();
    expect((await build(root)).code).toBe(0);
    writeFileSync(join(root, 'out/panel/2026-03-10/old-exempt-report.pdf'), 'from an earlier build');
    mkdirSync(join(root, 'out/gone'));
    writeFileSync(join(root, 'out/gone/page.html'), 'from an earlier build');
    expect((await build(root)).code).toBe(0);
    expect(existsSync(join(root, 'out/panel/2026-03-10/old-exempt-report.pdf'))).toBe(false);
    expect(existsSync(join(root, 'out/gone'))).toBe(false);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['.boardpack-build.json', 'archive-2025-26.html', 'archive.html', 'index.html', 'pagefind', 'panel', 'search.html', 'search.js']);
    expect(readdirSync(root).filter((n) => n.includes('boardpack-'))).toEqual([]);
  });

  it('a plain build of a folder built with PDFs builds them again, and a build asked for fewer formats says what it took away', async () => {
    const root = content();
    const pdf = join(root, 'out/panel/2026-03-10/agenda-pack.pdf');
    expect((await build(root, '--format', 'all')).code).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    writeFileSync(join(root, M, 'report.md'), '---\ntitle: Report\n---\n\nText changed since.\n');
    // The README's deploy step copies out/ with --delete: a plain build must not take the PDFs off the site.
    const plain = await build(root);
    expect(plain.code, plain.stderr).toBe(0);
    expect(existsSync(pdf)).toBe(true);
    expect(JSON.parse(readFileSync(join(root, 'out/.boardpack-build.json'), 'utf8')).formats).toEqual(['html', 'pdf']);
    expect(plain.stdout).not.toContain('are gone');
    // Asked for web pages alone, it makes them alone, and says so.
    const html = await build(root, '--format', 'html');
    expect(html.code).toBe(0);
    expect(existsSync(pdf)).toBe(false);
    expect(html.stdout).toContain('Note: The PDFs an earlier build wrote to out are gone, as --format html asked; build with --format all to make them again');
    expect((await build(root)).stdout).not.toContain('are gone');
    expect(existsSync(pdf)).toBe(false);
  }, 120_000);

  it('a build of one meeting replaces that meeting’s folder whole and keeps the rest', async () => {
    const root = content();
    expect((await build(root)).code).toBe(0);
    writeFileSync(join(root, 'out/panel/2026-03-10/stale.html'), 'stale');
    writeFileSync(join(root, 'out/panel/2026-04-14/other.html'), 'kept');
    expect((await build(root, '--meeting', 'panel/2026-03-10')).code).toBe(0);
    expect(existsSync(join(root, 'out/panel/2026-03-10/stale.html'))).toBe(false);
    expect(readFileSync(join(root, 'out/panel/2026-04-14/other.html'), 'utf8')).toBe('kept');
    expect(existsSync(join(root, 'out/index.html'))).toBe(true);
  });

  it("members' outputs go to out-members, and no folder takes the other audience's outputs", async () => {
    const root = content();
    expect((await build(root)).code).toBe(0);
    const members = await build(root, '--audience', 'members');
    expect(members.code).toBe(0);
    expect(members.stdout).toContain('to out-members');
    expect(existsSync(join(root, 'out-members/panel/2026-03-10/agenda-pack.members.html'))).toBe(true);
    expect(readdirSync(join(root, 'out'), { recursive: true }).map(String).some((n) => n.includes('members'))).toBe(false);

    const intoPublic = await build(root, '--audience', 'members', '--out', 'out');
    expect(intoPublic.code).toBe(2);
    expect(intoPublic.stderr).toContain('it holds a build for the public audience, expected one for members');
    const intoMembers = await build(root, '--out', 'out-members');
    expect(intoMembers.code).toBe(2);
    expect(intoMembers.stderr).toContain('it holds a build for the members audience, expected one for public');
    expect(readdirSync(join(root, 'out'), { recursive: true }).map(String).some((n) => n.includes('members'))).toBe(false);
  });

  it('refuses a folder of files it did not write, and touches none of them', async () => {
    const root = content();
    const result = await build(root, '--out', '.');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^boardpack: Unexpected output folder .*: it holds files that boardpack did not write; choose a new or empty folder/m);
    expect(existsSync(join(root, 'boardpack.yml'))).toBe(true);
    expect(existsSync(join(root, M, 'report.md'))).toBe(true);
  });

  it('an output folder that is a file, or under one, is a message and exit 2', async () => {
    const root = content();
    writeFileSync(join(root, 'file'), 'x');
    for (const out of ['file', 'file/out']) {
      const result = await build(root, '--out', out);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).toMatch(/^boardpack: (Unexpected output folder|Cannot write)/m);
    }
    expect(readFileSync(join(root, 'file'), 'utf8')).toBe('x');
  });
});
