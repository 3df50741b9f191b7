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

/** Words that make the list a selection of the things counted ("12 recommendations, of which the following ..."). */
const SELECTION = /\b(?:of\s+which|of\s+these|of\s+them|including|such\s+as|for\s+example|e\.g|among\s+(?:them|which|these)|some\s+of)\b/i;

/**
 * The count a sentence announces just before a list, if any: a sentence
 * ending in a colon ("the following three options:"), or one that names the
 * list's length in so many words ("a list of nine challenges is proposed.",
 * "the four options set out below."). A count the list is a selection of
 * announces nothing.
 */
export function statedCount(lead: string): { count: number; word: string; index: number } | null {
  const trimmed = lead.trimEnd();
  const colon = /:-?$/.test(trimmed);
  const start = Math.max(trimmed.slice(0, -1).lastIndexOf('. ') + 1, 0);
  let found: RegExpExecArray | null = null;
  COUNT.lastIndex = start;
  for (let m = COUNT.exec(trimmed); m; m = COUNT.exec(trimmed)) found = m;
  if (!found) return null;
  const before = trimmed.slice(start, found.index);
  const after = trimmed.slice(found.index + found[0].length);
  if (SELECTION.test(after)) return null;
  const named = /\b(?:list\s+of|following)\s+$/i.test(before) || /\b(?:below|as\s+follows|listed|set\s+out\s+(?:below|here))\b/i.test(after);
  if (!colon && !named) return null;
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
