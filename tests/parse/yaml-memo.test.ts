import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { YamlMemo } from '../../src/parse/yaml-memo.js';
import { SAMPLE } from '../helpers.js';

function copy(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'boardpack-memo-')), 'content');
  cpSync(SAMPLE, root, { recursive: true });
  return root;
}

describe('what YAML files gave the model, kept between reads (lint --cache, serve)', () => {
  it('gives the very model and problems a read without it gives, when filled and when taken from', () => {
    const root = copy();
    // A member's file with a fault, so that its problem must be given back too.
    appendFileSync(join(root, 'members/marcus-bright.yml'), 'interests: [\n');
    const plain = parseContent(root);
    expect(plain.problems.some((p) => p.position.file === 'members/marcus-bright.yml')).toBe(true);
    const memo = new YamlMemo();
    const filling = parseContent(root, undefined, undefined, { yaml: memo });
    expect(memo.entries.has('members/aisha-rahman.yml')).toBe(true);
    expect(memo.changed).toBe(true);
    const taken = new YamlMemo(memo.entries);
    const from = parseContent(root, undefined, undefined, { yaml: taken });
    expect(taken.changed).toBe(false);
    expect(filling).toEqual(plain);
    expect(from).toEqual(plain);
  });

  it('serves only the text an entry was made from, and hands out copies', () => {
    const root = copy();
    const memo = new YamlMemo();
    const first = parseContent(root, undefined, undefined, { yaml: memo });
    const member = (model: typeof first.model) => model.members.find((m) => m.id === 'marcus-bright')!;
    // What the model is given may be added to by whoever reads it: the memo's own entry is not.
    member(first.model).aliases.push('Councillor Marcus');
    expect(member(parseContent(root, undefined, undefined, { yaml: memo }).model).aliases).toEqual(['Councillor Bright']);
    const file = join(root, 'members/marcus-bright.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('aliases: [Councillor Bright]', 'aliases: [Councillor Bright, Cllr Bright]'));
    expect(member(parseContent(root, undefined, undefined, { yaml: memo }).model).aliases).toEqual(['Councillor Bright', 'Cllr Bright']);
  });
});
