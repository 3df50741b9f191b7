import type { Root, RootContent } from 'mdast';
import type { Agenda, AgendaItem, Appendix, CouncilMember, Link, Meeting, Minute, Minutes, Model, Paper } from '../model/types.js';
import { privateBusiness, privateItems, type PrivateBusiness } from './private-business.js';
import { agendasOf, Gate } from './gate.js';
import { exemptNotice } from './notice.js';
import { ContentFiles } from './files.js';
import { approvedMinutes } from '../parse/approvals.js';
import { ExecutiveView } from './executive.js';
import type {
  Audience,
  PublishedView,
  ViewAgenda,
  ViewAppendix,
  ViewAttachment,
  ViewLink,
  ViewMeeting,
  ViewMinute,
  ViewMinutes,
  ViewPaper,
  ViewInterest,
  ViewMember,
} from './types.js';

/**
 * The model as an audience may see it (`PublishedView`, src/publish/types.ts):
 * the only thing a writer is given.
 *
 * Public: every exempt paper, appendix and minute is a withheld variant
 * holding its notice and nothing of it (a paper keeps an opaque `exempt-N`
 * id for its place in the pack; a minute its number, title and any public
 * summary); agenda links to exempt files are withheld links to those ids;
 * exempt PDFs, and PDFs no public item or paper reaches, are not among the
 * meeting's files. Shown documents carry their parsed text, and PDFs their
 * bytes, read from the content folder here and nowhere else.
 * Members: everything, each exempt thing marked with its notice.
 */
export function publish(model: Model, audience: Audience, root: string, options: PublishOptions): PublishedView {
  const gate = new Gate(model, audience, options.asOf, options.drafts ?? 'withhold');
  const files = new ContentFiles(root, model);
  let next = 0;
  const standIns = new Map<string, string>();
  const standIn = (file: string) => {
    let id = standIns.get(file);
    if (id === undefined) standIns.set(file, (id = `exempt-${++next}`));
    return id;
  };
  // Minutes stand as a draft record until a later meeting approves them.
  const approved = new Set(model.committees.flatMap((c) => [...approvedMinutes(c)]));
  const view = new ViewMaker(model, gate, files, standIn, approved);
  const executiveView = new ExecutiveView(model, audience, options.asOf, options.drafts ?? 'withhold');
  return {
    version: model.version,
    audience,
    config: model.config,
    committees: model.committees.map((c) => ({
      ...c,
      meetings: c.meetings.map((m) => view.meeting(m)),
      forwardPlan: c.forwardPlan && executiveView.plan(c.forwardPlan),
      decisions: c.decisions.flatMap((d) => executiveView.decision(d)),
    })),
    members: model.members.map((m) => memberView(m, audience)),
    plans: model.plans,
    registers: model.registers,
  };
}

/** What the published register says in place of a sensitive interest (s.32(2) Localism Act 2011). */
export const SENSITIVE_NOTICE = 'The member has an interest the details of which are withheld under section 32(2) of the Localism Act 2011.';

/**
 * A member as an audience may see them: for the public, a sensitive interest is only the notice that there is one,
 * and an approved absence has no reason (often the member's health), only its days and minute.
 */
function memberView(member: CouncilMember, audience: Audience): ViewMember {
  return {
    ...member,
    absences: audience === 'members' ? member.absences : member.absences.map((a) => ({ ...a, reason: null })),
    interests: member.interests.map((i): ViewInterest => {
      if (!i.sensitive) return { ...i, withheld: false, notice: null };
      return audience === 'members' ? { ...i, withheld: false, notice: SENSITIVE_NOTICE } : { withheld: true, notice: SENSITIVE_NOTICE };
    }),
  };
}

export interface PublishOptions {
  /** The day the view is made as of: papers to be published later are held back until it. */
  asOf: string;
  /**
   * What the public view does with drafts and papers to be published later: \`withhold\` them (a build), or show
   * them marked (the clerk's preview, which shows the public site as it will be, exempt content still withheld).
   */
  drafts?: 'withhold' | 'mark';
}

class ViewMaker {
  constructor(
    private readonly model: Model,
    private readonly gate: Gate,
    private readonly files: ContentFiles,
    private readonly standIn: (file: string) => string,
    private readonly approved: ReadonlySet<Meeting>,
  ) {}

  private get audience(): Audience {
    return this.gate.audience;
  }

  meeting(meeting: Meeting): ViewMeeting {
    const gate = this.gate;
    const inPrivate = privateItems(meeting, gate.exempt);
    const business = privateBusiness(meeting, inPrivate);
    const reached = publiclyReached(meeting, inPrivate, gate);
    const attachments: ViewAttachment[] = meeting.attachments
      .filter((a) => this.audience === 'members' || (gate.mayShow(a.file) && reached.has(a.file)))
      .map((a) => ({ file: a.file, position: a.position, bytes: () => this.files.bytes(a.file) }));
    const agenda = (a: Agenda): ViewAgenda => ({
      ...a,
      items: a.items.map((item) => ({ ...item, links: item.links.map((link) => this.link(link, item, inPrivate)) })),
    });
    const heldBack = gate.holds.meetings.get(meeting.id) ?? null;
    const minutes = this.minutesOf(meeting, business);
    const history = { heldBack, movedFrom: meeting.agenda?.movedFrom ?? [], revised: meeting.agenda?.revised ?? [] };
    // Held back from the public whole: the meeting is known (its day, time and place), nothing of its papers.
    if (heldBack && !gate.mayShow(meeting.agenda!.file)) {
      return { ...meeting, ...history, published: null, agenda: null, supplements: [], papers: [], attachments: [], minutes };
    }
    const supplements = meeting.supplements.filter((s) => gate.mayShow(s.file) || !gate.holds.supplements.has(s.file));
    return {
      ...meeting,
      ...history,
      agenda: meeting.agenda ? agenda(meeting.agenda) : null,
      supplements: supplements.map(agenda),
      papers: meeting.papers.map((p) => this.paper(p)),
      attachments,
      minutes,
    };
  }

  /** The minutes as this audience sees them: none for the public while they are a draft. */
  private minutesOf(meeting: Meeting, business: PrivateBusiness[]): ViewMinutes | null {
    const minutes = meeting.minutes;
    if (!minutes || (minutes.draft && !this.gate.mayShow(minutes.file))) return null;
    const status = minutes.draft ? 'draft' : this.approved.has(meeting) ? 'approved' : 'unapproved';
    return this.minutes(minutes, business, status);
  }

  private paper(paper: Paper): ViewPaper {
    const exemption = this.gate.exemptionOf(paper.file, paper.type === 'report' ? 'report' : 'paper');
    const held = this.gate.heldOf(paper.file);
    if ((exemption || held) && !this.gate.mayShow(paper.file)) {
      const notice = exemption?.notice ?? held!;
      return { withheld: true, id: this.standIn(paper.file), type: paper.type, notice, paragraph: exemption?.paragraph ?? null };
    }
    return {
      ...paper,
      withheld: false,
      notice: exemption?.notice ?? null,
      held,
      appendices: paper.appendices.map((a) => this.appendix(a)),
      tree: () => this.files.tree(paper.file),
      image: (src: string) => this.files.image(paper.file, src),
    };
  }

  private appendix(appendix: Appendix): ViewAppendix {
    const exemption = this.gate.exemptionOf(appendix.file, 'appendix');
    const held = this.gate.heldOf(appendix.file);
    if ((exemption || held) && !this.gate.mayShow(appendix.file)) {
      return { withheld: true, notice: exemption?.notice ?? held!, paragraph: exemption?.paragraph ?? null };
    }
    const shown = appendix.exists;
    return {
      ...appendix,
      withheld: false,
      notice: exemption?.notice ?? null,
      held,
      tree: shown && appendix.format === 'md' ? () => this.files.tree(appendix.file) : null,
      bytes: shown && appendix.format === 'pdf' ? () => this.files.bytes(appendix.file) : null,
    };
  }

  private link(link: Link, item: AgendaItem, inPrivate: ReadonlyMap<AgendaItem, number | null>): ViewLink {
    const shown: ViewLink = { ...link, withheld: false };
    if (this.audience === 'members' || link.target === null) return shown;
    // Minutes linked from a private item ("the exempt minutes of ...") are not shown there.
    const privateMinutes = inPrivate.has(item) && link.kind === 'minutes';
    if (this.gate.mayShow(link.target) && !privateMinutes) return shown;
    const exemption = this.gate.exemptionOf(link.target, link.kind === 'minutes' ? 'minutes' : 'paper');
    const held = privateMinutes ? null : this.gate.heldOf(link.target);
    const paragraph = exemption?.paragraph ?? (held ? null : (inPrivate.get(item) ?? null));
    const notice = exemption?.notice ?? held ?? exemptNotice(this.model.config.jurisdiction, paragraph, 'minutes');
    return { withheld: true, kind: link.kind, ref: this.standIn(link.target), position: link.position, notice, paragraph };
  }

  private minutes(minutes: Minutes, business: PrivateBusiness[], status: ViewMinutes['status']): ViewMinutes {
    // A minute of business taken in private that the minutes do not list is withheld all the same, as the meeting's paragraph says.
    const inferred = new Map(business.filter((b) => b.minute.exempt === null).map((b) => [b.minute, { paragraph: b.paragraph, summary: null }]));
    const exemptOf = (m: Minute) => (m.exempt ? m.exempt : (inferred.get(m) ?? null));
    const withheld = this.audience === 'public';
    const list: ViewMinute[] = minutes.minutes.map((minute) => {
      const taken = exemptOf(minute);
      if (!taken) return { ...minute, withheld: false, notice: null, held: null };
      const notice = exemptNotice(this.model.config.jurisdiction, taken.paragraph, 'minute');
      if (!withheld) return { ...minute, exempt: taken, withheld: false, notice, held: null };
      return { withheld: true, number: minute.number, title: minute.title, summary: taken.summary, notice, paragraph: taken.paragraph, position: minute.position, endLine: minute.endLine };
    });
    const hidden = list.filter((m) => m.withheld);
    // What the file says outside the minutes' own text goes with the exempt minutes' text.
    const inHidden = (line: number) => hidden.some((m) => line > m.position.line && line <= m.endLine);
    const keep = <T extends { position: { line: number } }>(all: T[]) => (hidden.length ? all.filter((x) => !inHidden(x.position.line)) : all);
    return {
      ...minutes,
      blocks: keep(minutes.blocks),
      lists: keep(minutes.lists),
      tables: keep(minutes.tables),
      dates: keep(minutes.dates),
      // Comings and goings written in a withheld minute, or out of the room for its item, go with it.
      movements: keep(minutes.movements).filter((m) => !(m.kind === 'out' && list[m.minute]?.withheld)),
      minutes: list,
      status,
      tree: () => withExemptMinutes(this.files.tree(minutes.file), list),
    };
  }
}

/**
 * The PDFs of a meeting the public may be given: those a public item links,
 * and those a paper lists as its appendix (each judged by the gate). A PDF
 * reached only from a report's text, or from nothing, is not published.
 */
function publiclyReached(meeting: Meeting, inPrivate: Map<AgendaItem, number | null>, gate: Gate): Set<string> {
  const reached = new Set<string>();
  for (const agenda of agendasOf(meeting)) {
    for (const item of agenda.items ?? []) {
      if (inPrivate.has(item)) continue;
      for (const link of item.links) if (link.target) reached.add(link.target);
    }
  }
  for (const paper of meeting.papers) if (gate.mayShow(paper.file)) for (const a of paper.appendices) reached.add(a.file);
  return reached;
}

/**
 * The minutes' tree with each exempt minute as the view shows it: for the
 * public, its text gone and the notice (and summary, where one is given) in
 * its place; for members, the notice above its text.
 */
function withExemptMinutes(tree: Root, minutes: ViewMinute[]): Root {
  const marked = minutes.filter((m) => m.notice !== null);
  if (marked.length === 0) return tree;
  const paragraph = (text: string): RootContent => ({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }] });
  const children: RootContent[] = [];
  for (const node of tree.children) {
    const line = node.position?.start.line ?? 0;
    const inside = marked.find((m) => line > m.position.line && line <= m.endLine);
    if (inside?.withheld) continue;
    children.push(node);
    const heading = marked.find((m) => m.position.line === line);
    if (heading) {
      children.push(paragraph(heading.notice!));
      if (heading.withheld && heading.summary) children.push({ type: 'paragraph', children: [{ type: 'text', value: heading.summary }] });
    }
  }
  return { ...tree, children };
}
