// boardpack as a council installs it: the packed tarball installed in an empty folder outside the
// checkout, its command run from there (init, lint, build --format all, serve), its API imported.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers.js';
import { councilReport } from '../import/documents.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

/** The environment of a user's shell: none of the npm variables of the test run, nothing pointing into the checkout. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // npm's settings for reaching the registry are the user's own; the rest (the checkout as prefix, the script run) are not.
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|https?_proxy|proxy|noproxy|no_proxy|strict_ssl|cafile|ca|offline|prefer_offline)$/i;
  for (const [key, value] of Object.entries(process.env)) if (keep.test(key) || !/^npm_|^NODE_PATH$|^INIT_CWD$/i.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1', CI: 'true' };
}

/** What `npm pack` puts in the tarball (dist/ as `npm run build` made it before the tests). */
function packed(destination: string): { filename: string; files: string[] } {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: REPO, env: userEnv(), encoding: 'utf8' });
  const [result] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  return { filename: join(destination, result.filename), files: result.files.map((f) => f.path) };
}

describe('the package', () => {
  it('is built before it is packed, never on the user’s machine, and names where it comes from', () => {
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
    const web = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(pkg.homepage.startsWith(web)).toBe(true);
    expect(pkg.bugs.url).toBe(`${web}/issues`);
    expect(existsSync(join(REPO, 'LICENSE'))).toBe(true);
    expect(readFileSync(join(REPO, 'LICENSE'), 'utf8')).toContain(pkg.license);
  });

  it('holds what the package refers to and no test, fixture, source or source-map file', () => {
    const { files } = packed(mkdtempSync(join(tmpdir(), 'boardpack-pack-')));
    const allowed = /^(LICENSE|README\.md|package\.json|bin\/boardpack|dist\/.+\.(js|d\.ts)|starter\/.+\.yml|templates\/.+\.liquid|schemas\/[a-z]+\.schema\.json|docs\/(rules\/)?[A-Za-z-]+\.md|scripts\/setup-system\.sh)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(tests?|fixtures?|bench)\/|\.map$|\.test\.|^src\//.test(f))).toEqual([]);
    // What the code and the written files refer to.
    for (const needed of ['bin/boardpack', 'dist/bundle/cli.js', 'dist/bundle/worker.js', 'dist/index.js', 'dist/index.d.ts', 'starter/boardpack.yml', 'templates/layout.liquid', 'docs/format.md', 'schemas/boardpack.schema.json', 'schemas/committee.schema.json']) {
      expect(files).toContain(needed);
    }
    const rules = files.filter((f) => f.startsWith('docs/rules/') && f !== 'docs/rules/README.md');
    expect(rules.length).toBeGreaterThanOrEqual(32); // each rule's page, which its help link names
  }, 60_000);
});

describe('installed from its tarball into an empty folder', () => {
  let app: string;
  const run = (args: string[]) => {
    try {
      return { code: 0, stdout: execFileSync(join(app, 'node_modules/.bin/boardpack'), args, { cwd: app, env: userEnv(), encoding: 'utf8', stdio: 'pipe' }) };
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      return { code: e.status, stdout: `${e.stdout}${e.stderr}` };
    }
  };

  beforeAll(() => {
    // Outside the checkout, so that nothing resolves into its node_modules.
    const place = realpathSync(mkdtempSync(join(tmpdir(), 'boardpack-install-')));
    expect(place.startsWith(REPO)).toBe(false);
    const { filename } = packed(place);
    app = join(place, 'council-papers');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), '{ "name": "council-papers", "private": true }\n');
    // As the README says: from the registry's copies npm already holds (CI's `npm ci` filled the cache).
    execFileSync('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', filename], { cwd: app, env: userEnv(), stdio: 'pipe' });
  }, 300_000);

  it('runs init, lint and build --format all from there', () => {
    const init = run(['init', 'content']);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Next: edit content/boardpack.yml, then run boardpack lint content');
    const lint = run(['lint', 'content', '--max-warnings', '0']);
    expect(lint).toEqual({ code: 0, stdout: '' });
    const build = run(['build', 'content', '--format', 'all']);
    // Then one quiet line: the starter's PDFs pass PDF/UA-1's machine checks.
    // The starter has no baseUrl yet: the build says calendars, feeds and open data need one.
    expect(build.stdout).toMatch(/^Wrote \d+ files to out\nPDF\/UA-1 machine checks: (1 PDF passes|\d+ PDFs pass)\nNote: No calendars, feeds or open data were written: [^\n]+\n$/);
    expect(build.code).toBe(0);
    const pack = execFileSync('find', ['out', '-name', 'agenda-pack.pdf'], { cwd: app, encoding: 'utf8' }).trim();
    expect(pack).toMatch(/^out\/example-committee\/\d{4}-\d\d-\d\d\/agenda-pack\.pdf$/);
    expect(execFileSync('pdftotext', [join(app, pack), '-'], { encoding: 'utf8' })).toContain('Example Committee');
    // The SARIF report's links are the repository's, as package.json names it.
    const sarif = JSON.parse(run(['lint', 'content', '-f', 'sarif']).stdout);
    expect(sarif.runs[0].tool.driver.informationUri).toBe(pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, ''));
  }, 120_000);

  it('imports a Word report from there', async () => {
    writeFileSync(join(app, 'fees.docx'), await councilReport());
    const imported = run(['import', 'fees.docx']);
    expect(imported.code, imported.stdout).toBe(0);
    expect(imported.stdout).toContain('Wrote fees.md and 1 image: "Fees and charges 2026/27"');
    expect(readFileSync(join(app, 'fees.md'), 'utf8')).toContain('1.1 That the fees in Appendix A be approved from 1 April 2026.');
  }, 60_000);

  it('serves the preview from there', async () => {
    if (!existsSync(join(app, 'content'))) run(['init', 'content']);
    const child = spawn(join(app, 'node_modules/.bin/boardpack'), ['serve', 'content', '--port', '0'], { cwd: app, env: userEnv() });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const index = await fetch(url);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('Example Committee');
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);

  it('offers the API at its entry point, and only there', () => {
    const script = `
      import { lintContent, formatReport, parseContent } from 'boardpack';
      const report = await lintContent('content', { today: '2026-11-22' });
      console.log(JSON.stringify({ errors: report.errorCount, text: formatReport(report, 'json').trim(), committees: parseContent('content').model.committees.length }));
      try { await import('boardpack/dist/cli/main.js'); console.log('internal'); } catch (e) { console.log(e.code); }
    `;
    if (!existsSync(join(app, 'content'))) run(['init', 'content']);
    writeFileSync(join(app, 'check.mjs'), script);
    const [result, internal] = execFileSync('node', ['check.mjs'], { cwd: app, env: userEnv(), encoding: 'utf8' }).trim().split('\n');
    expect(JSON.parse(result)).toEqual({ errors: 0, text: '[]', committees: 1 });
    expect(internal).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  }, 60_000);
});
