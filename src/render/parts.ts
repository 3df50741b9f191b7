import type { Committee, Meeting, Model, Problem } from '../model/types.js';
import { CONFIG_FILE } from '../config/config.js';
import { isMeetingFolder, parseContent } from '../parse/content.js';
import { listFolder } from '../parse/files.js';
import { markdownFiles, ParsePool } from '../parse/parallel.js';
import { unpackPrepared } from '../parse/prepare.js';
import { Problems, sortProblems } from '../parse/problems.js';
import { lint, type LintOptions } from '../lint/lint.js';
import type { Finding, Rule } from '../lint/rule.js';
import { renderSite, shardOf, type Emit, type HtmlBuildOptions } from './html/build.js';

export interface PartsBuildOptions extends Omit<HtmlBuildOptions, 'emit' | 'meetingIds' | 'sitePages'> {
  emit: Emit;
  lint: LintOptions;
  /** Render nothing more once the gate has found an error (everything is still checked, to report it all). */
  stopOnErrors: boolean;
}

export interface PartsBuildResult {
  /** The lint gate's findings over the whole content folder. */
  findings: Finding[];
  rules: Rule[];
  /** When boardpack.yml has errors, its problems: nothing else was done. */
  configProblems: Problem[];
  /** Problems met rendering (a link out of the content folder): whoever writes must write nothing. */
  problems: Problem[];
  unknownMeeting?: boolean;
  /** A meeting id of the content, to suggest when the one asked for is not there. */
  example?: string;
}

const inCommittee = (file: string, id: string) => file === `committees/${id}` || file.startsWith(`committees/${id}/`);

/**
 * Check and build a content folder committee by committee, so that memory
 * holds one committee's part at a time (with boardpack.yml, the plans and the
 * registers), not the whole archive. Each rule's findings in a committee's
 * files come from that committee and the shared files alone (a test holds
 * every rule to it: tests/lint/cache.test.ts), so the findings are those of
 * checking the whole. Outputs go to `emit` as they are made; the caller
 * publishes them only if the findings and problems allow.
 */
export async function buildInParts(root: string, options: PartsBuildOptions): Promise<PartsBuildResult> {
  const shared = parseContent(root, undefined, new Set());
  const config = shared.problems.filter((p) => p.position.file === CONFIG_FILE);
  if (config.some((p) => p.severity === 'error')) return { findings: [], rules: [], configProblems: config, problems: [] };

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

  const sharedLint = lint(shared, options.lint);
  const findings = sharedLint.findings.filter((f) => !committees.some((c) => inCommittee(f.position.file, c)));
  const rendering = () => !options.stopOnErrors || !findings.some((f) => f.severity === 'error');
  const problems: Problem[] = [];
  const skeleton: Committee[] = [];

  // Each committee's Markdown is parsed on worker threads one part ahead of the part being checked and rendered.
  const byCommittee = new Map<string, { rel: string; role: NonNullable<ReturnType<typeof markdownFiles>[number]['role']> }[]>(committees.map((c) => [c, []]));
  const files = markdownFiles(root);
  for (const f of files) {
    const m = /^committees\/([^/]+)\//.exec(f.rel);
    if (m) byCommittee.get(m[1])?.push(f);
  }
  const pool = ParsePool.start(root, files.length);
  let done = 0;
  try {
    let ahead = pool?.prepare(byCommittee.get(committees[0]) ?? []);
    for (let i = 0; i < committees.length; i++) {
      const id = committees[i];
      const prepared = ahead ? await ahead : undefined;
      ahead = pool && i + 1 < committees.length ? pool.prepare(byCommittee.get(committees[i + 1]) ?? []) : undefined;
      for (const p of prepared?.values() ?? []) unpackPrepared(p);
      const part = parseContent(root, prepared, new Set([id]));
      findings.push(...lint(part, options.lint).findings.filter((f) => inCommittee(f.position.file, id)));
      const mine = [...selected].filter((m) => m.startsWith(`${id}/`)).length;
      if (mine > 0 && rendering()) {
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
        done += mine;
      }
      skeleton.push(...part.model.committees.map(outline));
    }
  } finally {
    pool?.close();
  }

  // The plans, registers and index: the shared part, and what the index lists of each committee.
  const sitePages = !options.meeting && (!options.shard || options.shard.index === 1);
  if (sitePages && (options.html ?? true) && rendering()) {
    const model: Model = { ...shared.model, committees: skeleton };
    const rendered = await renderSite(root, model, { ...options, pdf: undefined, meeting: undefined, shard: undefined, meetingIds: new Set(), sitePages: true });
    problems.push(...rendered.problems);
  }
  return { findings: sortProblems(findings), rules: sharedLint.rules, configProblems: [], problems };
}

/**
 * What the index needs of a committee: its name and its meetings' dates,
 * titles, status and outputs, without the papers and minutes themselves.
 */
function outline(committee: Committee): Committee {
  const meeting = (m: Meeting): Meeting =>
    ({
      ...m,
      agenda: m.agenda ? ({} as Meeting['agenda']) : null,
      minutes: m.minutes ? ({} as Meeting['minutes']) : null,
      papers: [],
      supplements: [],
      attachments: [],
    }) as Meeting;
  return { ...committee, members: [], meetings: committee.meetings.map(meeting) };
}
