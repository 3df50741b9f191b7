import type { CouncilMember } from '../../model/types.js';
import { addMonthsIso } from '../../dates/calendar.js';
import { defineRule } from '../rule.js';
import { longDate } from '../helpers.js';
import { councilMember, seatOn } from '../members.js';
import type { Attended } from '../attendance.js';

/** The law that ends a member's term after six months' absence, by jurisdiction. */
const LAW: Record<string, string> = {
  england: 's.85 LGA 1972',
  wales: 's.85 LGA 1972',
  scotland: 's.35 LG(S)A 1973',
};

/**
 * s.85 LGA 1972 (s.35 in Scotland): a member who attends no meeting of the
 * authority, its committees or its executive for six consecutive months from
 * their last attendance ceases to be a member, unless the authority approved
 * the reason for the absence before the six months ran out.
 *
 * Read only from what the record shows: a gap counts where the minutes of a
 * body the member sat on show a meeting held after the six months, so a
 * folder that keeps only some of a council's committees does not make absent
 * members of those who attended the others.
 */
export default defineRule(
  {
    id: 'member-absence',
    description: 'No member goes six months without attending a meeting of the council unless the council approved the absence',
    category: 'attendance',
    severity: 'error',
    scope: 'council',
  },
  (context) => {
    const model = context.model;
    const law = LAW[model.config.jurisdiction];
    if (!law || model.members.length === 0) return;
    const held = [...context.attendance()].sort((a, b) => a.day.localeCompare(b.day));
    if (held.length === 0) return;
    const recordStarts = held[0].day;
    // Who attended each meeting, as members: worked out once for every member.
    const attendedBy = new Map<CouncilMember, Attended[]>();
    for (const meeting of held) {
      for (const name of meeting.present) {
        const member = councilMember(model, name);
        if (!member) continue;
        const list = attendedBy.get(member) ?? [];
        if (list.at(-1) !== meeting) list.push(meeting);
        attendedBy.set(member, list);
      }
    }

    for (const member of model.members) {
      // Co-opted members are not members of the council; a member with no seats is not one the record can follow.
      const seats = member.memberships.filter((s) => s.role !== 'co-opted');
      if (seats.length === 0) continue;
      const attended = attendedBy.get(member) ?? [];
      // Meetings of the bodies they sat on that day: the ones they were expected at.
      const expected = held.filter((h) => seatOn(member, h.committee, h.day));
      // From each attendance to the next. Before their first attendance on the record, the six months are counted from when the record begins (or they took
      // their seat, if later): an attendance before the record would only end them sooner.
      const firstSeat = seats.reduce((d, s) => (s.from < d ? s.from : d), seats[0].from);
      const anchors: { day: string; what: string }[] = attended.map((a) => ({ day: a.day, what: `last attended ${a.name} on ${longDate(a.day)}` }));
      const start = firstSeat > recordStarts ? firstSeat : recordStarts;
      if (attended.length === 0 || attended[0].day > start) {
        anchors.unshift({ day: start, what: start === firstSeat ? `took their seat on ${longDate(start)}` : `are recorded at no meeting from ${longDate(start)}, when the minutes begin,` });
      }

      for (let i = 0; i < anchors.length; i++) {
        const from = anchors[i];
        const next = attended.find((a) => a.day > from.day);
        let ends = addMonthsIso(from.day, 6);
        // An absence approved before the six months ran out: excused, to the approval's last day where it gives one.
        const approval = member.absences.find((a) => a.approved > from.day && a.approved <= ends && (a.to === null || a.to >= from.day));
        if (approval) {
          if (approval.to === null) continue;
          if (approval.to > ends) ends = approval.to;
        }
        const until = next?.day ?? context.asOf;
        // The record's evidence: a meeting of their bodies after the six months, which they did not (or could no longer) attend as a member.
        const after = expected.find((h) => h.day > ends && h.day <= until);
        if (after) {
          context.report(
            `Unexpected ${member.name} still a member after six months without attending: they ${from.what} and attended no meeting of the council by ${longDate(ends)}${next ? `, yet attended ${next.name} on ${longDate(next.day)}` : ''}, expected an absence the council approved before then (absences: in members/${member.id}.yml), or their seats ended (${law})`,
            member.position,
          );
          break;
        }
        if (next) continue;
        // Still away: a warning from five months (or the approved absence's last month), once they have missed a meeting they were expected at.
        const missed = expected.some((h) => h.day > from.day && h.day <= context.asOf);
        const warnFrom = approval ? addMonthsIso(ends, -1) : addMonthsIso(from.day, 5);
        if (missed && context.asOf >= warnFrom && context.asOf <= ends) {
          const away = approval ? `the absence the council approved on ${longDate(approval.approved)} runs to ${longDate(ends)}` : 'five months without attending';
          context.report(
            `Unexpected ${member.name} ${away}: they ${from.what}, and cease to be a member unless they attend a meeting of the council by ${longDate(ends)} or the council approves the reason for their absence before then (${law}), expected the clerk to raise it`,
            member.position,
            { severity: 'warning' },
          );
        }
      }
    }
  },
);
