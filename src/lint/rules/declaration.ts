import { defineRule } from '../rule.js';
import { meetingsWithMinutes, samePerson } from '../helpers.js';
import { sameMember } from '../members.js';

export default defineRule(
  {
    id: 'declaration',
    description: 'A declaration of interest is made by someone present, about a minute of the same meeting',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    for (const { meeting, minutes, member } of meetingsWithMinutes(context)) {
      const there = [...minutes.present, ...minutes.inAttendance];
      for (const minute of minutes.minutes) {
        for (const d of minute.declarations) {
          if (!there.some((p) => samePerson(d.name, p.name, member) || sameMember(context.model, d.name, p.name))) {
            context.report(`Unexpected declaration by ${d.name}, who is not listed as present`, d.position, {
              related: { message: 'those present', position: minutes.fields.present ?? minutes.position },
            });
          }
          if (!context.index.minute(meeting, d.minute)) {
            context.report(`Unexpected declaration about Minute ${d.minute}, expected a minute of this meeting`, d.position);
          }
        }
      }
    }
  },
);
