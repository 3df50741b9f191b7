import type { PublishedView, ViewMember } from '../../publish/types.js';
import type { Emit, SiteBuild } from '../../output/emit.js';
import type { PageRenderer } from './templates.js';
import type { PrintedDocument } from '../pdf/input.js';
import { formatLong } from '../../dates/calendar.js';
import { linkFrom, sitePaths } from '../../output/paths.js';
import { pageHead } from './pages.js';
import { attendanceCsv, attendanceOf, declarationsOf, memberOfName, votesOf } from '../../site/members.js';
import { peopleData, personJsonLd } from '../../site/people-data.js';

/** The members' pages: an index, a page per member, the register of interests (a page and a tagged PDF), attendance as CSV. */

const ROLE: Record<string, string> = { chair: 'Chair', 'vice-chair': 'Vice-chair', member: 'Member', 'co-opted': 'Co-opted member' };
const CATEGORY: Record<string, string> = {
  employment: 'Employment, office, trade, profession or vocation',
  sponsorship: 'Sponsorship',
  contracts: 'Contracts',
  land: 'Land',
  licences: 'Licences',
  tenancies: 'Corporate tenancies',
  securities: 'Securities',
  other: 'Other registrable interest',
};
const STATUS: Record<string, string> = { present: 'Present', apologies: 'Apologies', substituted: 'Substituted', absent: 'Absent', substitute: 'Attended as substitute' };
const VOTED: Record<string, string> = { for: 'For', against: 'Against', abstain: 'Abstained' };
const RESULT: Record<string, string> = { carried: 'Carried', lost: 'Lost' };
const span = (s: { from: string; to: string | null }) => (s.to ? `${formatLong(s.from)} to ${formatLong(s.to)}` : `since ${formatLong(s.from)}`);

/** A member's register of interests as the view gives it, with the day it was last changed. */
function registerOf(member: ViewMember) {
  const days = member.interests.flatMap((i) => (i.withheld ? [] : [i.registered, ...(i.ended ? [i.ended] : [])]));
  return {
    updated: days.length ? formatLong(days.sort().at(-1)!) : null,
    entries: member.interests.map((i) =>
      i.withheld
        ? { category: null, description: null, registered: null, ended: null, notice: i.notice }
        : { category: CATEGORY[i.category], description: i.description, registered: formatLong(i.registered), ended: i.ended ? formatLong(i.ended) : null, notice: i.notice },
    ),
  };
}

export function memberView(model: PublishedView, member: ViewMember, build: SiteBuild) {
  const file = sitePaths.member(member.id);
  const who = memberOfName(model);
  const attendance = attendanceOf(model, member, who);
  const committeeName = (id: string) => model.committees.find((c) => c.id === id)?.name ?? id;
  return {
    ...pageHead(model.config, member.name, file, build, [{ text: 'Members', file: sitePaths.members }, { text: member.name, file }], true),
    name: member.name,
    group: member.group,
    ward: member.ward,
    offices: member.offices.map((o) => ({ office: o.office, when: span(o) })),
    memberships: member.memberships.map((s) => {
      const committee = model.committees.find((c) => c.id === s.committee);
      return { committee: committeeName(s.committee), href: committee ? linkFrom(file, sitePaths.committee(committee.id)) : null, role: ROLE[s.role], when: span(s) };
    }),
    attendance: {
      expected: attendance.expected,
      present: attendance.present,
      apologies: attendance.apologies,
      substituted: attendance.substituted,
      absent: attendance.absent,
      asSubstitute: attendance.asSubstitute,
      rows: attendance.rows.map((r) => ({
        date: formatLong(r.meeting.date),
        committee: r.committee.name,
        href: linkFrom(file, sitePaths.meeting(r.meeting)),
        status: STATUS[r.status],
        note: r.status === 'substitute' ? `for ${r.other}` : r.status === 'substituted' && r.other ? `by ${r.other}` : null,
      })),
    },
    declarations: declarationsOf(model, member, who).map((d) => ({
      date: formatLong(d.meeting.date),
      committee: d.committee.name,
      href: linkFrom(file, sitePaths.meeting(d.meeting)),
      minute: d.minute,
      interest: d.interest,
    })),
    votes: votesOf(model, member, who).map((v) => ({
      date: formatLong(v.meeting.date),
      committee: v.committee.name,
      href: linkFrom(file, sitePaths.meeting(v.meeting)),
      minute: v.minute,
      voted: VOTED[v.voted],
      result: v.result ? RESULT[v.result] : 'Not recorded',
    })),
    absences: member.absences.map((a) => ({
      approved: formatLong(a.approved),
      when: a.from && a.to ? `for ${formatLong(a.from)} to ${formatLong(a.to)}` : a.to ? `to ${formatLong(a.to)}` : a.from ? `from ${formatLong(a.from)}` : null,
      reason: a.reason,
      minute: a.minute,
    })),
    register: registerOf(member),
    dispensations: member.dispensations.map((d) => ({ matter: d.matter, when: span(d), grantedBy: d.grantedBy })),
    registerHref: linkFrom(file, sitePaths.interests),
    jsonLd: personJsonLd(model, member, build.baseUrl),
  };
}

export function membersIndexView(model: PublishedView, build: SiteBuild) {
  const file = sitePaths.members;
  const who = memberOfName(model);
  return {
    ...pageHead(model.config, 'Members', file, build, [{ text: 'Members', file }]),
    members: [...model.members]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => {
        const a = attendanceOf(model, m, who);
        return { name: m.name, href: linkFrom(file, sitePaths.member(m.id)), group: m.group, ward: m.ward, attended: `${a.present} of ${a.expected}` };
      }),
    register: linkFrom(file, sitePaths.interests),
    registerPdf: build.pdf ? linkFrom(file, sitePaths.interestsPdf) : null,
    attendance: build.audience === 'public' ? linkFrom(file, sitePaths.attendance) : null,
  };
}

export function interestsView(model: PublishedView, build: SiteBuild) {
  const file = sitePaths.interests;
  return {
    ...pageHead(model.config, 'Register of members\u2019 interests', file, build, [{ text: 'Members', file: sitePaths.members }, { text: 'Register of interests', file }], true),
    pdf: build.pdf ? linkFrom(file, sitePaths.interestsPdf) : null,
    members: [...model.members]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => ({ id: `member-${m.id}`, name: m.name, href: linkFrom(file, sitePaths.member(m.id)), ...registerOf(m) })),
  };
}

/** The register of interests as a tagged PDF, printed from its page without the site's navigation. */
export function membersPdfs(model: PublishedView, build: SiteBuild): PrintedDocument[] {
  if (!model.members.length) return [];
  const view = interestsView(model, build);
  const day = model.members.flatMap((m) => m.interests.flatMap((i) => (i.withheld ? [] : [i.registered]))).sort().at(-1) ?? build.asOf;
  return [
    {
      file: sitePaths.interestsPdf,
      template: 'interests-register',
      view: { ...view, site: null, pdf: null },
      title: `${model.config.organisation}: register of members' interests`,
      subject: `The register of members' interests of ${model.config.organisation}`,
      date: day,
    },
  ];
}

/** The members' index, each member's page, the register of interests and the attendance file. */
export function writeMemberPages(model: PublishedView, build: SiteBuild, render: PageRenderer, emit: Emit): void {
  if (!model.members.length) return;
  emit(sitePaths.members, render('members', membersIndexView(model, build)));
  emit(sitePaths.interests, render('interests-register', interestsView(model, build)));
  for (const member of model.members) emit(sitePaths.member(member.id), render('member', memberView(model, member, build)));
  if (build.audience === 'public') emit(sitePaths.attendance, attendanceCsv(model));
  if (build.baseUrl) emit(sitePaths.peopleData, `${JSON.stringify(peopleData(model, build.baseUrl), null, 2)}\n`);
}

