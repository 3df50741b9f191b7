import { defineRule } from '../rule.js';
import { meetingsWithMinutes, samePerson } from '../helpers.js';
import { sameMember } from '../members.js';

export default defineRule(
  {
    id: 'chair-present',
    description: 'The person named as chair of the meeting is among those present',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    for (const { minutes: m, member } of meetingsWithMinutes(context)) {
      if (m.chair && !m.present.some((p) => samePerson(m.chair!.name, p.name, member) || sameMember(context.model, m.chair!.name, p.name))) {
        context.report(`Unexpected chair ${m.chair.name}, who is not listed as present`, m.chair.position, {
          related: { message: 'those present', position: m.fields.present ?? m.position },
        });
      }
    }
  },
);
