import { defineRule } from '../rule.js';
import type { Recommendation } from '../../model/types.js';

export default defineRule(
  {
    id: 'register-decision',
    description: 'Every recommendation has a decision; accepted ones an owner and date, deferred ones a date to return',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const check = (written: Recommendation) => {
      // A bare number ("1", as response schedules number them) reads as "recommendation 1".
      const rec = /^\d/.test(written.ref) ? { ...written, ref: `recommendation ${written.ref}` } : written;
      const where = rec.cells.decision ?? rec.position;
      if (!rec.decisionRaw) {
        context.report(`Unexpected empty decision for ${rec.ref}, expected Accepted, Rejected, Deferred or Noted`, where);
        return;
      }
      if (!rec.decision) {
        context.report(`Unexpected decision "${rec.decisionRaw}" for ${rec.ref}, expected Accepted, Rejected, Deferred or Noted`, where);
        return;
      }
      const dated = rec.actionBy.kind === 'date' || rec.actionBy.kind === 'month';
      if (rec.decision === 'accepted') {
        if (!rec.owner) context.report(`Unexpected accepted ${rec.ref} with no owner, expected who will carry it out`, rec.cells.owner ?? where, { severity: 'warning' });
        if (!dated) context.report(`Unexpected accepted ${rec.ref} with no date, expected when it will be done`, rec.cells.actionBy ?? where, { severity: 'warning' });
      }
      if (rec.decision === 'deferred' && !dated) {
        context.report(`Unexpected deferred ${rec.ref} with no date, expected when it will return`, rec.cells.actionBy ?? where, { severity: 'warning' });
      }
    };
    for (const register of context.model.registers) register.recommendations.forEach(check);
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) for (const paper of meeting.papers) {
          paper.responses.forEach(check);
          for (const appendix of paper.appendices) appendix.responses.forEach(check);
        }
    }
  },
);
