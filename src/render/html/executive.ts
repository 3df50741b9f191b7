import type { ForwardPlanEntry } from '../../model/types.js';
import type { PublishedView, ViewCommittee, ViewDecision } from '../../publish/types.js';
import type { Emit, SiteBuild } from '../../output/emit.js';
import type { PageRenderer } from './templates.js';
import type { PrintedDocument } from '../pdf/input.js';
import { formatLong } from '../../dates/calendar.js';
import { linkFrom, sitePaths } from '../../output/paths.js';
import { pageHead } from './pages.js';
import { decisionJsonLd } from '../../site/executive-data.js';
import { callInState, decidedOn, editions, hourText, type Edition } from '../../site/executive.js';

/** The forward plan's pages and the decision records' pages, made from the published view. */

const KIND: Record<ViewDecision['kind'], string> = {
  executive: 'Executive decision',
  individual: 'Decision of an individual member of the executive',
  officer: 'Officer decision under delegated powers',
};

/** A plan entry's place on the plan's page. */
export const entryAnchor = (ref: string) => `entry-${ref.replace(/[^A-Za-z0-9]+/g, '-')}`;

const EDITIONS = new WeakMap<ViewCommittee, Edition[]>();

/**
 * Where a plan entry was last published: its place in the last edition that gave it (one decided since is not in
 * the latest), or null where no edition did (a special urgency decision taken between editions).
 */
function entryHref(committee: ViewCommittee, ref: string, from: string): string | null {
  const last = [...planEditions(committee)].reverse().find((e) => e.entries.some((x) => x.entry.ref === ref));
  return last ? `${linkFrom(from, sitePaths.forwardPlanEdition(committee.id, last.day))}#${entryAnchor(ref)}` : null;
}

const dueText = (due: { raw: string; kind: string; date: string | null } | null) =>
  !due ? 'Not given' : due.kind === 'date' && due.date ? formatLong(due.date) : due.raw;

/** Who takes a plan entry's decision: an executive committee by its name (with its members, as reg 9(1)(c) asks), or the office as written. */
function decisionMaker(model: PublishedView, name: string | null) {
  const body = model.committees.find((c) => c.id === name);
  if (!body) return { text: name ?? 'Not given', members: [] as string[] };
  return { text: body.name, members: body.members.map((m) => m.name) };
}

function recordHref(from: string, committee: ViewCommittee, ref: string): string | null {
  const record = committee.decisions.find((d) => d.forwardPlan === ref);
  return record ? linkFrom(from, sitePaths.decision(committee.id, record.id)) : null;
}

/** One edition of the forward plan (the latest at `forward-plan/index.html`), with what changed since the one before. */
export function forwardPlanView(model: PublishedView, committee: ViewCommittee, edition: Edition, latest: boolean, all: readonly Edition[], build: SiteBuild) {
  const plan = committee.forwardPlan!;
  const file = latest ? sitePaths.forwardPlan(committee.id) : sitePaths.forwardPlanEdition(committee.id, edition.day);
  const title = plan.title ?? 'Forward Plan';
  return {
    ...pageHead(model.config, latest ? `${title}, ${committee.name}: the latest edition` : `${title}, ${committee.name}: ${formatLong(edition.day)}`, file, build, [{ text: committee.name, file: sitePaths.committee(committee.id) }, { text: title, file }], true),
    title,
    published: formatLong(edition.day),
    previous: edition.previous ? { text: formatLong(edition.previous), href: linkFrom(file, sitePaths.forwardPlanEdition(committee.id, edition.previous)) } : null,
    documents: plan.documents,
    representations: plan.representations,
    entries: edition.entries.map(({ entry, isNew, deferred }) => {
      const maker = decisionMaker(model, entry.decisionMaker);
      return {
        id: entryAnchor(entry.ref),
        notice: entry.exception ? linkFrom(file, sitePaths.notice(committee.id, entry.ref)) : null,
        ref: entry.ref,
        matter: entry.matter,
        decisionMaker: maker.text,
        members: maker.members,
        date: dueText(entry.deferred.filter((d) => d.on <= edition.day).at(-1)?.to ?? entry.date),
        key: entry.key,
        wards: entry.wards.join(', '),
        documents: entry.documents === null ? null : entry.documents.length ? entry.documents : ['None'],
        firstPublished: entry.firstPublished ? formatLong(entry.firstPublished) : null,
        private: entry.private === false ? null : typeof entry.private === 'number' ? `In private: paragraph ${entry.private} of Schedule 12A to the Local Government Act 1972` : 'In private',
        contact: entry.contact,
        exception: entry.exception
          ? {
              route: entry.exception.route === 'general-exception' ? 'General exception (28 days\u2019 notice impracticable)' : 'Special urgency',
              published: formatLong(entry.exception.published),
              agreedBy: entry.exception.agreedBy,
              reasons: entry.exception.reasons,
            }
          : null,
        isNew,
        deferred: deferred ? { on: formatLong(deferred.on), to: dueText(deferred.to), reason: deferred.reason } : null,
        record: recordHref(file, committee, entry.ref),
      };
    }),
    removed: edition.removed.map((r) => ({
      ref: r.entry.ref,
      matter: r.entry.matter,
      text: r.why === 'decided' ? `Decided on ${formatLong(r.day)}` : `Withdrawn on ${formatLong(r.day)}`,
      record: r.why === 'decided' ? recordHref(file, committee, r.entry.ref) : null,
    })),
    editions: [...all].reverse().map((e) => ({ text: formatLong(e.day), href: linkFrom(file, sitePaths.forwardPlanEdition(committee.id, e.day)), current: e.day === edition.day })),
    pdf: build.pdf ? linkFrom(file, sitePaths.forwardPlanPdf(committee.id, edition.day)) : null,
  };
}

/** The sentence a decision page gives about call-in, as of the build's day. */
function callInText(model: PublishedView, record: ViewDecision, asOf: string): { text: string; meeting: { text: string; href: string } | null; from: string } {
  const state = callInState(model.config, record, asOf);
  switch (state.state) {
    case 'open':
      return { text: `Call-in ends at ${hourText(state.endTime)} on ${formatLong(state.endDay)}. The decision may not be implemented before then.`, meeting: null, from: '' };
    case 'ended':
      return {
        text: `The call-in period ended at ${hourText(state.endTime)} on ${formatLong(state.endDay)}${record.implemented ? `; the decision was implemented on ${formatLong(record.implemented)}.` : ' without a call-in: the decision may be implemented.'}`,
        meeting: null,
        from: '',
      };
    case 'called-in': {
      const [committeeId, folder] = (state.meeting ?? '').split('/');
      const body = model.committees.find((c) => c.id === committeeId);
      const meeting = body?.meetings.find((m) => m.folder === folder);
      return {
        text: `Called in on ${formatLong(state.on)}${state.by ? ` by ${state.by}` : ''}. The decision may not be implemented until scrutiny has considered it.${state.outcome ? ` Outcome: ${state.outcome}` : ''}`,
        meeting: body && meeting ? { text: `${body.name}, ${formatLong(meeting.date)}`, href: sitePaths.meeting(meeting) } : null,
        from: '',
      };
    }
    case 'exempt':
      return { text: `Not subject to call-in, as urgent.${state.reasons ? ` ${state.reasons}` : ''}`, meeting: null, from: '' };
    default:
      return { text: 'Not subject to call-in.', meeting: null, from: '' };
  }
}

/** A decision record's page: what was decided, why, what else was considered, conflicts, and where call-in stands. */
export function decisionView(model: PublishedView, committee: ViewCommittee, record: ViewDecision, build: SiteBuild) {
  const file = sitePaths.decision(committee.id, record.id);
  const meeting = record.meeting ? committee.meetings.find((m) => m.date === record.meeting) : undefined;
  const callIn = callInText(model, record, build.asOf);
  const entry = record.forwardPlan ? committee.forwardPlan?.entries.find((e) => e.ref === record.forwardPlan) : undefined;
  return {
    ...pageHead(model.config, `Decision: ${record.title}`, file, build, [{ text: committee.name, file: sitePaths.committee(committee.id) }, { text: 'Decisions', file: sitePaths.decisions(committee.id) }, { text: record.title, file }], true),
    title: record.title,
    kind: KIND[record.kind],
    by: record.by ?? committee.name,
    date: formatLong(record.date),
    key: record.key,
    published: record.published ? formatLong(record.published) : null,
    meeting: meeting ? { text: `${committee.name}, ${formatLong(meeting.date)}${record.minute ? `, minute ${record.minute}` : ''}`, href: linkFrom(file, sitePaths.meeting(meeting)) } : null,
    forwardPlan: entry ? { ref: entry.ref, href: entryHref(committee, entry.ref, file) } : null,
    exceptionNotice: entry?.exception ? { text: entry.exception.route === 'general-exception' ? 'General exception notice' : 'Special urgency notice', href: linkFrom(file, sitePaths.notice(committee.id, entry.ref)) } : null,
    withheld: record.withheld ? record.notice : null,
    notice: record.withheld ? null : record.notice,
    held: record.withheld ? null : record.held,
    decision: record.withheld ? null : record.decision,
    reasons: record.withheld ? null : record.reasons,
    alternatives: record.withheld ? null : record.alternatives,
    conflicts: record.withheld ? null : record.conflicts === null ? null : record.conflicts.length ? record.conflicts : ['None declared'],
    dispensations: record.withheld || record.dispensations === null ? null : record.dispensations.length ? record.dispensations : ['None'],
    callIn: { text: callIn.text, meeting: callIn.meeting && { text: callIn.meeting.text, href: linkFrom(file, callIn.meeting.href) } },
    implemented: record.implemented ? formatLong(record.implemented) : null,
    jsonLd: decisionJsonLd(model, committee, record, build.baseUrl),
  };
}

/** The committee's decisions, newest first, with where each call-in stands. */
export function decisionsView(model: PublishedView, committee: ViewCommittee, build: SiteBuild) {
  const file = sitePaths.decisions(committee.id);
  return {
    ...pageHead(model.config, `Decisions: ${committee.name}`, file, build, [{ text: committee.name, file: sitePaths.committee(committee.id) }, { text: 'Decisions', file }]),
    committee: committee.name,
    forwardPlan: committee.forwardPlan && committee.forwardPlan.published.length ? linkFrom(file, sitePaths.forwardPlan(committee.id)) : null,
    decisions: [...committee.decisions]
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id)))
      .map((d) => ({ title: d.title, href: linkFrom(file, sitePaths.decision(committee.id, d.id)), date: formatLong(d.date), kind: KIND[d.kind], by: d.by ?? committee.name, key: d.key, callIn: callInText(model, d, build.asOf).text })),
  };
}

/** The plan's editions as of the view, for the build to write each: worked out once a view (pages, PDFs and links share them; none changes them). */
export function planEditions(committee: ViewCommittee): readonly Edition[] {
  let all = EDITIONS.get(committee);
  if (!all) EDITIONS.set(committee, (all = committee.forwardPlan ? editions(committee.forwardPlan, decidedOn(committee)) : []));
  return all;
}

/** A general exception (reg 10) or special urgency (reg 11) notice's page: the matter, why it could not wait, who was told or agreed. */
export function noticeView(model: PublishedView, committee: ViewCommittee, entry: ForwardPlanEntry, build: SiteBuild) {
  const e = entry.exception!;
  const file = sitePaths.notice(committee.id, entry.ref);
  const general = e.route === 'general-exception';
  const kind = general ? 'General exception notice' : 'Special urgency notice';
  const maker = decisionMaker(model, entry.decisionMaker);
  const record = committee.decisions.find((d) => d.forwardPlan === entry.ref);
  return {
    ...pageHead(model.config, `${kind}: ${entry.matter}`, file, build, [{ text: committee.name, file: sitePaths.committee(committee.id) }, { text: kind, file }], true),
    kind,
    matter: entry.matter,
    law: general
      ? 'Regulation 10 of the Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012: a key decision on which 28 clear days\u2019 notice could not be given, taken no sooner than 5 clear days after this notice, the chair of the overview and scrutiny committee having been told in writing.'
      : 'Regulation 11 of the Local Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012: a key decision that is urgent and cannot reasonably be deferred, the chair of the overview and scrutiny committee (or the chair or vice-chair of the council) having agreed.',
    published: formatLong(e.published),
    decisionMaker: maker.text,
    members: maker.members,
    date: dueText(entry.date),
    reasons: e.reasons,
    told: general && e.scrutinyChair ? formatLong(e.scrutinyChair) : null,
    agreedBy: general ? null : e.agreedBy,
    agreed: !general && e.agreed ? formatLong(e.agreed) : null,
    entry: { ref: entry.ref, href: entryHref(committee, entry.ref, file) },
    record: record ? { text: record.title, href: linkFrom(file, sitePaths.decision(committee.id, record.id)) } : null,
  };
}

/** Each edition of a committee's forward plan as a tagged PDF, printed from its page without the site's navigation. */
export function executivePdfs(model: PublishedView, committee: ViewCommittee, build: SiteBuild): PrintedDocument[] {
  const all = planEditions(committee);
  return all.map((edition) => {
    const view = forwardPlanView(model, committee, edition, false, all, build);
    const title = committee.forwardPlan!.title ?? 'Forward Plan';
    return {
      file: sitePaths.forwardPlanPdf(committee.id, edition.day),
      template: 'forward-plan',
      view: { ...view, site: null, pdf: null, editions: [], printed: true },
      title: `${committee.name}: ${title}, ${formatLong(edition.day)}`,
      subject: `The ${committee.name}'s forward plan of key decisions, published on ${formatLong(edition.day)}`,
      date: edition.day,
    };
  });
}

/** A committee's forward plan (each edition, and the latest as its index) and its decisions' pages. */
export function writeExecutivePages(model: PublishedView, committee: ViewCommittee, build: SiteBuild, render: PageRenderer, emit: Emit): void {
  const all = planEditions(committee);
  all.forEach((edition, i) => {
    const view = (latest: boolean) => render('forward-plan', forwardPlanView(model, committee, edition, latest, all, build));
    emit(sitePaths.forwardPlanEdition(committee.id, edition.day), view(false));
    if (i === all.length - 1) emit(sitePaths.forwardPlan(committee.id), view(true));
  });
  for (const entry of committee.forwardPlan?.entries ?? []) {
    if (entry.exception) emit(sitePaths.notice(committee.id, entry.ref), render('notice', noticeView(model, committee, entry, build)));
  }
  if (!committee.decisions.length) return;
  emit(sitePaths.decisions(committee.id), render('decisions', decisionsView(model, committee, build)));
  for (const record of committee.decisions) emit(sitePaths.decision(committee.id, record.id), render('decision', decisionView(model, committee, record, build)));
}
