import { defineRule } from '../rule.js';

export default defineRule(
  {
    id: 'plan-coverage',
    description: 'Strands address references that a register holds, and a plan’s registers have every recommendation addressed',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const addressed = new Set<string>();
    for (const plan of context.model.plans) {
      for (const strand of plan.strands) {
        for (const a of strand.addresses) {
          addressed.add(a.ref);
          if (!context.index.registerRefs.has(a.ref)) {
            context.report(`Unexpected reference ${a.ref} in strand ${strand.number}, expected a recommendation that a register holds`, a.position);
          }
        }
      }
    }
    for (const register of context.model.registers) {
      // A register no plan answers at all is not this rule's business.
      if (!register.recommendations.some((r) => addressed.has(r.ref))) continue;
      for (const rec of register.recommendations) {
        if (rec.decision === 'rejected' || addressed.has(rec.ref)) continue;
        context.report(`Unexpected ${rec.ref} that no plan strand addresses, expected a strand listing it under "addresses"`, rec.cells.ref ?? rec.position, {
          severity: 'warning',
        });
      }
    }
  },
);
