import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayHoldAutolink, parseGfm, parseMarkdown } from '../../src/parse/markdown.js';

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const EVERY_CONSTRUCT = `# Heading

A paragraph with *emphasis*, **strong**, \`code\`, ~~struck~~ and a footnote.[^1]

| Ref | Recommendation | Response |
|-----|:--------------:|---------:|
| R1  | Do the thing   | Agreed   |

- [ ] an open task
- [x] a done one

1. First
2. Second

> A quote with a [link](report.md) and <b>html</b>.

[^1]: The footnote itself.
`;

describe('parsing without the literal-autolink search', () => {
  it('gives the very tree full GFM gives, for every file with nothing that could start an autolink', () => {
    const files = [...markdownUnder('content'), ...markdownUnder('tests/fixtures')];
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (mayHoldAutolink(text)) continue;
      expect(parseGfm(text, false), file).toEqual(parseGfm(text, true));
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
    expect(parseGfm(EVERY_CONSTRUCT, false)).toEqual(parseGfm(EVERY_CONSTRUCT, true));
  });

  it('still finds bare addresses, web and e-mail, wherever one could be', () => {
    for (const text of [
      'See www.wyndmoor.example.gov.uk for details.',
      'See https://wyndmoor.example.gov.uk/papers for details.',
      'Write to clerk@wyndmoor.example.gov.uk.',
      'Write to clerk&#64;wyndmoor.example.gov.uk.',
      'Visit HTTP://WYNDMOOR.EXAMPLE.GOV.UK today.',
    ]) {
      expect(mayHoldAutolink(text), text).toBe(true);
      const tree = parseMarkdown(text);
      expect(JSON.stringify(tree), text).toContain('"type":"link"');
      // The control: without the search these stay plain text, so the check above can fail.
      expect(JSON.stringify(parseGfm(text, false)), text).not.toContain('"type":"link"');
    }
  });
});
