import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/index.js';
import { BASE, cli, contentFolder } from '../helpers.js';

const MEETING = 'committees/panel/2025-03-11';
const AGENDA = `${MEETING}/agenda.md`;

describe('frontmatter is YAML only: nothing in a content file is evaluated', () => {
  for (const word of ['js', 'javascript', 'coffee', 'x', ' json']) {
    it(`"---${word}" is a frontmatter error at line 1, and nothing runs`, async () => {
      const marker = join(contentFolder({}), `ran-${word.trim()}`);
      const code = `{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 'Pwned') }`;
      const root = contentFolder({
        ...BASE,
        [AGENDA]: '1. Report\n   [Report](report.md)\n',
        [`${MEETING}/report.md`]: `---${word}\n${code}\n---\n\nText.\n`,
      });
      const { problems } = parseContent(root);
      expect(problems).toContainEqual({
        code: 'frontmatter',
        severity: 'error',
        message: `Unexpected "---${word}" opening the frontmatter, expected "---" alone on the line: frontmatter is YAML only`,
        position: { file: `${MEETING}/report.md`, line: 1, column: 1 },
      });
      const lint = await cli(['lint', root]);
      expect(lint.code).toBe(1);
      expect(lint.stdout).toContain('frontmatter is YAML only');
      expect(lint.stderr).not.toContain('internal error');
      expect(existsSync(marker)).toBe(false);
    });
  }

  it('"---yaml" and "---" with trailing spaces still open YAML frontmatter', () => {
    const root = contentFolder({
      ...BASE,
      [AGENDA]: '1. Report\n   [Report](report.md)\n   [Other](other.md)\n',
      [`${MEETING}/report.md`]: '---yaml\ntitle: Budget\n---\n\nText.\n',
      [`${MEETING}/other.md`]: '---  \ntitle: Other\n---\n\nText.\n',
    });
    const { model, problems } = parseContent(root);
    expect(problems).toEqual([]);
    expect(model.committees[0].meetings[0].papers.map((p) => p.title)).toEqual(['Other', 'Budget']);
  });
});
