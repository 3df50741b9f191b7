import { defineRule } from '../rule.js';
import { findSection } from '../reports.js';

const FINANCIAL = ['financial implications', 'finance implications', 'financial and procurement implications', 'financial', 'finance', 'resource implications', 'financial and resource implications'];
const LEGAL = ['legal implications', 'legal', 'legal and governance implications', 'legal and constitutional implications'];

export default defineRule(
  {
    id: 'report-implications',
    description: 'A key-decision report sets out its financial and its legal implications',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    // Key decisions are made under executive arrangements; where there are none, the key decision itself is warned of.
    if (context.model.config.governance !== 'executive') return;
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const paper of meeting.papers) {
          if (!paper.keyDecision || paper.type !== 'report') continue;
          const missing = [findSection(paper, FINANCIAL) ? null : 'financial', findSection(paper, LEGAL) ? null : 'legal'].filter((m): m is string => m !== null);
          if (missing.length === 0) continue;
          context.report(
            `Unexpected key-decision report without ${missing.join(' or ')} implications, expected ${missing.map((m) => `a "${m === 'financial' ? 'Financial' : 'Legal'} implications" section`).join(' and ')}: a key decision is taken on the advice of the chief finance officer and the monitoring officer`,
            paper.fields.keyDecision ?? paper.position,
          );
        }
      }
    }
  },
);
