import { defineRule } from '../rule.js';
import { longDate, meetingsWithMinutes, samePerson } from '../helpers.js';
import { councilMember, hasDatedSeats, seatOn } from '../members.js';

export default defineRule(
  {
    id: 'substitute-valid',
    description: 'A substitute sits in the place of a member of the committee who is not there, and is of their group where the council says so',
    category: 'attendance',
    severity: 'error',
  },
  (context) => {
    const model = context.model;
    for (const { committee, meeting, minutes, member } of meetingsWithMinutes(context)) {
      if (meeting.status === 'cancelled') continue;
      const dated = hasDatedSeats(model, committee.id);
      const on = longDate(meeting.date);
      for (const sub of minutes.substitutes) {
        const absent = councilMember(model, sub.for);
        const seated = dated ? absent !== undefined && seatOn(absent, committee.id, meeting.date) !== undefined : member(sub.for) !== undefined;
        if (!seated) {
          context.report(`Unexpected substitute for ${sub.for}, who was not a member of ${committee.name} on ${on}, expected a substitute to sit in the place of a member of the committee`, sub.position);
          continue;
        }
        if (minutes.present.some((p) => samePerson(p.name, sub.for, member))) {
          context.report(`Unexpected substitute for ${sub.for}, who is recorded present, expected a substitute only in the place of a member who is not there`, sub.position);
        }
        const sitting = councilMember(model, sub.name);
        if (sitting && dated && seatOn(sitting, committee.id, meeting.date)) {
          context.report(`Unexpected ${sub.name} as a substitute, who is a member of ${committee.name} already, expected a member who does not sit on it`, sub.position);
        }
        if (model.config.substitutesSameGroup && sitting && absent && sitting.group !== absent.group) {
          context.report(
            `Unexpected ${sub.name} (${sitting.group ?? 'no group'}) as a substitute for ${sub.for} (${absent.group ?? 'no group'}), expected a member of the same group, as boardpack.yml says (substitutesSameGroup: true)`,
            sub.position,
          );
        }
        if (!minutes.present.some((p) => samePerson(p.name, sub.name, member))) {
          context.report(`Unexpected substitute ${sub.name} not recorded present, expected them under present: as well`, sub.position);
        }
      }
    }
  },
);
