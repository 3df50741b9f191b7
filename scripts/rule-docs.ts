/**
 * Rewrites the "## Fails" and "## Passes" sections of docs/rules/<id>.md from
 * the rule's fixtures (tests/fixtures/rules/<id>/), so the docs show what the
 * tests run. Usage: npx tsx scripts/rule-docs.ts <rule-id>... (or --all).
 * tests/lint/docs.test.ts then checks the page against the linter.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/lint/rules/index.js';
import { RULE_FIXTURES, readTree } from '../tests/lint/harness.js';

const fence = (file: string, text: string) => {
  const lang = /\.ya?ml$/.test(file) ? 'yaml' : /\.pdf$/.test(file) ? 'pdf' : 'markdown';
  return `\`\`\`${lang} file=${file}\n${text.replace(/\n+$/, '')}\n\`\`\``;
};

function sections(id: string): string {
  const fail = readTree(join(RULE_FIXTURES, id, 'fail'), ['expected.txt']);
  const pass = readTree(join(RULE_FIXTURES, id, 'pass'));
  const expected = readFileSync(join(RULE_FIXTURES, id, 'fail', 'expected.txt'), 'utf8').trim();
  const files = (tree: Record<string, string>) =>
    Object.keys(tree)
      .sort((a, b) => Number(!/\.ya?ml$/.test(a)) - Number(!/\.ya?ml$/.test(b)) || a.localeCompare(b))
      .map((f) => fence(f, tree[f]))
      .join('\n\n');
  return `## Fails\n\n${files(fail)}\n\n\`boardpack lint\` reports:\n\n\`\`\`text output\n${expected}\n\`\`\`\n\n## Passes\n\n${files(pass)}\n\n`;
}

const configuring = (id: string) => `## Configuring

In \`boardpack.yml\`:

\`\`\`yaml
rules:
  ${id}: warn   # off | warn | error
\`\`\`

or for one run: \`boardpack lint --rule ${id}=off\`.

The examples are laid over a small organisation (an Audit Panel of four
members, quorum 3, in England) kept in \`tests/fixtures/rules/_base/\`; they run
in the test suite, so what this page shows is what boardpack does.
`;

const ids = process.argv.includes('--all') ? RULES.map((r) => r.meta.id) : process.argv.slice(2);
for (const id of ids) {
  const path = join('docs', 'rules', `${id}.md`);
  const page = readFileSync(path, 'utf8');
  const start = page.indexOf('## Fails\n');
  if (start < 0) throw new Error(`${path}: no "## Fails" section to rewrite`);
  const end = page.indexOf('## Configuring\n');
  const rest = end > start ? page.slice(end) : configuring(id);
  writeFileSync(path, page.slice(0, start) + sections(id) + rest);
  console.log(`rewrote ${path}`);
}
