import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { daysBetween } from '../../dates/calendar.js';

/** Clear days between two days: the calendar days after the first and before the second (SI 2012/2089 reg 2). */
const clearDays = (from: string, to: string) => daysBetween(from, to) - 1;

export default defineRule(
  {
    id: 'key-decision-notice',
    description: 'A key decision taken by the executive was on the forward plan 28 clear days before, or came by the general exception or special urgency',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    const { jurisdiction, governance } = context.model.config;
    // The 28-day rule is England's (SI 2012/2089), for councils with executive arrangements.
    if (jurisdiction !== 'england' || governance !== 'executive') return;
    for (const committee of context.model.committees) {
      if (!committee.executive) continue;
      for (const meeting of committee.meetings) {
        if (meeting.status === 'cancelled') continue;
        for (const paper of meeting.papers) {
          if (!paper.keyDecision) continue;
          const notice = paper.keyDecisionNotice;
          const on = longDate(meeting.date);
          if (!notice) {
            context.report(
              `Unexpected key decision with no notice, expected keyDecisionNotice: with the day the forward plan first gave it (published: at least 28 clear days before ${on}), or the general exception or special urgency route`,
              paper.fields.keyDecision ?? paper.position,
            );
            continue;
          }
          const days = clearDays(notice.published, meeting.date);
          if (notice.route === 'forward-plan' && days < 28) {
            context.report(
              `Unexpected ${days} clear days between the forward plan's notice on ${longDate(notice.published)} and the decision on ${on}, expected at least 28 (reg 9), or route: general-exception (the scrutiny chair told in writing, 5 clear days) or special-urgency (the scrutiny chair's agreement)`,
              notice.position,
            );
          } else if (notice.route === 'general-exception') {
            if (days < 5) {
              context.report(
                `Unexpected ${days} clear days between the general exception notice on ${longDate(notice.published)} and the decision on ${on}, expected at least 5 (reg 10), or route: special-urgency`,
                notice.position,
              );
            }
            if (!notice.scrutinyChair || notice.scrutinyChair > notice.published) {
              context.report(
                `Unexpected general exception ${notice.scrutinyChair ? `with the scrutiny chair told on ${longDate(notice.scrutinyChair)}, after the notice` : 'without the day the scrutiny chair was told'}, expected scrutinyChair: the day the chair of the overview and scrutiny committee was told in writing, on or before the notice (reg 10)`,
                notice.position,
              );
            }
          } else if (notice.route === 'special-urgency' && !notice.agreedBy) {
            context.report(
              'Unexpected special urgency without who agreed it, expected agreedBy: the chair of the overview and scrutiny committee (or, failing them, the chair or vice-chair of the council) who agreed the decision could not reasonably be deferred (reg 11)',
              notice.position,
            );
          }
        }
      }
    }
  },
);
