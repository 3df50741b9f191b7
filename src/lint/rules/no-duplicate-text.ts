import { defineRule } from '../rule.js';
import { documents } from '../documents.js';
import type { TextBlock } from '../../model/types.js';

const MIN_WORDS = 12;
/** A resolution or one of its parts: "Resolved:- (1) That ...", "(2) That ...", "RESOLVED that ...". */
const RESOLUTION = /^(?:(?:resolved|agreed|recommended)\b[\s:\-–—]*)?(?:\(?[0-9a-z]{1,4}\)\s*)?that\s/i;

export default defineRule(
  {
    id: 'no-duplicate-text',
    description: 'The same paragraph or list item, of twelve words or more, does not appear twice in one file',
    category: 'text',
    severity: 'warning',
  },
  (context) => {
    for (const { doc } of documents(context.model)) {
      const seen = new Map<string, TextBlock>();
      for (const block of doc.blocks) {
        if (block.kind !== 'paragraph' && block.kind !== 'list-item') continue;
        // A pasted copy often gets the next paragraph number: compare the words after it.
        const text = block.text.replace(/^(?:\d+(?:\.\d+)*\.?|\([0-9a-z]{1,4}\)|[a-z]\))\s+/i, '');
        // Standard resolutions recur from minute to minute ("That the report be received and its contents noted"): not a repeat.
        if (RESOLUTION.test(text)) continue;
        const words = (text.toLowerCase().match(/[\p{L}\p{N}£%'’-]+/gu) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w));
        if (words.length < MIN_WORDS) continue;
        const key = words.join(' ');
        const first = seen.get(key);
        if (first) {
          context.report(`Unexpected repeat of text first written at line ${first.position.line}, expected it once`, block.position, {
            related: { message: 'first written here', position: first.position },
          });
        } else seen.set(key, block);
      }
    }
  },
);
