import { defineRule } from '../rule.js';
import { documents } from '../documents.js';
import { positionIn } from '../helpers.js';

const WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
// A count: a number word or a small whole number, followed by a word (not a unit or a year).
const COUNT = new RegExp(
  `(?<![\\d.,£$])\\b(${WORDS.join('|')}|\\d{1,2})\\b(?![.,]\\d)(?!\\s+(?:per\\s*cent|percent|million|billion|thousand|years?|months?|weeks?|days?|hours?|minutes?|pm|am|p\\.m|a\\.m)\\b)(?=\\s+[a-z])`,
  'gi',
);

/** The count a sentence announces just before a list ("the following three options:"), if any. */
export function statedCount(lead: string): { count: number; word: string; index: number } | null {
  if (!/:-?\s*$/.test(lead)) return null;
  const start = Math.max(lead.lastIndexOf('. ') + 1, 0);
  let found: RegExpExecArray | null = null;
  COUNT.lastIndex = start;
  for (let m = COUNT.exec(lead); m; m = COUNT.exec(lead)) found = m;
  if (!found) return null;
  const word = found[1].toLowerCase();
  const count = /^\d+$/.test(word) ? Number(word) : WORDS.indexOf(word);
  return { count, word: found[1], index: found.index };
}

export default defineRule(
  {
    id: 'stated-count',
    description: 'A sentence announcing a count must agree with the numbered list after it',
    category: 'numbering',
    severity: 'error',
  },
  (context) => {
    for (const { doc } of documents(context.model)) {
      for (const list of doc.lists) {
        if (!list.lead) continue;
        const stated = statedCount(list.lead.text);
        if (stated && stated.count !== list.items.length) {
          context.report(
            `Unexpected list of ${list.items.length} after "${stated.word}", expected ${stated.count} items`,
            positionIn(list.lead, stated.index),
            { related: { message: 'the list', position: list.position } },
          );
        }
      }
    }
  },
);
