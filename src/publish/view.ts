import type { AgendaItem, Appendix, Link, Meeting, Minute, Minutes, Model, Paper } from '../model/types.js';
import { privateBusiness, privateItems, type PrivateBusiness } from './private-business.js';
import { agendasOf, Gate, type Audience } from './gate.js';
import { exemptNotice } from './notice.js';
import { shareTrees } from '../parse/content.js';

/**
 * The model as an audience may see it: the only thing a writer is given.
 *
 * Public: every exempt paper is replaced by a stand-in that holds its notice
 * and nothing of it (no title, author, wards, text, appendices or file
 * name: its id and file are `exempt-N`, which is never read); every exempt
 * appendix likewise; every exempt PDF is gone from the meeting's files, and
 * agenda links to exempt files lead to the stand-in; every exempt minute
 * keeps its number and title, and its summary where the minutes give one.
 * Members: everything, each exempt thing carrying its notice.
 */
export function publicationView(model: Model, audience: Audience): Model {
  const gate = new Gate(model, audience);
  const view = structuredClone(model);
  let next = 0;
  const standIns = new Map<string, string>();
  const standIn = (file: string) => {
    let id = standIns.get(file);
    if (id === undefined) standIns.set(file, (id = `exempt-${++next}`));
    return id;
  };
  for (const meeting of view.committees.flatMap((c) => c.meetings)) {
    // Read before the links are changed: which business was taken in private follows the agenda's links.
    const inPrivate = privateItems(meeting, gate.exempt);
    const privateMinutes = privateBusiness(meeting, inPrivate);
    const reached = publiclyReached(meeting, inPrivate, gate);
    meeting.papers = meeting.papers.map((paper) => viewPaper(paper, gate, standIn));
    if (audience === 'public') {
      meeting.attachments = meeting.attachments.filter((a) => gate.mayShow(a.file) && reached.has(a.file));
      for (const agenda of agendasOf(meeting)) {
        for (const item of agenda.items ?? []) item.links = item.links.map((link) => viewLink(link, gate, standIn, inPrivate.has(item)));
      }
    }
    if (meeting.minutes?.minutes) meeting.minutes = viewMinutes(meeting.minutes, privateMinutes, model, audience);
  }
  // The renderer may use the trees already parsed, of the files this view shows; minutes are cut by their view.
  shareTrees(model, view, (file) => gate.mayShow(file));
  return view;
}

function viewPaper(paper: Paper, gate: Gate, standIn: (file: string) => string): Paper {
  const what = paper.type === 'report' ? 'report' : 'paper';
  const exemption = gate.exemptionOf(paper.file, what);
  const appendices = (list: Appendix[]) => list.map((a) => viewAppendix(a, gate, standIn));
  if (!exemption) return { ...paper, appendices: appendices(paper.appendices) };
  if (gate.mayShow(paper.file)) return { ...paper, appendices: appendices(paper.appendices), publication: { notice: exemption.notice, withheld: false } };
  const id = standIn(paper.file);
  return {
    id,
    file: id,
    fields: {},
    blocks: [],
    lists: [],
    tables: [],
    dates: [],
    suppressions: [],
    title: '',
    type: paper.type,
    author: null,
    keyDecision: false,
    exempt: true,
    exemptParagraph: exemption.paragraph,
    exemptGiven: true,
    publicBecause: null,
    wards: [],
    appendices: [],
    sections: [],
    paragraphs: [],
    responses: [],
    position: { file: id, line: 1, column: 1 },
    publication: { notice: exemption.notice, withheld: true },
  };
}

function viewAppendix(appendix: Appendix, gate: Gate, standIn: (file: string) => string): Appendix {
  const exemption = gate.exemptionOf(appendix.file, 'appendix');
  if (!exemption) return appendix;
  if (gate.mayShow(appendix.file)) return { ...appendix, publication: { notice: exemption.notice, withheld: false } };
  const id = standIn(appendix.file);
  return {
    file: id,
    title: appendix.title,
    exempt: true,
    exemptParagraph: exemption.paragraph,
    format: appendix.format,
    exists: false,
    body: null,
    responses: [],
    position: { file: id, line: 1, column: 1 },
    publication: { notice: exemption.notice, withheld: true },
  };
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

function viewLink(link: Link, gate: Gate, standIn: (file: string) => string, privateItem: boolean): Link {
  // Minutes linked from a private item ("the exempt minutes of ...") are not shown there.
  const withheld = link.target !== null && (!gate.mayShow(link.target) || (privateItem && link.kind === 'minutes'));
  if (!link.target || !withheld) return link;
  return { text: '', href: standIn(link.target), target: standIn(link.target), kind: link.kind, exists: link.exists, withheld: true, position: link.position };
}

function viewMinutes(minutes: Minutes, business: PrivateBusiness[], model: Model, audience: Audience): Minutes {
  // A minute of business taken in private that the minutes do not list is withheld all the same, as the meeting's paragraph says.
  const inferred = new Map(business.filter((b) => b.minute.exempt === null).map((b) => [b.minute, { paragraph: b.paragraph, summary: null }]));
  const exemptOf = (m: Minute) => (m.exempt ? m.exempt : (inferred.get(m) ?? null));
  const exempt = minutes.minutes.filter((m) => exemptOf(m));
  if (exempt.length === 0) return minutes;
  const withheld = audience === 'public';
  const inExempt = (line: number) => exempt.some((m) => line > m.position.line && line <= m.endLine);
  return {
    ...minutes,
    // What the file says outside the minutes' own text goes with the exempt minutes' text.
    blocks: withheld ? minutes.blocks.filter((b) => !inExempt(b.position.line)) : minutes.blocks,
    lists: withheld ? minutes.lists.filter((l) => !inExempt(l.position.line)) : minutes.lists,
    tables: withheld ? minutes.tables.filter((t) => !inExempt(t.position.line)) : minutes.tables,
    dates: withheld ? minutes.dates.filter((d) => !inExempt(d.position.line)) : minutes.dates,
    minutes: minutes.minutes.map((minute) => {
      const taken = exemptOf(minute);
      if (!taken) return minute;
      const notice = exemptNotice(model.config.jurisdiction, taken.paragraph, 'minute');
      const publication = { notice, withheld };
      if (!withheld) return { ...minute, exempt: taken, publication };
      return { ...minute, exempt: taken, blocks: [], resolutions: [], actions: [], references: [], declarations: [], dates: [], publication };
    }),
  };
}
