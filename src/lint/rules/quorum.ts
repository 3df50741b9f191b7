import { defineRule } from '../rule.js';
import { quorumFraction, quorumOfSeats } from '../../model/quorum.js';
import { meetingsWithMinutes, samePerson } from '../helpers.js';
import { councilMember, hasDatedSeats, seatedOn } from '../members.js';
import { whoWasThere } from '../../parse/movements.js';

export default defineRule(
  {
    id: 'quorum',
    description: 'At least the committee’s quorum of members is present, at the start and at every resolution',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    for (const { committee, meeting, minutes: m, member } of meetingsWithMinutes(context)) {
      if (committee.quorum === null || meeting.status !== 'held') continue;
      const model = context.model;
      let counts: (names: readonly string[]) => number;
      let quorum = committee.quorum;
      if (hasDatedSeats(model, committee.id)) {
        // The seats of the meeting's day by the members' files, with committee.yml's members who have no file, and the
        // substitutes sitting in them.
        const seated = seatedOn(model, committee.id, meeting.date);
        const unfiled = committee.members.filter((x) => !councilMember(model, x.name));
        const subs = new Set(m.substitutes.map((s) => councilMember(model, s.name)));
        counts = (names) =>
          names.filter((name) => {
            const known = councilMember(model, name);
            return known ? seated.includes(known) || subs.has(known) : unfiled.some((x) => samePerson(x.name, name, member));
          }).length;
        // A fraction is of the seats of that day, not of today's list.
        const fraction = quorumFraction(committee.quorumRaw);
        if (fraction) quorum = quorumOfSeats(fraction, seated.length + unfiled.length) ?? quorum;
      } else {
        counts = (names) => committee.members.filter((x) => names.some((p) => samePerson(x.name, p, member))).length;
      }
      const present = m.present.map((p) => p.name);
      const count = counts(present);
      if (count < quorum) {
        context.report(
          `Unexpected ${count} member${count === 1 ? '' : 's'} present, expected at least the quorum of ${quorum}`,
          m.fields.present ?? m.position,
        );
        continue;
      }
      // Each resolution with who was there for it: late arrivals, departures, and those out of the room for the item.
      if (m.movements.length === 0) continue;
      const atEach = whoWasThere(present, m.movements, m.minutes.length, (a, b) => samePerson(a, b, member));
      m.minutes.forEach((minute, index) => {
        if (minute.resolutions.length === 0) return;
        const there = atEach[index];
        const n = counts(there);
        if (n >= quorum) return;
        const away = present.filter((p) => !there.includes(p));
        context.report(
          `Unexpected ${n} member${n === 1 ? '' : 's'} present for the resolution of minute ${minute.number?.raw ?? `"${minute.title}"`} (${away.join(', ')} not there for it), expected at least the quorum of ${quorum}`,
          minute.resolutions[0].position,
        );
      });
    }
  },
);
