import { defineRule } from '../rule.js';
import { meetingsWithMinutes, nearestMember, samePerson } from '../helpers.js';

export default defineRule(
  {
    id: 'attendance-unknown',
    description: 'Names in present and apologies match a member of the committee, unless listed in attendance',
    category: 'attendance',
    severity: 'warning',
  },
  (context) => {
    for (const { committee, minutes: m, member } of meetingsWithMinutes(context)) {
      for (const [list, people] of [['present', m.present], ['apologies', m.apologies]] as const) {
        for (const person of people) {
          if (member(person.name)) continue;
          if (committee.members.some((x) => samePerson(x.name, person.name, member))) continue;
          if (m.inAttendance.some((x) => samePerson(x.name, person.name, member))) continue;
          const near = nearestMember(person.name, committee.members);
          context.report(
            `Unexpected ${person.name} in ${list}, expected a member of ${committee.name} (or list them under inAttendance)${near ? `: did you mean ${near.name}?` : ''}`,
            person.position,
          );
        }
      }
    }
  },
);
