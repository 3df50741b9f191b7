import type { Plan, Register } from '../../model/types.js';
import type { PublishedView, ViewMeeting, ViewMinutes } from '../../publish/types.js';
import { formatLong } from '../../dates/calendar.js';
import { renderTree, type LinkRewriter } from './markdown.js';
import { Problems } from '../../parse/problems.js';
import { packLinks } from './links.js';
import { meetingName } from '../../site/documents.js';
import { documentHead, firstPartsByLine, meetingHeading, minutesClasses, statusView } from './views.js';

function dueText(due: { raw: string; kind: string; date: string | null }): string {
  return due.kind === 'date' && due.date ? formatLong(due.date).replace(/^\w+ /, '') : due.raw;
}

/**
 * A meeting's minutes as its view shows them: the body as written
 * (resolutions laid out, exempt minutes as the gate decided) and who
 * attended. For the minutes page, and for the pack of the meeting that
 * approves them, where they are a paper.
 */
/** What minutes not yet approved, or in draft, say at their head. */
const MINUTES_STATUS: Record<ViewMinutes['status'], string | null> = {
  approved: null,
  unapproved: 'Draft: these minutes are to be approved as a correct record at a later meeting.',
  draft: 'Not yet published: these minutes are in draft.',
};

export function minutesContent(meeting: ViewMeeting, problems: Problems, options: { topHeading: number; rewriteLink: LinkRewriter; idPrefix?: string }) {
  const minutes = meeting.minutes!;
  const html = renderTree(minutes.tree(), minutes.file, {
    ...options,
    problems,
    classesByLine: minutesClasses(meeting),
    firstPartByLine: firstPartsByLine(meeting),
  });
  const chair = minutes.chair?.name ?? null;
  return {
    statusNotice: MINUTES_STATUS[minutes.status],
    chair,
    present: minutes.present.map((p) => ({
      name: p.name,
      inTheChair: p.name === chair,
      // A substitute, with whose place they took ("Councillor Hale (substitute for Councillor Rashid Karim)").
      substituteFor: minutes.substitutes.find((s) => s.name === p.name)?.for ?? null,
    })),
    apologies: minutes.apologies.map((p) => p.name),
    absent: minutes.absent.map((p) => p.name),
    inAttendance: minutes.inAttendance.map((p) => p.name),
    html,
  };
}

/** The minutes page: attendance, the minutes as written (resolutions laid out), actions, and the signature line. */
export function minutesView(view: PublishedView, meeting: ViewMeeting, problems: Problems) {
  const minutes = meeting.minutes!;
  const committee = view.committees.find((c) => c.id === meeting.committee)!;
  return {
    ...documentHead(view.config, `Minutes: ${meetingName(meeting, committee)}`),
    committee: { name: committee.name },
    meeting: meetingHeading(meeting),
    ...minutesContent(meeting, problems, { topHeading: 2, rewriteLink: packLinks(view, meeting, problems) }),
    actions: minutes.minutes.flatMap((m) =>
      m.withheld ? [] : m.actions.map((a) => ({ minute: m.number?.raw ?? m.title, owner: a.owner, text: a.text, due: dueText(a.due) })),
    ),
  };
}

/** A plan page: each strand's actions with status in words and colour, overdue ones marked, and the coverage matrix. */
export function planView(model: PublishedView, plan: Plan, asOf: string) {
  const asOfDay = plan.asOf ?? asOf;
  const registerOf = new Map(model.registers.flatMap((r) => r.recommendations.map((rec) => [rec.ref, r] as const)));
  const strands = plan.strands.map((s) => ({
    number: s.number,
    title: s.title,
    lead: s.lead,
    addresses: s.addresses.map((a) => {
      const register = registerOf.get(a.ref);
      return { ref: a.ref, href: register ? `../registers/${register.id}.html#rec-${a.ref}` : null };
    }),
    intro: s.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text),
    actions: s.actions.map((row) => ({
      action: row.action,
      owner: row.owner,
      milestone: row.milestone,
      due: dueText(row.due),
      status: statusView(row.status),
      overdue: row.status !== 'Complete' && row.due.date !== null && row.due.date < asOfDay,
    })),
  }));
  const addressedBy = new Map<string, number[]>();
  for (const s of plan.strands) for (const a of s.addresses) addressedBy.set(a.ref, [...(addressedBy.get(a.ref) ?? []), s.number]);
  const registers = model.registers.filter((r) => r.recommendations.some((rec) => addressedBy.has(rec.ref)));
  const rows = registers.flatMap((r) =>
    r.recommendations.map((rec) => ({
      ref: rec.ref,
      text: rec.text,
      href: `../registers/${r.id}.html#rec-${rec.ref}`,
      cells: plan.strands.map((s) => (addressedBy.get(rec.ref) ?? []).includes(s.number)),
      addressed: addressedBy.has(rec.ref),
    })),
  );
  return {
    ...documentHead(model.config, plan.title),
    title: plan.title,
    owner: plan.owner,
    adopted: plan.adopted ? formatLong(plan.adopted) : null,
    asOf: formatLong(asOfDay),
    strands,
    matrix: { strands: plan.strands.map((s) => ({ number: s.number, title: s.title })), rows },
    unaddressed: rows.filter((r) => !r.addressed),
  };
}

export function registerView(model: PublishedView, register: Register) {
  const strandsFor = (ref: string) =>
    model.plans.flatMap((p) =>
      p.strands
        .filter((s) => s.addresses.some((a) => a.ref === ref))
        .map((s) => ({ label: `${p.title}, strand ${s.number}: ${s.title}`, href: `../plans/${p.id}.html#strand-${s.number}` })),
    );
  return {
    ...documentHead(model.config, register.title),
    title: register.title,
    source: register.source,
    recommendations: register.recommendations.map((rec) => ({
      ref: rec.ref,
      text: rec.text,
      timescale: rec.timescale,
      decision: rec.decisionRaw ?? 'No decision recorded',
      owner: rec.owner,
      actionBy: dueText(rec.actionBy),
      status: rec.status ? statusView(rec.status) : null,
      strands: strandsFor(rec.ref),
    })),
  };
}

