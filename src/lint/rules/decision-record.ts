import type { Committee, DecisionRecord, Declaration } from '../../model/types.js';
import { defineRule, type RuleContext } from '../rule.js';
import { longDate } from '../helpers.js';
import { executiveRecords, meetingOn, minuteLabel, minuteOfPaper, sameMinute, surname } from '../executive.js';

const REASONS = /\breasons?\b/i;
const ALTERNATIVES = /\balternative/i;

/** The interests declared in a committee's minutes of a meeting in the minute a record names. */
function declarationsFor(committee: Committee, record: DecisionRecord): Declaration[] {
  if (!record.meeting || !record.minute) return [];
  const minutes = meetingOn(committee, record.meeting)?.minutes;
  if (!minutes) return [];
  return minutes.minutes.flatMap((m) => m.declarations).filter((d) => sameMinute(d.minute, record.minute!));
}

function checkRecord(context: RuleContext, committee: Committee, record: DecisionRecord) {
  const missing = [!record.reasons && 'reasons:', !record.alternatives && 'alternatives: (the options considered and rejected, or "None")'].filter(Boolean);
  if (missing.length) {
    context.report(
      `Unexpected record of "${record.title}" without ${missing.join(' or ')}, expected the reasons for the decision and the alternatives rejected, which the record must give (${record.kind === 'officer' ? 'SI 2014/2095 reg 7' : 'SI 2012/2089 reg 13'})`,
      record.position,
    );
  }
  if (record.meeting && !meetingOn(committee, record.meeting)) {
    context.report(
      `Unexpected meeting: ${record.meeting} on the record of "${record.title}", expected the day of a meeting of ${committee.name} (there is no folder for ${longDate(record.meeting)})`,
      record.fields.meeting ?? record.position,
    );
  }
  const named = (record.conflicts ?? []).join(' ').toLowerCase();
  for (const declaration of declarationsFor(committee, record)) {
    if (named.includes(surname(declaration.name))) continue;
    context.report(
      `Unexpected record of "${record.title}" without the ${declaration.interest} interest ${declaration.name} declared in minute ${record.minute}, expected conflicts: to name every conflict of interest declared (reg 13(d))`,
      record.fields.conflicts ?? record.position,
      { related: { message: 'declared here', position: declaration.position } },
    );
  }
}

export default defineRule(
  {
    id: 'decision-record',
    description: 'Every decision of the executive (and every recorded officer decision) has a written record with its reasons, the alternatives rejected and the conflicts declared',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    const model = context.model;
    const executive = executiveRecords(model);
    for (const committee of model.committees) {
      for (const record of committee.decisions) {
        // Officers' records are England's law for every local government body (the Openness regulations), executive or not.
        if (record.kind === 'officer' ? model.config.jurisdiction === 'england' : executive) checkRecord(context, committee, record);
      }
      if (!executive || !committee.executive) continue;
      // A key decision taken at a meeting is recorded: by a record in decisions.yml, or by a minute that gives its reasons and the alternatives.
      for (const meeting of committee.meetings) {
        if (!meeting.minutes || meeting.status === 'cancelled') continue;
        for (const paper of meeting.papers) {
          if (!paper.keyDecision) continue;
          const minute = minuteOfPaper(meeting, paper);
          const recorded = committee.decisions.some(
            (r) =>
              r.meeting === meeting.date &&
              ((paper.forwardPlan && r.forwardPlan === paper.forwardPlan.ref) || (minute && r.minute !== null && sameMinute(r.minute, minuteLabel(minute)))),
          );
          if (recorded) continue;
          const text = minute?.blocks.map((b) => b.text).join('\n') ?? '';
          if (minute && REASONS.test(text) && ALTERNATIVES.test(text)) continue;
          context.report(
            `Unexpected key decision "${paper.title}" on ${longDate(meeting.date)} with no record of it, expected a record in committees/${committee.id}/decisions.yml (meeting:, minute:, reasons:, alternatives:)${minute ? `, or minute ${minuteLabel(minute)} to give the reasons and the alternatives rejected` : ''} (reg 13)`,
            minute?.position ?? paper.fields.keyDecision ?? paper.position,
          );
        }
      }
    }
  },
);
