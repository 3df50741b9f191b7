import { posix } from 'node:path';
import type { PublishedView, ViewMeeting } from '../../publish/types.js';
import type { Problems } from '../../parse/problems.js';
import { localTarget, type LinkRewriter } from './markdown.js';
import { encodePath, meetingOutDir } from '../../output/paths.js';
import { appendixAnchor, paperAnchor } from './views.js';


/**
 * How links in a meeting's papers are written in its pack: papers and
 * appendices of the pack become anchors, its PDFs the copies beside the pack,
 * another meeting's minutes that meeting's minutes page. Links to web pages
 * stay; links to other local files become plain text; a link out of the
 * content folder is refused.
 */
export function packLinks(view: PublishedView, meeting: ViewMeeting, problems: Problems): LinkRewriter {
  const anchors = new Map<string, string>();
  const pdfs = new Map<string, boolean>();
  // A withheld paper or appendix has no file to link to: a link to it in a paper's text is plain text.
  for (const paper of meeting.papers) {
    if (paper.withheld) continue;
    anchors.set(paper.file, paperAnchor(paper));
    paper.appendices.forEach((a, i) => {
      if (a.withheld) return;
      if (a.format === 'md') anchors.set(a.file, appendixAnchor(paper, i));
      else pdfs.set(a.file, false);
    });
  }
  for (const att of meeting.attachments) if (!pdfs.has(att.file)) pdfs.set(att.file, false);
  const here = meetingOutDir(meeting);

  return (href, from, position) => {
    const target = localTarget(href, from);
    if (target === null) return /^(https?:|mailto:|#)/i.test(href) ? href : null;
    if (target.startsWith('../') || target === '..') {
      problems.error('link-target', `Unexpected link "${href}" to a file outside the content folder, expected a file inside it`, position);
      return null;
    }
    if (anchors.has(target)) return `#${anchors.get(target)}`;
    if (pdfs.has(target)) return pdfs.get(target) ? null : encodePath(posix.basename(target));
    const m = /^committees\/([^/]+)\/([^/]+)\/minutes\.md$/.exec(target);
    if (m && view.committees.some((c) => c.id === m[1] && c.meetings.some((x) => x.folder === m[2] && x.minutes))) {
      return encodePath(posix.relative(here, `${m[1]}/${m[2]}/minutes.html`));
    }
    return null;
  };
}
