import type { PublishedView, ViewCommittee, ViewDecision } from '../publish/types.js';
import { isoWithOffset, zonedStart } from '../dates/calendar.js';
import { absolute, sitePaths } from '../output/paths.js';
import { callInState } from './executive.js';
import { callInPeriod } from '../model/call-in.js';

/*
 * The executive's decisions as open data (docs/open-data.md, "Decisions"):
 * `<committee>/decisions/decisions.json`, one object per record, and each
 * decision page's schema.org JSON-LD. Made from the published view: a
 * decision taken in private carries what its page shows and nothing more.
 */

/** When a decision's call-in ends, as a time with the council's offset; null when it is not subject to call-in. */
export function callInEnd(model: PublishedView, record: ViewDecision): string | null {
  const end = record.calledIn ? null : callInPeriod(model.config, record);
  if (!end) return null;
  const at = zonedStart(end.day, end.time, model.config.timezone);
  return at ? isoWithOffset(at) : end.day;
}

export function decisionData(model: PublishedView, committee: ViewCommittee, record: ViewDecision, baseUrl: string, asOf: string) {
  const state = callInState(model.config, record, asOf);
  const meeting = record.meeting ? committee.meetings.find((m) => m.date === record.meeting) : undefined;
  const shown = record.withheld ? null : record;
  return {
    id: record.id,
    url: absolute(baseUrl, sitePaths.decision(committee.id, record.id)),
    title: record.title,
    kind: record.kind,
    by: record.by ?? committee.name,
    body: committee.name,
    date: record.date,
    published: record.published,
    key: record.key,
    meeting: meeting ? absolute(baseUrl, sitePaths.meeting(meeting)) : null,
    minute: record.minute,
    forwardPlan: record.forwardPlan,
    withheld: record.withheld ? record.notice : null,
    decision: shown?.decision ?? null,
    reasons: shown?.reasons ?? null,
    alternatives: shown?.alternatives ?? null,
    conflicts: shown?.conflicts ?? null,
    dispensations: shown?.dispensations ?? null,
    callIn: {
      status: state.state,
      ends: callInEnd(model, record),
      reasons: state.state === 'exempt' ? state.reasons : null,
      calledIn: record.calledIn,
    },
    implemented: record.implemented,
  };
}

/** The schema.org description of a decision page: a record (DigitalDocument) of the body or person who decided. */
export function decisionJsonLd(model: PublishedView, committee: ViewCommittee, record: ViewDecision, baseUrl: string | null): string {
  const doc = {
    '@context': 'https://schema.org',
    '@type': 'DigitalDocument',
    additionalType: 'https://www.legislation.gov.uk/uksi/2012/2089/regulation/13',
    identifier: record.id,
    name: record.title,
    dateCreated: record.date,
    ...(record.published ? { datePublished: record.published } : {}),
    author: record.kind === 'executive' ? { '@type': 'Organization', name: record.by ?? committee.name } : { '@type': 'Person', name: record.by ?? committee.name },
    publisher: { '@type': 'Organization', name: model.config.organisation },
    ...(record.forwardPlan ? { about: record.forwardPlan } : {}),
    ...(!record.withheld && record.decision ? { text: record.decision } : {}),
    ...(baseUrl ? { url: absolute(baseUrl, sitePaths.decision(committee.id, record.id)) } : {}),
  };
  // Inside a script element: nothing in it may close the element.
  return JSON.stringify(doc, null, 2).replace(/</g, '\\u003c');
}
