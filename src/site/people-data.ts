import { createHash } from 'node:crypto';
import type { PublishedView, ViewCommittee, ViewMeeting, ViewMember } from '../publish/types.js';
import { peopleLookup } from '../model/people.js';
import { absolute, sitePaths } from '../output/paths.js';
import { municipalYear, municipalYearLabel } from '../dates/calendar.js';

/*
 * The council's members as open data, in Open Civic Data's shapes
 * (https://open-civic-data.readthedocs.io/en/latest/data/person.html):
 * `members/people.json` holds the people, the organisations (the council and
 * each committee) and the memberships between them, with their dates; each
 * member's page describes them in schema.org JSON-LD. A sensitive interest is
 * not there at all: the register is not open data, only its page and PDF.
 */

/** A stable OCD id (`ocd-<kind>/<uuid>`), a name-based UUID of the site and the thing's own id. */
function ocdId(kind: 'person' | 'organization' | 'membership' | 'vote', key: string): string {
  const hex = createHash('sha1').update(`${kind}:${key}`).digest('hex');
  return `ocd-${kind}/${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export function peopleData(view: PublishedView, baseUrl: string) {
  const host = new URL(baseUrl).host;
  const council = { id: ocdId('organization', `${host}:council`), name: view.config.organisation, classification: 'legislature', parent_id: null as string | null };
  const committees = view.committees.map((c) => ({ id: ocdId('organization', `${host}:${c.id}`), name: c.name, classification: 'committee', parent_id: council.id }));
  const groups = [...new Set(view.members.flatMap((m) => (m.group ? [m.group] : [])))].map((g) => ({ id: ocdId('organization', `${host}:group:${g}`), name: g, classification: 'party', parent_id: null }));
  const orgOf = (committee: string) => committees[view.committees.findIndex((c) => c.id === committee)];
  const people = view.members.map((m) => ({
    _type: 'person',
    id: ocdId('person', `${host}:${m.id}`),
    name: m.name,
    other_names: m.aliases.map((name) => ({ name, note: 'as written in minutes' })),
    links: [{ note: 'member page', url: absolute(baseUrl, sitePaths.member(m.id)) }],
    sources: [{ url: absolute(baseUrl, sitePaths.member(m.id)) }],
    extras: { ward: m.ward, group: m.group },
  }));
  const memberships = view.members.flatMap((m) => {
    const person = ocdId('person', `${host}:${m.id}`);
    const seats = m.memberships.flatMap((s) => {
      const org = orgOf(s.committee);
      return org ? [{ _type: 'membership', id: ocdId('membership', `${host}:${m.id}:${s.committee}:${s.from}`), person_id: person, organization_id: org.id, role: s.role, start_date: s.from, end_date: s.to ?? '' }] : [];
    });
    const offices = m.offices.map((o) => ({ _type: 'membership', id: ocdId('membership', `${host}:${m.id}:office:${o.office}:${o.from}`), person_id: person, organization_id: council.id, role: o.office, start_date: o.from, end_date: o.to ?? '' }));
    const group = m.group ? [{ _type: 'membership', id: ocdId('membership', `${host}:${m.id}:group`), person_id: person, organization_id: groups.find((g) => g.name === m.group)!.id, role: 'member', start_date: '', end_date: '' }] : [];
    return [...seats, ...offices, ...group];
  });
  return { organisation: view.config.organisation, organizations: [council, ...committees, ...groups].map((o) => ({ _type: 'organization', ...o })), people, memberships };
}

/** A member page's schema.org description: a Person, of their group, with their roles on the council's committees. */
export function personJsonLd(view: PublishedView, member: ViewMember, baseUrl: string | null): string {
  const person = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: member.name,
    ...(member.offices.find((o) => o.to === null) ? { jobTitle: member.offices.find((o) => o.to === null)!.office } : {}),
    ...(member.group ? { affiliation: { '@type': 'Organization', name: member.group } } : {}),
    memberOf: member.memberships.map((s) => ({
      '@type': 'OrganizationRole',
      roleName: s.role,
      startDate: s.from,
      ...(s.to ? { endDate: s.to } : {}),
      memberOf: { '@type': 'Organization', name: view.committees.find((c) => c.id === s.committee)?.name ?? s.committee },
    })),
    worksFor: { '@type': 'Organization', name: view.config.organisation },
    ...(baseUrl ? { url: absolute(baseUrl, sitePaths.member(member.id)) } : {}),
  };
  // Inside a script element: nothing in it may close the element.
  return JSON.stringify(person, null, 2).replace(/</g, '\\u003c');
}

/**
 * A meeting's recorded votes as OCD VoteEvents (https://open-civic-data.readthedocs.io/en/latest/data/vote.html):
 * each vote of a public minute, with its counts and, where the minutes name them, how each member voted. Made in the
 * meeting's own part of the build, from the public view: a minute withheld from the public gives nothing.
 */
export function voteEvents(view: PublishedView, committee: ViewCommittee, meeting: ViewMeeting, baseUrl: string) {
  const host = new URL(baseUrl).host;
  const who = peopleLookup(view.members);
  const events: object[] = [];
  for (const minute of meeting.minutes?.minutes ?? []) {
    if (minute.withheld) continue;
    minute.votes.forEach((vote, i) => {
      const label = minute.number?.raw ?? minute.title;
      const side = (option: 'yes' | 'no' | 'abstain', names: string[] | null) =>
        (names ?? []).map((name) => {
          const member = who(name);
          return { option, voter_name: member?.name ?? name, ...(member ? { voter_id: ocdId('person', `${host}:${member.id}`) } : {}) };
        });
      const count = (option: 'yes' | 'no' | 'abstain', names: string[] | null, stated: number | null) => ({ option, value: names?.length ?? stated ?? 0 });
      const counts = [count('yes', vote.for, vote.counts.for), count('no', vote.against, vote.counts.against), count('abstain', vote.abstain, vote.counts.abstain)];
      // Where the minutes state no result, the count gives it: more for than against is carried; a tie the chair did not break is lost.
      const carried = vote.result ? vote.result === 'carried' : counts[0].value > counts[1].value;
      events.push({
        _type: 'vote_event',
        id: ocdId('vote', `${host}:${meeting.id}:${label}:${i}`),
        legislative_session: municipalYearLabel(municipalYear(meeting.date, view.config.municipalYearStart)),
        motion_text: minute.title,
        motion_classification: [],
        identifier: `${label}${minute.votes.length > 1 ? ` (vote ${i + 1})` : ''}`,
        start_date: meeting.date,
        result: carried ? 'pass' : 'fail',
        organization: ocdId('organization', `${host}:${committee.id}`),
        bill: null,
        counts,
        votes: [...side('yes', vote.for), ...side('no', vote.against), ...side('abstain', vote.abstain)],
        sources: [{ url: absolute(baseUrl, sitePaths.minutes(meeting)) }],
        extras: { casting_vote: vote.casting },
      });
    });
  }
  return events;
}
