import { defineRule } from '../rule.js';
import { meetingsWithMinutes, samePerson } from '../helpers.js';

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
      const members = committee.members.filter((x) => m.present.some((p) => samePerson(x.name, p.name, member)));
      if (members.length < committee.quorum) {
        context.report(
          `Unexpected ${members.length} member${members.length === 1 ? '' : 's'} present, expected at least the quorum of ${committee.quorum}`,
          m.fields.present ?? m.position,
        );
      }
    }
  },
);
