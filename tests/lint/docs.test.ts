import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Heading, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { REPO } from '../helpers.js';
import { findingsOf, overlay } from './harness.js';

interface Example {
  files: Record<string, string>;
  output: string[] | null;
}

/** The code blocks under a doc's "## Fails" or "## Passes": files to lay over the base, and the expected output. */
export function examples(markdown: string): Record<string, Example> {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const sections: Record<string, Example> = {};
  let current: Example | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading' && (node as Heading).depth === 2) {
      const title = (node.children[0] as { value?: string })?.value ?? '';
      current = /^(Fails|Passes)$/.test(title) ? (sections[title] = { files: {}, output: null }) : null;
    } else if (current && node.type === 'code') {
      const code = node as Code;
      const file = /(?:^|\s)file=(\S+)/.exec(code.meta ?? '')?.[1];
      if (file) current.files[file] = `${code.value}\n`;
      else if (/(?:^|\s)output(?:\s|$)/.test(code.meta ?? '')) current.output = code.value.split('\n').filter(Boolean);
    }
  }
  return sections;
}

describe('rule docs are executable', () => {
  for (const rule of RULES) {
    const path = join(REPO, 'docs', 'rules', `${rule.meta.id}.md`);
    it(`${rule.meta.id}: the failing example gives the output shown, the passing one nothing`, () => {
      expect(existsSync(path)).toBe(true);
      const { Fails, Passes } = examples(readFileSync(path, 'utf8'));
      expect(Object.keys(Fails.files).length).toBeGreaterThan(0);
      expect(Fails.output?.length).toBeGreaterThan(0);
      expect(findingsOf(overlay(Fails.files), rule.meta.id)).toEqual(Fails.output);
      expect(Object.keys(Passes.files).length).toBeGreaterThan(0);
      expect(findingsOf(overlay(Passes.files), rule.meta.id)).toEqual([]);
    });
  }
});
