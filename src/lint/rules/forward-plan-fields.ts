import { defineRule } from '../rule.js';
import { englishExecutive } from '../executive.js';

/**
 * What a notice of a key decision must give (SI 2012/2089 reg 9(1)): the matter, the decision maker, the date or
 * period, the documents, how to get them, where to send representations; and for the general exception and special
 * urgency, the reasons (regs 10(4), 11(3)).
 */
export default defineRule(
  {
    id: 'forward-plan-fields',
    description: 'Each key decision in the forward plan gives what the regulations ask a notice to give',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    if (!englishExecutive(context.model)) return;
    for (const committee of context.model.committees) {
      const plan = committee.forwardPlan;
      if (!plan) continue;
      const file = `committees/${committee.id}/forward-plan.yml`;
      const live = plan.entries.filter((e) => e.key && !e.withdrawn);
      const general = [
        !plan.documents && 'documents: (how to get the documents, reg 9(1)(f)-(g))',
        !plan.representations && 'representations: (where to send them, reg 9(1)(h))',
      ].filter(Boolean);
      if (live.length && general.length) {
        context.report(`Unexpected forward plan without ${general.join(' or ')}, expected ${file} to say both once for all its entries`, plan.position);
      }
      const seen = new Set<string>();
      for (const entry of plan.entries) {
        if (seen.has(entry.ref)) context.report(`Unexpected second entry ${entry.ref} in the forward plan, expected each entry's ref: to be its own`, entry.fields.ref ?? entry.position);
        seen.add(entry.ref);
        if (!entry.key || entry.withdrawn) continue;
        const missing = [
          !entry.decisionMaker && 'decisionMaker: (the body, or the member or officer, who takes it)',
          !entry.date && 'date: (the day, or the period, it is to be taken)',
          entry.documents === null && 'documents: (the documents to be considered, or "None")',
          !entry.contact && 'contact: (whom to ask, here or once for the plan)',
          !entry.firstPublished && !entry.exception && 'firstPublished: (the day it first appeared)',
        ].filter(Boolean);
        if (missing.length) {
          context.report(`Unexpected key decision ${entry.ref} in the forward plan without ${missing.join(', ')}, expected each matter a notice must give (reg 9(1))`, entry.position);
        }
        if (entry.private === true) {
          context.report(
            `Unexpected private: true on ${entry.ref}, expected the paragraph of Schedule 12A that allows the decision to be taken in private (such as private: 3), as the notice must give the reasons (reg 5)`,
            entry.fields.private ?? entry.position,
          );
        }
        if (entry.exception && !entry.exception.reasons) {
          const general = entry.exception.route === 'general-exception';
          context.report(
            `Unexpected ${general ? 'general exception' : 'special urgency'} notice for ${entry.ref} without reasons:, expected ${general ? 'why 28 clear days\' notice could not be given (reg 10(4))' : 'why the decision is urgent and cannot reasonably be deferred (reg 11(3))'}`,
            entry.exception.position,
          );
        }
      }
    }
  },
);
