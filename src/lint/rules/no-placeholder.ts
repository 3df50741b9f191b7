import { defineRule } from '../rule.js';
import { positionIn } from '../helpers.js';
import type { DocumentBody } from '../../model/types.js';

import { PLACEHOLDER } from '../helpers.js';

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
