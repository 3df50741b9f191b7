import { defineRule } from '../rule.js';
import { minuteName, PLACEHOLDER } from '../helpers.js';
import type { Minute, Resolution, ResolutionPart } from '../../model/types.js';

/** A minute heading that asks for a decision: "To confirm as a true record ...", "To approve ...". */
const ASKS_FOR_DECISION = /^to\s+(?:confirm|approve|agree|adopt|resolve|decide|determine|ratify|elect|appoint)\b/i;

/** Everything a resolution says: its words, its parts' and their points'. */
function wordsOf(resolution: Resolution): string {
  const parts = (list: ResolutionPart[]): string[] => list.flatMap((p) => [p.text, ...p.points.map((x) => x.text), ...parts(p.parts)]);
  return [resolution.text, ...parts(resolution.parts)].join(' ').replace(/\s+/g, ' ').trim();
}

/** The minute's own text, past its heading. */
function textOf(minute: Minute): string {
  return minute.blocks.filter((b) => b.position.line > minute.position.line).map((b) => b.text).join(' ').trim();
}

export default defineRule(
  {
    id: 'resolution-empty',
    description: 'A resolution records a decision: not empty, not "That" alone, no placeholder; a minute that asks for a decision records one',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const minute of meeting.minutes?.minutes ?? []) {
          for (const resolution of minute.resolutions) {
            const words = wordsOf(resolution);
            const placeholder = PLACEHOLDER.exec(words);
            if (/^(?:that)?[\s.:;,-]*$/i.test(words)) {
              const verb = `${resolution.verb[0].toUpperCase()}${resolution.verb.slice(1)}`;
              context.report(`Unexpected "${verb}" with no decision in ${minuteName(minute)}, expected the decision taken written after it`, resolution.position);
            } else if (placeholder) {
              context.report(`Unexpected placeholder "${placeholder[0]}" in the decision of ${minuteName(minute)}, expected the decision taken`, resolution.position);
            }
          }
          if (minute.resolutions.length === 0 && ASKS_FOR_DECISION.test(minute.title) && textOf(minute) === '') {
            context.report(`Unexpected ${minuteName(minute)} with nothing recorded under it, expected the decision taken ("Resolved: That ...")`, minute.position);
          }
        }
      }
    }
  },
);
