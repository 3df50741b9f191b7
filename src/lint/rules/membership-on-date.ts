import { defineRule } from '../rule.js';
import { longDate, meetingsWithMinutes } from '../helpers.js';
import { councilMember, hasDatedSeats, seatOn } from '../members.js';

export default defineRule(
  {
    id: 'membership-on-date',
    description: 'Everyone recorded present as a member sat on the committee that day, or was a named substitute',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    const model = context.model;
    for (const { committee, meeting, minutes } of meetingsWithMinutes(context)) {
      // Only where the members' files record the committee's seats with their dates.
      if (meeting.status === 'cancelled' || !hasDatedSeats(model, committee.id)) continue;
      const substitutes = new Set(minutes.substitutes.map((s) => councilMember(model, s.name)).filter(Boolean));
      for (const person of minutes.present) {
        const member = councilMember(model, person.name);
        if (!member || substitutes.has(member) || seatOn(member, committee.id, meeting.date)) continue;
        const seats = member.memberships.filter((s) => s.committee === committee.id);
        const when = seats.length
          ? `their seat ran ${seats.map((s) => `from ${longDate(s.from)}${s.to ? ` to ${longDate(s.to)}` : ''}`).join(', and ')}`
          : `members/${member.id}.yml gives them no seat on it`;
        context.report(
          `Unexpected ${person.name} present as a member of ${committee.name} on ${longDate(meeting.date)}, who did not sit on it that day (${when}), expected a member on that day, a substitute under substitutes: ("${person.name} for ..."), or inAttendance:`,
          person.position,
        );
      }
    }
  },
);
