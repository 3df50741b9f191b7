import { memberOfName } from '../../site/members.js';
import { formatLong, isoWithOffset, municipalYear, municipalYearLabel, zonedStart } from '../../dates/calendar.js';
import type { SiteBuild } from '../../output/emit.js';
import type { PublishedView, ViewCommittee, ViewMeeting } from '../../publish/types.js';
import { atPlace, meetingDocuments, meetingName, newestFirst } from '../../site/documents.js';
import { meetingOutDir } from '../../output/paths.js';
import { absolute, decodePath, documentNames, encodePath, linkFrom, sitePaths } from '../../output/paths.js';
import { SEARCH_FOLDER, SEARCH_SCRIPT } from '../../site/search.js';
import type { packView } from './pack.js';
import { documentHead, meetingHeading, membership } from './views.js';

/*
 * The site's pages around the packs and minutes: the front page, a page per
 * committee and per meeting, and the archive by municipal year, with the
 * navigation and breadcrumb every page carries. Views of the public (or
 * members') model only; links only to files the build makes.
 */

type PackView = ReturnType<typeof packView>;

/** What a meeting's page needs of its pack: the agenda with its links, the supplements, the PDFs' titles and the key decisions, without the papers' text. */
export interface PackSummary {
  items: PackView['items'];
  supplements: { number: number | null; published: string | null }[];
  pdfTitles: [string, string][];
  /** The agenda items with a paper that is a key decision. */
  keyDecisions: Set<number>;
}

export function packSummary(view: PackView): PackSummary {
  const pdfTitles: [string, string][] = [];
  for (const paper of view.papers) for (const a of paper.appendices) if (a.pdf) pdfTitles.push([decodePath(a.pdf), a.title]);
  for (const item of view.items) for (const link of item.links) if (link.file) pdfTitles.push([link.file.split('/').pop()!, link.text]);
  return {
    items: view.items,
    supplements: view.supplements.map((s) => ({ number: s.number, published: s.published })),
    pdfTitles,
    keyDecisions: new Set(view.papers.filter((p) => p.keyDecision).map((p) => p.item)),
  };
}

/** What the build makes, which decides what the pages link to. */
export interface Crumb {
  text: string;
  href: string | null;
}

const STATUS_LABEL: Record<ViewMeeting['status'], string> = { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled', postponed: 'Postponed' };

/** A site page's head (`documentHead`) with its navigation and breadcrumb (`siteChrome`). */
export function pageHead(config: { locale: string; organisation: string }, pageTitle: string, ...chrome: Parameters<typeof siteChrome>) {
  return { ...documentHead(config, pageTitle), site: siteChrome(...chrome) };
}

/** The navigation and breadcrumb of the page at `file`, each link relative to it. */
export function siteChrome(file: string, build: SiteBuild, trail: { text: string; file: string | null }[], searchable = false) {
  const link = (to: string) => linkFrom(file, to);
  const nav = [
    { text: 'Home', file: sitePaths.front },
    { text: 'Archive', file: sitePaths.archive },
    ...(build.members ? [{ text: 'Members', file: sitePaths.members }] : []),
    ...(build.search ? [{ text: 'Search', file: sitePaths.search }] : []),
  ].map((n) => ({ text: n.text, href: link(n.file), current: n.file === file }));
  const crumbs: Crumb[] = [{ text: 'Home', file: sitePaths.front }, ...trail].map((c, i, all) => ({
    text: c.text,
    href: c.file === null || i === all.length - 1 ? null : link(c.file),
  }));
  // Papers are what search finds (data-pagefind-body); lists of meetings are not.
  return { nav, crumbs: crumbs.length > 1 ? crumbs : [], feed: build.baseUrl ? link(sitePaths.feed) : null, searchable: searchable && build.search };
}

/** The breadcrumb trail down to a meeting. */
function meetingTrail(committee: ViewCommittee, meeting: ViewMeeting) {
  return [
    { text: committee.name, file: sitePaths.committee(committee.id) },
    { text: formatLong(meeting.date), file: sitePaths.meeting(meeting) },
  ];
}

/** The chrome of a pack or minutes page: its trail goes through its meeting, and it links to the meeting and its PDF. */
export function documentChrome(file: string, build: SiteBuild, committee: ViewCommittee, meeting: ViewMeeting, title: string, pdf: string | null) {
  return {
    ...siteChrome(file, build, [...meetingTrail(committee, meeting), { text: title, file }], true),
    meetingPage: linkFrom(file, sitePaths.meeting(meeting)),
    pdf: pdf && build.pdf ? linkFrom(file, `${meetingOutDir(meeting)}/${pdf}`) : null,
  };
}

/** A size as people read it: 840 bytes, 56 KB, 1.2 MB. */
function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A meeting as lists show it: its day and time, status, and its page. */
function meetingEntry(from: string, meeting: ViewMeeting, committee: ViewCommittee) {
  return {
    href: linkFrom(from, sitePaths.meeting(meeting)),
    committee: committee.name,
    title: meeting.title === committee.name ? null : meeting.title,
    date: formatLong(meeting.date),
    time: meetingHeading(meeting).time,
    status: meeting.status === 'cancelled' || meeting.status === 'postponed' ? STATUS_LABEL[meeting.status].toLowerCase() : null,
  };
}

/** A meeting in a list of a committee's or a year's meetings: the entry, and its documents in the formats built. */
function meetingWithDocuments(from: string, meeting: ViewMeeting, committee: ViewCommittee, build: SiteBuild) {
  return {
    ...meetingEntry(from, meeting, committee),
    documents: meetingDocuments(meeting, build.audience, { html: true, pdf: build.pdf }).map((d) => ({
      text: `${d.title} (${d.format})`,
      href: atPlace(linkFrom(from, d.file), d),
    })),
  };
}

const upcoming = (meeting: ViewMeeting, asOf: string) => meeting.date >= asOf && (meeting.status === 'scheduled' || meeting.status === 'postponed');

/** The front page: the next meetings of every committee, the committees, the latest documents, plans and registers. */
export function frontView(model: PublishedView, build: SiteBuild) {
  const file = sitePaths.front;
  const all = model.committees.flatMap((committee) => committee.meetings.map((meeting) => ({ meeting, committee })));
  const next = all.filter(({ meeting }) => upcoming(meeting, build.asOf)).sort((a, b) => (a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : 0));
  const latest = all
    .flatMap(({ meeting, committee }) => meetingDocuments(meeting, build.audience, { html: true, pdf: false }).map((d) => ({ d, meeting, committee })))
    .sort((a, b) => newestFirst(a.d, b.d))
    .slice(0, 10);
  return {
    ...pageHead(model.config, 'Committee papers', file, build, []),
    next: next.slice(0, 10).map(({ meeting, committee }) => meetingEntry(file, meeting, committee)),
    committees: model.committees.map((c) => ({ name: c.name, purpose: c.purpose, href: linkFrom(file, sitePaths.committee(c.id)) })),
    latest: latest.map(({ d, meeting, committee }) => ({
      text: `${meetingName(meeting, committee)}: ${d.title}`,
      href: atPlace(linkFrom(file, d.file), d),
      published: formatLong(d.published),
    })),
    plans: model.plans.map((p) => ({ title: p.title, href: linkFrom(file, sitePaths.plan(p.id)) })),
    registers: model.registers.map((r) => ({ title: r.title, href: linkFrom(file, sitePaths.register(r.id)) })),
    subscribe: build.baseUrl ? { calendar: sitePaths.calendar, feed: sitePaths.feed } : null,
  };
}

/** The meetings of a municipal year, newest first, and the years in order, newest first. */
function byYear<T extends { meeting: ViewMeeting }>(entries: T[], start: string): { year: number; entries: T[] }[] {
  const years = new Map<number, T[]>();
  for (const entry of entries) {
    const year = municipalYear(entry.meeting.date, start);
    years.set(year, [...(years.get(year) ?? []), entry]);
  }
  return [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([year, list]) => ({ year, entries: [...list].sort((a, b) => (a.meeting.date < b.meeting.date ? 1 : a.meeting.date > b.meeting.date ? -1 : 0)) }));
}

/** A committee's page: what it is for, its members, its meetings to come, then every meeting by municipal year. */
export function committeeView(model: PublishedView, committee: ViewCommittee, build: SiteBuild) {
  const file = sitePaths.committee(committee.id);
  const entries = committee.meetings.map((meeting) => ({ meeting }));
  const entry = (meeting: ViewMeeting) => meetingWithDocuments(file, meeting, committee, build);
  return {
    ...pageHead(model.config, committee.name, file, build, [{ text: committee.name, file }]),
    committee: { name: committee.name, purpose: committee.purpose, members: membership(committee) },
    upcoming: entries.filter(({ meeting }) => upcoming(meeting, build.asOf)).map(({ meeting }) => entry(meeting)),
    years: byYear(entries, model.config.municipalYearStart).map(({ year, entries: list }) => ({
      label: municipalYearLabel(year),
      id: `year-${year}`,
      meetings: list.map(({ meeting }) => entry(meeting)),
    })),
    calendar: build.baseUrl ? linkFrom(file, sitePaths.committeeCalendar(committee.id)) : null,
    feed: build.baseUrl ? linkFrom(file, sitePaths.committeeFeed(committee.id)) : null,
    forwardPlan: committee.forwardPlan?.published.length ? linkFrom(file, sitePaths.forwardPlan(committee.id)) : null,
    decisions: committee.decisions.length ? linkFrom(file, sitePaths.decisions(committee.id)) : null,
  };
}

/** The archive: every municipal year with its meetings, newest first. */
export function archiveView(model: PublishedView, build: SiteBuild) {
  const file = sitePaths.archive;
  const all = model.committees.flatMap((committee) => committee.meetings.map((meeting) => ({ meeting, committee })));
  return {
    ...pageHead(model.config, 'Archive', file, build, [{ text: 'Archive', file }]),
    years: byYear(all, model.config.municipalYearStart).map(({ year, entries }) => ({
      label: municipalYearLabel(year),
      href: linkFrom(file, sitePaths.archiveYear(year)),
      count: entries.length,
    })),
  };
}

/** The municipal years the archive has pages for. */
export function archiveYears(model: PublishedView): number[] {
  const years = new Set(model.committees.flatMap((c) => c.meetings.map((m) => municipalYear(m.date, model.config.municipalYearStart))));
  return [...years].sort((a, b) => b - a);
}

/** One municipal year of the archive: its meetings by committee, each with its documents. */
export function archiveYearView(model: PublishedView, year: number, build: SiteBuild) {
  const file = sitePaths.archiveYear(year);
  const label = municipalYearLabel(year);
  return {
    ...documentHead(model.config, `Meetings in ${label}`),
    site: siteChrome(file, build, [
      { text: 'Archive', file: sitePaths.archive },
      { text: label, file },
    ]),
    year: label,
    committees: model.committees
      .map((committee) => ({
        name: committee.name,
        href: linkFrom(file, sitePaths.committee(committee.id)),
        meetings: committee.meetings
          .filter((m) => municipalYear(m.date, model.config.municipalYearStart) === year)
          .map((meeting) => meetingWithDocuments(file, meeting, committee, build)),
      }))
      .filter((c) => c.meetings.length > 0),
  };
}

/** The search page: Pagefind's box, and what to do without JavaScript. */
export function searchView(model: PublishedView, build: SiteBuild) {
  const file = sitePaths.search;
  return {
    ...pageHead(model.config, 'Search the papers', file, build, [{ text: 'Search', file }]),
    archive: linkFrom(file, sitePaths.archive),
    searchAssets: { css: `${SEARCH_FOLDER}/pagefind-ui.css`, ui: `${SEARCH_FOLDER}/pagefind-ui.js`, script: SEARCH_SCRIPT },
  };
}

/** The schema.org Event a meeting page describes itself as, for search engines and apps. */
function meetingJsonLd(model: PublishedView, committee: ViewCommittee, meeting: ViewMeeting, baseUrl: string | null): string {
  const start = zonedStart(meeting.date, meeting.time, model.config.timezone);
  const status = { scheduled: 'EventScheduled', held: 'EventScheduled', cancelled: 'EventCancelled', postponed: 'EventPostponed' }[meeting.status];
  const event = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: meetingName(meeting, committee),
    startDate: start ? isoWithOffset(start) : meeting.date,
    eventStatus: `https://schema.org/${meeting.movedFrom.length && meeting.status === 'scheduled' ? 'EventRescheduled' : status}`,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(meeting.movedFrom.length ? { previousStartDate: meeting.movedFrom } : {}),
    ...(meeting.venue ? { location: { '@type': 'Place', name: meeting.venue, address: meeting.venue } } : {}),
    organizer: { '@type': 'Organization', name: model.config.organisation },
    ...(baseUrl ? { url: absolute(baseUrl, sitePaths.meeting(meeting)) } : {}),
  };
  // Inside a script element: nothing in it may close the element.
  return JSON.stringify(event, null, 2).replace(/</g, '\\u003c');
}

/**
 * A meeting's page: when and where, its status, every document with its size,
 * the agenda with each item's papers, and ways to put it in a calendar.
 * `sizes` holds every file the build wrote for the meeting, by its path in
 * the output; `pack` is the pack's view, where the build made one.
 */
export function meetingView(model: PublishedView, meeting: ViewMeeting, build: SiteBuild, sizes: ReadonlyMap<string, number>, pack: PackSummary | null) {
  const committee = model.committees.find((c) => c.id === meeting.committee)!;
  const file = sitePaths.meeting(meeting);
  const dir = meetingOutDir(meeting);
  const names = documentNames(build.audience);
  const made = (path: string) => sizes.has(path);
  const documents = meetingDocuments(meeting, build.audience, { html: true, pdf: build.pdf })
    .filter((d) => made(d.file) && d.anchor === null)
    .map((d) => ({ text: d.title, format: d.format, href: linkFrom(file, d.file), size: formatSize(sizes.get(d.file)!) }));
  // The PDFs published beside the pack (appendices and attachments), by the titles the pack gives them.
  const titles = new Map(pack?.pdfTitles ?? []);
  const known = new Set(documents.map((d) => d.href));
  for (const [path, size] of [...sizes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const name = path.slice(dir.length + 1);
    if (!path.startsWith(`${dir}/`) || name.includes('/') || !name.endsWith('.pdf') || known.has(encodePath(name))) continue;
    documents.push({ text: titles.get(name) ?? name, format: 'PDF', href: encodePath(name), size: formatSize(size) });
  }
  // The agenda: each item's papers open at their place in the pack's page, where it was made.
  const packFile = `${dir}/${names.packHtml}`;
  /** Where an agenda link of the pack goes from the meeting's page: into the pack, to a file beside it, or elsewhere. */
  const itemHref = (href: string | null): string | null => {
    if (href === null) return null;
    if (href.startsWith('#')) return made(packFile) ? `${names.packHtml}${href}` : null;
    // Another meeting's minutes, or a web page.
    if (/^(https?:|mailto:|\.\.\/)/.test(href)) return href;
    return made(`${dir}/${decodePath(href)}`) ? href : null;
  };
  const decided = itemDecisions(committee, meeting, file);
  const items = (
    pack
      ? pack.items.map((item) => ({ ...item, links: item.links.map((link) => ({ ...link, href: itemHref(link.href), pages: null })) }))
      : (meeting.agenda?.items ?? []).map((item) => ({ number: item.number, title: item.title, kind: item.kind, subPoints: item.subPoints.map((s) => s.text), notes: item.notes.map((n) => n.text), links: [] }))
  ).map((item) => ({ ...item, decisions: decided.get(item.number) ?? [] }));
  const heading = meetingHeading(meeting);
  return {
    ...pageHead(model.config, meetingName(meeting, committee), file, build, meetingTrail(committee, meeting), true),
    committee: { name: committee.name, href: linkFrom(file, sitePaths.committee(committee.id)) },
    meeting: {
      ...heading,
      statusLabel: STATUS_LABEL[meeting.status],
      movedFrom: meeting.movedFrom.map(formatLong),
      heldBack: meeting.heldBack?.notice ?? null,
    },
    documents,
    items,
    supplements: pack?.supplements ?? [],
    calendar: build.baseUrl ? { event: linkFrom(file, sitePaths.meetingCalendar(meeting)), committee: linkFrom(file, sitePaths.committeeCalendar(committee.id)) } : null,
    data: build.baseUrl ? linkFrom(file, sitePaths.meetingData(meeting)) : null,
    // The recorded votes' open data, where a public minute records one.
    votes: build.baseUrl && meeting.minutes?.minutes.some((m) => !m.withheld && m.votes.length) ? linkFrom(file, sitePaths.meetingVotes(meeting)) : null,
    jsonLd: meetingJsonLd(model, committee, meeting, build.baseUrl),
    decisions: meetingDecisions(committee, meeting, file),
    privateNotice: privateNoticeView(meeting),
    attendance: meetingAttendance(model, meeting, file),
  };
}

/** Who the minutes record at the meeting, each member linked to their page where the council keeps members' files. */
function meetingAttendance(model: PublishedView, meeting: ViewMeeting, file: string) {
  const minutes = meeting.minutes;
  if (!minutes || !model.members.length) return null;
  const who = memberOfName(model);
  const person = (p: { name: string }) => {
    const member = who(p.name);
    const sub = minutes.substitutes.find((s) => s.name === p.name);
    return { name: p.name, href: member ? linkFrom(file, sitePaths.member(member.id)) : null, note: sub ? `substitute for ${sub.for}` : null };
  };
  return { present: minutes.present.map(person), apologies: minutes.apologies.map(person), absent: minutes.absent.map(person) };
}

/** The decision records of a meeting's items, by item number: an item whose paper names the plan entry a record of the meeting names. */
function itemDecisions(committee: ViewCommittee, meeting: ViewMeeting, file: string): Map<number, { text: string; href: string }[]> {
  const byItem = new Map<number, { text: string; href: string }[]>();
  for (const item of meeting.agenda?.items ?? []) {
    for (const link of item.links) {
      if (link.withheld || !link.target) continue;
      const paper = meeting.papers.find((p) => !p.withheld && p.file === link.target);
      const ref = paper && !paper.withheld ? paper.forwardPlan?.ref : undefined;
      const record = ref ? committee.decisions.find((r) => r.forwardPlan === ref && r.meeting === meeting.date) : undefined;
      const entry = ref ? committee.forwardPlan?.entries.find((e) => e.ref === ref) : undefined;
      const links = byItem.get(item.number) ?? [];
      // The notice by which a key decision came without 28 days' notice, and the record of the decision taken.
      if (entry?.exception) links.push({ text: entry.exception.route === 'general-exception' ? 'General exception notice' : 'Special urgency notice', href: linkFrom(file, sitePaths.notice(committee.id, entry.ref)) });
      if (record) links.push({ text: `Decision: ${record.title}`, href: linkFrom(file, sitePaths.decision(committee.id, record.id)) });
      if (links.length) byItem.set(item.number, links);
    }
  }
  return byItem;
}

/** The notices of an executive meeting held in private (reg 5), as its page gives them. */
function privateNoticeView(meeting: ViewMeeting) {
  const notice = meeting.agenda?.privateNotice;
  if (!notice) return null;
  return {
    intention: notice.intention ? formatLong(notice.intention) : null,
    final: notice.final ? formatLong(notice.final) : meeting.agenda?.published ? formatLong(meeting.agenda.published) : null,
    representations: notice.representations,
    response: notice.response,
  };
}

/**
 * The decisions taken at a meeting, by its committee's records, with their pages. (A meeting's page is made from its
 * own committee's part of the view: a decision called in to it is linked from the decision's page, not here.)
 */
function meetingDecisions(committee: ViewCommittee, meeting: ViewMeeting, file: string) {
  return committee.decisions
    .filter((record) => record.meeting === meeting.date)
    .map((record) => ({ text: `${record.title}${record.minute ? ` (minute ${record.minute})` : ''}`, href: linkFrom(file, sitePaths.decision(committee.id, record.id)) }));
}
