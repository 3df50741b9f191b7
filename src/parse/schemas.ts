import { z } from 'zod';
import { quorumFraction } from '../model/quorum.js';
import { isIsoDate, HOLIDAY_CALENDARS } from '../dates/calendar.js';
import { parseWrittenDate } from '../dates/prose.js';

/** A date field: ISO `YYYY-MM-DD`, or any whole date as clerks write it; always read as ISO. */
const dateField = z
  .string({ error: 'expected a date such as 2025-03-03' })
  .transform((s, ctx) => {
    if (isIsoDate(s)) return s;
    const written = parseWrittenDate(s);
    if (written?.date) return written.date;
    ctx.addIssue({ code: 'custom', message: 'expected a real date such as 2025-03-03' });
    return z.NEVER;
  });

const text = z.string({ error: 'expected text' });
const time = z.string({ error: 'expected a time such as "18:00"' }).regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, {
  error: 'expected a time such as "18:00"',
});
const names = z.array(text, { error: 'expected a list of names' });
const flag = z.boolean({ error: 'expected true or false' });
const exempt = z.union([z.boolean(), z.number().int().min(1)], {
  error: 'expected false, or the exemption paragraph number such as 3',
});

export const ruleSetting = z.enum(['off', 'warn', 'error']);

const BASE_URL_EXPECTED = 'expected the address the site is published at, such as https://democracy.example.gov.uk/';

/** A well-formed BCP 47 tag of a language, an optional script and an optional region, written in its canonical form. */
export function plainLanguageTag(tag: string): boolean {
  try {
    const locale = new Intl.Locale(tag);
    return tag === [locale.language, locale.script, locale.region].filter(Boolean).join('-');
  } catch {
    return false;
  }
}

export const configSchema = z.strictObject({
  organisation: text,
  /**
   * The language of the papers, as a BCP 47 tag of a language with an
   * optional script and region (`en-GB`, `cy`, `zh-Hant-TW`). It becomes the
   * pages' `lang` and the search index's file names, so nothing else may pass.
   */
  locale: text.refine(plainLanguageTag, { error: 'expected a language tag such as en-GB or cy (BCP 47: a language, optionally a script and a region)' }).default('en-GB'),
  timezone: text
    .refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('en-GB', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'expected a time zone such as Europe/London' },
    )
    .default('Europe/London'),
  jurisdiction: z.enum(['england', 'wales', 'scotland', 'us-brown-act', 'generic']).default('england'),
  /**
   * The kind of body: a principal council (county, district, borough, unitary), or a local council
   * (parish, town or community), which sets the notice defaults: three clear days in which Saturdays count.
   */
  council: z.enum(['principal', 'parish', 'town', 'community']).default('principal'),
  /**
   * How a principal council takes its decisions: executive arrangements (a leader and cabinet, or a mayor), or the
   * committee system. Local councils have no executive. Default: executive for a principal council in England or
   * Wales, else committee.
   */
  governance: z.enum(['executive', 'committee']).optional(),
  holidays: z.enum(HOLIDAY_CALENDARS).optional(),
  minuteNumbering: z.enum(['per-year', 'continuous', 'per-meeting']).default('per-year'),
  municipalYearStart: z
    .string({ error: 'expected a month and day such as "05-01"' })
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'expected a month and day such as "05-01"' })
    .default('05-01'),
  publicationClearDays: z.number().int().min(0).nullable().optional(),
  publicationHours: z.number().int().min(0).nullable().optional(),
  /** Which days count as clear days: mon-fri (principal councils), mon-sat (town, parish and community councils), all. */
  publicationCountDays: z.enum(['mon-fri', 'mon-sat', 'all']).optional(),
  rules: z.record(z.string(), ruleSetting, { error: 'expected rule ids mapped to off, warn or error' }).default({}),
  /**
   * The council's report template: the sections every report of the given types has (each a heading's wording, or
   * several separated by "|"), and whether reports list their background papers (s.100D LGA 1972).
   */
  reports: z
    .strictObject({
      types: z.array(z.enum(['report', 'presentation', 'plan', 'response-schedule', 'other'])).default(['report']),
      sections: z.array(text).default([]),
      backgroundPapers: z.boolean().optional(),
      /** The clearances a report needs before it is published: roles such as legal and finance. */
      clearance: z.array(text).default([]),
    })
    .optional(),
  templates: text.optional(),
  /** Whether a substitute must be of the same group (party) as the member whose place they take. */
  substitutesSameGroup: z.boolean({ error: 'expected true or false' }).optional(),
  /** Executive decisions: the call-in period in working days from the record's publication, the hour it ends, and the key-decision threshold in pounds. */
  decisions: z
    .strictObject({
      callInDays: z.number().int().min(0).default(5),
      callInEnds: time.default('17:00'),
      keyDecisionThreshold: z.number().min(0).optional(),
    })
    .optional(),
  /** The address the site is published at, for the absolute links of calendars, feeds and open data. */
  baseUrl: z
    .string({ error: BASE_URL_EXPECTED })
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { error: BASE_URL_EXPECTED })
    .optional(),
});

export const memberSchema = z.strictObject({
  name: text,
  role: z.enum(['chair', 'vice-chair', 'member', 'co-opted']).default('member'),
  aliases: names.default([]),
});

/**
 * `committees/<id>/actions.yml`: progress on the actions of the committee's minutes, recorded between meetings
 * (minutes are signed records, never edited to mark an action done).
 */
export const actionsLogSchema = z.array(
  z.strictObject({
    /** The meeting whose minutes record the action. */
    meeting: dateField,
    /** Its minute: the number as written, or the title where minutes are not numbered. */
    minute: z.union([text, z.number().int().min(0)]).transform(String),
    /** Which of the minute's actions, where it has more than one: the start of its owner or its words. */
    action: text.optional(),
    status: z.enum(['done', 'in progress', 'dropped'], { error: 'expected done, in progress or dropped' }),
    /** When this was recorded. */
    date: dateField,
    /** A new date agreed for it. */
    due: dateField.optional(),
    note: text.optional(),
  }),
  { error: 'expected a list of entries, each with meeting:, minute:, status: and date:' },
);

/** The general exception (reg 10) or special urgency (reg 11) notice of a key decision that could not wait 28 days. */
export const exceptionSchema = z.strictObject({
  route: z.enum(['general-exception', 'special-urgency'], { error: 'expected general-exception or special-urgency' }),
  /** The day the notice was published. */
  published: dateField,
  /** General exception: the day the chair of the overview and scrutiny committee was told in writing. */
  scrutinyChair: dateField.optional(),
  /** Special urgency: who agreed the decision could not reasonably be deferred (the scrutiny chair, or the council's chair or vice-chair). */
  agreedBy: text.optional(),
  /** Special urgency: the day they agreed. */
  agreed: dateField.optional(),
  /** Why 28 days' notice could not be given (general exception), or why the decision is urgent (special urgency). */
  reasons: text.optional(),
  /** Special urgency: the day the decision was reported to the council (reg 19). */
  reported: dateField.optional(),
});

const planRef = z.union([text, z.number()], { error: 'expected the entry\'s reference, such as FP/2026/03' }).transform(String);

/**
 * `committees/<id>/forward-plan.yml` of an executive committee: the notice of the key decisions (and other
 * decisions) the executive intends to take (SI 2012/2089 reg 9), as entries with the day each was first published.
 */
export const forwardPlanSchema = z.strictObject({
  title: text.optional(),
  /** The days the plan was published, earliest first: one edition each. */
  published: z.array(dateField, { error: 'expected a list of the days the plan was published' }).default([]),
  /** How to get the documents to be considered and other documents (reg 9(1)(f)-(g)). */
  documents: text.optional(),
  /** Where to send representations about a matter (reg 9(1)(h)). */
  representations: text.optional(),
  /** Whom to contact about the plan, where an entry names no one. */
  contact: text.optional(),
  entries: z
    .array(
      z.strictObject({
        ref: planRef,
        matter: text,
        /** Who takes it: an executive committee's id (such as cabinet), or an individual member or officer by office. */
        decisionMaker: text.optional(),
        /** The day, or the month or period, the decision is to be taken. */
        date: z.union([dateField, text], { error: 'expected a date, or a month such as "June 2026"' }).optional(),
        key: flag.default(true),
        wards: names.default([]),
        /** The documents to be submitted to the decision maker, or "None". */
        documents: z.union([names, text], { error: 'expected a list of documents, or "None"' }).optional(),
        /** The first day the entry was published in the plan. */
        firstPublished: dateField.optional(),
        /** Taken in private: the exemption paragraph of Schedule 12A. */
        private: exempt.optional(),
        contact: text.optional(),
        /** The value of the decision in pounds, compared with the key-decision threshold. */
        value: z.number({ error: 'expected an amount of money, such as 250000' }).min(0).optional(),
        exception: exceptionSchema.optional(),
        /** The entry moved to a later date: when, to what, and why. */
        deferred: z
          .array(z.strictObject({ on: dateField, to: z.union([dateField, text]), reason: text.optional() }), { error: 'expected a list of on:, to: and reason:' })
          .default([]),
        /** The day the entry was taken off the plan without a decision. */
        withdrawn: dateField.optional(),
      }),
      { error: 'expected a list of entries, each with ref: and matter:' },
    )
    .default([]),
});

/**
 * `committees/<id>/decisions.yml`: the written records of decisions (SI 2012/2089 regs 12-13 for the executive and
 * its members; the Openness of Local Government Bodies Regulations 2014 reg 7 for officers under delegation).
 */
export const decisionsSchema = z.array(
  z.strictObject({
    /** The record's own short name, used in its address: letters, digits and dashes. */
    id: z.string({ error: 'expected a short name such as leisure-contract' }).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected lower-case letters, digits and dashes, such as leisure-contract' }),
    title: text,
    kind: z.enum(['executive', 'individual', 'officer'], { error: 'expected executive, individual or officer' }).default('executive'),
    /** Who took it: the body, or the member or officer by name and office. */
    by: text.optional(),
    date: dateField,
    /** The day of the committee's meeting at which it was taken. */
    meeting: dateField.optional(),
    /** The minute recording it. */
    minute: z.union([text, z.number().int().min(0)]).transform(String).optional(),
    /** Its entry in the forward plan. */
    forwardPlan: planRef.optional(),
    key: flag.default(false),
    value: z.number({ error: 'expected an amount of money, such as 250000' }).min(0).optional(),
    decision: text.optional(),
    reasons: text.optional(),
    /** The alternatives considered and rejected, or "None". */
    alternatives: text.optional(),
    /** Conflicts of interest declared by members consulted or taking part: names with the interest, or "None". */
    conflicts: z.union([names, text], { error: 'expected a list of the conflicts declared, or "None"' }).optional(),
    /** Dispensations granted for them. */
    dispensations: z.union([names, text], { error: 'expected a list of dispensations, or "None"' }).optional(),
    /** The day the record was published: call-in runs from it. */
    published: dateField.optional(),
    /** Call-in: subject (the default for the executive and its members), none, or exempt with the reasons. */
    callIn: z
      .union([z.enum(['subject', 'none']), z.strictObject({ exempt: z.string({ error: 'expected the reasons the decision is exempt from call-in' }) })], {
        error: 'expected subject, none, or exempt: with the reasons',
      })
      .optional(),
    /** The decision was called in: the day, by whom, and the scrutiny meeting (committee/date) that considered it. */
    calledIn: z.strictObject({ on: dateField, by: text.optional(), meeting: text.optional(), outcome: text.optional() }).optional(),
    /** The day the decision was first acted on. */
    implemented: dateField.optional(),
    /** Taken in private: the exemption paragraph; the record's detail is withheld from the public. */
    exempt: exempt.optional(),
  }),
  { error: 'expected a list of decisions, each with id:, title: and date:' },
);

/** A span of time: from a day, to a day (left out while it lasts). */
const span = { from: dateField, to: dateField.optional() };

/**
 * `members/<id>.yml`: a member of the council (or a co-opted member), with the offices, committee seats and interests
 * they have held, each dated, so that who sat where on any day can be worked out.
 */
export const memberFileSchema = z.strictObject({
  name: text,
  aliases: names.default([]),
  /** The party or group. */
  group: text.optional(),
  ward: text.optional(),
  /** Offices held: Leader, Cabinet Member for ..., Chair of the Council. */
  offices: z.array(z.strictObject({ office: text, ...span }), { error: 'expected a list of office:, from: and to:' }).default([]),
  /** Seats on committees, by the committee's folder name, with the role (chair, vice-chair, member, co-opted). */
  memberships: z
    .array(z.strictObject({ committee: text, role: memberSchema.shape.role, ...span }), { error: 'expected a list of committee:, from: and to:' })
    .default([]),
  /**
   * The register of interests: each entry's category (England's disclosable pecuniary interests: employment,
   * sponsorship, contracts, land, licences, tenancies, securities; or other), what it is, when it was registered,
   * and whether it is sensitive (withheld from the published register, s.32 Localism Act 2011).
   */
  interests: z
    .array(
      z.strictObject({
        category: z.enum(['employment', 'sponsorship', 'contracts', 'land', 'licences', 'tenancies', 'securities', 'other'], {
          error: 'expected employment, sponsorship, contracts, land, licences, tenancies, securities or other',
        }),
        description: text,
        registered: dateField,
        /** The day it ended, where it did. */
        ended: dateField.optional(),
        sensitive: flag.default(false),
      }),
      { error: 'expected a list of category:, description: and registered:' },
    )
    .default([]),
  /**
   * Absences the council approved (s.85 LGA 1972, s.35 LG(S)A 1973): the day it approved the reason, the days the
   * approval covers where it says, the reason and the minute.
   */
  absences: z
    .array(
      z.strictObject({ approved: dateField, from: dateField.optional(), to: dateField.optional(), reason: text.optional(), minute: text.optional() }),
      { error: 'expected a list of approved:, from:, to:, reason: and minute:' },
    )
    .default([]),
  /** Dispensations (s.33 Localism Act 2011): the matter, the days it covers, who granted it. */
  dispensations: z
    .array(z.strictObject({ matter: text, ...span, grantedBy: text.optional() }), { error: 'expected a list of matter:, from:, to: and grantedBy:' })
    .default([]),
});

export const committeeSchema = z.strictObject({
  name: text,
  /** What the committee is for, as its terms of reference put it in a sentence or two. */
  purpose: text.optional(),
  quorum: z
    .union(
      [
        z.number().int().min(1),
        // A fraction of the members greater than nothing and at most all of them: "0/0" or "0/4" would switch the check off.
        // The pattern also reaches the JSON Schema that editors check with; the arithmetic only the parser can.
        z.string().regex(/^\d+\s*\/\s*\d+$/).refine((v) => {
          const fraction = quorumFraction(v);
          return fraction !== null && fraction.part >= 1 && fraction.whole >= fraction.part;
        }),
      ],
      { error: 'expected a number of members (1 or more), or a fraction such as "1/4"' },
    )
    .optional(),
  /** The council's executive, or a committee of it: the body that takes key decisions (key-decision-notice). */
  executive: z.boolean().optional(),
  /** The full council: its budget meetings record each member's vote by name (budget-named-votes). */
  fullCouncil: z.boolean().optional(),
  /** Reports reach the clerk this many working days before the meeting (the submission deadline). */
  submissionDays: z.number().int().min(0).optional(),
  venue: text.optional(),
  time: time.optional(),
  minutePrefix: z.string().regex(/^[A-Za-z]*$/, { error: 'expected letters only, such as RSP' }).optional(),
  /** How this committee's minute numbers run on from meeting to meeting, where it differs from boardpack.yml's. */
  minuteNumbering: z.enum(['per-year', 'continuous', 'per-meeting']).optional(),
  /** How this committee writes its minute numbers; `auto` reads each file's own style. */
  minuteNumbers: z.enum(['auto', 'serial', 'serial/year', 'year/serial', 'none']).default('auto'),
  members: z.array(memberSchema, { error: 'expected a list of members' }).default([]),
});

export const meetingStatus = z.enum(['scheduled', 'held', 'cancelled', 'postponed']);

export const agendaSchema = z.strictObject({
  time: time.optional(),
  venue: text.optional(),
  published: dateField.optional(),
  status: meetingStatus.optional(),
  type: z.enum(['ordinary', 'annual', 'special', 'extraordinary']).optional(),
  title: text.optional(),
  supplement: z.number().int().min(1).optional(),
  urgency: text.optional(),
  /** A draft: the meeting's agenda and papers are kept out of public outputs until this is removed. */
  draft: flag.optional(),
  /** The date or dates the meeting was called for before it moved, earliest first. */
  movedFrom: z.union([dateField, z.array(dateField)], { error: 'expected the date the meeting moved from, or a list of them' }).optional(),
  /**
   * The days the meeting's time or venue changed after the agenda was published, earliest first: a date, or a list
   * of dates or of `{ date, change }` (what changed, in words), so that calendars holding the meeting update.
   */
  revised: z
    .union([dateField, z.array(z.union([dateField, z.strictObject({ date: dateField, change: text.optional() })]))], {
      error: 'expected the date the time or venue changed, or a list of dates or of "date:" with "change:"',
    })
    .optional(),
  /**
   * The notices of an executive meeting to be held in private (SI 2012/2089 reg 5): the notice of intention (28 clear
   * days before), the further notice (5 clear days before), any representations received and the response.
   */
  privateNotice: z
    .strictObject({ intention: dateField.optional(), final: dateField.optional(), representations: text.optional(), response: text.optional() })
    .optional(),
  /**
   * The items taken in private (Part 2): a list of item numbers, or a mapping
   * of item number to the exemption paragraph that applies.
   */
  private: z
    .union([z.array(z.number().int().min(1)), z.record(z.string().regex(/^\d+$/), exempt)], {
      error: 'expected a list of item numbers, or item numbers with their exemption paragraph such as "8: 3"',
    })
    .optional(),
});

export const appendixSchema = z.strictObject({
  file: text,
  title: text,
  exempt: exempt.optional(),
});

export const paperSchema = z.strictObject({
  title: text,
  type: z.enum(['report', 'presentation', 'plan', 'response-schedule', 'other']).default('report'),
  author: text.optional(),
  keyDecision: flag.default(false),
  exempt: exempt.default(false),
  /** A draft: kept out of public outputs (shown, marked, to members) until this is removed. */
  draft: flag.default(false),
  /**
   * The notice given of a key decision (England, SI 2012/2089): the day the forward plan first gave it (reg 9, 28
   * clear days before), or the general exception (reg 10: the scrutiny chair told in writing, 5 clear days) or
   * special urgency (reg 11: the scrutiny chair's agreement) where 28 days could not be given.
   */
  keyDecisionNotice: z
    .strictObject({
      published: dateField,
      route: z.enum(['forward-plan', 'general-exception', 'special-urgency'], { error: 'expected forward-plan, general-exception or special-urgency' }).default('forward-plan'),
      scrutinyChair: dateField.optional(),
      agreedBy: text.optional(),
    })
    .optional(),
  /** The key decision's entry in the executive's forward plan (committees/<id>/forward-plan.yml), by its ref. */
  forwardPlan: planRef.optional(),
  /** The report's own date, as its front sheet (or the Word document it came from) gives it. */
  date: dateField.optional(),
  /** The day the report reached the clerk. */
  submitted: dateField.optional(),
  /** Why a report came after the submission deadline. */
  lateReason: text.optional(),
  /** Who cleared the report before publication, by role (legal, finance, ...): their name and the day. */
  clearance: z
    .record(z.string(), z.strictObject({ by: text, on: dateField }), { error: 'expected roles such as legal: with by: and on:' })
    .optional(),
  /** Why a paper on an item taken in private may be published (with `exempt: false`). */
  publicBecause: text.optional(),
  wards: names.default([]),
  appendices: z.array(appendixSchema, { error: 'expected a list of appendices' }).default([]),
});

/**
 * A Markdown appendix's own frontmatter: any key a paper may have but its
 * appendices. Its `exempt:` is honoured (an appendix is exempt if it or its
 * paper's list says so), so that an exemption written in the file itself is
 * never lost.
 */
export const appendixDocSchema = z.strictObject({
  title: text.optional(),
  type: paperSchema.shape.type.optional(),
  author: text.optional(),
  keyDecision: flag.optional(),
  exempt: exempt.optional(),
  wards: names.optional(),
});

export const minutesSchema = z.strictObject({
  /** When the minutes were published. */
  published: dateField.optional(),
  /** A draft: not published at all until this is removed (members see it, marked). */
  draft: flag.optional(),
  /** The day a later meeting approved them, where its minutes are not in the content or say it in a way not read. */
  approved: dateField.optional(),
  chair: text.optional(),
  present: names.default([]),
  apologies: names.default([]),
  absent: names.default([]),
  inAttendance: names.default([]),
  /** Members who sat in another's place: "Councillor Ann Lee for Councillor Bo Chen". */
  substitutes: z
    .array(z.string().regex(/^.+\s+for\s+.+$/i, { error: 'expected "<who sat> for <whose place>", such as "Councillor Ann Lee for Councillor Bo Chen"' }), {
      error: 'expected a list such as "Councillor Ann Lee for Councillor Bo Chen"',
    })
    .default([]),
  /**
   * Declarations of interest where the minutes' words do not say them plainly: who, about which minute, the
   * interest, and what they did (left the room, remained, spoke but did not vote, took part under a dispensation).
   */
  declarations: z
    .array(
      z.strictObject({
        member: text,
        minute: z.union([z.string(), z.number()]),
        interest: text,
        action: z.enum(['left', 'remained', 'spoke-not-voted', 'dispensed'], { error: 'expected left, remained, spoke-not-voted or dispensed' }).optional(),
      }),
      { error: 'expected a list of member:, minute:, interest: and action:' },
    )
    .default([]),
  /** Recorded votes by minute number, where the minutes' words do not give them: the names (or counts) for, against and abstaining. */
  votes: z
    .record(
      z.string(),
      z.array(
        z.strictObject({
          for: z.union([names, z.number().int().min(0)]).optional(),
          against: z.union([names, z.number().int().min(0)]).optional(),
          abstain: z.union([names, z.number().int().min(0)]).optional(),
          result: z.enum(['carried', 'lost'], { error: 'expected carried or lost' }).optional(),
          casting: flag.optional(),
        }),
      ),
      { error: 'expected minute numbers, each with a list of votes (for:, against:, abstain:, result:)' },
    )
    .default({}),
  /** Members who arrived after the start, with the first minute they were there for: "Councillor Ann Lee": 45. */
  arrived: z.record(z.string(), z.union([z.string(), z.number()]), { error: 'expected names with the first minute they were there for, such as "Councillor Ann Lee": 45' }).default({}),
  /** Members who left before the end, with the first minute they were not there for. */
  left: z.record(z.string(), z.union([z.string(), z.number()]), { error: 'expected names with the first minute they were not there for, such as "Councillor Ann Lee": 47' }).default({}),
  /**
   * Minutes taken in private (s.100C): by minute number, the exemption
   * paragraph (or true), or the paragraph with the summary that the public
   * minutes give in their place.
   */
  exempt: z
    .record(
      z.string(),
      z.union([exempt, z.strictObject({ paragraph: z.number().int().min(1).optional(), summary: text.optional() })]),
      { error: 'expected minute numbers with their exemption paragraph, such as "C12: 3"' },
    )
    .default({}),
});

export const planSchema = z.strictObject({
  title: text,
  owner: text.optional(),
  adopted: dateField.optional(),
  asOf: dateField.optional(),
  monitoredBy: text.optional(),
});

export const strandSchema = z.strictObject({
  number: z.number().int().min(1),
  title: text,
  lead: text.optional(),
  addresses: names.default([]),
});

export const registerSchema = z.strictObject({
  title: text,
  prefix: text.optional(),
  source: text.optional(),
});
