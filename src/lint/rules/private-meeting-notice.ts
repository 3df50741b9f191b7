import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { clearDays, englishExecutive, planEntry } from '../executive.js';

const NONE = /^\s*(none|no representations|nil|n\/a)\b/i;
const plural = (n: number) => `${n} clear ${n === 1 ? 'day' : 'days'}`;

export default defineRule(
  {
    id: 'private-meeting-notice',
    description: 'An executive meeting that takes an item in private gave notice of it 28 clear days and again 5 clear days before',
    category: 'exempt',
    severity: 'error',
  },
  (context) => {
    if (!englishExecutive(context.model)) return;
    for (const committee of context.model.committees) {
      if (!committee.executive) continue;
      for (const meeting of committee.meetings) {
        const agenda = meeting.agenda;
        if (!agenda || meeting.status === 'cancelled') continue;
        const privateItems = agenda.items.filter((i) => i.private);
        if (!privateItems.length) continue;
        const items = privateItems.map((i) => i.number).join(', ');
        const notice = agenda.privateNotice;
        // The forward plan's entry, marked private, is a notice of intention where it names the item's paper.
        const fromPlan = meeting.papers
          .filter((p) => p.forwardPlan && privateItems.some((i) => i.links.some((l) => l.target === p.file)))
          .map((p) => planEntry(committee, p.forwardPlan!.ref))
          .filter((e) => e && e.private !== false && e.firstPublished)
          .map((e) => e!.firstPublished!)
          .sort()[0];
        const intention = notice?.intention ?? fromPlan ?? null;
        const at = notice?.position ?? agenda.position;
        const on = longDate(meeting.date);
        if (!intention) {
          context.report(
            `Unexpected item ${items} in private with no notice of intention, expected privateNotice: with intention: the day the notice that the meeting would be held in private was published, at least 28 clear days before ${on} (reg 5(2)), or a forward plan entry with private:`,
            at,
          );
        } else if (clearDays(intention, meeting.date) < 28) {
          context.report(
            `Unexpected ${plural(clearDays(intention, meeting.date))} between the notice of intention on ${longDate(intention)} and the private meeting on ${on}, expected at least 28 (reg 5(2)), or the agreement of the scrutiny chair that the meeting is urgent (reg 5(6))`,
            at,
          );
        }
        // The further notice: its own day, or the agenda's publication, which says which items are private.
        const final = notice?.final ?? agenda.published;
        if (!final) {
          context.report(`Unexpected item ${items} in private with no further notice, expected privateNotice: with final: the day it was published, at least 5 clear days before ${on} (reg 5(3))`, at);
        } else if (clearDays(final, meeting.date) < 5) {
          context.report(
            `Unexpected ${plural(clearDays(final, meeting.date))} between the further notice on ${longDate(final)} and the private meeting on ${on}, expected at least 5 (reg 5(3))`,
            at,
          );
        }
        if (notice?.representations && !NONE.test(notice.representations) && !notice.response) {
          context.report(
            'Unexpected representations about holding the meeting in private with no response, expected response: the executive\'s response, which the further notice must give (reg 5(4))',
            at,
          );
        }
      }
    }
  },
);
