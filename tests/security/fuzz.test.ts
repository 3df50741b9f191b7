import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentWith, type CacheEntries } from '../../src/parse/cache.js';
import { lint } from '../../src/lint/lint.js';
import { renderSite } from '../../src/build/site.js';
import { contentFolder, SAMPLE } from '../helpers.js';

/*
 * A seeded mutator over the sample's files: each mutant changes one file a
 * few times (cuts, copies, swaps and tokens that matter to the parsers), then
 * is read, checked and rendered. None may throw. On failure the seed and the
 * mutant's number are printed, so `FUZZ_SEED=<seed>` replays it.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const MUTANTS = Number(process.env.FUZZ_MUTANTS ?? 300);

/** mulberry32: a small seeded generator, so that a failing run can be replayed. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '---', '---js\n', '\n---\n', '\n', '\n\n', '%', '%E0%A4%A', '[', ']', '](', ')', '](../../../../etc/x.md)', '<div>', '</div>', '<script>x()</script>',
  '&amp;', '&#0;', '\u0000', '\uFFFD', '\t', ': ', '- ', '1. ', '99999999999999999999. ', '> ', '#', '## ', '|', '| --- |', '*', '**', '_', '`', '```',
  '&a', '*a', '!!js/function', '{', '}', 'exempt: 3', 'exempt: true', 'exempt: 99', 'appendices:', '  - file: ', 'published: 9999-12-31',
  'date: 2026-02-30', 'Friday 31 February 2026', '29 February 2025', 'RESOLVED', '(1)', 'Minute 12/26', 'status: held', 'quorum: "0/0"',
  'Aa declared x interest ', 'Resolved:- (1) (a) (i) ', '(1) (a) (i) ', 'Minute 12 of the meeting held on ', '[a](', '[insert ', 'A'.repeat(300),
  'javascript:alert(1)', '](javascript:alert(1))', '](../../minutes.md)', '\r\nBEGIN:VEVENT\r\nURL:https://evil.example\r\n', ']]>', ']]><x/>', 'locale: ../../../x', 'locale: en-GB-abcdefghijklmnopqrstuvwxyz12',
  'baseUrl: javascript:x', 'private:\n  1: 3\n', 'exempt:\n  "1": 3\n', '"2": false', 'The press and public be excluded', 'readmitted',
  'supplement: 0', '\r', '\r\n', '\u202E', '\uD800', 'ü', '😀', ' '.repeat(200), 'x'.repeat(5000),
];

function mutate(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const at = () => Math.floor(random() * (text.length + 1));
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const i = at();
    const j = Math.min(text.length, i + Math.floor(random() * 200));
    switch (Math.floor(random() * 5)) {
      case 0: // cut
        text = text.slice(0, i) + text.slice(j);
        break;
      case 1: // copy a stretch elsewhere
        text = text.slice(0, at()) + text.slice(i, j) + text.slice(at());
        break;
      case 2: // a token that matters to a parser
        text = text.slice(0, i) + pick(TOKENS) + text.slice(i);
        break;
      case 3: // repeat a stretch many times
        text = text.slice(0, i) + text.slice(i, j).repeat(1 + Math.floor(random() * 50)) + text.slice(j);
        break;
      default: // swap two lines
        {
          const lines = text.split('\n');
          const a = Math.floor(random() * lines.length);
          const b = Math.floor(random() * lines.length);
          [lines[a], lines[b]] = [lines[b], lines[a]];
          text = lines.join('\n');
        }
    }
  }
  return text;
}

describe('a fuzz test over the sample', () => {
  it(`finds no crash in ${MUTANTS} mutants (seed ${SEED}; replay with FUZZ_SEED)`, async () => {
    const root = join(contentFolder({}), 'content');
    cpSync(SAMPLE, root, { recursive: true });
    const files = readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => /\.(md|yml)$/.test(f))
      .sort();
    const random = generator(SEED);
    let entries: CacheEntries = new Map();
    let checked = 0;
    for (let k = 0; k < MUTANTS; k++) {
      const file = files[Math.floor(random() * files.length)];
      const original = readFileSync(join(root, file), 'utf8');
      writeFileSync(join(root, file), mutate(original, random));
      try {
        const read = parseContentWith(root, entries);
        entries = read.entries;
        lint(read.result, { today: '2026-11-22' });
        const meeting = /^committees\/([^/]+\/[^/]+)\//.exec(file.split('\\').join('/'))?.[1];
        const meetings = read.result.model.committees.flatMap((c) => c.meetings);
        if (meeting && meetings.some((m) => m.id === meeting)) {
          await renderSite(root, read.result.model, { audience: 'public', asOf: '2026-11-22', meeting });
        }
        checked++;
      } catch (err) {
        expect.fail(`mutant ${k} of seed ${SEED} (${file}) threw: ${(err as Error).stack}`);
      } finally {
        writeFileSync(join(root, file), original);
      }
    }
    expect(checked).toBe(MUTANTS);
  }, 300_000);
});
