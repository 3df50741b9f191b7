import type { PaperType } from '../../model/types.js';
import type { PublishedView, ShownPaper, ViewAgenda, ViewMeeting, ViewPaper } from '../../publish/types.js';
import { minutesContent } from './site.js';
import { formatLong } from '../../dates/calendar.js';
import type { Problems } from '../../parse/problems.js';
import { renderTree } from './markdown.js';
import type { Root } from 'mdast';
import { packLinks } from './links.js';
import { encodePath } from '../../output/paths.js';
import { meetingName } from '../../site/documents.js';
import { appendixAnchor, documentHead, exemption, meetingHeading, membership, paperAnchor } from './views.js';

const TYPE_LABEL: Record<PaperType, string> = {
  report: 'Report',
  presentation: 'Presentation',
  plan: 'Plan',
  'response-schedule': 'Response schedule',
  other: 'Paper',
};

/** A paper's key in its pack: its file, or the stand-in that a withheld paper and the links to it share. */
function paperKey(paper: ViewPaper): string {
  return paper.withheld ? paper.id : paper.file;
}

/** Everything the agenda-pack template shows, for the view's audience. */
export function packView(view: PublishedView, meeting: ViewMeeting, problems: Problems) {
  const audience = view.audience;
  const committee = view.committees.find((c) => c.id === meeting.committee)!;
  const rewriteLink = packLinks(view, meeting, problems);
  const byKey = new Map(meeting.papers.map((p) => [paperKey(p), p]));
  // Each paper's and appendix's ids start with its anchor: papers share a page, and footnote 1 is in many of them.
  const render = (tree: Root, file: string, topHeading: number, anchor: string, image?: (src: string) => string | null) =>
    renderTree(tree, file, { topHeading, rewriteLink, problems, idPrefix: `${anchor}-`, image });

  // Another meeting's minutes linked from an item (the minutes to approve) are a paper of the pack, as councils publish them.
  const minutesOf = new Map<string, ViewMeeting>();
  for (const c of view.committees) for (const m of c.meetings) if (m.minutes && m.id !== meeting.id) minutesOf.set(m.minutes.file, m);

  // Papers in agenda order: each item's links, then what supplements add to it.
  const order: { key: string; item: number; supplement: number | null }[] = [];
  const seen = new Set<string>();
  const itemPapers = (agenda: ViewAgenda, itemNumber: number) =>
    agenda.items
      .filter((i) => i.number === itemNumber)
      .flatMap((i) => i.links)
      .map((l) => (l.withheld ? l.ref : l.target))
      .filter((key): key is string => key !== null && (byKey.has(key) || minutesOf.has(key)));
  const agendas = [meeting.agenda, ...meeting.supplements].filter((a): a is ViewAgenda => a !== null);
  // The main agenda's items, and the items of urgent business a supplement adds, in their order.
  const numbers = [...new Set(agendas.flatMap((a) => a.items.map((i) => i.number)))].sort((a, b) => a - b);
  for (const number of numbers) {
    for (const agenda of agendas) {
      for (const key of itemPapers(agenda, number)) {
        if (seen.has(key)) continue;
        seen.add(key);
        order.push({ key, item: number, supplement: agenda.supplement });
      }
    }
  }

  // An item's title is the main agenda's; an item a supplement adds has the supplement's.
  const itemTitle = new Map([...agendas].reverse().flatMap((a) => a.items.map((i) => [i.number, i.title] as const)));
  const minutesPaper = (approved: ViewMeeting, item: number, supplement: number | null) => {
    const anchor = `minutes-${approved.committee}-${approved.folder}`;
    const content = minutesContent(approved, problems, { topHeading: 4, rewriteLink, idPrefix: `${anchor}-` });
    const sameCommittee = approved.committee === meeting.committee;
    return {
      anchor,
      title: `Minutes of the ${sameCommittee ? '' : `${view.committees.find((c) => c.id === approved.committee)?.name ?? approved.committee} `}meeting held on ${formatLong(approved.date)}`,
      type: 'Minutes',
      author: null,
      keyDecision: false,
      wards: '',
      item,
      supplement,
      withheld: false,
      notice: null as string | null,
      held: null as string | null,
      notForPublication: false,
      html: content.html as string | null,
      minutes: content,
      appendices: [] as ReturnType<typeof shownPaper>['appendices'],
    };
  };
  const withheldPaper = (paper: Extract<ViewPaper, { withheld: true }>, item: number, supplement: number | null) => ({
    anchor: paperAnchor(paper),
    // The law keeps the agenda item's title for an exempt paper, not the paper's own.
    title: itemTitle.get(item) ?? 'Not for publication',
    type: TYPE_LABEL[paper.type],
    author: null as string | null,
    keyDecision: false,
    wards: '',
    item,
    supplement,
    ...exemption(paper),
    html: null as string | null,
    appendices: [] as ReturnType<typeof shownPaper>['appendices'],
    minutes: null as ReturnType<typeof minutesContent> | null,
  });
  const shownPaper = (paper: ShownPaper, item: number, supplement: number | null) => {
    return {
      anchor: paperAnchor(paper),
      title: paper.title,
      type: TYPE_LABEL[paper.type],
      author: paper.author,
      date: paper.date ? formatLong(paper.date) : null,
      keyDecision: paper.keyDecision,
      /** Its entry in the executive's forward plan, by its reference. */
      forwardPlan: paper.forwardPlan?.ref ?? null,
      wards: paper.wards.join(', '),
      item,
      supplement,
      ...exemption(paper),
      html: render(paper.tree(), paper.file, 4, paperAnchor(paper), paper.image) as string | null,
      appendices: paper.appendices.map((a, i) => {
        const anchor = appendixAnchor(paper, i);
        if (a.withheld) return { anchor, title: `Appendix ${i + 1}`, ...exemption(a), html: null, pdf: null, file: null, bytes: null };
        return {
          anchor,
          title: a.title,
          ...exemption(a),
          html: a.tree ? render(a.tree(), a.file, 5, anchor) : null,
          pdf: a.format === 'pdf' ? encodePath(a.file.split('/').pop()!) : null,
          file: a.file as string | null,
          bytes: a.bytes,
        };
      }),
      minutes: null as ReturnType<typeof minutesContent> | null,
    };
  };
  const paperView = (paper: ViewPaper, item: number, supplement: number | null) =>
    paper.withheld ? withheldPaper(paper, item, supplement) : shownPaper(paper, item, supplement);
  const papers = order.map(({ key, item, supplement }) =>
    byKey.has(key) ? paperView(byKey.get(key)!, item, supplement) : minutesPaper(minutesOf.get(key)!, item, supplement),
  );
  const paperByKey = new Map(order.map(({ key }, i) => [key, papers[i]]));
  const attachmentBytes = new Map(meeting.attachments.map((a) => [a.file, a.bytes]));

  const itemView = (agenda: ViewAgenda) =>
    agenda.items.map((item) => ({
      number: item.number,
      title: item.title,
      kind: item.kind,
      subPoints: item.subPoints.map((s) => s.text),
      notes: item.notes.map((n) => n.text),
      links: item.links.map((link) => {
        const paper = paperByKey.get(link.withheld ? link.ref : (link.target ?? ''));
        if (paper) return { href: `#${paper.anchor}`, text: paper.title, note: paper.withheld ? 'not for publication' : null, pages: null as string | null, file: null, bytes: null };
        // A link the gate withheld that is no paper of this view (a PDF, an appendix's file): only its note is left.
        // A file this audience may not see is not among the meeting's files in its view.
        const shown = !link.withheld && link.target !== null && attachmentBytes.has(link.target);
        if (link.withheld || (link.kind === 'attachment' && !shown)) {
          return { href: null, text: 'Not for publication', note: 'not for publication', pages: null as string | null, file: null, bytes: null };
        }
        const href = rewriteLink(link.href, agenda.file, link.position);
        const file = link.kind === 'attachment' && link.exists ? link.target : null;
        // Minutes not written yet are to follow, as a pack in preparation says.
        const toFollow = !link.exists && link.target !== null && /(?:^|\/)minutes\.md$/.test(link.target);
        return { href, text: link.text, note: toFollow ? 'to follow' : null, pages: null as string | null, file, bytes: file ? (attachmentBytes.get(file) ?? null) : null };
      }),
    }));

  const exemptInPack = papers.some((p) => p.notForPublication || p.appendices.some((a) => a.notForPublication));
  return {
    ...documentHead(view.config, `Agenda pack: ${meetingName(meeting, committee)}`),
    committee: { name: committee.name, members: membership(committee) },
    meeting: meetingHeading(meeting),
    audience,
    notForPublication: audience === 'members' && exemptInPack,
    items: meeting.agenda ? itemView(meeting.agenda) : [],
    agendaNotes: meeting.agenda?.notes.map((n) => n.text) ?? [],
    supplements: meeting.supplements.map((s) => ({
      number: s.supplement,
      published: s.published ? formatLong(s.published) : null,
      urgency: s.urgency,
      items: itemView(s),
    })),
    papers,
  };
}
