import { defineRule } from '../rule.js';
import type { Jurisdiction } from '../../model/types.js';

/** The exemption paragraphs each jurisdiction's law defines. */
const PARAGRAPHS: Record<Jurisdiction, { range: [number, number]; law: string } | null> = {
  england: { range: [1, 7], law: 'paragraphs 1-7 of Part 1 of Schedule 12A to the Local Government Act 1972' },
  wales: { range: [12, 18], law: 'paragraphs 12-18 of Part 4 of Schedule 12A to the Local Government Act 1972' },
  scotland: { range: [1, 15], law: 'paragraphs 1-15 of Part 1 of Schedule 7A to the Local Government (Scotland) Act 1973' },
  'us-brown-act': null,
  generic: null,
};

export default defineRule(
  {
    id: 'exempt-paragraph',
    description: 'An exempt paper, appendix or private item cites a valid exemption paragraph for the jurisdiction',
    category: 'exempt',
    severity: 'error',
  },
  (context) => {
    const rule = PARAGRAPHS[context.model.config.jurisdiction];
    const check = (what: string, exempt: boolean, paragraph: number | null, position: Parameters<typeof context.report>[1]) => {
      if (!exempt) return;
      if (paragraph === null) {
        context.report(`Unexpected exempt ${what} with no paragraph cited, expected ${rule ? `one of ${rule.law}` : 'the paragraph that applies'}`, position);
      } else if (rule && (paragraph < rule.range[0] || paragraph > rule.range[1])) {
        context.report(`Unexpected exemption paragraph ${paragraph}, expected one of ${rule.law}`, position);
      }
    };
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        // A private item's paragraph, from the agenda's `private:` (one without a paragraph is private-item's to report).
        for (const agenda of [meeting.agenda, ...meeting.supplements]) {
          for (const item of agenda?.items ?? []) {
            const paragraph = item.private?.paragraph ?? null;
            if (paragraph !== null && rule && (paragraph < rule.range[0] || paragraph > rule.range[1])) {
              context.report(`Unexpected exemption paragraph ${paragraph} for private item ${item.number}, expected one of ${rule.law}`, agenda!.fields.private ?? item.position);
            }
          }
        }
        for (const paper of meeting.papers) {
          check('paper', paper.exempt, paper.exemptParagraph, paper.fields.exempt ?? paper.position);
          for (const a of paper.appendices) {
            // An appendix that inherits its paper's exemption is reported with the paper.
            if (a.exempt && (a.exemptParagraph !== paper.exemptParagraph || !paper.exempt)) {
              check('appendix', a.exempt, a.exemptParagraph, a.position);
            }
          }
        }
      }
    }
  },
);
