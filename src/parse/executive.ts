import type { DecisionException, DecisionRecord, ForwardPlan, ForwardPlanEntry } from '../model/types.js';
import type { z } from 'zod';
import { parseDue } from '../dates/prose.js';
import { decisionsSchema, exceptionSchema, forwardPlanSchema } from './schemas.js';
import { fieldPositions, validate, yamlPosition, type YamlSource } from './yaml.js';
import type { Problems } from './problems.js';

/** A list written as a list, or as one line ("None" for an empty one). */
function listOf(value: string | string[] | undefined): string[] | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value;
  return /^\s*(none|n\/a|nil|-)\s*\.?\s*$/i.test(value) ? [] : [value];
}

function exceptionOf(e: z.output<typeof exceptionSchema>, src: YamlSource, path: PropertyKey[]): DecisionException {
  return {
    route: e.route,
    published: e.published,
    scrutinyChair: e.scrutinyChair ?? null,
    agreedBy: e.agreedBy ?? null,
    agreed: e.agreed ?? null,
    reasons: e.reasons ?? null,
    reported: e.reported ?? null,
    fields: fieldPositions(src, path),
    position: yamlPosition(src, path),
  };
}

/** An executive committee's `forward-plan.yml`; null (the problem reported) when it cannot be read. */
export function readForwardPlan(committee: string, src: YamlSource | null, problems: Problems): ForwardPlan | null {
  if (!src) return null;
  const plan = validate(forwardPlanSchema, src.data ?? {}, src, problems, 'forward-plan.yml');
  if (!plan) return null;
  const entries: ForwardPlanEntry[] = plan.entries.map((e, i) => {
    const at = ['entries', i];
    return {
      ref: e.ref,
      matter: e.matter,
      decisionMaker: e.decisionMaker ?? null,
      date: e.date === undefined ? null : parseDue(e.date),
      key: e.key,
      wards: e.wards,
      documents: listOf(e.documents),
      firstPublished: e.firstPublished ?? null,
      private: e.private ?? false,
      contact: e.contact ?? plan.contact ?? null,
      value: e.value ?? null,
      exception: e.exception ? exceptionOf(e.exception, src, [...at, 'exception']) : null,
      deferred: e.deferred.map((d, j) => ({ on: d.on, to: parseDue(d.to), reason: d.reason ?? null, position: yamlPosition(src, [...at, 'deferred', j]) })),
      withdrawn: e.withdrawn ?? null,
      fields: fieldPositions(src, at),
      position: yamlPosition(src, at),
    };
  });
  return {
    committee,
    title: plan.title ?? null,
    published: [...plan.published].sort(),
    documents: plan.documents ?? null,
    representations: plan.representations ?? null,
    contact: plan.contact ?? null,
    entries,
    fields: fieldPositions(src),
    position: yamlPosition(src, []),
  };
}

/** A committee's `decisions.yml`: the records of decisions; what cannot be read is reported, and left out. */
export function readDecisions(committee: string, src: YamlSource | null, problems: Problems): DecisionRecord[] {
  if (!src) return [];
  const records = validate(decisionsSchema, src.data ?? [], src, problems, 'decisions.yml');
  if (!records) return [];
  const seen = new Map<string, number>();
  return records.flatMap((r, i): DecisionRecord[] => {
    if (seen.has(r.id)) {
      problems.error('frontmatter', `Unexpected second decision "${r.id}" in decisions.yml, expected each record's id: to be its own`, yamlPosition(src, [i, 'id']));
      return [];
    }
    seen.set(r.id, i);
    const callIn = r.callIn === undefined ? (r.kind === 'officer' && !r.key ? 'none' : 'subject') : r.callIn;
    return [
      {
        id: r.id,
        committee,
        title: r.title,
        kind: r.kind,
        by: r.by ?? null,
        date: r.date,
        meeting: r.meeting ?? null,
        minute: r.minute ?? null,
        forwardPlan: r.forwardPlan ?? null,
        key: r.key,
        value: r.value ?? null,
        decision: r.decision ?? null,
        reasons: r.reasons?.trim() || null,
        alternatives: r.alternatives?.trim() || null,
        conflicts: listOf(r.conflicts),
        dispensations: listOf(r.dispensations),
        published: r.published ?? null,
        callIn: typeof callIn === 'string' ? { kind: callIn } : { kind: 'exempt', reasons: callIn.exempt.trim() },
        calledIn: r.calledIn ? { on: r.calledIn.on, by: r.calledIn.by ?? null, meeting: r.calledIn.meeting ?? null, outcome: r.calledIn.outcome ?? null } : null,
        implemented: r.implemented ?? null,
        exempt: r.exempt !== undefined && r.exempt !== false,
        exemptParagraph: typeof r.exempt === 'number' ? r.exempt : null,
        fields: fieldPositions(src, [i]),
        position: yamlPosition(src, [i]),
      },
    ];
  });
}
