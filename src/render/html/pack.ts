import type { Agenda, Meeting, Model, Paper } from '../../model/types.js';
import { minutesContent } from './site.js';
import { formatLong } from '../../dates/calendar.js';
import type { Problems } from '../../parse/problems.js';
import { renderMarkdownFile } from './markdown.js';
import { keptTree } from '../../parse/content.js';
import { packLinks } from './links.js';
import { encodePath } from '../../output/paths.js';
import { appendixAnchor, exemption, meetingHeading, membership, paperAnchor, type Audience } from './views.js';

const TYPE_LABEL: Record<Paper['type'], string> = {
  report: 'Report',
  presentation: 'Presentation',
  plan: 'Plan',
  'response-schedule': 'Response schedule',
  other: 'Paper',
};

/** Everything the agenda-pack template shows, for one audience. */
export function packView(root: string, model: Model, meeting: Meeting, audience: Audience, problems: Problems) {
  const committee = model.committees.find((c) => c.id === meeting.committee)!;
  const rewriteLink = packLinks(model, meeting, audience, problems);
  const byFile = new Map(meeting.papers.map((p) => [p.file, p]));
  // Each paper's and appendix's ids start with its anchor: papers share a page, and footnote 1 is in many of them.
  const render = (file: string, topHeading: number, anchor: string) =>
    renderMarkdownFile(root, file, { topHeading, rewriteLink, problems, tree: keptTree(model, file), idPrefix: `${anchor}-` });

  // Another meeting's minutes linked from an item (the minutes to approve) are a paper of the pack, as councils publish them.
  const minutesOf = new Map<string, Meeting>();
  for (const c of model.committees) for (const m of c.meetings) if (m.minutes && m.id !== meeting.id) minutesOf.set(m.minutes.file, m);

  // Papers in agenda order: each item's links, then what supplements add to it.
  const order: { file: string; item: number; supplement: number | null }[] = [];
  const seen = new Set<string>();
  const itemPapers = (agenda: Agenda, itemNumber: number) =>
    agenda.items
      .filter((i) => i.number === itemNumber)
      .flatMap((i) => i.links)
      .filter((l) => l.target && (byFile.has(l.target) || minutesOf.has(l.target)));
  const agendas = [meeting.agenda, ...meeting.supplements].filter((a): a is Agenda => a !== null);
  for (const item of meeting.agenda?.items ?? []) {
    for (const agenda of agendas) {
      for (const link of itemPapers(agenda, item.number)) {
        if (seen.has(link.target!)) continue;
        seen.add(link.target!);
        order.push({ file: link.target!, item: item.number, supplement: agenda.supplement });
      }
    }
  }

  const itemTitle = new Map((meeting.agenda?.items ?? []).map((i) => [i.number, i.title]));
  const minutesPaper = (approved: Meeting, item: number, supplement: number | null) => {
    const anchor = `minutes-${approved.committee}-${approved.folder}`;
    const content = minutesContent(root, model, approved, problems, { topHeading: 4, rewriteLink, idPrefix: `${anchor}-` });
    const sameCommittee = approved.committee === meeting.committee;
    return {
      anchor,
      title: `Minutes of the ${sameCommittee ? '' : `${model.committees.find((c) => c.id === approved.committee)?.name ?? approved.committee} `}meeting held on ${formatLong(approved.date)}`,
      type: 'Minutes',
      author: null,
      keyDecision: false,
      wards: '',
      item,
      supplement,
      withheld: false,
      notice: null as string | null,
      notForPublication: false,
      html: content.html as string | null,
      minutes: content,
      appendices: [] as ReturnType<typeof paperView>['appendices'],
    };
  };
  const paperView = (paper: Paper, item: number, supplement: number | null) => {
    const ex = exemption(paper.publication);
    return {
      anchor: paperAnchor(paper),
      // The law keeps the agenda item's title for an exempt paper, not the paper's own.
      title: ex.withheld ? (itemTitle.get(item) ?? 'Not for publication') : paper.title,
      type: TYPE_LABEL[paper.type],
      author: paper.author,
      keyDecision: paper.keyDecision,
      wards: paper.wards.join(', '),
      item,
      supplement,
      ...ex,
      html: ex.withheld ? null : render(paper.file, 4, paperAnchor(paper)),
      appendices: paper.appendices.map((a, i) => {
        const ax = exemption(a.publication);
        return {
          anchor: appendixAnchor(paper, i),
          title: a.title,
          ...ax,
          html: ax.withheld || a.format !== 'md' || !a.exists ? null : render(a.file, 5, appendixAnchor(paper, i)),
          pdf: ax.withheld || a.format !== 'pdf' ? null : encodePath(a.file.split('/').pop()!),
          file: a.file,
        };
      }),
      minutes: null as ReturnType<typeof minutesContent> | null,
    };
  };
  const papers = order.map(({ file, item, supplement }) =>
    byFile.has(file) ? paperView(byFile.get(file)!, item, supplement) : minutesPaper(minutesOf.get(file)!, item, supplement),
  );
  const paperByFile = new Map(order.map(({ file }, i) => [file, papers[i]]));

  const itemView = (agenda: Agenda) =>
    agenda.items.map((item) => ({
      number: item.number,
      title: item.title,
      kind: item.kind,
      subPoints: item.subPoints.map((s) => s.text),
      notes: item.notes.map((n) => n.text),
      links: item.links.map((link) => {
        const paper = link.target ? paperByFile.get(link.target) : undefined;
        if (paper) return { href: `#${paper.anchor}`, text: paper.title, note: paper.withheld ? 'not for publication' : null, pages: null as string | null, file: null };
        // A file this audience may not see is not among the meeting's files in its view.
        const shown = link.target !== null && meeting.attachments.some((a) => a.file === link.target);
        // A link the gate withheld that is no paper of this view (a PDF, an appendix's file): only its note is left.
        if ((link.kind === 'attachment' && !shown) || link.withheld) return { href: null, text: 'Not for publication', note: 'not for publication', pages: null as string | null, file: null };
        const href = rewriteLink(link.href, agenda.file, link.position);
        const file = link.kind === 'attachment' && link.exists ? link.target : null;
        // Minutes not written yet are to follow, as a pack in preparation says.
        const toFollow = !link.exists && link.target !== null && /(?:^|\/)minutes\.md$/.test(link.target);
        return { href, text: link.text, note: toFollow ? 'to follow' : null, pages: null as string | null, file };
      }),
    }));

  const exemptInPack = papers.some((p) => p.notForPublication || p.appendices.some((a) => a.notForPublication));
  return {
    lang: model.config.locale,
    organisation: model.config.organisation,
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
