import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { latestPublication } from '../../dates/calendar.js';

export default defineRule(
  {
    id: 'report-deadline',
    description: 'A report reaches the clerk by the committee’s submission deadline (submissionDays: working days before the meeting), or says why not',
    category: 'dates',
    severity: 'warning',
  },
  (context) => {
    const { holidays } = context.model.config;
    for (const committee of context.model.committees) {
      if (committee.submissionDays === null) continue;
      for (const meeting of committee.meetings) {
        // The last day a report may arrive: the working day before the last N clear working days before the meeting.
        const deadline = latestPublication(meeting.date, committee.submissionDays, holidays, 'mon-fri');
        for (const paper of meeting.papers) {
          if (!paper.submitted || paper.submitted <= deadline || paper.lateReason) continue;
          context.report(
            `Unexpected report submitted on ${longDate(paper.submitted)}, after the deadline of ${longDate(deadline)} (${committee.submissionDays} working days before the meeting), expected it by then, or lateReason: saying why it is late`,
            paper.fields.submitted ?? paper.position,
          );
        }
      }
    }
  },
);
