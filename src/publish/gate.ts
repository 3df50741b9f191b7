import type { Agenda, Meeting, Model } from '../model/types.js';
import { exemptNotice } from './notice.js';
import { formatLong } from '../dates/calendar.js';

/*
 * The one place that decides what an audience may see. Every writer (HTML,
 * PDF, copied attachments, JSON export, and whatever is added later) takes
 * the view this module makes, never the model read from the content folder:
 *
 * - A file is exempt if it is exempt in any role: as a paper (`exempt:`), as
 *   any paper's appendix (the paper's list or its own file), as the appendix
 *   of an exempt paper, or as a paper or PDF linked from an agenda item taken
 *   in private (a supplement's item takes the main agenda's privacy; the file
 *   may be in any meeting's folder), unless the paper opts out with
 *   `exempt: false` and says why (`publicBecause:`). A file exempt in one
 *   role is withheld in every role.
 * - A PDF is published only where a public item links it or a public paper
 *   lists it as an appendix: one reached only from an exempt report's text,
 *   or from nothing, is not.
 * - A minute of business taken in private is withheld unless the minutes say
 *   it may be published (private-business.ts), whether or not the minutes'
 *   `exempt:` lists it. Minutes linked from a private item are withheld at
 *   that place; their own page shows them as their own meeting's view does.
 * - The public view replaces each exempt paper, appendix and linked PDF by a
 *   notice citing its paragraph: no title, author, wards, text or file name
 *   of it is left, and an exempt minute keeps only its number and title.
 * - The members' view holds everything, each exempt thing marked.
 *
 * See docs/publication.md.
 */

export type { Audience } from './types.js';
import type { Audience } from './types.js';

export interface Exemption {
  /** The paragraph of the law cited, where one is given. */
  paragraph: number | null;
  /** The words printed in its place (public) or above it (members). */
  notice: string;
}

/** Every file exempt in any role, with the paragraph that applies. */
export function exemptFiles(model: Model): Map<string, number | null> {
  const exempt = new Map<string, number | null>();
  const add = (file: string, paragraph: number | null) => {
    if (!exempt.has(file) || (exempt.get(file) === null && paragraph !== null)) exempt.set(file, paragraph);
  };
  const meetings = model.committees.flatMap((c) => c.meetings);
  // A private item may link a paper kept in another meeting's folder: it is exempt there too.
  const papers = new Map(meetings.flatMap((m) => m.papers).map((p) => [p.file, p]));
  for (const meeting of meetings) {
    for (const paper of meeting.papers) {
      if (paper.exempt) add(paper.file, paper.exemptParagraph);
      for (const appendix of paper.appendices) {
        if (appendix.exempt || paper.exempt) add(appendix.file, appendix.exemptParagraph ?? paper.exemptParagraph);
      }
    }
    for (const agenda of agendasOf(meeting)) {
      // (The index's outline of a meeting has an agenda with nothing in it.)
      for (const item of agenda.items ?? []) {
        if (!item.private) continue;
        for (const link of item.links) {
          // Minutes linked from a private item are withheld at that place (the view's links), not from their own page.
          if (!link.target || link.kind === 'minutes' || link.kind === 'external') continue;
          const paper = papers.get(link.target);
          // A paper on a private item is exempt unless it says otherwise, and why.
          if (paper && paper.exemptGiven && !paper.exempt && paper.publicBecause) continue;
          add(link.target, item.private.paragraph ?? paper?.exemptParagraph ?? null);
          for (const appendix of paper?.appendices ?? []) add(appendix.file, appendix.exemptParagraph ?? item.private.paragraph);
        }
      }
    }
  }
  // An exempt file's appendices are exempt, whichever paper lists the file.
  for (let grew = true; grew; ) {
    grew = false;
    for (const paper of papers.values()) {
      if (!exempt.has(paper.file)) continue;
      for (const appendix of paper.appendices) {
        if (!exempt.has(appendix.file)) {
          add(appendix.file, appendix.exemptParagraph ?? exempt.get(paper.file)!);
          grew = true;
        }
      }
    }
  }
  return exempt;
}

export function agendasOf(meeting: Meeting): Agenda[] {
  return [meeting.agenda, ...meeting.supplements].filter((a): a is Agenda => a !== null);
}

/** Why a meeting's papers, or a supplement, are not public yet: in draft, or published on a day still to come. */
export interface HeldBack {
  /** The day they are to be published; null for a draft. */
  readonly until: string | null;
  /** The words printed in their place (public) or above them (members). */
  readonly notice: string;
}

/** What is held back from the public as of a day: drafts, and agendas and supplements whose `published:` is still to come. */
export interface Holds {
  /** Meetings held back whole (the agenda a draft, or published later), by id. */
  meetings: Map<string, HeldBack>;
  /** Supplements held back on their own, by file. */
  supplements: Map<string, HeldBack>;
  /** Every file held back, with its notice: a held meeting's or supplement's agendas, papers, appendices and PDFs, draft papers and their appendices, draft minutes. */
  files: Map<string, string>;
}

export function heldBack(model: Model, asOf: string): Holds {
  const holds: Holds = { meetings: new Map(), supplements: new Map(), files: new Map() };
  const hold = (file: string, notice: string) => {
    if (!holds.files.has(file)) holds.files.set(file, notice);
  };
  const of = (agenda: Agenda, subject: string, verb: 'is' | 'are'): HeldBack | null => {
    if (agenda.draft) return { until: null, notice: `Not yet published: ${subject} ${verb} in draft.` };
    if (agenda.published && agenda.published > asOf) {
      return { until: agenda.published, notice: `Not yet published: ${subject} will be published on ${formatLong(agenda.published)}.` };
    }
    return null;
  };
  for (const meeting of model.committees.flatMap((c) => c.meetings)) {
    const papers = new Map(meeting.papers.map((p) => [p.file, p]));
    const holdPaper = (file: string, notice: string) => {
      hold(file, notice);
      for (const a of papers.get(file)?.appendices ?? []) hold(a.file, notice);
    };
    const whole = meeting.agenda ? of(meeting.agenda, 'the agenda and papers for this meeting', 'are') : null;
    if (whole) {
      holds.meetings.set(meeting.id, whole);
      for (const agenda of agendasOf(meeting)) hold(agenda.file, whole.notice);
      for (const paper of meeting.papers) holdPaper(paper.file, whole.notice);
      for (const a of meeting.attachments) hold(a.file, whole.notice);
    }
    for (const supplement of meeting.supplements) {
      const held = whole ? null : of(supplement, 'this supplementary agenda', 'is');
      if (!held) continue;
      holds.supplements.set(supplement.file, held);
      hold(supplement.file, held.notice);
      // Its papers: those its items link in this meeting's folder.
      for (const item of supplement.items) for (const link of item.links) if (link.target && papers.has(link.target)) holdPaper(link.target, held.notice);
    }
    for (const paper of meeting.papers) if (paper.draft) holdPaper(paper.file, 'To follow: this paper has not been published yet.');
    if (meeting.minutes?.draft) hold(meeting.minutes.file, 'Not yet published: the minutes of this meeting are in draft.');
  }
  return holds;
}

/**
 * What a public build holds back, in lines for the clerk (never for an output): each meeting and supplement
 * published later or in draft, each draft paper and draft minutes.
 */
export function heldSummary(model: Model, asOf: string): { meeting: string; text: string }[] {
  const holds = heldBack(model, asOf);
  const lines: { meeting: string; text: string }[] = [];
  const when = (held: HeldBack) => (held.until ? `published ${formatLong(held.until)}` : 'a draft');
  for (const meeting of model.committees.flatMap((c) => c.meetings)) {
    const say = (text: string) => lines.push({ meeting: meeting.id, text });
    const whole = holds.meetings.get(meeting.id);
    if (whole) say(`${meeting.agenda!.file}: ${when(whole)}`);
    for (const s of meeting.supplements) {
      const held = holds.supplements.get(s.file);
      if (held) say(`${s.file}: ${when(held)}`);
    }
    if (!whole) for (const p of meeting.papers) if (p.draft) say(`${p.file}: a draft`);
    if (meeting.minutes?.draft) say(`${meeting.minutes.file}: a draft`);
  }
  return lines;
}

/** What an audience may see of the files: asked by every writer, decided here alone. */
export class Gate {
  /** Every file exempt in any role, with the paragraph that applies. */
  readonly exempt: ReadonlyMap<string, number | null>;
  /** What is not public yet as of the build's day. */
  readonly holds: Holds;

  constructor(
    private readonly model: Model,
    readonly audience: Audience,
    asOf: string,
    /** Whether drafts and papers published later are withheld from the public, or shown marked (the preview). */
    private readonly drafts: 'withhold' | 'mark' = 'withhold',
  ) {
    this.exempt = exemptFiles(model);
    this.holds = heldBack(model, asOf);
  }

  /** Why the file is not public yet (a draft, or published later), or null. Members see it, marked with this. */
  heldOf(file: string): string | null {
    return this.holds.files.get(file) ?? null;
  }

  /** The file's exemption, or null when it is public. */
  exemptionOf(file: string, what: string): Exemption | null {
    if (!this.exempt.has(file)) return null;
    const paragraph = this.exempt.get(file)!;
    return { paragraph, notice: exemptNotice(this.model.config.jurisdiction, paragraph, what) };
  }

  /** May this audience see the file's content (its text, title, name)? */
  mayShow(file: string): boolean {
    return this.audience === 'members' || (!this.exempt.has(file) && (this.drafts === 'mark' || !this.holds.files.has(file)));
  }
}
