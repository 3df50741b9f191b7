import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfUntagged } from '../../../src/parse/pdf-check.js';
import { FIXTURES, SAMPLE } from '../../helpers.js';
import { describeRuleFixtures } from '../harness.js';

// tests/fixtures/rules/pdf-accessible/: fail/ holds an untagged PDF with its expected finding, pass/ a tagged one.
describeRuleFixtures('pdf-accessible');

describe('telling a tagged PDF from an untagged one', () => {
  const tagged = join(SAMPLE, 'committees/resources-scrutiny-panel/2026-01-13/budget-monitoring-q2-appendix-a.pdf');
  const untagged = join(FIXTURES, 'pdf-ua', 'untagged-appendix.pdf');

  it('reads the catalog in plain objects and in compressed object streams alike', async () => {
    for (const useObjectStreams of [false, true]) {
      const resave = async (file: string) => (await PDFDocument.load(readFileSync(file))).save({ useObjectStreams });
      const taggedBytes = await resave(tagged);
      // With object streams, the catalog's names are only in compressed streams.
      if (useObjectStreams) expect(Buffer.from(taggedBytes).toString('latin1')).not.toContain('/StructTreeRoot');
      expect(pdfUntagged(taggedBytes), `tagged, object streams ${useObjectStreams}`).toBe(false);
      expect(pdfUntagged(await resave(untagged)), `untagged, object streams ${useObjectStreams}`).toBe(true);
    }
  });
});
