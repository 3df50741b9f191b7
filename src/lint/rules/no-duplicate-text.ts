import { defineRule } from '../rule.js';
import { documents } from '../documents.js';
import type { TextBlock } from '../../model/types.js';

const MIN_WORDS = 12;

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
        const words = text.toLowerCase().match(/[\p{L}\p{N}£%'’-]+/gu) ?? [];
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
