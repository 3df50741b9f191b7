import { defineRule } from '../rule.js';
import { reportParseProblems } from '../helpers.js';

// PDFs are looked at while the content is read (src/parse/pdf-check.ts); this rule reports the untagged ones, so
// its severity can be set like any other. A pack merges such a PDF with each page marked as one figure.
export default defineRule(
  {
    id: 'pdf-accessible',
    description: 'A ready-made PDF in a meeting folder is tagged, so screen readers can follow it in the pack',
    category: 'text',
    severity: 'warning',
  },
  reportParseProblems,
);
