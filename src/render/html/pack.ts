import type { Agenda, Meeting, Model, Paper } from '../../model/types.js';
import { formatLong } from '../../dates/calendar.js';
import type { Problems } from '../../parse/problems.js';
import { renderMarkdownFile } from './markdown.js';
import { keptTree } from '../../parse/content.js';
import { packLinks } from './links.js';
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

  // Papers in agenda order: each item's links, then what supplements add to it.
  const order: { paper: Paper; item: number; supplement: number | null }[] = [];
  const seen = new Set<string>();
  const itemPapers = (agenda: Agenda, itemNumber: number) =>
    agenda.items
      .filter((i) => i.number === itemNumber)
      .flatMap((i) => i.links)
      .filter((l) => l.target && byFile.has(l.target));
  const agendas = [meeting.agenda, ...meeting.supplements].filter((a): a is Agenda => a !== null);
  for (const item of meeting.agenda?.items ?? []) {
    for (const agenda of agendas) {
      for (const link of itemPapers(agenda, item.number)) {
        if (seen.has(link.target!)) continue;
        seen.add(link.target!);
        order.push({ paper: byFile.get(link.target!)!, item: item.number, supplement: agenda.supplement });
      }
    }
  }

  const itemTitle = new Map((meeting.agenda?.items ?? []).map((i) => [i.number, i.title]));
  const papers = order.map(({ paper, item, supplement }) => {
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
          pdf: ax.withheld || a.format !== 'pdf' ? null : a.file.split('/').pop(),
          file: a.file,
        };
      }),
    };
  });
  const paperByFile = new Map(order.map(({ paper }, i) => [paper.file, papers[i]]));

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
        return { href, text: href?.endsWith('minutes.html') ? `Minutes of the previous meeting` : link.text, note: null, pages: null as string | null, file };
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
