import type { PublishedView, ViewCommittee } from '../publish/types.js';
import { formatLong } from '../dates/calendar.js';
import { absolute, sitePaths } from '../output/paths.js';
import { hourText } from './executive.js';
import { callInPeriod } from '../model/call-in.js';
import type { CalendarDeadline } from './calendar.js';
import type { FeedExtra } from './feed.js';

/** The executive's publications as feed entries: each edition of the forward plan, and each decision record, by the day it was published. */
export function executiveFeedEntries(committee: ViewCommittee): FeedExtra[] {
  const plan = committee.forwardPlan;
  const title = plan?.title ?? 'Forward Plan';
  const editions = (plan?.published ?? []).map((day) => ({
    title: `${committee.name}: ${title}, ${formatLong(day)}`,
    file: sitePaths.forwardPlanEdition(committee.id, day),
    published: day,
  }));
  const records = committee.decisions.map((d) => ({
    title: `Decision: ${d.title} (${d.by ?? committee.name}, ${formatLong(d.date)})`,
    file: sitePaths.decision(committee.id, d.id),
    published: d.published ?? d.date,
  }));
  return [...editions, ...records];
}

/** The end of each decision's call-in period still to come or past, as a calendar event at the hour it ends. */
export function callInDeadlines(model: PublishedView, committee: ViewCommittee, baseUrl: string): CalendarDeadline[] {
  return committee.decisions.flatMap((d) => {
    const end = d.calledIn ? null : callInPeriod(model.config, d);
    if (!end) return [];
    const page = absolute(baseUrl, sitePaths.decision(committee.id, d.id));
    return [
      {
        uid: `call-in-${committee.id}-${d.id}@${new URL(baseUrl).host}`,
        summary: `Call-in ends: ${d.title}`,
        day: end.day,
        time: end.time,
        stamp: d.published ?? d.date,
        description: `The call-in period of the decision "${d.title}" (${d.by ?? committee.name}, ${formatLong(d.date)}) ends at ${hourText(end.time)} on ${formatLong(end.day)}. The record: ${page}`,
        url: page,
      },
    ];
  });
}
