import { join, relative, resolve, sep } from 'node:path';
import { placeOf } from '../parse/files.js';
import type { Model, Problem } from '../model/types.js';
import type { Audience, PublishedView, ViewMeeting } from '../publish/types.js';
import { Problems } from '../parse/problems.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { pageRenderer } from '../render/html/templates.js';
import { publish } from '../publish/view.js';
import { packView } from '../render/html/pack.js';
import { minutesView, planView, registerView } from '../render/html/site.js';
import { archiveView, archiveYearView, archiveYears, committeeView, documentChrome, frontView, meetingView, packSummary, searchView, siteChrome, type PackSummary } from '../render/html/pages.js';
import type { PdfRenderer, PrintViews } from '../render/pdf/input.js';
import { SEARCH_SCRIPT, SEARCH_SCRIPT_TEXT } from '../site/search.js';
import { documentNames, meetingOutDir, reservedName, sitePaths } from '../output/paths.js';
import type { Emit, Progress, SiteBuild } from '../output/emit.js';
import { writeMeetingFeeds, writeSiteFeeds } from '../site/write.js';
import { executivePdfs, writeExecutivePages } from '../render/html/executive.js';
import { membersPdfs, writeMemberPages } from '../render/html/members.js';

export type { Emit, Progress } from '../output/emit.js';

/** A meeting's pack and minutes, rendered from its papers. */
export interface MeetingViews extends PrintViews {
  pack(meeting: ViewMeeting): ReturnType<typeof packView>;
  minutes(meeting: ViewMeeting): ReturnType<typeof minutesView>;
}

/**
 * Each meeting's views, made once however many outputs show them (HTML and
 * PDF), so that its papers are rendered, and their problems reported, once.
 * Kept only when `keep` is set: a build of HTML alone uses each view once.
 */
function meetingViews(model: PublishedView, problems: Problems, keep: boolean): MeetingViews {
  const packs = new Map<string, ReturnType<typeof packView>>();
  const minutes = new Map<string, ReturnType<typeof minutesView>>();
  const once = <T>(made: Map<string, T>, id: string, make: () => T): T => {
    const known = made.get(id);
    if (known) return known;
    const view = make();
    if (keep) made.set(id, view);
    return view;
  };
  return {
    pack: (meeting) => once(packs, meeting.id, () => packView(model, meeting, problems)),
    minutes: (meeting) => once(minutes, meeting.id, () => minutesView(model, meeting, problems)),
  };
}

/** Said when the site's calendars, feeds and open data are left out. */
export const NO_BASE_URL =
  'No calendars, feeds or open data were written: they need the address the site is published at, as baseUrl in boardpack.yml (such as "baseUrl: https://democracy.example.gov.uk/")';

export interface HtmlBuildOptions {
  /** Write the HTML site (default true). */
  html?: boolean;
  pdf?: PdfRenderer;
  /** Build this share of the meetings only (`{ index: 2, count: 4 }`); the site pages go with share 1. */
  shard?: { index: number; count: number };
  jobs?: number;
  onProgress?: Progress;
  /** Build only this meeting, `<committee>/<folder>`. */
  meeting?: string;
  /** Build only these meetings (a part of a build done committee by committee). */
  meetingIds?: ReadonlySet<string>;
  /** Write the plans, registers and index (default: unless one meeting or a later shard is built). */
  sitePages?: boolean;
  /** Whether the build makes PDFs, for the site's pages to link to (default: whether `pdf` is given). */
  sitePdfs?: boolean;
  /** Whether the site has a search page and index (the public's, built whole): pages mark what it indexes. */
  search?: boolean;
  audience: Audience;
  /** The day overdue plan actions are counted from, when a plan has no `asOf`, and the day papers to be published later are held back until. */
  asOf: string;
  /** Whether the public site withholds drafts and papers published later (a build), or shows them marked (the preview). */
  drafts?: 'withhold' | 'mark';
  /**
   * Takes each output as it is made (the command line writes it to a staging
   * folder), so that a build of a whole archive holds one output at a time.
   * Without it, the outputs are kept and returned in `outputs`.
   */
  emit?: Emit;
}

export interface HtmlBuildResult {
  /** Output paths relative to the output folder, in the order written. */
  files: string[];
  problems: Problem[];
}

/**
 * Render every output, handing each to `options.emit` as it is made (or
 * keeping it in `outputs`). Whoever writes them must write nothing when the
 * result has problems: a build either publishes everything or nothing.
 */
export async function renderSite(root: string, content: Model, options: HtmlBuildOptions) {
  // The publication gate: everything below sees only what this audience may see.
  const model = publish(content, options.audience, root, { asOf: options.asOf, drafts: options.drafts });
  const problems = new Problems();
  // What the build tells the clerk about what it left out.
  const notes: string[] = [];
  const outputs = new Map<string, string | Uint8Array>();
  const emit: Emit = options.emit ?? ((file, data) => void outputs.set(file, data));
  let councilTemplates: string | null = null;
  if (model.config.templates) {
    councilTemplates = resolve(root, model.config.templates);
    if (relative(root, councilTemplates).startsWith('..') || placeOf(root, relative(root, councilTemplates)) === 'outside') {
      problems.error('frontmatter', `Unexpected templates folder "${model.config.templates}" outside the content folder, expected a folder inside it`, model.config.fields.templates ?? model.config.position);
      return { outputs, problems: problems.list };
    }
  }
  // Each committee's pages go in a folder named by it, beside the site's own files: a name of theirs cannot be one.
  for (const committee of model.committees.filter((c) => reservedName(c.id))) {
    problems.error('frontmatter', `Unexpected committee folder "${committee.id}": the website keeps that name for its own files, expected another name for the folder`, committee.position);
  }
  if (problems.list.length) return { outputs, problems: problems.list, notes };
  const render = pageRenderer(councilTemplates, root);

  let meetings: ViewMeeting[] = model.committees.flatMap((c) => c.meetings);
  if (options.meeting) {
    meetings = meetings.filter((m) => m.id === options.meeting);
    if (meetings.length === 0) return { outputs, problems: problems.list, unknownMeeting: true };
  }
  const shard = options.shard;
  if (shard) meetings = shardOf(meetings, shard.index, shard.count);
  const only = options.meetingIds;
  if (only) meetings = meetings.filter((m) => only.has(m.id));
  const sitePages = options.sitePages ?? (!options.meeting && (!shard || shard.index === 1));

  const html = options.html ?? true;
  const views = meetingViews(model, problems, html && options.pdf !== undefined);
  // Every file written, with its size: the meeting pages list the documents the build really made.
  const sizes = new Map<string, number>();
  const emitting: Emit = (file, data) => {
    sizes.set(file, typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
    emit(file, data);
  };
  const build: SiteBuild = {
    audience: options.audience,
    pdf: options.sitePdfs ?? options.pdf !== undefined,
    // Calendars, feeds and open data need the site's address, and are the public's.
    baseUrl: options.audience === 'public' ? model.config.baseUrl : null,
    search: options.search ?? false,
    asOf: options.asOf,
    members: model.members.length > 0,
  };
  const names = documentNames(options.audience);
  const committeeOf = (meeting: ViewMeeting) => model.committees.find((c) => c.id === meeting.committee)!;
  // What each meeting's page needs of its pack, kept without the papers' text.
  const packs = new Map<string, PackSummary>();
  for (const meeting of html ? meetings : []) {
    const dir = meetingOutDir(meeting);
    if (meeting.agenda && meeting.status !== 'cancelled') {
      const view = views.pack(meeting);
      const file = `${dir}/${names.packHtml}`;
      packs.set(meeting.id, packSummary(view));
      emitting(file, render('agenda-pack', { ...view, site: documentChrome(file, build, committeeOf(meeting), meeting, 'Agenda pack', names.packPdf) }));
      // PDFs go beside the pack, with their active content removed; the view holds only those this audience may see.
      const pdfs = new Map(meeting.attachments.map((a) => [a.file, a.bytes]));
      for (const paper of meeting.papers) {
        if (paper.withheld) continue;
        for (const a of paper.appendices) if (!a.withheld && a.bytes) pdfs.set(a.file, a.bytes);
      }
      for (const [file, bytes] of pdfs) {
        emitting(`${dir}/${file.split('/').pop()}`, await (await publishable()).publishablePdf(file, bytes()));
      }
    }
    if (meeting.minutes) {
      const file = `${dir}/${names.minutesHtml}`;
      emitting(file, render('minutes', { ...views.minutes(meeting), site: documentChrome(file, build, committeeOf(meeting), meeting, 'Minutes', names.minutesPdf) }));
    }
  }

  if (options.pdf) {
    // The site's own documents go with its pages: with the first shard, or a whole build.
    const documents = sitePages ? [...model.committees.flatMap((c) => executivePdfs(model, c, build)), ...membersPdfs(model, build)] : [];
    await options.pdf({ model, meetings, audience: options.audience, render, views, problems, jobs: options.jobs, onProgress: options.onProgress, emit: emitting, documents });
  }

  // Each meeting's page, once its documents are made, with its calendar entry and open data.
  for (const meeting of html ? meetings : []) {
    const pack = packs.get(meeting.id) ?? null;
    const view = meetingView(model, meeting, build, sizes, pack);
    emit(sitePaths.meeting(meeting), render('meeting', view));
    if (build.baseUrl) writeMeetingFeeds(model, committeeOf(meeting), meeting, build, view.items, pack?.keyDecisions ?? new Set(), emit);
  }

  if (html && sitePages) {
    for (const plan of model.plans) {
      const file = sitePaths.plan(plan.id);
      emit(file, render('plan', { ...planView(model, plan, options.asOf), site: siteChrome(file, build, [{ text: plan.title, file: null }], true) }));
    }
    for (const register of model.registers) {
      const file = sitePaths.register(register.id);
      emit(file, render('register', { ...registerView(model, register), site: siteChrome(file, build, [{ text: register.title, file: null }], true) }));
    }
    emit(sitePaths.front, render('index', frontView(model, build)));
    for (const committee of model.committees) {
      emit(sitePaths.committee(committee.id), render('committee', committeeView(model, committee, build)));
      writeExecutivePages(model, committee, build, render, emit);
    }
    writeMemberPages(model, build, render, emit);
    emit(sitePaths.archive, render('archive', archiveView(model, build)));
    for (const year of archiveYears(model)) emit(sitePaths.archiveYear(year), render('archive-year', archiveYearView(model, year, build)));
    if (build.search) {
      emit(sitePaths.search, render('search', searchView(model, build)));
      emit(SEARCH_SCRIPT, SEARCH_SCRIPT_TEXT);
    }
    if (build.baseUrl) writeSiteFeeds(model, build, emit);
    else if (options.audience === 'public') notes.push(NO_BASE_URL);
  }
  // The view it rendered, for a build in parts to take what the site's outline may keep (src/build/parts.ts).
  return { outputs, problems: problems.list, notes, view: model };
}

/**
 * A deterministic share of the meetings for a CI matrix: sorted by id, the
 * k-th goes to share (k mod count) + 1, so every meeting is in exactly one.
 */
export function shardOf<T extends { id: string }>(meetings: T[], index: number, count: number): T[] {
  return [...meetings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).filter((_, k) => k % count === index - 1);
}

/** Write rendered outputs, each file whole or not at all. */
export function writeOutputs(out: string, outputs: Map<string, string | Uint8Array>): string[] {
  const files = [...outputs.keys()].sort();
  for (const file of files) writeFileAtomic(join(out, ...file.split('/')), outputs.get(file)!);
  return files.map((f) => f.split('/').join(sep));
}

// PDF surgery is loaded by the builds that copy a PDF, so that lint and an HTML build of papers alone start without it.
const publishable = () => import('../render/pdf/publishable.js');
