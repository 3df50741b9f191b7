import { defineRule } from '../rule.js';
import { positionIn } from '../helpers.js';
import type { DocumentBody } from '../../model/types.js';

// "[insert ...]" is looked for within a sentence's length, so that an unclosed "[insert" costs no more than its text.
const PLACEHOLDER = /\bx{3,}\b|\bTBC\b|\bTBA\b|\bTODO\b|\[\s{0,10}insert[^\]]{0,300}\]/i;

export default defineRule(
  {
    id: 'no-placeholder',
    description: 'Papers hold no placeholder text: xxxx, TBC, TBA, TODO, [insert ...]',
    category: 'text',
    severity: 'warning',
  },
  (context) => {
    const check = (doc: DocumentBody) => {
      for (const block of doc.blocks) {
        const m = PLACEHOLDER.exec(block.text);
        if (m) context.report(`Unexpected placeholder "${m[0]}", expected the final text`, positionIn(block, m.index));
      }
    };
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const paper of meeting.papers) {
          check(paper);
          for (const a of paper.appendices) if (a.body) check(a.body);
        }
      }
    }
  },
);
