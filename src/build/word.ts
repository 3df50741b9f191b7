import { resolve } from 'node:path';
import { BoardpackError } from '../errors.js';
import { contentRoot } from '../config/folder.js';
import { formatLong, fromDate } from '../dates/calendar.js';
import { StagedOutput } from '../fs/atomic.js';
import { parseContent } from '../parse/content.js';
import { publish } from '../publish/view.js';
import type { Audience } from '../publish/types.js';
import { meetingOutDir } from '../output/paths.js';
import { wordDocument } from '../render/docx/word.js';

export interface BuildWordOptions {
  cwd?: string;
  /** The output folder (default: out-word, or out-word-members for members). */
  out?: string;
  audience?: Audience;
  /** Papers held back until a later day are included, marked, as drafts are: the copies are for review. */
  asOf?: string;
  /** One meeting only (`<committee>/<meeting folder>`). */
  meeting?: string;
}

/**
 * Word copies of papers and minutes for review (`build --format docx`): each
 * paper and each meeting's minutes the audience may see, as a .docx in the
 * meeting's folder of the output. Exempt content is withheld from the public
 * as everywhere; drafts are included (review is what they are for). Not gated
 * by the linter: a draft with errors is what a reviewer is sent.
 */
export async function buildWord(dir: string, options: BuildWordOptions = {}): Promise<{ out: string; files: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const audience = options.audience ?? 'public';
  const root = contentRoot(dir, cwd);
  const out = resolve(cwd, options.out ?? (audience === 'members' ? 'out-word-members' : 'out-word'));
  const parsed = parseContent(root);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new BoardpackError(`${dir}: nothing was written`, { problems: errors });
  const view = publish(parsed.model, audience, root, { asOf: options.asOf ?? fromDate(new Date()), drafts: 'mark' });
  const meetings = view.committees.flatMap((c) => c.meetings.map((m) => ({ committee: c, meeting: m })));
  const chosen = options.meeting ? meetings.filter(({ meeting }) => meeting.id === options.meeting) : meetings;
  if (options.meeting && chosen.length === 0) throw new BoardpackError(`No meeting "${options.meeting}" in ${dir}, expected <committee>/<meeting folder> such as ${meetings.at(-1)?.meeting.id ?? 'cabinet/2026-04-14'}`);
  const staged = new StagedOutput(out, { audience, partial: Boolean(options.meeting), formats: [] });
  try {
    for (const { committee, meeting } of chosen) {
      const folder = meetingOutDir(meeting);
      const when = `${committee.name}, ${formatLong(meeting.date)}`;
      for (const paper of meeting.papers) {
        if (paper.withheld) continue;
        const item = [meeting.agenda, ...meeting.supplements].flatMap((a) => a?.items ?? []).find((i) => i.links.some((l) => !l.withheld && l.target === paper.file));
        // Marked as the pack marks it: exempt (for members), a draft, or published later.
        const marks = [paper.notice, paper.held].filter((m): m is string => !!m).join(' ');
        const subtitle = `${when}${item ? `, agenda item ${item.number}` : ''}${marks ? `. ${marks}` : ''}`;
        staged.write(`${folder}/${paper.id}.docx`, await wordDocument({ title: paper.title, author: paper.author, date: paper.date, subtitle, tree: paper.tree() }));
      }
      if (meeting.minutes) {
        staged.write(`${folder}/minutes.docx`, await wordDocument({ title: `Minutes of the meeting held on ${formatLong(meeting.date)}`, author: null, date: meeting.minutes.published, subtitle: committee.name, tree: meeting.minutes.tree() }));
      }
    }
    return { out, files: staged.commit() };
  } finally {
    staged.discard();
  }
}
