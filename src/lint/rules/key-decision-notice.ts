import { defineRule, type RuleContext } from '../rule.js';
import { longDate } from '../helpers.js';
import { clearDays, englishExecutive, noticeOfEntry, noticeOfPaper, planEntry, type KeyNotice } from '../executive.js';
import type { Committee, Position } from '../../model/types.js';

/** Whether a key decision taken on `day` had the notice the law asks; `what` names it in the message. */
function checkNotice(context: RuleContext, notice: KeyNotice, day: string) {
  const on = longDate(day);
  const days = clearDays(notice.published, day);
  if (notice.route === 'forward-plan' && days < 28) {
    context.report(
      `Unexpected ${days} clear ${days === 1 ? 'day' : 'days'} between the forward plan's notice on ${longDate(notice.published)} and the decision on ${on}, expected at least 28 (reg 9), or the general exception (the scrutiny chair told in writing, 5 clear days) or special urgency (the scrutiny chair's agreement)`,
      notice.position,
    );
  } else if (notice.route === 'general-exception') {
    if (days < 5) {
      context.report(
        `Unexpected ${days} clear ${days === 1 ? 'day' : 'days'} between the general exception notice on ${longDate(notice.published)} and the decision on ${on}, expected at least 5 (reg 10), or special urgency`,
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

/** The notice of a key decision that names a plan entry: the entry's, or null (reported) when the ref is not in the plan. */
function entryNotice(context: RuleContext, committee: Committee, ref: string, at: Position, day: string): KeyNotice | null | 'reported' {
  const entry = planEntry(committee, ref);
  if (!entry) {
    context.report(
      `Unexpected forwardPlan: ${ref}, expected the ref of an entry in committees/${committee.id}/forward-plan.yml${committee.forwardPlan ? '' : ' (there is no such file)'}`,
      at,
    );
    return 'reported';
  }
  if (!entry.key) {
    context.report(
      `Unexpected key decision on ${longDate(day)} whose forward plan entry ${ref} says key: false, expected the plan to give it as a key decision, so that the public had notice of it (reg 9)`,
      entry.fields.key ?? entry.position,
    );
    return 'reported';
  }
  return noticeOfEntry(entry);
}

export default defineRule(
  {
    id: 'key-decision-notice',
    description: 'A key decision taken by the executive was on the forward plan 28 clear days before, or came by the general exception or special urgency',
    category: 'dates',
    severity: 'error',
  },
  (context) => {
    // The 28-day rule is England's (SI 2012/2089), for councils with executive arrangements.
    if (!englishExecutive(context.model)) return;
    for (const committee of context.model.committees) {
      if (!committee.executive) continue;
      for (const meeting of committee.meetings) {
        if (meeting.status === 'cancelled') continue;
        for (const paper of meeting.papers) {
          if (!paper.keyDecision) continue;
          const notice = paper.forwardPlan
            ? entryNotice(context, committee, paper.forwardPlan.ref, paper.forwardPlan.position, meeting.date)
            : noticeOfPaper(paper);
          if (notice === 'reported') continue;
          if (!notice) {
            context.report(
              `Unexpected key decision with no notice, expected forwardPlan: the ref of its entry in the forward plan (first published at least 28 clear days before ${longDate(meeting.date)}), or keyDecisionNotice: with the day and the route (forward plan, general exception or special urgency)`,
              paper.fields.keyDecision ?? paper.position,
            );
            continue;
          }
          checkNotice(context, notice, meeting.date);
        }
      }
      // Key decisions taken outside a meeting: by a member of the executive alone, or an officer under delegation.
      for (const record of committee.decisions) {
        if (!record.key || record.meeting) continue;
        if (!record.forwardPlan) {
          context.report(
            `Unexpected key decision "${record.title}" with no forward plan entry, expected forwardPlan: the ref of its entry, first published at least 28 clear days before ${longDate(record.date)} (or with its general exception or special urgency notice)`,
            record.fields.key ?? record.position,
          );
          continue;
        }
        const notice = entryNotice(context, committee, record.forwardPlan, record.fields.forwardPlan ?? record.position, record.date);
        if (notice === 'reported') continue;
        if (!notice) {
          context.report(
            `Unexpected forward plan entry ${record.forwardPlan} with no firstPublished: and no exception:, expected the day it first appeared in the plan, at least 28 clear days before the decision on ${longDate(record.date)}`,
            planEntry(committee, record.forwardPlan)!.position,
          );
          continue;
        }
        checkNotice(context, notice, record.date);
      }
    }
  },
);
