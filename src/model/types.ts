/**
 * The typed model of a content folder. Every node that a check or a renderer
 * may need to point at carries a `position`. The JSON export is this model as
 * it stands (dates are ISO `YYYY-MM-DD` strings), so changing a field here is
 * a change to a documented, versioned shape: see docs/model.md.
 */

export const MODEL_VERSION = 1;

/** A place in a file of the content folder. `file` is relative to the content root, with `/`. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** A problem found while reading the content folder. */
export interface Problem {
  /** The rule the problem belongs to, as the linter reports it (`frontmatter`, `link-target`, ...). */
  code: string;
  severity: Severity;
  message: string;
  position: Position;
  /** A second place involved: the first copy, the thing it conflicts with. */
  related?: { message: string; position: Position };
}

export type Jurisdiction = 'england' | 'wales' | 'scotland' | 'us-brown-act' | 'generic';
export type CouncilKind = 'principal' | 'parish' | 'town' | 'community';
export type MinuteNumbering = 'per-year' | 'continuous' | 'per-meeting';
export type MinuteNumberStyle = 'auto' | 'serial' | 'serial/year' | 'year/serial' | 'none';
export type RuleSetting = 'off' | 'warn' | 'error';

export interface Config {
  organisation: string;
  locale: string;
  timezone: string;
  jurisdiction: Jurisdiction;
  /** The kind of body: a principal council, or a local (parish, town or community) council; it sets the notice defaults. */
  council: CouncilKind;
  /** Executive arrangements (key decisions, a forward plan, call-in) or the committee system. */
  governance: 'executive' | 'committee';
  /** Holiday calendar for clear-day counting: `GB-ENG`, `GB-WLS`, `GB-SCT`, `GB-NIR`, `US`, or `none`. */
  holidays: string;
  minuteNumbering: MinuteNumbering;
  /** `MM-DD` on which per-year numbering restarts. */
  municipalYearStart: string;
  /** Clear days the agenda must be published before the meeting; null means no deadline. */
  publicationClearDays: number | null;
  /** Hours before the meeting (calendar time), for jurisdictions that count so. */
  publicationHours: number | null;
  /**
   * Which days count as clear days: `mon-fri` (principal councils), `mon-sat`
   * (town, parish and community councils, where Saturdays count), `all`.
   * Holidays of the `holidays` calendar never count.
   */
  publicationCountDays: 'mon-fri' | 'mon-sat' | 'all';
  rules: Record<string, RuleSetting>;
  /**
   * The council's report template, where it states one: the papers it applies to, the sections each must have (each
   * a list of accepted wordings), and whether they list their background papers.
   */
  reports: { types: PaperType[]; sections: string[][]; backgroundPapers: boolean; clearance: string[] } | null;
  /** Whether a substitute must be of the same group as the member whose place they take. */
  substitutesSameGroup: boolean;
  /** Executive decisions: the call-in period (working days from a record's publication), the hour it ends, and the key-decision threshold in pounds. */
  decisions: { callInDays: number; callInEnds: string; keyDecisionThreshold: number | null };
  /** A folder of the council's own templates, relative to the content root. */
  templates: string | null;
  /** The address the site is published at, ending in `/`; null when not given (no calendars, feeds or open data). */
  baseUrl: string | null;
  fields: Record<string, Position>;
  position: Position;
}

/** A date written in prose or in a field, as the clerk wrote it. */
export interface WrittenDate {
  /** The text as written, HTML tags removed (`Tuesday 15 April 2025`). */
  text: string;
  /** The date it names, `YYYY-MM-DD`; null when it names no real day. */
  date: string | null;
  /** The weekday written with it, if any (`Tuesday`). */
  weekday: string | null;
  /** Whether the written weekday is the date's weekday; null when no weekday was written or there is no date. */
  weekdayMatches: boolean | null;
  /** Why the text is not a date: `impossible` (31 February) or `malformed` (`24h April 2018`). */
  invalid: 'impossible' | 'malformed' | null;
  /** Written without a year ("on Sunday 30th September"): `date` is read in the year of the meeting the file belongs to. */
  yearless?: true;
  position: Position;
}

/** A due date in a plan, register or action: a day, a month, or a word. */
export interface DueDate {
  raw: string;
  kind: 'date' | 'month' | 'ongoing' | 'tbc' | 'none' | 'other';
  /** For `date`, the day; for `month`, the month's last day (the latest it can mean). */
  date: string | null;
}

/** A block of text with its place: a paragraph, list item, heading or table cell. */
export interface TextBlock {
  kind: 'paragraph' | 'heading' | 'list-item' | 'table-cell';
  text: string;
  position: Position;
  /** Where each character of `text` came from, as [index, line, column] triples (see `positionIn`); left out of the JSON export. */
  segments?: number[];
}

/** An ordered list as written: each item's written number, and whether the list carried on after interrupting paragraphs. */
export interface OrderedList {
  items: { number: number; text: string; position: Position }[];
  /** The sentence just before the list (for stated counts), if a paragraph introduced it. */
  lead: TextBlock | null;
  position: Position;
}

export interface Table {
  header: TextBlock[];
  rows: TextBlock[][];
  position: Position;
}

/** What every Markdown document keeps: its text blocks, lists, tables and dates. */
export interface DocumentBody {
  file: string;
  /** Where each frontmatter key's value is written. */
  fields: Record<string, Position>;
  blocks: TextBlock[];
  lists: OrderedList[];
  tables: Table[];
  dates: WrittenDate[];
  /** `<!-- boardpack-disable-next-line rule-id -- reason -->` comments: findings of those rules on the next line are not reported. */
  suppressions: Suppression[];
}

export interface Suppression {
  rules: string[];
  reason: string | null;
  /** The line whose findings it suppresses: the first line with text after the comment. */
  line: number;
  position: Position;
}

export interface Link {
  text: string;
  href: string;
  /** Content-relative path of the target, for local links; null for external ones. */
  target: string | null;
  kind: 'paper' | 'attachment' | 'minutes' | 'meeting-file' | 'external';
  exists: boolean;
  position: Position;
}

export type AgendaItemKind =
  | 'apologies'
  | 'declarations'
  | 'previous-minutes'
  | 'exclusion'
  | 'next-meeting'
  | 'other';

export interface AgendaItem {
  /** The number as written (`4`). */
  number: number;
  /**
   * Taken in private (Part 2), with the exemption paragraph when the agenda
   * gives one; null when taken in public. From the agenda's `private:`, or,
   * where an agenda has none, every item after "Exclusion of the press and public".
   */
  private: { paragraph: number | null; explicit: boolean } | null;
  title: string;
  kind: AgendaItemKind;
  subPoints: TextBlock[];
  links: Link[];
  notes: TextBlock[];
  dates: WrittenDate[];
  position: Position;
}

export interface Agenda extends DocumentBody {
  /** null for the main agenda, N for `supplement-N.md`. */
  supplement: number | null;
  time: string | null;
  venue: string | null;
  published: string | null;
  /** As written; the meeting's status defaults to `held` when minutes exist, else `scheduled`. */
  status: MeetingStatus | null;
  title: string | null;
  urgency: string | null;
  /** The dates the meeting was called for before it moved, earliest first. */
  movedFrom: string[];
  /** A draft: the meeting's agenda and papers are kept out of public outputs. */
  draft: boolean;
  /** The days the time or venue changed after publication, earliest first, with what changed where it is said. */
  revised: { date: string; change: string | null }[];
  /** The frontmatter's `type:` (ordinary, annual, special, extraordinary), or null. */
  type: MeetingType | null;
  /** The notices of a private executive meeting (reg 5): intention (28 clear days), final (5 clear days), representations and response. */
  privateNotice: { intention: string | null; final: string | null; representations: string | null; response: string | null; position: Position } | null;
  items: AgendaItem[];
  /** Paragraphs outside the items. */
  notes: TextBlock[];
  position: Position;
}

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled' | 'postponed';
export type MeetingType = 'ordinary' | 'annual' | 'special' | 'extraordinary';

export interface Appendix {
  file: string;
  title: string;
  /** Whether the appendix is exempt; inherited from its paper unless set. */
  exempt: boolean;
  /** The exemption paragraph cited (Schedule 12A), or null when none is. */
  exemptParagraph: number | null;
  format: 'md' | 'pdf';
  exists: boolean;
  /** The parsed text of a Markdown appendix. */
  body: DocumentBody | null;
  /** For a Markdown appendix of `type: response-schedule`, the rows of its tables, read as a register. */
  responses: Recommendation[];
  position: Position;
}

export interface ReportSection {
  /** The written section number, or null for an unnumbered heading. */
  number: number | null;
  title: string;
  /** The section's place in the report's outline: 2 for a numbered section, whatever level its heading has. */
  depth: number;
  /** The heading's level as written (1 to 6); null for a section written as a bold paragraph. */
  level: number | null;
  position: Position;
}

/** An image a paper shows: what it points at and the text that stands for it. */
export interface PaperImage {
  src: string;
  alt: string;
  position: Position;
}

export interface NumberedParagraph {
  /** As written, `2.3`. */
  label: string;
  section: number;
  index: number;
  text: string;
  position: Position;
}

export type PaperType = 'report' | 'presentation' | 'plan' | 'response-schedule' | 'other';

export interface Paper extends DocumentBody {
  id: string;
  title: string;
  type: PaperType;
  author: string | null;
  keyDecision: boolean;
  exempt: boolean;
  /** The exemption paragraph cited (`exempt: 3`), or null when none is. */
  exemptParagraph: number | null;
  /** Whether the frontmatter states `exempt:` itself (so `exempt: false` opts out of a private item's exemption). */
  exemptGiven: boolean;
  /** A draft, kept out of public outputs. */
  draft: boolean;
  /** The report's own date, where it gives one. */
  date: string | null;
  /** The notice given of the key decision it asks for: the forward plan's, or the general exception or special urgency. */
  /** The key decision's entry in the forward plan, by its ref. */
  forwardPlan: { ref: string; position: Position } | null;
  keyDecisionNotice: { published: string; route: 'forward-plan' | 'general-exception' | 'special-urgency'; scrutinyChair: string | null; agreedBy: string | null; position: Position } | null;
  /** The day the report reached the clerk, and why it was late where it was. */
  submitted: string | null;
  lateReason: string | null;
  /** Who cleared the report before publication, by role. */
  clearances: { role: string; by: string; on: string; position: Position }[];
  /** Why a paper on an item taken in private may be published, with `exempt: false`. */
  publicBecause: string | null;
  wards: string[];
  appendices: Appendix[];
  sections: ReportSection[];
  images: PaperImage[];
  paragraphs: NumberedParagraph[];
  /** For `response-schedule` papers, the rows of their tables, read as a register. */
  responses: Recommendation[];
  position: Position;
}

export interface Attachment {
  file: string;
  position: Position;
}

export interface Person {
  name: string;
  position: Position;
}

export interface MinuteNumber {
  raw: string;
  prefix: string;
  value: number;
  /** The `/yy` suffix, as a number, if written. */
  year: number | null;
}

export interface ResolutionPart {
  /** As written, `(2)`. */
  label: string;
  kind: 'number' | 'letter' | 'roman';
  /** 1-based value of the label: (2) = 2, (b) = 2, (ii) = 2. */
  index: number;
  text: string;
  /** Unlabelled points under the part (bullets after "should include:-"). */
  points: TextBlock[];
  parts: ResolutionPart[];
  position: Position;
}

export interface Resolution {
  verb: 'resolved' | 'agreed' | 'recommended';
  /** Words before the first part, or the whole resolution when it has no parts. */
  text: string;
  parts: ResolutionPart[];
  reasons: TextBlock[];
  position: Position;
}

export interface Action {
  owner: string;
  text: string;
  due: DueDate;
  position: Position;
}

/** Progress on an action of a committee's minutes, recorded between meetings in `actions.yml`. */
export interface ActionProgress {
  /** The meeting whose minutes record the action, `YYYY-MM-DD`. */
  meeting: string;
  /** Its minute's number as written, or its title. */
  minute: string;
  /** Which of the minute's actions, where it says: the start of the owner or the words. */
  action: string | null;
  status: 'done' | 'in progress' | 'dropped';
  date: string;
  /** A new date agreed for it. */
  due: string | null;
  note: string | null;
  position: Position;
}

export interface MinuteReference {
  raw: string;
  number: string;
  /** The meeting named with "of the meeting held on <date>", if any. */
  meetingDate: WrittenDate | null;
  position: Position;
}

export interface Declaration {
  name: string;
  /** As written: `personal`, `disclosable pecuniary`, ... */
  interest: string;
  minute: string;
  /** What they did, where the minutes' frontmatter says (`declarations:`); null where only the words record it. */
  action: 'left' | 'remained' | 'spoke-not-voted' | 'dispensed' | null;
  position: Position;
}

/** A vote the minutes record: the names on each side where they are given, the counts where they are stated, the result. */
export interface Vote {
  for: string[] | null;
  against: string[] | null;
  abstain: string[] | null;
  counts: { for: number | null; against: number | null; abstain: number | null };
  result: 'carried' | 'lost' | null;
  /** Decided by the chair's casting vote. */
  casting: boolean;
  position: Position;
}

export interface Minute {
  /** Null in minutes that are not numbered (a style), or for a heading without a number in numbered minutes. */
  number: MinuteNumber | null;
  title: string;
  blocks: TextBlock[];
  resolutions: Resolution[];
  actions: Action[];
  references: MinuteReference[];
  declarations: Declaration[];
  /** The votes recorded in it. */
  votes: Vote[];
  dates: WrittenDate[];
  /**
   * Taken in private (the minutes' `exempt:`): the public minutes keep only
   * its number, title and summary. `false` where the minutes say the minute
   * may be published although its business was taken in private (`"12": false`);
   * null where they say nothing (a minute of business taken in private is then
   * withheld all the same: src/publish/private-business.ts).
   */
  exempt: { paragraph: number | null; summary: string | null } | false | null;
  /** Where the minute ends: the line before the next minute's heading, or the file's last line. */
  endLine: number;
  position: Position;
}

/**
 * A member coming or going during a meeting: `arrived` (there from this minute), `left` (gone from this minute), or
 * `out` (out of the room for this minute's item alone, as after declaring an interest).
 */
export interface Movement {
  name: string;
  kind: 'arrived' | 'left' | 'out';
  /** The minute, by its index in the minutes, from which (or for which) it counts. */
  minute: number;
  position: Position;
}

export interface Minutes extends DocumentBody {
  /** When they were published, where the frontmatter says. */
  published: string | null;
  /** A draft, not published at all. */
  draft: boolean;
  /** The day a later meeting approved them, where the frontmatter says. */
  approved: string | null;
  chair: Person | null;
  present: Person[];
  apologies: Person[];
  absent: Person[];
  inAttendance: Person[];
  /** Members who sat in another's place ("X for Y"): who sat, and for whom. */
  substitutes: (Person & { for: string })[];
  minutes: Minute[];
  /** Members arriving and leaving during the meeting (the frontmatter's `arrived:` and `left:`, and the minutes' words). */
  movements: Movement[];
  /** Whether the minutes number their headings; minutes with no numbered heading are a style, not a fault. */
  numbered: boolean;
  position: Position;
}

export interface Meeting {
  /** `<committee>/<folder>`. */
  id: string;
  committee: string;
  folder: string;
  date: string;
  suffix: string | null;
  /**
   * A special (extraordinary) meeting, called for one piece of business: its
   * agenda's `type: special` or `extraordinary`, or a folder suffix such as
   * `-special`. It is not the "next meeting" at which an ordinary meeting's
   * minutes are approved.
   */
  special: boolean;
  time: string | null;
  venue: string | null;
  status: MeetingStatus;
  title: string;
  published: string | null;
  agenda: Agenda | null;
  supplements: Agenda[];
  papers: Paper[];
  attachments: Attachment[];
  minutes: Minutes | null;
  position: Position;
}

export type MemberRole = 'chair' | 'vice-chair' | 'member' | 'co-opted';

export interface Member {
  name: string;
  role: MemberRole;
  aliases: string[];
  position: Position;
}

export interface Committee {
  id: string;
  name: string;
  /** What it is for, from committee.yml. */
  purpose: string | null;
  /** Members needed: a number, or resolved from a fraction of the membership (rounded up). */
  quorum: number | null;
  quorumRaw: string | null;
  venue: string | null;
  time: string | null;
  minutePrefix: string | null;
  /** How minute numbers run on between meetings: the committee's own, or boardpack.yml's. */
  minuteNumbering: MinuteNumbering;
  /**
   * How the minute numbers are written: `serial` (`107`, `C9`), `serial/year`
   * (`77/25`), `year/serial` (`22/014`, `A21/007`), `none` (not numbered), or
   * `auto`, read from each file.
   */
  minuteNumbers: MinuteNumberStyle;
  /** The council's executive, or a committee of it, which takes key decisions. */
  executive: boolean;
  /** The full council (`fullCouncil: true`): its budget votes are recorded by name. */
  fullCouncil: boolean;
  /** Reports reach the clerk this many working days before the meeting; null when the committee sets no deadline. */
  submissionDays: number | null;
  members: Member[];
  /** Progress recorded on its minutes' actions (`actions.yml`), in the file's order. */
  actions: ActionProgress[];
  /** An executive committee's forward plan (`forward-plan.yml`), or null. */
  forwardPlan: ForwardPlan | null;
  /** The records of decisions taken by it, its members or officers under its delegation (`decisions.yml`). */
  decisions: DecisionRecord[];
  meetings: Meeting[];
  fields: Record<string, Position>;
  position: Position;
}

/** A general exception (reg 10) or special urgency (reg 11) notice, where 28 days' notice of a key decision could not be given. */
export interface DecisionException {
  route: 'general-exception' | 'special-urgency';
  published: string;
  scrutinyChair: string | null;
  agreedBy: string | null;
  agreed: string | null;
  reasons: string | null;
  /** Special urgency: the day it was reported to the council (reg 19). */
  reported: string | null;
  fields: Record<string, Position>;
  position: Position;
}

export interface ForwardPlanEntry {
  ref: string;
  matter: string;
  /** An executive committee's id, or a member or officer by office; null when not given. */
  decisionMaker: string | null;
  /** When the decision is due: a day or a month; null when not given. */
  date: DueDate | null;
  key: boolean;
  wards: string[];
  /** The documents to be considered; an empty list for "None"; null when not given. */
  documents: string[] | null;
  firstPublished: string | null;
  /** Taken in private: the exemption paragraph (true when none is cited); false when in public. */
  private: number | boolean;
  contact: string | null;
  value: number | null;
  exception: DecisionException | null;
  deferred: { on: string; to: DueDate; reason: string | null; position: Position }[];
  withdrawn: string | null;
  fields: Record<string, Position>;
  position: Position;
}

export interface ForwardPlan {
  /** The executive committee whose plan it is. */
  committee: string;
  title: string | null;
  /** The days it was published, in order: one edition each. */
  published: string[];
  documents: string | null;
  representations: string | null;
  contact: string | null;
  entries: ForwardPlanEntry[];
  fields: Record<string, Position>;
  position: Position;
}

export type CallIn = { kind: 'subject' } | { kind: 'none' } | { kind: 'exempt'; reasons: string };

/** The written record of a decision: of the executive, one of its members, or an officer under delegation. */
export interface DecisionRecord {
  id: string;
  /** The committee in whose folder it is kept. */
  committee: string;
  title: string;
  kind: 'executive' | 'individual' | 'officer';
  by: string | null;
  date: string;
  meeting: string | null;
  minute: string | null;
  forwardPlan: string | null;
  key: boolean;
  value: number | null;
  decision: string | null;
  reasons: string | null;
  alternatives: string | null;
  /** The conflicts declared; an empty list for "None"; null when the record does not say. */
  conflicts: string[] | null;
  dispensations: string[] | null;
  published: string | null;
  callIn: CallIn;
  calledIn: { on: string; by: string | null; meeting: string | null; outcome: string | null } | null;
  implemented: string | null;
  exempt: boolean;
  exemptParagraph: number | null;
  fields: Record<string, Position>;
  position: Position;
}

export type PlanStatus = 'R' | 'A' | 'G' | 'Complete';

export interface PlanAction {
  action: string;
  owner: string | null;
  milestone: string | null;
  due: DueDate;
  status: PlanStatus | null;
  statusRaw: string | null;
  /** The row's cells by column role, for pointing at one. */
  cells: Partial<Record<'action' | 'owner' | 'milestone' | 'due' | 'status', Position>>;
  position: Position;
}

export interface Strand extends DocumentBody {
  number: number;
  /** The `NN` of the file name. */
  filePrefix: number | null;
  title: string;
  lead: string | null;
  addresses: { ref: string; position: Position }[];
  actions: PlanAction[];
  position: Position;
}

export interface Plan {
  id: string;
  title: string;
  owner: string | null;
  adopted: string | null;
  asOf: string | null;
  monitoredBy: string | null;
  strands: Strand[];
  fields: Record<string, Position>;
  position: Position;
}

export type Decision = 'accepted' | 'rejected' | 'deferred' | 'noted';

export interface Recommendation {
  ref: string;
  text: string;
  timescale: string | null;
  decision: Decision | null;
  decisionRaw: string | null;
  owner: string | null;
  actionBy: DueDate;
  /** From an optional Status column: whether the recommendation has been carried out. */
  status: PlanStatus | null;
  cells: Partial<Record<'ref' | 'text' | 'timescale' | 'decision' | 'owner' | 'actionBy' | 'status', Position>>;
  position: Position;
}

export interface Register extends DocumentBody {
  id: string;
  title: string;
  prefix: string | null;
  source: string | null;
  recommendations: Recommendation[];
  position: Position;
}

/** Categories of England's disclosable pecuniary interests (SI 2012/1464), and other registrable interests. */
export type InterestCategory = 'employment' | 'sponsorship' | 'contracts' | 'land' | 'licences' | 'tenancies' | 'securities' | 'other';

export interface RegisteredInterest {
  category: InterestCategory;
  description: string;
  registered: string;
  ended: string | null;
  /** Withheld from the published register (s.32 Localism Act 2011). */
  sensitive: boolean;
  position: Position;
}

/** A member of the council, from `members/<id>.yml`: their offices, seats and interests over time. */
export interface CouncilMember {
  id: string;
  name: string;
  aliases: string[];
  group: string | null;
  ward: string | null;
  offices: { office: string; from: string; to: string | null; position: Position }[];
  memberships: { committee: string; role: Member['role']; from: string; to: string | null; position: Position }[];
  interests: RegisteredInterest[];
  dispensations: { matter: string; from: string; to: string | null; grantedBy: string | null; position: Position }[];
  /** Absences the council approved before six months ran out (s.85 LGA 1972): when, the days covered, why. */
  absences: { approved: string; from: string | null; to: string | null; reason: string | null; minute: string | null; position: Position }[];
  fields: Record<string, Position>;
  position: Position;
}

export interface Model {
  version: typeof MODEL_VERSION;
  config: Config;
  committees: Committee[];
  /** The council's members, from `members/` (empty where the folder is not used). */
  members: CouncilMember[];
  plans: Plan[];
  registers: Register[];
}

export interface ParseResult {
  model: Model;
  problems: Problem[];
}
