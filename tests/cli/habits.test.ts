// The CLI used as its users use ESLint and remark-cli: config found upward, files named on the
// command line, colours and their switches, a report to a file, a missing subcommand an error.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { BASE, cli, contentFolder } from '../helpers.js';
import { run } from '../../src/cli/main.js';

/** Two meetings: one with an error (a bad status) and a warning, one clean. */
const twoMeetings = () =>
  contentFolder({
    ...BASE,
    'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\nstatus: maybe\n---\n\n1. Apologies for absence\n',
    'committees/panel/2026-04-14/agenda.md': '---\npublished: 2026-04-06\n---\n\n1. Apologies for absence\n',
    'committees/panel/2026-04-14/report.md': '---\ntitle: Budget\n---\n\nThe panel met on Tuesday 14 April 2026.\n',
  });
const BAD = 'committees/panel/2026-03-10/agenda.md';
const OTHER = 'committees/panel/2026-04-14';
const ESC = '\u001b[';

describe('a missing subcommand', () => {
  it('prints help on standard error and exits 2, for boardpack and for boardpack new', async () => {
    for (const args of [[], ['new']]) {
      const { code, stdout, stderr } = await cli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('Usage: boardpack');
    }
    // Asked for, help is an answer.
    expect((await cli(['help', 'lint'])).code).toBe(0);
  });
});

describe('the content folder found upward', () => {
  it('lint, export and build without [dir] use the nearest folder above with a boardpack.yml', async () => {
    const root = twoMeetings();
    const inside = join(root, OTHER);
    const linted = await cli(['lint'], { cwd: inside });
    expect(linted.code).toBe(1);
    expect(linted.stdout).toContain('../2026-03-10/agenda.md');
    const exported = await cli(['export'], { cwd: inside });
    expect(exported.code).toBe(2); // the bad status stops it, which proves it read this folder
    expect(exported.stderr).toContain(`${BAD}:3:9`);
  });

  it('without a boardpack.yml above, still looks for content/ in the working folder', async () => {
    const parent = contentFolder({});
    const { code, stderr } = await cli(['lint'], { cwd: parent });
    expect(code).toBe(2);
    expect(stderr).toBe('boardpack: Content folder not found: content (expected a folder holding boardpack.yml)\n');
  });
});

describe('lint [paths...]', () => {
  it('reports on the files, folders and globs named, reading the whole folder', async () => {
    const root = twoMeetings();
    const all = await cli(['lint', root, '-f', 'json']);
    const files = (stdout: string) => (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath.slice(root.length + 1)).sort();
    expect(files(all.stdout)).toEqual([BAD, `${OTHER}/report.md`]);

    const folder = await cli(['lint', join(root, OTHER), '-f', 'json']);
    expect(files(folder.stdout)).toEqual([`${OTHER}/report.md`]);
    expect(folder.code).toBe(0); // the other meeting's error is not this one's

    const file = await cli(['lint', BAD, '-f', 'json'], { cwd: root });
    expect(files(file.stdout)).toEqual([BAD]);
    expect(file.code).toBe(1);

    const globbed = await cli(['lint', 'committees/*/2026-04-*/*.md', '-f', 'json'], { cwd: root });
    expect(files(globbed.stdout)).toEqual([`${OTHER}/report.md`]);

    const two = await cli(['lint', BAD, `${OTHER}/report.md`, '-f', 'json'], { cwd: root });
    expect(files(two.stdout)).toEqual([BAD, `${OTHER}/report.md`]);
  });

  it('refuses paths in two content folders, a missing path and a glob matching nothing, with exit 2', async () => {
    const a = twoMeetings();
    const b = twoMeetings();
    const split = await cli(['lint', join(a, BAD), join(b, BAD)]);
    expect(split.code).toBe(2);
    expect(split.stderr).toContain('The paths are in 2 content folders');
    const missing = await cli(['lint', BAD, 'committees/nope.md'], { cwd: a });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('boardpack: Not found: committees/nope.md\n');
    const none = await cli(['lint', 'committees/*/1999-*/*.md'], { cwd: a });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('boardpack: No files match "committees/*/1999-*/*.md"\n');
  });
});

describe('--max-warnings', () => {
  const warningsOnly = () => {
    const root = twoMeetings();
    writeFileSync(join(root, BAD), '---\npublished: 2026-03-02\n---\n\n1. Apologies for absence\n');
    return root;
  };

  it('says there are too many warnings on standard error whatever the format, leaving the report whole', async () => {
    const root = warningsOnly();
    for (const format of ['stylish', 'json', 'sarif', 'github']) {
      const { code, stdout, stderr } = await cli(['lint', root, '-f', format, '--max-warnings', '0']);
      expect(code).toBe(1);
      expect(stderr).toBe('boardpack found too many warnings (maximum: 0).\n');
      if (format === 'json' || format === 'sarif') expect(() => JSON.parse(stdout)).not.toThrow();
    }
  });

  it('takes -1 as no limit and refuses other negative numbers', async () => {
    const root = warningsOnly();
    const unlimited = await cli(['lint', root, '--max-warnings', '-1']);
    expect(unlimited.code).toBe(0);
    expect(unlimited.stderr).toBe('');
    const bad = await cli(['lint', root, '--max-warnings', '-2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a whole number, or -1 for no limit');
  });
});

describe('colour', () => {
  it('colours stylish output at a terminal, and not when NO_COLOR, --no-color or a pipe says otherwise', async () => {
    const root = twoMeetings();
    const tty = await cli(['lint', root], { stdoutIsTTY: true });
    expect(tty.stdout).toContain(`${ESC}31merror`);
    expect(tty.stdout).toContain(`${ESC}33mwarning`);
    expect((await cli(['lint', root], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['lint', root, '--no-color'], { stdoutIsTTY: true })).stdout).not.toContain(ESC);
    expect((await cli(['lint', root])).stdout).not.toContain(ESC); // piped
    expect((await cli(['lint', root], { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await cli(['lint', root, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await cli(['lint', root, '--color'])).stdout).toContain(ESC);
  });

  it('makes each rule id a link to its page at a terminal (OSC 8), and leaves it plain in a pipe', async () => {
    const root = twoMeetings();
    const tty = (await cli(['lint', root], { stdoutIsTTY: true })).stdout;
    const links = [...tty.matchAll(/\x1b\]8;;([^\x07]+)\x07([a-z-]+)\x1b\]8;;\x07/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, url, id] of links) expect(url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    expect((await cli(['lint', root])).stdout).not.toContain('\x1b]8;;');
  });

  it('never colours json, sarif or github output', async () => {
    const root = twoMeetings();
    for (const format of ['json', 'sarif', 'github']) {
      const { stdout } = await cli(['lint', root, '-f', format, '--color'], { stdoutIsTTY: true, env: { FORCE_COLOR: '3' } });
      expect(stdout.length).toBeGreaterThan(0);
      expect(stdout).not.toContain(ESC);
    }
  });
});

describe('-o, --output-file', () => {
  it('writes the report to the file, uncoloured, and nothing to standard output', async () => {
    const root = twoMeetings();
    const target = join(root, '..', 'reports', 'lint.sarif');
    const { code, stdout } = await cli(['lint', root, '-f', 'sarif', '-o', target], { stdoutIsTTY: true });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const sarif = JSON.parse(readFileSync(target, 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('frontmatter');
    const text = join(root, '..', 'lint.txt');
    await cli(['lint', root, '--output-file', text, '--color']);
    expect(readFileSync(text, 'utf8')).toContain('error');
    expect(readFileSync(text, 'utf8')).not.toContain(ESC);
  });

  it('refuses a folder', async () => {
    const root = twoMeetings();
    const { code, stderr } = await cli(['lint', root, '-o', root]);
    expect(code).toBe(2);
    expect(stderr).toContain('it is a folder, expected the path of a file to write');
  });
});

describe('[dir] the same way for every command', () => {
  it('new meeting takes the content folder as [dir], and still as -C', async () => {
    const root = contentFolder({ ...BASE });
    const made = await cli(['new', 'meeting', 'panel', '2026-03-10', root]);
    expect(made.code).toBe(0);
    expect(existsSync(join(root, 'committees/panel/2026-03-10/agenda.md'))).toBe(true);
    const old = await cli(['new', 'meeting', 'panel', '2026-04-14', '-C', root]);
    expect(old.code).toBe(0);
    expect(existsSync(join(root, 'committees/panel/2026-04-14/agenda.md'))).toBe(true);
    // From inside the content folder, with no [dir].
    const inside = await cli(['new', 'meeting', 'panel', '2026-05-12'], { cwd: join(root, 'committees') });
    expect(inside.code).toBe(0);
    expect(existsSync(join(root, 'committees/panel/2026-05-12/agenda.md'))).toBe(true);
  });
});

describe('new committee', () => {
  it('writes a committee.yml the parser reads, naming its schema, ready for new meeting', async () => {
    const root = contentFolder({ ...BASE });
    const { code, stdout } = await cli(['new', 'committee', 'audit-and-governance', root]);
    expect(code).toBe(0);
    expect(stdout).toContain('committees/audit-and-governance/committee.yml');
    const yml = readFileSync(join(root, 'committees/audit-and-governance/committee.yml'), 'utf8');
    expect(yml.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=https:\/\/.+\/schemas\/committee\.schema\.json$/);
    const { model, problems } = parseContent(root);
    expect(problems).toEqual([]);
    expect(model.committees.find((c) => c.id === 'audit-and-governance')?.name).toBe('Audit and Governance Committee');
    expect((await cli(['new', 'meeting', 'audit-and-governance', '2026-03-10', root])).code).toBe(0);
    const named = await cli(['new', 'committee', 'sc', root, '--name', 'Standards Committee']);
    expect(named.code).toBe(0);
    expect(parseContent(root).model.committees.find((c) => c.id === 'sc')?.name).toBe('Standards Committee');
  });

  it('refuses one that exists and a name that is not a folder name', async () => {
    const root = contentFolder({ ...BASE });
    const again = await cli(['new', 'committee', 'panel', root]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('committees/panel already exists');
    const bad = await cli(['new', 'committee', '../escape', root]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected lower-case letters, digits and hyphens');
    expect(existsSync(join(root, '..', 'escape'))).toBe(false);
  });
});

describe('init', () => {
  it('makes missing parents, writes a .gitignore for the builds, and says to lint and build next', async () => {
    const parent = contentFolder({});
    const { code, stdout } = await cli(['init', 'council/papers'], { cwd: parent });
    expect(code).toBe(0);
    expect(stdout).toContain('Next: edit council/papers/boardpack.yml, then run boardpack lint council/papers and boardpack build council/papers');
    expect(stdout).not.toContain('export');
    // The packages npm installs (boardpack among them) are kept out too.
    expect(readFileSync(join(parent, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['out/', 'out-members/', 'out-word/', 'out-word-members/', '.boardpack-cache/', 'node_modules/']));
    expect(stdout).toContain('Wrote .gitignore, leaving out out/, out-members/, out-word/, out-word-members/, .boardpack-cache/, node_modules/');
    // The YAML it writes names its schema, and points at the format's documentation where it is published.
    const config = readFileSync(join(parent, 'council/papers/boardpack.yml'), 'utf8');
    expect(config.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.+\/schemas\/boardpack\.schema\.json$/);
    expect(config).not.toContain('See docs/format.md');
    expect(config).toMatch(/https:\/\/\S+\/docs\/format\.md/);
    // Lint passes on what init wrote.
    expect((await cli(['lint', 'council/papers'], { cwd: parent })).code).toBe(0);
  });

  it('adds only the missing lines to an existing .gitignore', async () => {
    const parent = contentFolder({ '.gitignore': 'node_modules/\nout/' });
    mkdirSync(join(parent, 'sub'));
    expect((await cli(['init', 'content'], { cwd: parent })).code).toBe(0);
    expect(readFileSync(join(parent, '.gitignore'), 'utf8')).toBe('node_modules/\nout/\nout-members/\nout-word/\nout-word-members/\n.boardpack-cache/\n');
  });
});

describe('serve', () => {
  it('counts in the singular where there is one', async () => {
    const root = twoMeetings(); // one error, one warning
    let stderr = '';
    const code = await run(['serve', root, '--port', '0'], {
      stdout: () => {},
      stderr: (t) => (stderr += t),
      cwd: root,
      today: '2026-11-22',
      onServe: (_served, stop) => stop(),
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Built \d+ files; 1 error, 1 warning\n/);
  }, 30_000);
});
