// A corpus of realistic minutes in several councils' styles (issue 30), each linted with no finding at all: a town
// council's committee numbered per year with its letter (P25/031), a parish numbered per meeting with approvals as
// sentences and lettered discussion around a numbered resolution, a Scottish community council with unnumbered
// minutes and approvals in tables, a Welsh community council numbered 88/25 with a deferred approval, and an American
// town council's motions. Invented text in the ways real minutes are written; a false alarm here is a bug.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { lint } from '../../src/lint/lint.js';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const councils = readdirSync(CORPUS);

describe('the realistic minutes corpus', () => {
  it('holds councils of each style', () => {
    expect(councils.length).toBeGreaterThanOrEqual(5);
  });

  it.each(councils)('%s lints with no finding', (council) => {
    const parsed = parseContent(join(CORPUS, council));
    const meetings = parsed.model.committees.flatMap((c) => c.meetings);
    expect(meetings.length).toBeGreaterThanOrEqual(3);
    expect(meetings.every((m) => m.minutes !== null && m.minutes.minutes.length > 0)).toBe(true);
    // As of a week after the last meeting: every check that depends on the day is in play.
    const last = meetings.map((m) => m.date).sort().at(-1)!;
    const today = new Date(Date.parse(last) + 7 * 86400000).toISOString().slice(0, 10);
    const findings = lint(parsed, { today }).findings.map((f) => `${f.position.file}:${f.position.line} ${f.message} [${f.ruleId}]`);
    expect(findings).toEqual([]);
  });
});
