import { defineRule } from '../rule.js';
import { holidaysIn, weekdayOf } from '../../dates/calendar.js';
import { longDate, meetingPosition } from '../helpers.js';

export default defineRule(
  {
    id: 'meeting-date',
    description: 'A meeting’s own date and status agree: not on a Sunday or bank holiday, not held before it happens, published when scheduled',
    category: 'dates',
    severity: 'warning',
  },
  (context) => {
    const { holidays } = context.model.config;
    for (const meeting of context.model.committees.flatMap((c) => c.meetings)) {
      if (meeting.status === 'cancelled' || meeting.status === 'postponed') continue;
      const where = meeting.agenda?.fields.status ?? meetingPosition(meeting);
      const holiday = holidaysIn(holidays, Number(meeting.date.slice(0, 4))).has(meeting.date);
      if (weekdayOf(meeting.date) === 'Sunday' || holiday) {
        context.report(`Unexpected meeting on ${longDate(meeting.date)}, ${holiday ? 'a bank holiday' : 'a Sunday'}, expected a day the council meets`, meetingPosition(meeting));
      }
      if (meeting.status === 'held' && meeting.date > context.asOf) {
        context.report(`Unexpected status "held" for the meeting of ${longDate(meeting.date)}, which is still to come (as of ${longDate(context.asOf)}), expected "scheduled"`, where, {
          severity: 'error',
        });
      }
      if (meeting.status === 'scheduled' && meeting.agenda && !meeting.agenda.published && meeting.date >= context.asOf) {
        context.report(`Unexpected agenda with no "published:" date for the meeting of ${longDate(meeting.date)}, expected the day it is (or will be) published`, meeting.agenda.position);
      }
    }
  },
);
