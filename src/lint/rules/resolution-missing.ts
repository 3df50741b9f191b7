import { defineRule } from '../rule.js';
import { minuteName } from '../helpers.js';
import { sameBusiness } from '../../parse/business.js';

export default defineRule(
  {
    id: 'resolution-missing',
    description: 'A minute for an agenda item that had papers records a resolution',
    category: 'records',
    severity: 'warning',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        if (!meeting.agenda || !meeting.minutes) continue;
        for (const item of meeting.agenda.items) {
          if (!item.links.some((l) => l.kind === 'paper' || l.kind === 'attachment')) continue;
          const minute = meeting.minutes.minutes.find((m) => sameBusiness(item.title, m.title));
          if (minute && minute.resolutions.length === 0) {
            context.report(
              `Unexpected ${minuteName(minute)} with no resolution, expected one for item ${item.number}, which had papers`,
              minute.position,
              { related: { message: `agenda item ${item.number}`, position: item.position } },
            );
          }
        }
      }
    }
  },
);
