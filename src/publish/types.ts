import type { Root } from 'mdast';
import type { MODEL_VERSION } from '../model/types.js';
import type {
  Agenda,
  AgendaItem,
  Appendix,
  Committee,
  Config,
  CouncilMember,
  DecisionRecord,
  RegisteredInterest,
  ForwardPlan,
  Link,
  Meeting,
  Minute,
  MinuteNumber,
  Minutes,
  Paper,
  PaperType,
  Plan,
  Position,
  Register,
} from '../model/types.js';

/*
 * The published view: what an audience may see of the model, and the only
 * thing a writer is given (docs/data-flow.md). It is a type of its own, not
 * the model with flags: a paper, appendix, minute or link withheld from the
 * public is a variant with its notice and paragraph and no field that could
 * hold its title, author, file, text or tree, so that a writer which reached
 * for them would not compile (tests/publish/view-types.test.ts). Shown
 * documents carry their parsed text (`tree()`) and PDFs their bytes
 * (`bytes()`), read by the gate, so that no writer needs the content folder.
 */

export type Audience = 'public' | 'members';

import type { HeldBack } from './gate.js';
export type { HeldBack };

/** What is left of something withheld from this audience: the notice printed in its place and the paragraph it cites. */
export interface Withheld {
  readonly withheld: true;
  readonly notice: string;
  readonly paragraph: number | null;
}

/** How a shown thing is marked: the notice above an exempt one in the members' view, or null. */
export interface Shown {
  readonly withheld: false;
  /** The exemption notice printed above it for members; null when it is not exempt. */
  readonly notice: string | null;
  /** Why it is not public yet (a draft, or published later), printed above it where it is shown all the same (members, the preview); null when it is public. */
  readonly held: string | null;
}

/** A document's Markdown tree as this audience sees it, read when a writer asks for it. */
export type TreeOf = () => Root;
/** A PDF's bytes, read when a writer asks for them. */
export type BytesOf = () => Uint8Array;

/** A paper withheld from the public: an opaque id for its place in the pack, and its type. */
export interface WithheldPaper extends Withheld {
  /** `exempt-N`: stands for the paper in anchors and links, and names nothing of it. */
  readonly id: string;
  readonly type: PaperType;
}

export interface ShownAppendix extends Appendix, Shown {
  /** The Markdown appendix's tree, when it is Markdown and exists. */
  readonly tree: TreeOf | null;
  /** The PDF appendix's bytes, when it is a PDF and exists. */
  readonly bytes: BytesOf | null;
}

/** An appendix withheld from the public: nothing of it but its notice. */
export type WithheldAppendix = Withheld;

export type ViewAppendix = ShownAppendix | WithheldAppendix;

export interface ShownPaper extends Omit<Paper, 'appendices'>, Shown {
  readonly appendices: ViewAppendix[];
  readonly tree: TreeOf;
  /** An image the paper shows (by its address in the paper) as a data address, or null where it cannot be shown. */
  readonly image: (src: string) => string | null;
}

export type ViewPaper = ShownPaper | WithheldPaper;

/** A link of an agenda item to something this audience may not see: what it was, and the stand-in it leads to. */
export interface WithheldLink extends Withheld {
  readonly kind: Link['kind'];
  /** The stand-in (`exempt-N`) of the withheld paper or file. */
  readonly ref: string;
  readonly position: Position;
}

export type ShownLink = Link & { readonly withheld: false };
export type ViewLink = ShownLink | WithheldLink;

export interface ViewAgendaItem extends Omit<AgendaItem, 'links'> {
  links: ViewLink[];
}

export interface ViewAgenda extends Omit<Agenda, 'items'> {
  items: ViewAgendaItem[];
}

export type ShownMinute = Minute & Shown;

/** A minute of business taken in private, withheld from the public: its number and title, the notice and any public summary. */
export interface WithheldMinute extends Withheld {
  readonly number: MinuteNumber | null;
  readonly title: string;
  /** The public summary the minutes give, if any. */
  readonly summary: string | null;
  readonly position: Position;
  readonly endLine: number;
}

export type ViewMinute = ShownMinute | WithheldMinute;

export interface ViewMinutes extends Omit<Minutes, 'minutes'> {
  minutes: ViewMinute[];
  /**
   * Where the minutes stand: approved as a correct record by a later meeting (or their \`approved:\` day);
   * \`unapproved\`, published marked as a draft until a meeting approves them; \`draft\`, not published at all
   * (members only, marked).
   */
  readonly status: 'approved' | 'unapproved' | 'draft';
  /** The minutes' tree as this audience sees it: a withheld minute's text gone, its notice (and summary) in its place. */
  readonly tree: TreeOf;
}

/** A PDF of the meeting's folder this audience may be given, with its bytes. */
export interface ViewAttachment {
  readonly file: string;
  readonly position: Position;
  readonly bytes: BytesOf;
}

export interface ViewMeeting extends Omit<Meeting, 'agenda' | 'supplements' | 'papers' | 'attachments' | 'minutes'> {
  /**
   * Why the agenda and papers are not public yet (a draft, or \`published:\` a day still to come), or null. For the
   * public the meeting then has no agenda, supplements, papers or PDFs and no publication day; members see them, marked.
   */
  heldBack: HeldBack | null;
  /** The days the meeting was called for before it moved, and the recorded changes of time or venue: its calendar entry's history. */
  movedFrom: string[];
  revised: Agenda['revised'];
  agenda: ViewAgenda | null;
  supplements: ViewAgenda[];
  papers: ViewPaper[];
  attachments: ViewAttachment[];
  minutes: ViewMinutes | null;
}

/** A decision record this audience may read: all of it (marked, for members, where it is exempt or not yet published). */
export type ShownDecision = DecisionRecord & Shown;

/**
 * A decision taken in private, withheld from the public: what the law has published of it (its title, who took it,
 * when, its place in the minutes and the plan, and its call-in), and no field for its decision, reasons,
 * alternatives, conflicts or dispensations.
 */
export interface WithheldDecision extends Withheld {
  readonly id: string;
  readonly committee: string;
  readonly title: string;
  readonly kind: DecisionRecord['kind'];
  readonly by: string | null;
  readonly date: string;
  readonly meeting: string | null;
  readonly minute: string | null;
  readonly forwardPlan: string | null;
  readonly key: boolean;
  readonly published: string | null;
  readonly callIn: { kind: DecisionRecord['callIn']['kind'] };
  readonly calledIn: DecisionRecord['calledIn'];
  readonly implemented: string | null;
}

export type ViewDecision = ShownDecision | WithheldDecision;

export interface ViewCommittee extends Omit<Committee, 'meetings' | 'decisions' | 'forwardPlan'> {
  meetings: ViewMeeting[];
  /** The forward plan as published by the view's day: the editions and entries published by then (all of them, in the preview). */
  forwardPlan: ForwardPlan | null;
  decisions: ViewDecision[];
}

/** An interest of the register this audience may read (members see a sensitive one, marked). */
export type ShownInterest = RegisteredInterest & { readonly withheld: false; readonly notice: string | null };

/** A sensitive interest, for the public: that there is one, withheld under s.32, and nothing of what it is. */
export interface WithheldInterest {
  readonly withheld: true;
  readonly notice: string;
}

export type ViewInterest = ShownInterest | WithheldInterest;

export interface ViewMember extends Omit<CouncilMember, 'interests'> {
  interests: ViewInterest[];
}

export interface PublishedView {
  version: typeof MODEL_VERSION;
  readonly audience: Audience;
  config: Config;
  committees: ViewCommittee[];
  /** The council's members, each register of interests as this audience may read it. */
  members: ViewMember[];
  plans: Plan[];
  registers: Register[];
}
