import { itemKind } from '../parse/agenda.js';
import type { Agenda, Committee, Meeting, Minutes, Model, ParseResult, Problem } from '../model/types.js';
import { isMeetingFolder } from '../parse/content.js';
import { listFolder } from '../parse/files.js';
import { Problems } from '../parse/problems.js';
import type { LintOptions } from '../lint/lint.js';
import { checkInParts, readInParts, readShared, type ParsedSource } from '../lint/parts.js';
import type { Finding, Rule } from '../lint/rule.js';
import { renderSite, shardOf, type Emit, type HtmlBuildOptions } from './site.js';
import { stepDone } from '../timing.js';
import { heldSummary } from '../publish/gate.js';
import { publish } from '../publish/view.js';
import type { PublishedView, ViewCommittee } from '../publish/types.js';

export interface PartsBuildOptions extends Omit<HtmlBuildOptions, 'emit' | 'meetingIds' | 'sitePages'> {
  emit: Emit;
  lint: LintOptions;
  /** Render nothing more once the gate has found an error (everything is still checked, to report it all). */
  stopOnErrors: boolean;
  /**
   * The gate's findings, already known (from the lint cache): the committees
   * are then read only to be rendered, and only those with a meeting to build
   * (all of them when the index is built).
   */
  checked?: { findings: Finding[]; rules: Rule[]; source?: ParsedSource };
}

export interface PartsBuildResult {
  /** The lint gate's findings over the whole content folder. */
  findings: Finding[];
  rules: Rule[];
  /** When boardpack.yml has errors, its problems: nothing else was done. */
  configProblems: Problem[];
  /** Problems met rendering (a link out of the content folder): whoever writes must write nothing. */
  problems: Problem[];
  /** What the build left out and why, to tell the clerk. */
  notes?: string[];
  unknownMeeting?: boolean;
  /** A meeting id of the content, to suggest when the one asked for is not there. */
  example?: string;
}

/**
 * Check and build a content folder committee by committee (`checkInParts`),
 * so that memory holds one committee's part at a time, not the whole archive.
 * Outputs go to `emit` as they are made; the caller publishes them only if
 * the findings and problems allow.
 */
export async function buildInParts(root: string, options: PartsBuildOptions): Promise<PartsBuildResult> {
  const ignored = new Problems(); // the parts' own reading reports these
  const committees = listFolder(root, 'committees', ignored).folders;
  const meetingIds = committees.flatMap((c) => listFolder(root, `committees/${c}`, ignored).folders.filter(isMeetingFolder).map((f) => `${c}/${f}`));
  let selected: Set<string>;
  if (options.meeting) {
    if (!meetingIds.includes(options.meeting)) return { findings: [], rules: [], configProblems: [], problems: [], unknownMeeting: true, example: meetingIds[0] };
    selected = new Set([options.meeting]);
  } else if (options.shard) {
    selected = new Set(shardOf(meetingIds.map((id) => ({ id })), options.shard.index, options.shard.count).map((m) => m.id));
  } else selected = new Set(meetingIds);

  // How many of the meetings to build each committee holds.
  const toBuild = new Map<string, number>();
  for (const id of selected) toBuild.set(id.split('/')[0], (toBuild.get(id.split('/')[0]) ?? 0) + 1);

  const problems: Problem[] = [];
  const notes: string[] = [];
  const held: string[] = [];
  const skeleton: Committee[] = [];
  // One meeting's build is gated by its own files and the shared ones, not by another meeting's draft.
  const gating = (f: Finding) => !options.meeting || gatesMeeting(f.position.file, options.meeting);
  const rendering = (findings: Finding[]) => !options.stopOnErrors || !findings.some((f) => f.severity === 'error' && gating(f));
  // The site's own pages (HTML) and documents (the forward plan's PDFs) go with a whole build, or its first shard.
  const sitePages = !options.meeting && (!options.shard || options.shard.index === 1) && ((options.html ?? true) || options.pdf !== undefined);
  let done = 0;
  const renderPart = async (id: string, part: ParseResult, findings: Finding[]) => {
    stepDone(`read and checked: ${id}`);
    const mine = toBuild.get(id) ?? 0;
    let view: PublishedView | undefined;
    if (mine > 0 && rendering(findings)) {
      const base = done;
      const rendered = await renderSite(root, part.model, {
        ...options,
        meeting: undefined,
        shard: undefined,
        meetingIds: selected,
        sitePages: false,
        onProgress: options.onProgress && ((n, _total, what) => options.onProgress!(base + n, selected.size, what)),
      });
      problems.push(...rendered.problems);
      if ('view' in rendered) view = rendered.view;
      done += mine;
      // What the public site leaves out for now, for the clerk to know (drafts, papers published later).
      if (options.audience === 'public' && (options.drafts ?? 'withhold') === 'withhold') {
        held.push(...heldSummary(part.model, options.asOf).flatMap((line) => (selected.has(line.meeting) ? [line.text] : [])));
      }
    }
    skeleton.push(
      ...part.model.committees.map((c, k) => {
        const shown = votesShown(part.model, c, view?.committees[k]);
        return outline(c, (meeting) => shown.get(meeting) ?? new Set());
      }),
    );
  };
  // The minutes whose recorded votes this audience may read (for the members' pages), as the gate decides with the
  // whole meeting before it: the skeleton has no agenda to tell business taken in private by. From the view the part
  // was rendered with, or, for a part not rendered, one view of the committee's meetings that record votes.
  const votesShown = (model: Model, committee: Committee, rendered: ViewCommittee | undefined): Map<Meeting, Set<number>> => {
    const voting = committee.meetings.flatMap((m, j) => (m.minutes?.minutes.some((x) => x.votes.length) ? [j] : []));
    if (voting.length === 0) return new Map();
    const viewed = rendered
      ? voting.map((j) => rendered.meetings[j])
      : publish({ ...model, committees: [{ ...committee, meetings: voting.map((j) => committee.meetings[j]) }] }, options.audience, root, { asOf: options.asOf, drafts: options.drafts })
          .committees[0].meetings;
    return new Map(voting.map((j, k) => [committee.meetings[j], new Set((viewed[k].minutes?.minutes ?? []).flatMap((m, i) => (!m.withheld && m.votes.length ? [i] : [])))]));
  };

  let checked: { findings: Finding[]; rules: Rule[]; shared: ParseResult };
  if (options.checked) {
    const known = options.checked;
    const content = readShared(root, known.source);
    if (rendering(known.findings)) {
      const wanted = committees.filter((c) => sitePages || toBuild.has(c));
      await readInParts(content, wanted, (id, part) => renderPart(id, part, known.findings));
    }
    checked = { ...known, shared: content.shared };
  } else {
    const result = await checkInParts(root, options.lint, renderPart);
    if (result.configProblems.length) return { findings: [], rules: [], configProblems: result.configProblems, problems: [] };
    checked = result;
  }

  // The plans, registers and index: the shared part, and what the index lists of each committee.
  if (sitePages && rendering(checked.findings)) {
    const model: Model = { ...checked.shared.model, committees: skeleton };
    // No meeting's PDFs here (each part made its own); the PDF renderer prints the site's own documents (the forward plan's editions).
    const rendered = await renderSite(root, model, { ...options, sitePdfs: options.pdf !== undefined, meeting: undefined, shard: undefined, meetingIds: new Set(), sitePages: true });
    problems.push(...rendered.problems);
    notes.push(...(rendered.notes ?? []));
  }
  if (held.length > 0) {
    const more = held.length > 5 ? `; and ${held.length - 5} more` : '';
    notes.push(`Held back from the public site, as drafts or until the day they are published: ${held.slice(0, 5).join('; ')}${more}`);
  }
  // A problem of a committee's files can be met rendering its part and again rendering the site's pages: said once.
  const said = new Set<string>();
  const once = problems.filter((p) => {
    const key = `${p.position.file}:${p.position.line}:${p.message}`;
    return !said.has(key) && Boolean(said.add(key));
  });
  return { findings: checked.findings, rules: checked.rules, configProblems: [], problems: once, notes };
}

/**
 * What the site's pages, calendars and feeds need of a committee: its name,
 * purpose and members, and its meetings' dates, titles, status, places and
 * publication dates, without the papers and minutes themselves.
 */
function outline(committee: Committee, votesShown: (meeting: Meeting) => Set<number>): Committee {
  const text = { blocks: [], lists: [], tables: [], dates: [], suppressions: [] };
  const agenda = (a: Agenda): Agenda => ({ ...a, ...text, items: [], notes: [] });
  // The minutes keep who attended, the declarations-of-interest minutes with only the interests declared, and the
  // minutes whose recorded votes the gate showed this audience with only their votes (for the members' pages): never
  // another minute, which might be business taken in private that the skeleton cannot tell.
  const minutes = (m: Minutes, votes: Set<number>): Minutes => ({
    ...m,
    ...text,
    minutes: m.minutes
      .flatMap((x, i) => {
        const declared = x.declarations.length > 0 && itemKind(x.title) === 'declarations';
        if (!declared && !votes.has(i)) return [];
        return [{ ...x, declarations: declared ? x.declarations : [], votes: votes.has(i) ? x.votes : [] }];
      })
      .map((x) => ({ ...x, blocks: [], resolutions: [], actions: [], references: [], dates: [] })),
  });
  const meeting = (m: Meeting): Meeting => ({
    ...m,
    agenda: m.agenda ? agenda(m.agenda) : null,
    supplements: m.supplements.map(agenda),
    minutes: m.minutes ? minutes(m.minutes, votesShown(m)) : null,
    // A paper is kept, without its text, only where it names a forward plan entry: the plan's editions say it was decided.
    papers: m.papers.filter((p) => p.forwardPlan).map((p) => ({ ...p, ...text, appendices: [] })),
    attachments: [],
  });
  return { ...committee, meetings: committee.meetings.map(meeting) };
}

/** Does a finding in this file stop a build of one meeting (`<committee>/<folder>`)? Its own files do, and the files every meeting shares. */
export function gatesMeeting(file: string, meeting: string): boolean {
  const [committee] = meeting.split('/');
  if (!file.startsWith('committees/')) return true;
  return file.startsWith(`committees/${meeting}/`) || file === `committees/${committee}/committee.yml`;
}
