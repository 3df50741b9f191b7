import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContent, toJson } from '../../src/index.js';
import { FIXTURES } from '../helpers.js';

// Each fixture's whole model is compared with its golden file. To regenerate
// after an intended change: `npm run test:update`, then review the diff.
const MODEL_FIXTURES = join(FIXTURES, 'model');

describe('golden models', () => {
  for (const name of readdirSync(MODEL_FIXTURES).sort()) {
    it(`parses ${name} into the recorded model`, async () => {
      const { model, problems } = parseContent(join(MODEL_FIXTURES, name, 'content'));
      await expect(toJson(model)).toMatchFileSnapshot(join(MODEL_FIXTURES, name, 'expected.json'));
      await expect(`${JSON.stringify(problems, null, 2)}\n`).toMatchFileSnapshot(
        join(MODEL_FIXTURES, name, 'expected-problems.json'),
      );
    });
  }
});
