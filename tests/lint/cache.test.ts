import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { lintCached } from '../../src/lint/cache.js';
import { lint } from '../../src/lint/lint.js';
import type { Attended } from '../../src/lint/attendance.js';
import { COUNCIL_RULES, councilFindings, partAttendance } from '../../src/lint/parts.js';
import { defineRule, type Finding, type Rule } from '../../src/lint/rule.js';
import { RULES } from '../../src/lint/rules/index.js';
import { cli, FIXTURES, SAMPLE } from '../helpers.js';
import { overlay, readTree, RULE_FIXTURES, TODAY } from './harness.js';

const OPTIONS = { today: TODAY };
const lines = (findings: Finding[]) => findings.map((f) => `${f.position.file}:${f.position.line}:${f.position.column} ${f.ruleId} ${f.severity} ${f.message}`);

function copy(): { root: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'boardpack-cache-'));
  cpSync(SAMPLE, join(dir, 'content'), { recursive: true });
  return { root: join(dir, 'content'), cache: join(dir, '.boardpack-cache') };
}

/**
 * What the cache relies on, for every rule: a committee's findings come from
 * that committee with the shared part alone, and the shared part's from the
 * shared part alone. Checked by reading each part on its own.
 */
function byParts(root: string): Finding[] {
  const committees = existsSync(join(root, 'committees'))
    ? readdirSync(join(root, 'committees')).filter((n) => statSync(join(root, 'committees', n)).isDirectory())
    : [];
  const inCommittee = (file: string, id: string) => file === `committees/${id}` || file.startsWith(`committees/${id}/`);
  const found: Finding[] = [];
  const attendance: Attended[] = [];
  for (const id of committees) {
    const part = parseContent(root, undefined, new Set([id]));
    found.push(...lint(part, OPTIONS).findings.filter((f) => inCommittee(f.position.file, id)));
    attendance.push(...partAttendance(part, id));
  }
  // The council-wide rules run once, on the shared part, with every part's attendance.
  const sharedPart = parseContent(root, undefined, new Set());
  const shared = lint(sharedPart, OPTIONS).findings.filter((f) => !COUNCIL_RULES.has(f.ruleId ?? ''));
  found.push(...shared.filter((f) => !committees.some((id) => inCommittee(f.position.file, id))));
  found.push(...councilFindings(sharedPart, attendance, OPTIONS));
  return found;
}

describe('every rule keeps to the parts the cache splits the content into', () => {
  const folders: [string, () => string][] = [
    ['the sample council', () => SAMPLE],
    ['the all-faults fixture', () => join(FIXTURES, 'lint/all-faults/content')],
    ...RULES.flatMap((rule) =>
      (['fail', 'pass'] as const).map(
        (kind) => [`${rule.meta.id} ${kind} fixture`, () => overlay(readTree(join(RULE_FIXTURES, rule.meta.id, kind), ['expected.txt']))] as [string, () => string],
      ),
    ),
  ];
  it('would catch a rule that looks across committees', () => {
    // The control: a rule whose findings in one committee depend on the others.
    const across = defineRule({ id: 'across', description: 'test', category: 'records', severity: 'warning' }, (context) => {
      for (const c of context.model.committees) context.report(`one of ${context.model.committees.length} committees`, c.position);
    });
    (RULES as Rule[]).push(across); // the registry is read-only to the program; the test adds to it and takes it back
    try {
      const whole = lines(lint(parseContent(SAMPLE), OPTIONS).findings).sort();
      expect(lines(byParts(SAMPLE)).sort()).not.toEqual(whole);
    } finally {
      (RULES as Rule[]).pop();
    }
  });

  it.each(folders)('%s: the parts read alone give the findings of the whole', (_, folder) => {
    const root = folder();
    const whole = lines(lint(parseContent(root), OPTIONS).findings).sort();
    expect(lines(byParts(root)).sort()).toEqual(whole);
  });
});

describe('the lint cache', () => {
  const REPORT = 'committees/resources-scrutiny-panel/2026-12-08/strand-3-review.md';

  it('works the council-wide rules out again when a committee changes who attended, from every part', async () => {
    // member-absence reads every committee's attendance; a change in one committee's minutes changes a finding in a member's file.
    const root = overlay(readTree(join(RULE_FIXTURES, 'member-absence', 'fail'), ['expected.txt']));
    const cache = join(root, '..', '.cache');
    const absence = (findings: Finding[]) => lines(findings).filter((l) => l.includes('member-absence'));
    const first = await lintCached(root, cache, OPTIONS, 'test');
    expect(absence(first.findings).some((l) => l.startsWith('members/di-eve.yml') && l.includes('five months'))).toBe(true);

    const minutes = join(root, 'committees/panel/2026-11-10/minutes.md');
    writeFileSync(minutes, readFileSync(minutes, 'utf8').replace('Councillor Cy Dale, Councillor Ed Fry]', 'Councillor Cy Dale, Councillor Ed Fry, Councillor Di Eve]'));
    const changed = await lintCached(root, cache, OPTIONS, 'test');
    expect(changed.stats.checked).toEqual(['panel']);
    expect(absence(changed.findings).some((l) => l.startsWith('members/di-eve.yml'))).toBe(false);
    expect(lines(changed.findings)).toEqual(lines(lint(parseContent(root), OPTIONS).findings));

    // A change elsewhere in the minutes, with the same attendance, keeps the council-wide findings as they were.
    appendFileSync(minutes, '\nThe meeting closed at 8.15 pm.\n');
    const same = await lintCached(root, cache, OPTIONS, 'test');
    expect(lines(same.findings)).toEqual(lines(lint(parseContent(root), OPTIONS).findings));
    expect(absence(same.findings)).toEqual(absence(changed.findings));
    expect(absence(same.findings)).toHaveLength(2);
  });

  it('re-reads a changed file and checks again only its committee, with the findings of a whole run', async () => {
    const { root, cache } = copy();
    const first = await lintCached(root, cache, OPTIONS, 'test');
    expect(first.stats.parsed.length).toBeGreaterThan(40);
    expect(first.stats.checked).toContain('/shared');
    expect(lines(first.findings)).toEqual(lines(lint(parseContent(root), OPTIONS).findings));

    const again = await lintCached(root, cache, OPTIONS, 'test');
    expect(again.stats).toEqual({ parsed: [], checked: [] });
    expect(lines(again.findings)).toEqual(lines(first.findings));

    appendFileSync(join(root, REPORT), '\n4.2 The review will be held on Friday 8 December 2026.\n');
    const changed = await lintCached(root, cache, OPTIONS, 'test');
    expect(changed.stats).toEqual({ parsed: [REPORT], checked: ['resources-scrutiny-panel'] });
    const whole = lint(parseContent(root), OPTIONS).findings;
    expect(lines(whole).some((l) => l.startsWith(REPORT) && l.includes('date-weekday'))).toBe(true);
    expect(lines(changed.findings)).toEqual(lines(whole));
    expect(changed.rules.map((r) => r.meta.id)).toEqual(lint(parseContent(root), OPTIONS).rules.map((r) => r.meta.id));
  });

  it('re-reads an agenda when a file it links to goes, and comes back', async () => {
    const { root, cache } = copy();
    await lintCached(root, cache, OPTIONS, 'test');
    const agenda = 'committees/resources-scrutiny-panel/2026-12-08/agenda.md';
    const text = readTree(root)[REPORT];
    rmSync(join(root, REPORT));
    const gone = await lintCached(root, cache, OPTIONS, 'test');
    expect(gone.stats.parsed).toContain(agenda);
    expect(gone.findings.some((f) => f.ruleId === 'link-target' && f.position.file === agenda)).toBe(true);
    writeFileSync(join(root, REPORT), text);
    const back = await lintCached(root, cache, OPTIONS, 'test');
    expect(back.stats.parsed).toContain(agenda);
    expect(lines(back.findings)).toEqual(lines(lint(parseContent(root), OPTIONS).findings));
  });

  it('checks everything again when boardpack.yml, a register, the settings or the version change', async () => {
    const { root, cache } = copy();
    const all = (await lintCached(root, cache, OPTIONS, 'test')).stats.checked.length;
    expect((await lintCached(root, cache, OPTIONS, 'other')).stats.checked).toHaveLength(all);
    expect((await lintCached(root, cache, { ...OPTIONS, strict: true }, 'other')).stats.checked).toHaveLength(all);
    appendFileSync(join(root, 'boardpack.yml'), '\n# a comment\n');
    expect((await lintCached(root, cache, { ...OPTIONS, strict: true }, 'other')).stats.checked).toHaveLength(all);
    expect((await lintCached(root, cache, { ...OPTIONS, strict: true }, 'other')).stats.checked).toEqual([]);
    const register = readdirSync(join(root, 'registers')).find((f) => f.endsWith('.md'))!;
    appendFileSync(join(root, 'registers', register), '\n');
    expect((await lintCached(root, cache, { ...OPTIONS, strict: true }, 'other')).stats.checked).toHaveLength(all);
  });

  it('sees a change to a member’s file (members/ is part of the shared part)', async () => {
    const { root, cache } = copy();
    const first = await lintCached(root, cache, OPTIONS, 'test');
    expect(first.findings.filter((f) => f.ruleId === 'member-absence')).toEqual([]);
    // A member's file that no longer reads: its problem must be reported, through the cache too.
    appendFileSync(join(root, 'members/marcus-bright.yml'), 'interests: [\n');
    const whole = lint(parseContent(root), OPTIONS).findings.filter((f) => f.position.file === 'members/marcus-bright.yml');
    expect(whole.length).toBeGreaterThan(0);
    const again = await lintCached(root, cache, OPTIONS, 'test');
    expect(lines(again.findings)).toEqual(lines(lint(parseContent(root), OPTIONS).findings));
    expect(again.stats.checked.length).toBe(first.stats.checked.length);
  });

  it('leaves the council-scoped rules out of each part’s own check (skip), still listing them as enabled', () => {
    const root = overlay(readTree(join(RULE_FIXTURES, 'member-absence', 'fail'), ['expected.txt']));
    const parsed = parseContent(root);
    expect(lint(parsed, OPTIONS).findings.some((f) => f.ruleId === 'member-absence')).toBe(true);
    const skipped = lint(parsed, { ...OPTIONS, skip: COUNCIL_RULES });
    expect(skipped.findings.some((f) => COUNCIL_RULES.has(f.ruleId ?? ''))).toBe(false);
    expect(skipped.rules.map((r) => r.meta.id)).toContain('member-absence');
  });

  it('starts afresh from a cache it cannot read, or one in the old single-file form', async () => {
    const { root, cache } = copy();
    writeFileSync(cache, 'an old cache file');
    const first = await lintCached(root, cache, OPTIONS, 'test');
    expect(statSync(cache).isDirectory()).toBe(true);
    writeFileSync(join(cache, 'index.json'), '{ not json');
    const again = await lintCached(root, cache, OPTIONS, 'test');
    expect(again.stats.checked).toEqual(first.stats.checked);
    expect(lines(again.findings)).toEqual(lines(first.findings));
  });

  it('lint --cache reports what lint without it reports', async () => {
    const { root, cache } = copy();
    appendFileSync(join(root, REPORT), '\nThe review is due on Friday 8 December 2026.\n');
    const plain = await cli(['lint', root, '--format', 'json']);
    const cached = await cli(['lint', root, '--format', 'json', '--cache', '--cache-location', cache]);
    const again = await cli(['lint', root, '--format', 'json', '--cache', '--cache-location', cache]);
    expect(plain.code).toBe(1);
    expect(cached).toEqual(plain);
    expect(again).toEqual(plain);
  });
});
