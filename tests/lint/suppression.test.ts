import { describe, expect, it } from 'vitest';
import { BASE, cli, contentFolder } from '../helpers.js';

const M = 'committees/panel/2026-03-10';
const folder = (report: string) =>
  contentFolder({
    ...BASE,
    [`${M}/agenda.md`]: '---\npublished: 2026-03-02\n---\n\n1. Report\n   [Report](report.md)\n',
    [`${M}/report.md`]: `---\ntitle: Report\n---\n\n${report}`,
  });
const lint = (root: string) => cli(['lint', root, '--format', 'json'], { today: '2026-11-22' });
const messages = (stdout: string) =>
  (JSON.parse(stdout) as { messages: { ruleId: string | null; line: number; severity: number; message: string }[] }[]).flatMap((r) => r.messages);

describe('suppressing one finding with a comment', () => {
  it('a comment naming the rule, with a reason, suppresses its finding on the next line with text', async () => {
    const root = folder('<!-- boardpack-disable-next-line date-weekday -- the paper quotes the wrong date on purpose -->\n\nThe meeting on Friday 10 March 2026 was moved.\n');
    const result = await lint(root);
    expect(messages(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('without the comment the finding is there', async () => {
    const result = await lint(folder('The meeting on Friday 10 March 2026 was moved.\n'));
    expect(messages(result.stdout).map((m) => m.ruleId)).toEqual(['date-weekday']);
  });

  it('a comment naming another rule suppresses nothing, and is itself reported', async () => {
    const root = folder('<!-- boardpack-disable-next-line stated-count -->\nThe meeting on Friday 10 March 2026 was moved.\n');
    const found = messages((await lint(root)).stdout);
    expect(found.map((m) => [m.ruleId, m.line, m.severity])).toEqual([
      [null, 5, 1],
      ['date-weekday', 6, 2],
    ]);
    expect(found[0].message).toBe('Unexpected boardpack-disable-next-line stated-count: nothing on line 6 is reported by that rule, expected the comment removed');
  });

  it('a comment over a line with nothing to suppress is reported', async () => {
    const root = folder('<!-- boardpack-disable-next-line date-weekday -- left over -->\nThe meeting on Tuesday 10 March 2026.\n');
    const found = messages((await lint(root)).stdout);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: null, line: 5, severity: 1 });
  });
});
