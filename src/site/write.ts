import type { PublishedView, ViewCommittee, ViewMeeting } from '../publish/types.js';
import type { Emit, SiteBuild } from '../output/emit.js';
import { meetingCalendar, meetingUid } from './calendar.js';
import { meetingName } from './documents.js';
import { documentFeed } from './feed.js';
import { meetingData, meetingDataJsonSchema, meetingDataSchema, ocdEventId, type ItemLinks } from './open-data.js';
import { absolute, sitePaths } from '../output/paths.js';
import { callInDeadlines, executiveFeedEntries } from './executive-feeds.js';
import { decisionData } from './executive-data.js';
import { voteEvents } from './people-data.js';

/**
 * The site's calendars and feeds (all meetings, and each committee's), the
 * index of its open data and the data's JSON Schema. Written with the site's
 * pages, for the public, when boardpack.yml gives the site's address.
 */
export function writeSiteFeeds(model: PublishedView, build: SiteBuild, emit: Emit): void {
  const baseUrl = build.baseUrl!;
  const { organisation, timezone, locale } = model.config;
  const all = model.committees.flatMap((committee) => committee.meetings.map((meeting) => ({ meeting, committee })));
  const formats = { html: true, pdf: build.pdf };
  const site = { organisation, timezone, baseUrl };
  emit(sitePaths.calendar, meetingCalendar(site, `${organisation}: meetings`, all, model.committees.flatMap((c) => callInDeadlines(model, c, baseUrl))));
  const everything = model.committees.flatMap((c) => executiveFeedEntries(c));
  emit(sitePaths.feed, documentFeed({ organisation, locale, baseUrl }, { title: `${organisation}: new papers`, file: sitePaths.feed, page: sitePaths.front }, all, formats, everything));
  for (const committee of model.committees) {
    const own = committee.meetings.map((meeting) => ({ meeting, committee }));
    emit(sitePaths.committeeCalendar(committee.id), meetingCalendar(site, `${committee.name}: meetings`, own, callInDeadlines(model, committee, baseUrl)));
    const feed = { title: `${committee.name}: new papers`, file: sitePaths.committeeFeed(committee.id), page: sitePaths.committee(committee.id) };
    emit(sitePaths.committeeFeed(committee.id), documentFeed({ organisation, locale, baseUrl }, feed, own, formats, executiveFeedEntries(committee)));
    if (committee.decisions.length) {
      const records = committee.decisions.map((d) => decisionData(model, committee, d, baseUrl, build.asOf));
      emit(sitePaths.decisionsData(committee.id), `${JSON.stringify({ organisation, body: committee.name, decisions: records }, null, 2)}\n`);
    }
  }
  const index = all.map(({ meeting, committee }) => ({
    id: ocdEventId(meetingUid(meeting, baseUrl)),
    name: meetingName(meeting, committee),
    date: meeting.date,
    status: meeting.status,
    url: absolute(baseUrl, sitePaths.meeting(meeting)),
    data: absolute(baseUrl, sitePaths.meetingData(meeting)),
  }));
  const decisions = model.committees.filter((c) => c.decisions.length).map((c) => absolute(baseUrl, sitePaths.decisionsData(c.id)));
  emit(sitePaths.allData, `${JSON.stringify({ organisation, schema: absolute(baseUrl, sitePaths.dataSchema), meetings: index, ...(decisions.length ? { decisions } : {}) }, null, 2)}\n`);
  emit(sitePaths.dataSchema, `${JSON.stringify(meetingDataJsonSchema(baseUrl), null, 2)}\n`);
}

/**
 * A meeting's own calendar file (for "add to calendar") and its open data,
 * checked against the published schema as it is written. `items` are its
 * agenda's links as its page gives them.
 */
export function writeMeetingFeeds(model: PublishedView, committee: ViewCommittee, meeting: ViewMeeting, build: SiteBuild, items: ItemLinks[], keyDecisions: ReadonlySet<number>, emit: Emit): void {
  const baseUrl = build.baseUrl!;
  const { organisation, timezone } = model.config;
  emit(sitePaths.meetingCalendar(meeting), meetingCalendar({ organisation, timezone, baseUrl }, meetingName(meeting, committee), [{ meeting, committee }]));
  const data = meetingData(model, committee, meeting, meetingUid(meeting, baseUrl), items, keyDecisions, { html: true, pdf: build.pdf });
  emit(sitePaths.meetingData(meeting), `${JSON.stringify(meetingDataSchema.parse(data), null, 2)}\n`);
  const votes = voteEvents(model, committee, meeting, baseUrl);
  if (votes.length) emit(sitePaths.meetingVotes(meeting), `${JSON.stringify({ meeting: absolute(baseUrl, sitePaths.meeting(meeting)), votes }, null, 2)}\n`);
}
