import { defineRule } from '../rule.js';
import { meetingsWithMinutes, nearestMember, samePerson } from '../helpers.js';
import { councilMember, hasDatedSeats, seatOn } from '../members.js';

export default defineRule(
  {
    id: 'attendance-unknown',
    description: 'Names in present and apologies match a member of the committee, unless listed in attendance',
    category: 'attendance',
    severity: 'warning',
  },
  (context) => {
    for (const { committee, meeting, minutes: m, member } of meetingsWithMinutes(context)) {
      // Where the members' files date the committee's seats, a name is held to the seats of the meeting's day (membership-on-date).
      const dated = hasDatedSeats(context.model, committee.id);
      for (const [list, people] of [['present', m.present], ['apologies', m.apologies]] as const) {
        for (const person of people) {
          if (member(person.name)) continue;
          const known = councilMember(context.model, person.name);
          if (known && dated && (seatOn(known, committee.id, meeting.date) || list === 'present')) continue;
          if (m.substitutes.some((s) => samePerson(s.name, person.name, member))) continue;
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
