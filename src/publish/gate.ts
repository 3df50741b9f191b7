import type { Agenda, Meeting, Model } from '../model/types.js';
import { exemptNotice } from './notice.js';

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

/** What an audience may see of the files: asked by every writer, decided here alone. */
export class Gate {
  /** Every file exempt in any role, with the paragraph that applies. */
  readonly exempt: ReadonlyMap<string, number | null>;

  constructor(
    private readonly model: Model,
    readonly audience: Audience,
  ) {
    this.exempt = exemptFiles(model);
  }

  /** The file's exemption, or null when it is public. */
  exemptionOf(file: string, what: string): Exemption | null {
    if (!this.exempt.has(file)) return null;
    const paragraph = this.exempt.get(file)!;
    return { paragraph, notice: exemptNotice(this.model.config.jurisdiction, paragraph, what) };
  }

  /** May this audience see the file's content (its text, title, name)? */
  mayShow(file: string): boolean {
    return this.audience === 'members' || !this.exempt.has(file);
  }
}
