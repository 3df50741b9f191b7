import { Feed } from 'feed';
import type { ViewCommittee, ViewMeeting } from '../publish/types.js';
import { atPlace, meetingDocuments, meetingName, newestFirst } from './documents.js';
import { absolute } from '../output/paths.js';

/*
 * Atom feeds of documents as they are published (each agenda pack,
 * supplement and minutes, dated by its publication date), made with the
 * `feed` library: one for the site and one per committee. The newest entries
 * are kept; the feed's own date is its newest entry's, so that the same
 * content makes the same bytes.
 */

/** How many entries a feed keeps: a reader polls often, and the archive is on the site. */
export const FEED_ENTRIES = 100;

export interface FeedSite {
  organisation: string;
  locale: string;
  baseUrl: string;
}

/** Text with what XML 1.0 cannot hold at all (control characters, lone surrogates) left out. */
function xmlText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/**
 * Text for an Atom element of type="html", which the library writes in a
 * CDATA section and escapes only the first `]]>` of: written as HTML text
 * (`&`, `<`, `>` escaped), it holds no `]]>` and no markup a reader would run.
 */
function htmlText(text: string): string {
  return xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An entry of a feed that is not a meeting's document: a forward plan's edition, a decision record. */
export interface FeedExtra {
  title: string;
  /** Its page, relative to the site. */
  file: string;
  published: string;
}

export function documentFeed(
  site: FeedSite,
  feed: { title: string; file: string; page: string },
  meetings: { meeting: ViewMeeting; committee: ViewCommittee }[],
  formats: { html: boolean; pdf: boolean },
  extras: FeedExtra[] = [],
): string {
  // Each document once, by its HTML where the build made one (a supplement's is its place in the pack's), else its PDF.
  const entries = meetings.flatMap(({ meeting, committee }) => {
    const documents = meetingDocuments(meeting, 'public', formats);
    return documents
      .filter((d) => d.format === 'HTML' || !documents.some((o) => o.kind === d.kind && o.title === d.title && o.format === 'HTML'))
      .map((d) => ({ ...d, meeting, committee }));
  });
  const all: { title: string; link: string; published: string; file: string }[] = [
    ...entries.map((entry) => ({
      // "...: agenda pack", "...: minutes", "...: Supplementary agenda 1".
      title: `${meetingName(entry.meeting, entry.committee)}: ${entry.kind === 'supplement' ? entry.title : entry.title.toLowerCase()}`,
      link: atPlace(absolute(site.baseUrl, entry.file), entry),
      published: entry.published,
      file: entry.file,
    })),
    ...extras.map((e) => ({ title: e.title, link: absolute(site.baseUrl, e.file), published: e.published, file: e.file })),
  ];
  all.sort(newestFirst);
  const kept = all.slice(0, FEED_ENTRIES);
  const url = (file: string) => absolute(site.baseUrl, file);
  const out = new Feed({
    title: xmlText(feed.title),
    id: url(feed.file),
    link: url(feed.page),
    language: site.locale,
    updated: new Date(`${kept[0]?.published ?? '1970-01-01'}T00:00:00Z`),
    generator: 'boardpack',
    feedLinks: { atom: url(feed.file) },
    author: { name: xmlText(site.organisation) },
    copyright: xmlText(site.organisation),
  });
  for (const entry of kept) {
    const title = entry.title;
    const date = new Date(`${entry.published}T00:00:00Z`);
    out.addItem({
      title: htmlText(title),
      id: entry.link,
      link: entry.link,
      date,
      published: date,
      description: htmlText(`${title}, published ${entry.published}.`),
      author: [{ name: xmlText(site.organisation) }],
    });
  }
  return out.atom1();
}
