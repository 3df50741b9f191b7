import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/link-target/: fail/ holds each fault with its expected findings, pass/ the same shapes written correctly.
describeRuleFixtures('link-target');

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, overlay } from '../harness.js';

const M = 'committees/panel/2026-03-10';

// Issue 31: links that were accepted with no word, although nothing of them is published.
describe('link-target: links that publish nothing are said', () => {
  it('a link climbing out, a script URL, a folder, a file that is no paper, and an appendix that is a folder', () => {
    const root = overlay({
      [`${M}/agenda.md`]: [
        '---',
        'published: 2026-03-02',
        '---',
        '',
        '1. Report',
        '   [Report](report.md)',
        '   [Passwords](../../../../../etc/passwd)',
        '   [Missing](../../../etc/passwd)',
        '   [Pay here](javascript:alert(1))',
        '   [Annex](annex.md)',
        '   [Sheet](budget.xlsx)',
        '   [Web](https://example.org/) and [mail](mailto:clerk@example.org)',
        '',
      ].join('\n'),
      [`${M}/report.md`]: '---\ntitle: Report\nappendices:\n  - file: annex.md\n    title: Annex\n---\n\nText.\n',
      [`${M}/budget.xlsx`]: 'not a paper\n',
    });
    mkdirSync(join(root, M, 'annex.md'));
    expect(findingsOf(root, 'link-target')).toEqual([
      `${M}/agenda.md:7:4 Unexpected link "../../../../../etc/passwd" to a file outside the content folder, expected a file inside it`,
      `${M}/agenda.md:8:4 Unexpected link to missing file "../../../etc/passwd", expected it at etc/passwd`,
      `${M}/agenda.md:9:4 Unexpected link "javascript:alert(1)", expected a web page (https:), an email address (mailto:) or a paper of the content folder; it is not published`,
      `${M}/agenda.md:10:4 Unexpected link "annex.md" to a folder, expected a paper or PDF file at ${M}/annex.md`,
      `${M}/agenda.md:11:4 Unexpected link "budget.xlsx" to a file that is neither a paper (.md) nor a PDF, expected one of those: it is not published`,
      `${M}/report.md:4:5 Unexpected appendix "annex.md": it is a folder, expected a file at ${M}/annex.md`,
    ]);
  });
});
