import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { findRepositoryRoot } from '../../src/config/find.js';
import { BASE, cli, contentFolder, FIXTURES } from '../helpers.js';

const require = createRequire(import.meta.url);
// Both are CommonJS modules whose class or function is their default export.
const Ajv = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ?? AjvDraft04) as unknown as new (options: object) => {
  validate(schema: object, data: unknown): boolean;
  errors?: unknown[] | null;
};
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: unknown) => void;
const ALL_FAULTS = join(FIXTURES, 'lint', 'all-faults', 'content');
const lintAll = (...args: string[]) => cli(['lint', '.', ...args], { cwd: ALL_FAULTS, today: '2026-11-22' });

describe('boardpack lint on the sample council', () => {
  it('exits 0 with no findings at all', async () => {
    const { code, stdout, stderr } = await cli(['lint', 'content'], { today: '2026-11-22' });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('boardpack lint on a folder with one fault per rule', () => {
  it('exits 1 and reports every rule once, each at its line', async () => {
    const { code, stdout } = await lintAll('--format', 'json');
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { messages: { ruleId: string }[] }[];
    const ruleIds = results.flatMap((r) => r.messages.map((m) => m.ruleId)).sort();
    expect(ruleIds).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it('prints the stylish report recorded for it', async () => {
    const { stdout } = await lintAll();
    await expect(stdout).toMatchFileSnapshot(join(FIXTURES, 'lint', 'all-faults', 'expected-stylish.txt'));
    expect(stdout).toMatch(new RegExp(`✖ ${RULES.length} problems \\(\\d+ errors, \\d+ warnings\\)\\n$`));
  });
});

describe('the four formats carry the same results', () => {
  const flatten = (json: string) =>
    (JSON.parse(json) as { filePath: string; messages: { ruleId: string; line: number; column: number; severity: number; message: string }[] }[])
      .flatMap((r) => r.messages.map((m) => ({ file: r.filePath.slice(ALL_FAULTS.length + 1), ...m })));

  it('json has ESLint’s shape', async () => {
    const results = JSON.parse((await lintAll('--format', 'json')).stdout);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(['errorCount', 'filePath', 'messages', 'warningCount']);
      expect(r.filePath.startsWith(ALL_FAULTS)).toBe(true);
      expect(r.errorCount).toBe(r.messages.filter((m: { severity: number }) => m.severity === 2).length);
      for (const m of r.messages) expect([1, 2]).toContain(m.severity);
    }
  });

  it('sarif validates against the SARIF 2.1.0 schema and holds the same results with help links', async () => {
    const expected = flatten((await lintAll('--format', 'json')).stdout);
    const log = JSON.parse((await lintAll('--format', 'sarif')).stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const valid = ajv.validate(schema, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules).toHaveLength(RULES.length);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
    const results = run.results.map((r: any) => ({
      file: decodeURI(r.locations[0].physicalLocation.artifactLocation.uri),
      ruleId: r.ruleId,
      line: r.locations[0].physicalLocation.region.startLine,
      column: r.locations[0].physicalLocation.region.startColumn,
      severity: r.level === 'error' ? 2 : 1,
      message: r.message.text,
    }));
    // Placed from the repository's root, as code scanning places alerts (from the working folder outside a checkout).
    const fromRepo = relative(findRepositoryRoot(ALL_FAULTS) ?? ALL_FAULTS, ALL_FAULTS).split(sep).join('/');
    expect(run.originalUriBaseIds.SRCROOT.uri).toMatch(/^file:\/\/.*\/$/);
    expect(results).toEqual(expected.map(({ file, ruleId, line, column, severity, message }) => ({ file: fromRepo ? `${fromRepo}/${file}` : file, ruleId, line, column, severity, message })));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('github prints one workflow annotation per finding', async () => {
    const expected = flatten((await lintAll('--format', 'json')).stdout);
    const lines = (await lintAll('--format', 'github')).stdout.trim().split('\n');
    expect(lines).toHaveLength(expected.length);
    expected.forEach((m, i) => {
      const level = m.severity === 2 ? 'error' : 'warning';
      const fromRepo = relative(findRepositoryRoot(ALL_FAULTS) ?? ALL_FAULTS, ALL_FAULTS).split(sep).join('/');
      expect(lines[i]).toBe(`::${level} file=${fromRepo ? `${fromRepo}/` : ''}${m.file},line=${m.line},col=${m.column},title=${m.ruleId}::${m.message.replace(/%/g, '%25')}`);
    });
  });

  it('stylish groups the same findings by file', async () => {
    const expected = flatten((await lintAll('--format', 'json')).stdout);
    const { stdout } = await lintAll();
    for (const m of expected) expect(stdout).toContain(`${m.line}:${m.column}`);
    expect(stdout.split('\n').filter((l) => /^\s+\d+:\d+\s+(error|warning)\s/.test(l))).toHaveLength(expected.length);
  });
});

describe('SARIF and annotations place findings from the repository’s root', () => {
  it('with the content folder below it, linted from the root or from inside the content folder', async () => {
    const repo = contentFolder({});
    mkdirSync(join(repo, '.git'));
    const papers = join(repo, 'council', 'papers');
    for (const [rel, text] of Object.entries({ ...BASE, 'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Date of next meeting: Friday 14 April 2026\n' })) {
      mkdirSync(dirname(join(papers, rel)), { recursive: true });
      writeFileSync(join(papers, rel), text);
    }
    const file = 'council/papers/committees/panel/2026-03-10/agenda.md';
    for (const cwd of [repo, papers]) {
      const sarif = JSON.parse((await cli(['lint', papers, '--format', 'sarif'], { cwd, today: '2026-11-22' })).stdout);
      const [result] = sarif.runs[0].results;
      expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: file, uriBaseId: 'SRCROOT' });
      expect(sarif.runs[0].originalUriBaseIds.SRCROOT.uri).toBe(`${pathToFileURL(repo).href}/`);
      const github = (await cli(['lint', papers, '--format', 'github'], { cwd, today: '2026-11-22' })).stdout;
      expect(github).toMatch(new RegExp(`^::error file=${file},line=5,col=`));
    }
  });
});

describe('lint options', () => {
  const folder = () =>
    contentFolder({
      ...BASE,
      'committees/panel/2026-03-10/agenda.md': '---\npublished: 2026-03-02\n---\n\n1. Apologies\n2. Report\n   [Report](report.md)\n',
      // One error (date-weekday) and one warning (no-placeholder).
      'committees/panel/2026-03-10/report.md': '---\ntitle: Report\n---\n\nOn Friday 10 March 2026 the figures were TBC.\n',
    });

  it('--rule turns a rule off or changes its severity', async () => {
    const root = folder();
    expect((await cli(['lint', root, '--format', 'json'])).code).toBe(1);
    const off = await cli(['lint', root, '--format', 'json', '--rule', 'date-weekday=off']);
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('date-weekday');
    const warn = await cli(['lint', root, '--format', 'json', '--rule', 'date-weekday=warn', '--rule', 'no-placeholder=error']);
    const messages = JSON.parse(warn.stdout)[0].messages.map((m: any) => [m.ruleId, m.severity]);
    expect(messages.sort()).toEqual([['date-weekday', 1], ['no-placeholder', 2]]);
  });

  it('rules: in boardpack.yml set severities, and the command line outranks them', async () => {
    const root = folder();
    const config = join(root, 'boardpack.yml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(config, 'organisation: Test Council\nrules:\n  date-weekday: off\n');
    expect((await cli(['lint', root])).code).toBe(0);
    expect((await cli(['lint', root, '--rule', 'date-weekday=error'])).code).toBe(1);
  });

  it('--strict turns warnings into errors; --max-warnings limits them; --quiet hides them', async () => {
    const root = folder();
    const base = ['lint', root, '--rule', 'date-weekday=off'];
    expect((await cli(base)).code).toBe(0);
    expect((await cli([...base, '--strict'])).code).toBe(1);
    const limited = await cli([...base, '--max-warnings', '0']);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toContain('too many warnings (maximum: 0)');
    expect((await cli([...base, '--max-warnings', '1'])).code).toBe(0);
    expect((await cli([...base, '--quiet'])).stdout).toBe('');
  });

  it('--as-of sets the day overdue checks count from', async () => {
    const root = contentFolder({
      ...BASE,
      'registers/review.md': '---\ntitle: Review\n---\n\n| Ref | Recommendation | Decision | Owner | Action by |\n|---|---|---|---|---|\n| R1 | Publish | Accepted | Clerk | 2026-06-30 |\n',
    });
    expect((await cli(['lint', root, '--as-of', '2026-06-01', '--format', 'json'])).stdout).toBe('[]\n');
    const late = await cli(['lint', root, '--as-of', '1 July 2026', '--format', 'json']);
    expect(JSON.parse(late.stdout)[0].messages[0].ruleId).toBe('action-overdue');
  });

  it('exits 2 for an unknown rule, a bad option value, or an unusable boardpack.yml', async () => {
    const root = folder();
    const unknown = await cli(['lint', root, '--rule', 'no-such-rule=off']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown rule "no-such-rule"');
    expect((await cli(['lint', root, '--rule', 'date-weekday'])).code).toBe(2);
    expect((await cli(['lint', root, '--max-warnings', 'many'])).code).toBe(2);
    expect((await cli(['lint', root, '--format', 'xml'])).code).toBe(2);
    expect((await cli(['lint', root, '--as-of', 'someday'])).code).toBe(2);
    const broken = contentFolder({ 'boardpack.yml': 'organisation: [\n' });
    const bad = await cli(['lint', broken]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^boardpack\.yml:\d+:\d+: error: Broken YAML/);
  });

  it('lists the rules', async () => {
    const { code, stdout } = await cli(['rules']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(RULES.length);
    expect(stdout).toMatch(/^date-weekday\s+error\s+A weekday/m);
  });
});

describe('matching names', () => {
  it('takes "Councillor Lee" for "Councillor Ann Lee", but not "Councillor Bo Lee" for her', async () => {
    const { samePerson } = await import('../../src/lint/helpers.js');
    const none = () => undefined;
    expect(samePerson('Councillor Lee', 'Councillor Ann Lee', none)).toBe(true);
    expect(samePerson('councillor  ann lee.', 'Councillor Ann Lee', none)).toBe(true);
    expect(samePerson('Cllr Ann Lee', 'Councillor Ann Lee', none)).toBe(true);
    expect(samePerson('Councillor Bo Lee', 'Councillor Ann Lee', none)).toBe(false);
    expect(samePerson('Councillor Ann Lee', 'Mrs Ann Lee', none)).toBe(false);
  });
});
