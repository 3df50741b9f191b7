import { posix } from 'node:path';
import type { ActionProgress, Agenda, Appendix, Committee, Config, CouncilMember, Meeting, Member, Minutes, Model, ParseResult, Plan, Register } from '../model/types.js';
import { MODEL_VERSION } from '../model/types.js';
import type { Root } from 'mdast';
import { isIsoDate, YEARS } from '../dates/calendar.js';
import { CONFIG_FILE } from '../config/config.js';
import { fallbackConfig, readConfig } from './config.js';
import type { z } from 'zod';
import { actionsLogSchema, committeeSchema, memberSchema, planSchema } from './schemas.js';
import { fieldPositions, parseYaml, validate, yamlPosition } from './yaml.js';
import type { AppendixEntry } from './paper.js';
import { prepareFile, type Prepared, type Role } from './prepare.js';
import { parseMinuteNumber } from './minutes.js';
import { readDecisions, readForwardPlan } from './executive.js';
import { readMember } from './members.js';
import { quorumFraction, quorumOfSeats } from '../model/quorum.js';

import { exists, isFolder, listFolder, outsideMessage, placeOf, readContentFile, readText } from './files.js';
import { pdfFault, pdfUntagged } from './pdf-check.js';
import { at, Problems, sortProblems } from './problems.js';
import { YamlMemo } from './yaml-memo.js';

const MEETING_FOLDER = /^(\d{4}-\d{2}-\d{2})(?:-([a-z0-9][a-z0-9-]*))?$/;

/** Folder suffixes that name a special meeting: `2026-03-10-special`, `-extraordinary`, `-egm`. */
const SPECIAL_SUFFIX = /(?:^|-)(?:special|extraordinary|extra|egm|ecm)(?:-|$)/i;

/** A meeting folder's date and suffix, or null when the reader does not take the name as a meeting's. */
function meetingFolder(name: string): { date: string; suffix: string | null } | null {
  const m = MEETING_FOLDER.exec(name);
  return m && isIsoDate(m[1]) ? { date: m[1], suffix: m[2] ?? null } : null;
}

/** Is this folder name one the reader takes as a meeting (its date, optionally with a suffix)? */
export function isMeetingFolder(name: string): boolean {
  return meetingFolder(name) !== null;
}
const SUPPLEMENT_FILE = /^supplement-(\d+)\.md$/;

/**
 * Read a whole content folder into the model, collecting every problem on
 * the way. `onlyCommittees` reads just those committees (and everything
 * outside `committees/`), for re-checking one committee's part.
 */
export function parseContent(
  root: string,
  ready?: Map<string, Prepared>,
  onlyCommittees?: ReadonlySet<string>,
  options: { keepTrees?: boolean; trees?: Map<string, Root>; yaml?: YamlMemo } = {},
): ParseResult {
  const problems = new Problems();
  // Trees already parsed (by serve's cache, for the files in `ready`), added to as files are parsed here.
  const trees = options.trees ?? (options.keepTrees ? new Map<string, Root>() : undefined);
  const reader = new ContentReader(root, problems, ready, onlyCommittees, trees, options.yaml);
  const model = reader.read();
  if (trees) TREES.set(model, trees);
  return { model, problems: sortProblems(problems.list) };
}

/** Markdown trees kept with a model read with `keepTrees`, by file. */
const TREES = new WeakMap<Model, Map<string, Root>>();

/**
 * The Markdown tree of a file, when the model was read with `keepTrees` and
 * the file parsed on this thread: the renderer uses it rather than reading
 * and parsing the file again. Nothing may change it.
 */
export function keptTree(model: Model, file: string): Root | undefined {
  return TREES.get(model)?.get(file);
}

/**
 * A supplement's item is taken in private where the main agenda takes the
 * item of its number in private: a paper it adds "to follow" to a Part 2 item
 * is as private as the item, whatever the supplement's own frontmatter says.
 * (A copy: the prepared supplement may be read again with another agenda.)
 */
function withMainPrivacy(supplement: Agenda, main: Agenda | null): Agenda {
  const privateIn = new Map((main?.items ?? []).filter((i) => i.private).map((i) => [i.number, i.private!]));
  if (!supplement.items.some((i) => !i.private && privateIn.has(i.number))) return supplement;
  return { ...supplement, items: supplement.items.map((i) => (!i.private && privateIn.has(i.number) ? { ...i, private: { ...privateIn.get(i.number)!, explicit: false } } : i)) };
}

class ContentReader {
  constructor(
    private readonly root: string,
    private readonly problems: Problems,
    private readonly ready?: Map<string, Prepared>,
    private readonly onlyCommittees?: ReadonlySet<string>,
    private readonly trees?: Map<string, Root>,
    private readonly memo?: YamlMemo,
  ) {}

  private minuteNumbering: Config['minuteNumbering'] = 'per-year';
  private config: Config | null = null;

  read(): Model {
    const config = this.readConfig();
    this.minuteNumbering = config.minuteNumbering;
    this.config = config;
    const top = listFolder(this.root, '', this.problems);
    const committees = top.folders.includes('committees') ? this.readCommittees() : [];
    const plans = top.folders.includes('plans') ? this.readPlans() : [];
    const registers = top.folders.includes('registers') ? this.readRegisters() : [];
    const members = top.folders.includes('members') ? this.readMembers() : [];
    return { version: MODEL_VERSION, config, committees, members, plans, registers };
  }

  private yamlFile(rel: string) {
    const text = readText(this.root, rel, this.problems);
    return text === null ? null : parseYaml(rel, text.replace(/^\uFEFF/, ''), this.problems);
  }

  /**
   * A YAML file read into what the model keeps of it, by `read`, which depends on the file alone: where a
   * memo kept what the same text gave before (lint --cache, serve), that and its problems are taken instead
   * of parsing the YAML again, which is most of a re-check's reading of members' files and an executive's plans.
   */
  private yamlRead<T>(rel: string, read: (src: ReturnType<ContentReader['yamlFile']>) => T): T {
    const text = readText(this.root, rel, this.problems);
    if (text === null) return read(null);
    const memo = this.memo;
    const kept = memo?.get<T>(rel, text);
    if (kept) {
      this.problems.list.push(...kept.problems);
      return kept.value;
    }
    const from = this.problems.list.length;
    const value = read(parseYaml(rel, text.replace(/^\uFEFF/, ''), this.problems));
    memo?.set(rel, text, value, this.problems.list.slice(from));
    return value;
  }

  /** A Markdown file read and parsed: done ahead on worker threads when the caller did so, else here. */
  private prepared(rel: string, role: Role): Prepared {
    const result = this.ready?.get(rel) ?? prepareFile(this.root, rel, role, this.trees && ((tree) => this.trees!.set(rel, tree)));
    this.problems.list.push(...result.problems);
    return result;
  }

  private readConfig(): Config {
    const fallback = fallbackConfig();
    if (!exists(this.root, CONFIG_FILE)) {
      this.problems.error(
        'frontmatter',
        `Missing ${CONFIG_FILE}: every content folder needs one, with at least "organisation:"`,
        at(CONFIG_FILE),
      );
      return fallback;
    }
    const src = this.yamlFile(CONFIG_FILE);
    const config = (src && readConfig(src, this.problems)) || fallback;
    if (config.templates !== null) {
      const rel = posix.normalize(config.templates.replace(/\\/g, '/'));
      const place = rel.startsWith('../') || rel === '..' || posix.isAbsolute(rel) || /^[a-z]:/i.test(rel) ? 'outside' : placeOf(this.root, rel);
      if (place === 'outside') {
        this.problems.error(
          'frontmatter',
          `Unexpected templates folder "${config.templates}" outside the content folder, expected a folder inside it`,
          config.fields.templates ?? config.position,
        );
      }
    }
    return config;
  }

  private readCommittees(): Committee[] {
    const committees: Committee[] = [];
    for (const id of listFolder(this.root, 'committees', this.problems).folders) {
      if (this.onlyCommittees && !this.onlyCommittees.has(id)) continue;
      const committee = this.readCommittee(id);
      if (committee) committees.push(committee);
    }
    return committees;
  }

  private readCommittee(id: string): Committee | null {
    const dir = `committees/${id}`;
    const file = `${dir}/committee.yml`;
    const { files, folders } = listFolder(this.root, dir, this.problems);
    if (!files.includes('committee.yml')) {
      this.problems.error('frontmatter', `Missing committee.yml in committee folder "${id}", expected at least "name:"`, at(dir));
      return null;
    }
    const src = this.yamlFile(file);
    const valid = src && validate(committeeSchema, src.data, src, this.problems, 'committee.yml');
    if (!src) return null;
    // A committee.yml with a fault (reported) still lets its meetings be read and checked, with what can be used of it.
    const data = valid || fallbackCommittee(id, src.data);
    const members: Member[] = data.members.map((m, i) => ({
      name: m.name,
      role: m.role,
      aliases: m.aliases,
      position: yamlPosition(src, ['members', i]),
    }));
    let quorum: number | null = null;
    if (typeof data.quorum === 'number') quorum = data.quorum;
    else {
      const fraction = quorumFraction(data.quorum);
      if (fraction) quorum = quorumOfSeats(fraction, members.length);
    }
    const committee: Committee = {
      id,
      name: data.name,
      purpose: data.purpose ?? null,
      quorum,
      quorumRaw: data.quorum === undefined ? null : String(data.quorum),
      venue: data.venue ?? null,
      time: data.time ?? null,
      minutePrefix: data.minutePrefix ?? null,
      submissionDays: data.submissionDays ?? null,
      executive: data.executive ?? false,
      fullCouncil: data.fullCouncil ?? false,
      minuteNumbering: data.minuteNumbering ?? this.minuteNumbering,
      minuteNumbers: data.minuteNumbers ?? 'auto',
      members,
      actions: files.includes('actions.yml') ? this.readActions(`${dir}/actions.yml`) : [],
      forwardPlan: files.includes('forward-plan.yml') ? this.yamlRead(`${dir}/forward-plan.yml`, (src) => readForwardPlan(id, src, this.problems)) : null,
      decisions: files.includes('decisions.yml') ? this.yamlRead(`${dir}/decisions.yml`, (src) => readDecisions(id, src, this.problems)) : [],
      meetings: [],
      fields: fieldPositions(src),
      position: yamlPosition(src, []),
    };
    for (const folder of folders) {
      const named = meetingFolder(folder);
      if (!named) {
        this.problems.error(
          'frontmatter',
          `Unexpected meeting folder name "${folder}", expected the meeting's date as YYYY-MM-DD (a real day, in ${YEARS.first}-${YEARS.last}), optionally followed by -suffix`,
          at(`${dir}/${folder}`),
        );
        continue;
      }
      const meeting = this.readMeeting(committee, folder, named.date, named.suffix);
      if (meeting) committee.meetings.push(meeting);
    }
    return committee;
  }

  /** A committee's record of progress on its actions; what cannot be read is reported, and left out. */
  private readActions(file: string): ActionProgress[] {
    const src = this.yamlFile(file);
    if (!src) return [];
    const entries = validate(actionsLogSchema, src.data ?? [], src, this.problems, 'actions.yml');
    if (!entries) return [];
    return entries.map((e, i) => ({
      meeting: e.meeting,
      minute: e.minute,
      action: e.action ?? null,
      status: e.status,
      date: e.date,
      due: e.due ?? null,
      note: e.note ?? null,
      position: yamlPosition(src, [i]),
    }));
  }

  private readMeeting(committee: Committee, folder: string, date: string, suffix: string | null): Meeting | null {
    const dir = `committees/${committee.id}/${folder}`;
    const { files } = listFolder(this.root, dir, this.problems);
    const meeting: Meeting = {
      id: `${committee.id}/${folder}`,
      committee: committee.id,
      folder,
      date,
      suffix,
      special: suffix !== null && SPECIAL_SUFFIX.test(suffix),
      time: committee.time,
      venue: committee.venue,
      status: 'scheduled',
      title: committee.name,
      published: null,
      agenda: null,
      supplements: [],
      papers: [],
      attachments: [],
      minutes: null,
      position: at(dir),
    };
    if (!files.includes('agenda.md')) {
      this.problems.error('frontmatter', `Missing agenda.md in meeting folder "${folder}": every meeting needs an agenda`, at(dir));
    }
    const meetingMds: { rel: string; md: NonNullable<Prepared['meetingMd']> }[] = [];
    for (const name of files) {
      const rel = `${dir}/${name}`;
      if (name === 'agenda.md' || SUPPLEMENT_FILE.test(name)) {
        const agenda = this.prepared(rel, 'agenda').agenda;
        if (!agenda) continue;
        if (name === 'agenda.md') meeting.agenda = agenda;
        else {
          const n = Number(SUPPLEMENT_FILE.exec(name)![1]);
          if (agenda.supplement === null) agenda.supplement = n;
          else if (agenda.supplement !== n)
            this.problems.error(
              'frontmatter',
              `Unexpected "supplement: ${agenda.supplement}" in ${name}, expected ${n} to match the file name`,
              agenda.position,
            );
          meeting.supplements.push(agenda);
        }
      } else if (name === 'minutes.md') {
        meeting.minutes = this.prepared(rel, 'minutes').minutes ?? null;
      } else if (/\.md$/i.test(name)) {
        const md = this.prepared(rel, 'meeting-md').meetingMd;
        if (md) meetingMds.push({ rel, md });
      } else if (/\.pdf$/i.test(name)) {
        this.checkPdf(rel);
        meeting.attachments.push({ file: rel, position: at(rel) });
      }
    }
    // A Markdown file that a paper names as its appendix is read as one, not as a paper.
    // A file that names appendices of its own is a paper, never an appendix: a paper that named itself, or two
    // that named each other, would otherwise both vanish from the pack.
    const papersWithAppendices = new Set(meetingMds.filter(({ md }) => md.named.length > 0).map(({ rel }) => rel));
    const appendixFiles = new Set(meetingMds.flatMap(({ md }) => md.named).filter((f) => !papersWithAppendices.has(f)));
    const bodies = new Map(meetingMds.map(({ rel, md }) => [rel, md]));
    for (const { rel, md } of meetingMds) {
      if (appendixFiles.has(rel)) continue;
      this.problems.list.push(...md.paperProblems);
      if (!md.paper) continue;
      const { paper, appendices } = md.paper;
      for (const entry of appendices) {
        const target = posix.normalize(`${dir}/${entry.file}`);
        if (target === rel || papersWithAppendices.has(target)) {
          this.problems.error(
            'link-target',
            target === rel
              ? `Unexpected appendix "${entry.file}": it is this paper itself, expected another file`
              : `Unexpected appendix "${entry.file}": it is a paper with appendices of its own, expected a file that is only an appendix`,
            entry.position,
          );
          continue;
        }
        const appendix = this.readAppendix(dir, entry, bodies);
        if (appendix) paper.appendices.push(appendix);
      }
      meeting.papers.push(paper);
      const config = this.config;
      if (paper.keyDecision && config?.governance === 'committee') {
        const kind = config.council === 'principal' ? 'a council that works by the committee system (governance: committee)' : `a ${config.council} council`;
        this.problems.warn(
          'frontmatter',
          `Unexpected keyDecision: true in a paper of ${kind}, expected no key decision: key decisions, with their notice and call-in, are made under executive arrangements (or say governance: executive in boardpack.yml if that is how the council works)`,
          paper.fields.keyDecision ?? at(paper.file),
        );
      }
    }
    if (meeting.agenda) {
      meeting.time = meeting.agenda.time ?? committee.time;
      meeting.venue = meeting.agenda.venue ?? committee.venue;
      meeting.title = meeting.agenda.title ?? committee.name;
      meeting.published = meeting.agenda.published;
      meeting.status = meeting.agenda.status ?? (meeting.minutes ? 'held' : 'scheduled');
      if (meeting.agenda.type) meeting.special = meeting.agenda.type === 'special' || meeting.agenda.type === 'extraordinary';
    }
    if (meeting.minutes) meeting.minutes = this.minutesInStyle(committee, meeting.minutes);
    meeting.supplements = meeting.supplements.map((s) => withMainPrivacy(s, meeting.agenda));
    return meeting;
  }

  /**
   * Minutes read in the style their committee states. A slashed number reads
   * as the committee says (`14/22` is minute 14 of 2022 under `serial/year`,
   * minute 22 of 2014 under `year/serial`); numbered minutes are expected to
   * have numbered headings, said once.
   */
  private minutesInStyle(committee: Committee, minutes: Minutes): Minutes {
    const style = committee.minuteNumbers;
    if (style === 'auto' || style === 'none' || minutes.minutes.length === 0) return minutes;
    if (!minutes.numbered) {
      const example = style === 'serial' ? '12' : style === 'serial/year' ? '12/26' : '26/012';
      this.problems.warn(
        'minute-numbering',
        `Unexpected minutes with no numbered heading, expected headings that open with a minute number (committee.yml says minuteNumbers: ${style}), such as "## ${example}. Apologies"`,
        minutes.minutes[0].position,
      );
      return minutes;
    }
    const slash = style === 'serial' ? undefined : style;
    return {
      ...minutes,
      minutes: minutes.minutes.map((m) => (m.number ? { ...m, number: parseMinuteNumber(m.number.raw, slash) } : m)),
    };
  }

  /** A PDF that a pack would merge: refused here, with why, if the build could not merge it. */
  private checkPdf(rel: string): void {
    let bytes: Uint8Array;
    try {
      bytes = readContentFile(this.root, rel);
    } catch {
      return; // reported where it was listed
    }
    const fault = pdfFault(bytes);
    if (fault) this.problems.error('read-error', `Unexpected PDF: ${fault}`, at(rel));
    else if (pdfUntagged(bytes)) {
      this.problems.warn(
        'pdf-accessible',
        `Unexpected untagged PDF "${rel.split('/').pop()}": screen readers cannot follow it, and a pack shows each of its pages as one figure, expected a tagged (accessible) PDF: ask its author for one`,
        at(rel),
      );
    }
  }

  private readAppendix(dir: string, entry: AppendixEntry, bodies: Map<string, NonNullable<Prepared['meetingMd']>>): Appendix | null {
    const file = posix.normalize(`${dir}/${entry.file}`);
    if (!file.startsWith(`${dir}/`)) {
      this.problems.error(
        'link-target',
        `Unexpected appendix "${entry.file}" outside the meeting folder, expected a file beside its paper`,
        entry.position,
      );
      return null;
    }
    const isPdf = /\.pdf$/i.test(file);
    const place = placeOf(this.root, file);
    if (place === 'inside' && isFolder(this.root, file)) {
      this.problems.error('link-target', `Unexpected appendix "${entry.file}": it is a folder, expected a file at ${file}`, entry.position);
      return null;
    }
    const found = place === 'inside';
    if (place === 'outside') this.problems.error('link-target', outsideMessage(entry.file), entry.position);
    else if (!found) {
      this.problems.error('link-target', `Unexpected appendix "${entry.file}": the file does not exist, expected it at ${file}`, entry.position);
    }
    if (found && isPdf && posix.dirname(file) !== dir) this.checkPdf(file);
    let body: Appendix['body'] = null;
    let responses: Appendix['responses'] = [];
    let exempt = entry.exempt;
    let exemptParagraph = entry.exemptParagraph;
    if (found && !isPdf) {
      const md = bodies.get(file) ?? this.prepared(file, 'meeting-md').meetingMd;
      if (md) {
        this.problems.list.push(...md.appendixProblems);
        body = md.body;
        responses = md.responses;
        // Exempt if either the appendix or its paper's list says so; where both say, they must agree.
        const own = md.ownExempt;
        if (own) {
          const conflict =
            entry.exemptGiven && (entry.exempt !== own.exempt || (entry.exemptParagraph !== null && own.exemptParagraph !== null && entry.exemptParagraph !== own.exemptParagraph));
          if (conflict) {
            this.problems.error(
              'frontmatter',
              `Unexpected exemption for appendix "${entry.file}": its own file says ${own.exempt ? `exempt${own.exemptParagraph ? ` (paragraph ${own.exemptParagraph})` : ''}` : 'not exempt'}, its paper's list says ${entry.exempt ? `exempt${entry.exemptParagraph ? ` (paragraph ${entry.exemptParagraph})` : ''}` : 'not exempt'}; expected them to agree`,
              entry.position,
              { message: 'the appendix’s own exemption', position: own.position },
            );
          }
          exempt = exempt || own.exempt;
          exemptParagraph = exemptParagraph ?? own.exemptParagraph;
        }
      }
    }
    return {
      file,
      title: entry.title,
      exempt,
      exemptParagraph,
      format: isPdf ? 'pdf' : 'md',
      exists: found,
      body,
      responses,
      position: entry.position,
    };
  }

  private readPlans(): Plan[] {
    const plans: Plan[] = [];
    for (const id of listFolder(this.root, 'plans', this.problems).folders) {
      const dir = `plans/${id}`;
      const { files } = listFolder(this.root, dir, this.problems);
      if (!files.includes('plan.yml')) {
        this.problems.error('frontmatter', `Missing plan.yml in plan folder "${id}", expected at least "title:"`, at(dir));
        continue;
      }
      const src = this.yamlFile(`${dir}/plan.yml`);
      const data = src && validate(planSchema, src.data, src, this.problems, 'plan.yml');
      if (!src || !data) continue;
      const plan: Plan = {
        id,
        title: data.title,
        owner: data.owner ?? null,
        adopted: data.adopted ?? null,
        asOf: data.asOf ?? null,
        monitoredBy: data.monitoredBy ?? null,
        strands: [],
        fields: fieldPositions(src),
        position: yamlPosition(src, []),
      };
      for (const name of files.filter((f) => /\.md$/i.test(f))) {
        const rel = `${dir}/${name}`;
        const strand = this.prepared(rel, 'strand').strand;
        if (strand) plan.strands.push(strand);
      }
      plans.push(plan);
    }
    return plans;
  }

  /** The council's members, a file each: `members/<id>.yml`. */
  private readMembers(): CouncilMember[] {
    const members: CouncilMember[] = [];
    for (const name of listFolder(this.root, 'members', this.problems).files) {
      const m = /^([a-z0-9][a-z0-9-]*)\.ya?ml$/.exec(name);
      if (!m) {
        if (/\.ya?ml$/i.test(name)) this.problems.error('frontmatter', `Unexpected member file name "${name}", expected lower-case letters, digits and dashes, such as owen-pryce.yml`, at(`members/${name}`));
        continue;
      }
      const member = this.yamlRead(`members/${name}`, (src) => readMember(m[1], src, this.problems));
      if (member) members.push(member);
    }
    return members;
  }

  private readRegisters(): Register[] {
    const registers: Register[] = [];
    for (const name of listFolder(this.root, 'registers', this.problems).files.filter((f) => /\.md$/i.test(f))) {
      const rel = `registers/${name}`;
      const register = this.prepared(rel, 'register').register;
      if (register) registers.push(register);
    }
    return registers;
  }
}

/** What can be used of a committee.yml that does not pass its schema: its name and the members that are well formed. */
function fallbackCommittee(id: string, raw: unknown): z.output<typeof committeeSchema> {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const members = (Array.isArray(data.members) ? data.members : []).flatMap((m) => {
    const parsed = memberSchema.safeParse(m);
    return parsed.success ? [parsed.data] : [];
  });
  return { name: typeof data.name === 'string' ? data.name : id, members, minuteNumbers: 'auto' };
}
