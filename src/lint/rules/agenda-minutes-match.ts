import { defineRule } from '../rule.js';
import { minuteName } from '../helpers.js';
import { sameBusiness } from '../../parse/business.js';
import { minutesStatements } from '../../parse/approvals.js';

export default defineRule(
  {
    id: 'agenda-minutes-match',
    description: 'Each item on a held meeting’s agenda has a minute of matching title, in the agenda’s order',
    category: 'records',
    severity: 'warning',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        if (meeting.status !== 'held' || !meeting.agenda || !meeting.minutes) continue;
        const minutes = meeting.minutes.minutes;
        let lastIndex = -1;
        for (const item of meeting.agenda.items) {
          const index = minutes.findIndex((m) => sameBusiness(item.title, m.title));
          // Approval written as a sentence ("The minutes of 5 August were approved") before the first minute or in a table.
          if (index < 0 && item.kind === 'previous-minutes' && minutesStatements(meeting).length > 0) continue;
          if (index < 0) {
            context.report(`Unexpected agenda item ${item.number} "${item.title}" with no minute, expected a minute of matching title`, item.position);
            continue;
          }
          if (index < lastIndex) {
            context.report(
              `Unexpected ${minuteName(minutes[index])} before ${minuteName(minutes[lastIndex])}, expected the agenda's order`,
              minutes[index].position,
              { related: { message: `agenda item ${item.number}`, position: item.position } },
            );
          }
          lastIndex = Math.max(lastIndex, index);
        }
      }
    }
  },
);
