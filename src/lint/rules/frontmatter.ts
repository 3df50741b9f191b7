import { defineRule } from '../rule.js';
import { reportParseProblems } from '../helpers.js';

// The schema is checked while the content is read (src/parse/schemas.ts); this
// rule reports what that found, so its severity can be set like any other.
export default defineRule(
  {
    id: 'frontmatter',
    description: 'Frontmatter and YAML must match the schema: no broken YAML, wrong types, missing or unknown keys',
    category: 'text',
    severity: 'error',
  },
  reportParseProblems,
);
