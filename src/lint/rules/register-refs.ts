import { defineRule } from '../rule.js';
import type { Recommendation } from '../../model/types.js';

export default defineRule(
  {
    id: 'register-refs',
    description: 'Register references are unique and run in sequence within their prefix',
    category: 'numbering',
    severity: 'error',
  },
  (context) => {
    const check = (recommendations: Recommendation[]) => {
      const seen = new Map<string, Recommendation>();
      const last = new Map<string, number>();
      for (const rec of recommendations) {
        const where = rec.cells.ref ?? rec.position;
        const first = seen.get(rec.ref);
        if (first) {
          context.report(`Unexpected reference ${rec.ref} again`, where, {
            related: { message: `${rec.ref} is first used here`, position: first.cells.ref ?? first.position },
          });
          continue;
        }
        seen.set(rec.ref, rec);
        const m = /^([A-Za-z]*)\s*(\d+)$/.exec(rec.ref);
        if (!m) continue; // a reference such as "3(a)" carries no sequence we can check
        const [, prefix, n] = m;
        const expected = (last.get(prefix) ?? 0) + 1;
        if (Number(n) !== expected) {
          context.report(`Unexpected reference ${rec.ref}, expected ${prefix}${expected}`, where);
        }
        last.set(prefix, Number(n));
      }
    };
    for (const register of context.model.registers) check(register.recommendations);
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) for (const paper of meeting.papers) {
          check(paper.responses);
          for (const appendix of paper.appendices) check(appendix.responses);
        }
    }
  },
);
