import { defineRule } from '../rule.js';
import { samePerson } from '../helpers.js';

export default defineRule(
  {
    id: 'chair-present',
    description: 'The person named as chair of the meeting is among those present',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    for (const committee of context.model.committees) {
      const member = (name: string) => context.index.member(committee.id, name);
      for (const meeting of committee.meetings) {
        const m = meeting.minutes;
        if (!m?.chair) continue;
        if (!m.present.some((p) => samePerson(m.chair!.name, p.name, member))) {
          context.report(`Unexpected chair ${m.chair.name}, who is not listed as present`, m.chair.position, {
            related: { message: 'those present', position: m.fields.present ?? m.position },
          });
        }
      }
    }
  },
);
