import { defineRule } from '../rule.js';
import { meetingsWithMinutes, samePerson } from '../helpers.js';
import type { Person } from '../../model/types.js';

export default defineRule(
  {
    id: 'attendance-conflict',
    description: 'Nobody is listed in more than one of present, apologies and absent',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    for (const { minutes: m, member } of meetingsWithMinutes(context)) {
      const lists: [string, Person[]][] = [['present', m.present], ['apologies', m.apologies], ['absent', m.absent]];
      const seen: { list: string; person: Person }[] = [];
      for (const [list, people] of lists) {
        for (const person of people) {
          const earlier = seen.find((s) => s.list !== list && samePerson(s.person.name, person.name, member));
          if (earlier) {
            context.report(`Unexpected ${person.name} in ${list}, already listed in ${earlier.list}`, person.position, {
              related: { message: `listed in ${earlier.list} here`, position: earlier.person.position },
            });
          }
          seen.push({ list, person });
        }
      }
    }
  },
);
