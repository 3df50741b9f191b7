import { defineRule } from '../rule.js';
import { minuteName } from '../helpers.js';

/** A minute of the budget or the council tax. */
const BUDGET = /\b(?:budget|council tax)\b/i;

export default defineRule(
  {
    id: 'budget-named-votes',
    description: "At a council's budget meeting in England, each vote on the budget or the council tax is recorded by name",
    category: 'records',
    severity: 'error',
  },
  (context) => {
    if (context.model.config.jurisdiction !== 'england') return;
    for (const committee of context.model.committees) {
      if (!committee.fullCouncil) continue;
      for (const meeting of committee.meetings) {
        for (const minute of meeting.minutes?.minutes ?? []) {
          if (!BUDGET.test(minute.title) || minute.resolutions.length === 0) continue;
          if (minute.votes.some((v) => v.for !== null && v.against !== null)) continue;
          context.report(
            `Unexpected ${minuteName(minute)} on the budget without a vote recorded by name, expected the names of the members voting for, against and abstaining ("For: Councillors ...", "Against: ...", "Abstained: ...") after each vote on the budget or the council tax (SI 2014/165)`,
            minute.position,
          );
        }
      }
    }
  },
);
