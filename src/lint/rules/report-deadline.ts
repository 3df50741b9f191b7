import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { fromDate, latestPublication } from '../../dates/calendar.js';
import { TZDate } from '@date-fns/tz';

export default defineRule(
  {
    id: 'report-deadline',
    description: 'A report reaches the clerk by the committee’s submission deadline (submissionDays: working days before the meeting), or says why not',
    category: 'dates',
    severity: 'warning',
  },
  (context) => {
    const { holidays } = context.model.config;
    const { timezone } = context.model.config;
    for (const committee of context.model.committees) {
      if (committee.submissionDays === null) continue;
      for (const meeting of committee.meetings) {
        // The last day a report may arrive: the working day before the last N clear working days before the meeting.
        const deadline = latestPublication(meeting.date, committee.submissionDays, holidays, 'mon-fri');
        for (const paper of meeting.papers) {
          if (paper.lateReason) continue;
          // Stated, or else (with --submitted-from-git) the day, in the council's time zone, it was first committed.
          const committed = paper.submitted ? null : context.firstCommitted(paper.position.file);
          const submitted = paper.submitted ?? (committed ? fromDate(new TZDate(Date.parse(committed), timezone)) : null);
          if (!submitted || submitted <= deadline) continue;
          const when = paper.submitted ? `submitted on ${longDate(submitted)}` : `first committed on ${longDate(submitted)} (it gives no submitted: day)`;
          context.report(
            `Unexpected report ${when}, after the deadline of ${longDate(deadline)} (${committee.submissionDays} working days before the meeting), expected it by then, or lateReason: saying why it is late`,
            paper.fields.submitted ?? paper.position,
          );
        }
      }
    }
  },
);
