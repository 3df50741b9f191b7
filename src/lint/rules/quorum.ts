import { defineRule } from '../rule.js';
import { meetingsWithMinutes, samePerson } from '../helpers.js';
import { councilMember, hasDatedSeats, seatedOn } from '../members.js';

export default defineRule(
  {
    id: 'quorum',
    description: 'At least the committee’s quorum of members is present',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    for (const { committee, meeting, minutes: m, member } of meetingsWithMinutes(context)) {
      if (committee.quorum === null || meeting.status !== 'held') continue;
      const model = context.model;
      let count: number;
      let quorum = committee.quorum;
      if (hasDatedSeats(model, committee.id)) {
        // The seats of the meeting's day by the members' files, with committee.yml's members who have no file, and the
        // substitutes sitting in them.
        const seated = seatedOn(model, committee.id, meeting.date);
        const unfiled = committee.members.filter((x) => !councilMember(model, x.name));
        const subs = new Set(m.substitutes.map((s) => councilMember(model, s.name)));
        count = m.present.filter((p) => {
          const known = councilMember(model, p.name);
          return known ? seated.includes(known) || subs.has(known) : unfiled.some((x) => samePerson(x.name, p.name, member));
        }).length;
        // A fraction is of the seats of that day, not of today's list.
        const fraction = committee.quorumRaw && /^(\d+)\s*\/\s*(\d+)$/.exec(committee.quorumRaw);
        if (fraction) quorum = Math.ceil(((seated.length + unfiled.length) * Number(fraction[1])) / Number(fraction[2]));
      } else {
        count = committee.members.filter((x) => m.present.some((p) => samePerson(x.name, p.name, member))).length;
      }
      if (count < quorum) {
        context.report(
          `Unexpected ${count} member${count === 1 ? '' : 's'} present, expected at least the quorum of ${quorum}`,
          m.fields.present ?? m.position,
        );
      }
    }
  },
);
