import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'strand-numbering',
    description: 'Plan strands are numbered 1..n, and each file’s prefix agrees with its number',
    category: 'numbering',
    severity: 'error',
  },
  (context) => {
    for (const plan of context.model.plans) {
      let expected = 1;
      for (const strand of plan.strands) {
        const where = strand.fields.number ?? strand.position;
        if (strand.number !== expected) {
          context.report(`Unexpected strand number ${strand.number}, expected ${expected}`, where);
        }
        if (strand.filePrefix !== null && strand.filePrefix !== strand.number) {
          context.report(
            `Unexpected file prefix ${String(strand.filePrefix).padStart(2, '0')} for strand ${strand.number}, expected ${String(strand.number).padStart(2, '0')}`,
            where,
          );
        }
        expected = strand.number + 1;
      }
    }
  },
);
