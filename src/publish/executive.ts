import type { DecisionRecord, ForwardPlan, ForwardPlanEntry, Model } from '../model/types.js';
import { formatLong } from '../dates/calendar.js';
import { exemptNotice } from './notice.js';
import type { Audience, ViewDecision } from './types.js';

/** The day a forward plan entry was first made public: its first edition, or its exception's notice. */
export function entryPublished(entry: ForwardPlanEntry): string | null {
  return entry.firstPublished ?? entry.exception?.published ?? null;
}

/**
 * The executive's publications as an audience may see them. The forward plan
 * is a public notice: what of it is withheld is only what was not published
 * yet by the view's day (editions and entries to come). A decision record is
 * held back until its `published:` day, and a record of a decision taken in
 * private (`exempt:`) is, for the public, what the law publishes of it with no
 * field for its decision, reasons, alternatives or conflicts.
 */
export class ExecutiveView {
  constructor(
    private readonly model: Model,
    private readonly audience: Audience,
    private readonly asOf: string,
    private readonly drafts: 'withhold' | 'mark',
  ) {}

  /** Whether something published on this day is held back from this view. */
  private later(day: string | null): boolean {
    return this.audience === 'public' && this.drafts === 'withhold' && day !== null && day > this.asOf;
  }

  private heldNotice(day: string | null): string | null {
    return day !== null && day > this.asOf ? `Not yet published: to be published on ${formatLong(day)}.` : null;
  }

  plan(plan: ForwardPlan): ForwardPlan {
    return {
      ...plan,
      published: plan.published.filter((d) => !this.later(d)),
      entries: plan.entries.filter((e) => !this.later(entryPublished(e))),
    };
  }

  decision(record: DecisionRecord): ViewDecision[] {
    if (this.later(record.published)) return [];
    const held = this.audience === 'public' && this.drafts === 'withhold' ? null : this.heldNotice(record.published);
    const notice = record.exempt ? exemptNotice(this.model.config.jurisdiction, record.exemptParagraph, 'decision record') : null;
    if (this.audience === 'members' || !record.exempt) return [{ ...record, withheld: false, notice: this.audience === 'members' ? notice : null, held }];
    return [
      {
        withheld: true,
        notice: notice!,
        paragraph: record.exemptParagraph,
        id: record.id,
        committee: record.committee,
        title: record.title,
        kind: record.kind,
        by: record.by,
        date: record.date,
        meeting: record.meeting,
        minute: record.minute,
        forwardPlan: record.forwardPlan,
        key: record.key,
        published: record.published,
        callIn: { kind: record.callIn.kind },
        calledIn: record.calledIn,
        implemented: record.implemented,
      },
    ];
  }
}
