import { defineRule } from '../rule.js';
import { executiveRecords } from '../executive.js';

const pounds = (n: number) => `£${n.toLocaleString('en-GB')}`;

export default defineRule(
  {
    id: 'key-decision-maker',
    description: 'Key decisions come from the executive, and a decision above the key-decision threshold is marked key',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const model = context.model;
    if (!executiveRecords(model)) return;
    const threshold = model.config.decisions.keyDecisionThreshold;
    for (const committee of model.committees) {
      const file = `committees/${committee.id}/committee.yml`;
      if (!committee.executive) {
        if (committee.forwardPlan) {
          context.report(
            `Unexpected forward plan for ${committee.name}, which is not the executive, expected it kept by the executive committee (executive: true in its committee.yml), or ${file} to say executive: true`,
            committee.forwardPlan.position,
          );
        }
        for (const record of committee.decisions) {
          if (record.kind === 'executive' && record.key) {
            context.report(
              `Unexpected key decision "${record.title}" taken by ${committee.name}, which is not the executive, expected key decisions to be taken by the executive, one of its members or an officer under delegation`,
              record.fields.key ?? record.position,
            );
          }
        }
        for (const meeting of committee.meetings) {
          for (const paper of meeting.papers) {
            if (!paper.keyDecision || !paper.forwardPlan) continue;
            context.report(
              `Unexpected key decision ${paper.forwardPlan.ref} taken at a meeting of ${committee.name}, which is not the executive, expected it on the agenda of the executive that takes it (a paper here may inform it, without forwardPlan:)`,
              paper.forwardPlan.position,
            );
          }
        }
      }
      if (threshold === null) continue;
      const under = [...(committee.forwardPlan?.entries ?? []).map((e) => ({ name: e.ref, key: e.key, value: e.value, at: e.fields.key ?? e.position })),
        ...committee.decisions.filter((r) => r.kind !== 'executive' || committee.executive).map((r) => ({ name: `"${r.title}"`, key: r.key, value: r.value, at: r.fields.key ?? r.fields.value ?? r.position }))];
      for (const d of under) {
        if (d.key || d.value === null || d.value < threshold) continue;
        context.report(
          `Unexpected decision ${d.name} of ${pounds(d.value)} not marked key, expected key: true: it is above the council's key-decision threshold of ${pounds(threshold)} (reg 8)`,
          d.at,
        );
      }
    }
  },
);
