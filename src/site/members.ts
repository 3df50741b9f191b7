import type { PublishedView, ViewCommittee, ViewMeeting, ViewMember } from '../publish/types.js';
import { peopleLookup } from '../model/people.js';
import { heldOn } from '../parse/members.js';
import { itemKind } from '../parse/agenda.js';

/*
 * What the members' pages, the attendance file and the open data say of each
 * member, worked out from the published view: the meetings they were expected
 * at (those of the committees they sat on, held on a day of their seat), what
 * the minutes record of them at each, the meetings they attended as a
 * substitute, and the interests they declared.
 */

export type Attended = 'present' | 'apologies' | 'substituted' | 'absent';

export interface AttendanceRow {
  committee: ViewCommittee;
  meeting: ViewMeeting;
  /** At a meeting of a committee they sat on; or `substitute`, sitting in another's place. */
  status: Attended | 'substitute';
  /** For a substitute, whose place they took; for `substituted`, who took theirs. */
  other: string | null;
}

export interface Attendance {
  rows: AttendanceRow[];
  expected: number;
  present: number;
  apologies: number;
  substituted: number;
  absent: number;
  asSubstitute: number;
}

const LOOKUPS = new WeakMap<PublishedView, (name: string) => ViewMember | undefined>();
const ATTENDANCE = new WeakMap<ViewMember, Attendance>();

/** Who a written name is, among the view's members (worked out once a view). */
export function memberOfName(view: PublishedView): (name: string) => ViewMember | undefined {
  let who = LOOKUPS.get(view);
  if (!who) LOOKUPS.set(view, (who = peopleLookup(view.members)));
  return who;
}

/** A member's attendance at the held meetings of the view, in date order: worked out once, for the index, their page and the CSV. */
export function attendanceOf(view: PublishedView, member: ViewMember, who = memberOfName(view)): Attendance {
  const known = ATTENDANCE.get(member);
  if (known) return known;
  const rows: AttendanceRow[] = [];
  const is = (name: string) => who(name) === member;
  for (const committee of view.committees) {
    for (const meeting of committee.meetings) {
      const minutes = meeting.minutes;
      if (!minutes || meeting.status === 'cancelled') continue;
      const seat = member.memberships.some((s) => s.committee === committee.id && heldOn(s, meeting.date));
      const sat = minutes.substitutes.find((s) => is(s.name));
      if (!seat) {
        if (sat) rows.push({ committee, meeting, status: 'substitute', other: sat.for });
        continue;
      }
      const replaced = minutes.substitutes.find((s) => is(s.for));
      const status: Attended = minutes.present.some((p) => is(p.name))
        ? 'present'
        : replaced
          ? 'substituted'
          : minutes.apologies.some((p) => is(p.name))
            ? 'apologies'
            : 'absent';
      rows.push({ committee, meeting, status, other: replaced?.name ?? null });
    }
  }
  rows.sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : a.committee.id.localeCompare(b.committee.id)));
  const count = (s: AttendanceRow['status']) => rows.filter((r) => r.status === s).length;
  const expected = rows.filter((r) => r.status !== 'substitute').length;
  const attendance = { rows, expected, present: count('present'), apologies: count('apologies'), substituted: count('substituted'), absent: count('absent'), asSubstitute: count('substitute') };
  ATTENDANCE.set(member, attendance);
  return attendance;
}

export interface DeclarationRow {
  committee: ViewCommittee;
  meeting: ViewMeeting;
  minute: string;
  interest: string;
}

export interface VoteRow {
  committee: ViewCommittee;
  meeting: ViewMeeting;
  minute: string;
  voted: 'for' | 'against' | 'abstain';
  result: 'carried' | 'lost' | null;
}

type ShownMinute = Extract<NonNullable<ViewMeeting['minutes']>['minutes'][number], { withheld: false }>;
type PerMember<R> = WeakMap<PublishedView, Map<ViewMember, R[]>>;

/**
 * Rows for each member, from every minute of the view the public may read (a withheld minute is not there), in date
 * order: `each` gives a minute's rows with who they are of, and every member's are worked out in one pass, once a view.
 */
function perMember<R extends { meeting: ViewMeeting }>(
  cache: PerMember<R>,
  view: PublishedView,
  each: (committee: ViewCommittee, meeting: ViewMeeting, minute: ShownMinute) => [ViewMember | undefined, R][],
): Map<ViewMember, R[]> {
  let all = cache.get(view);
  if (!all) {
    all = new Map();
    for (const committee of view.committees) {
      for (const meeting of committee.meetings) {
        for (const minute of meeting.minutes?.minutes ?? []) {
          if (minute.withheld) continue;
          for (const [member, row] of each(committee, meeting, minute)) {
            if (!member) continue;
            const rows = all.get(member) ?? [];
            rows.push(row);
            all.set(member, rows);
          }
        }
      }
    }
    for (const rows of all.values()) rows.sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : 0));
    cache.set(view, all);
  }
  return all;
}

const DECLARATIONS: PerMember<DeclarationRow> = new WeakMap();
const VOTES: PerMember<VoteRow> = new WeakMap();

/** The interests a member declared at meetings, as the declarations-of-interest minutes record them (the site's pages are made from those alone). */
export function declarationsOf(view: PublishedView, member: ViewMember, who = memberOfName(view)): DeclarationRow[] {
  const all = perMember(DECLARATIONS, view, (committee, meeting, minute) =>
    minute.declarations.length === 0 || itemKind(minute.title) !== 'declarations'
      ? []
      : minute.declarations.map((d) => [who(d.name), { committee, meeting, minute: d.minute, interest: d.interest }]),
  );
  return all.get(member) ?? [];
}

/** How a member voted in each recorded vote that names them. */
export function votesOf(view: PublishedView, member: ViewMember, who = memberOfName(view)): VoteRow[] {
  const all = perMember(VOTES, view, (committee, meeting, minute) => {
    const label = minute.number ? `${minute.number.raw}. ${minute.title}` : minute.title;
    return minute.votes.flatMap((vote, i) =>
      (['for', 'against', 'abstain'] as const).flatMap((voted) =>
        (vote[voted] ?? []).map((name): [ViewMember | undefined, VoteRow] => [
          who(name),
          { committee, meeting, minute: minute.votes.length > 1 ? `${label} (vote ${i + 1})` : label, voted, result: vote.result },
        ]),
      ),
    );
  });
  return all.get(member) ?? [];
}

/** The attendance of every member as CSV (RFC 4180): one row per member and committee, with the counts. */
export function attendanceCsv(view: PublishedView): string {
  const who = memberOfName(view);
  const cell = (v: string | number) => {
    if (typeof v === 'number') return String(v);
    // A name a spreadsheet would run as a formula is written as text.
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [['member', 'group', 'committee', 'expected', 'present', 'apologies', 'substituted', 'absent', 'as substitute'].join(',')];
  for (const member of view.members) {
    const { rows } = attendanceOf(view, member, who);
    const committees = [...new Set(rows.map((r) => r.committee))];
    for (const committee of committees) {
      const mine = rows.filter((r) => r.committee === committee);
      const n = (s: AttendanceRow['status']) => mine.filter((r) => r.status === s).length;
      lines.push(
        [member.name, member.group ?? '', committee.name, mine.filter((r) => r.status !== 'substitute').length, n('present'), n('apologies'), n('substituted'), n('absent'), n('substitute')]
          .map(cell)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
