import { defineRule } from '../rule.js';
import type { ResolutionPart } from '../../model/types.js';

function label(kind: ResolutionPart['kind'], index: number): string {
  if (kind === 'number') return `(${index})`;
  if (kind === 'letter') return `(${String.fromCharCode(96 + index)})`;
  const numerals = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
  return `(${numerals[index] ?? index})`;
}

export default defineRule(
  {
    id: 'resolution-numbering',
    description: 'Resolution parts run (1), (2)...; sub-parts (a), (b)... or (i), (ii)..., in sequence',
    category: 'numbering',
    severity: 'error',
  },
  (context) => {
    const checkLevel = (parts: ResolutionPart[]) => {
      let expected = 1;
      for (const part of parts) {
        if (part.index !== expected) {
          const written = label(part.kind, expected);
          const want = /^\d+\.$/.test(part.label) ? `${expected}.` : part.label.startsWith('(') ? written : written.slice(1);
          context.report(`Unexpected part ${part.label}, expected ${want}`, part.position);
        }
        expected = (Number.isNaN(part.index) ? expected : part.index) + 1;
        checkLevel(part.parts);
      }
    };
    for (const committee of context.model.committees) {
      for (const meeting of committee.meetings) {
        for (const minute of meeting.minutes?.minutes ?? []) for (const r of minute.resolutions) checkLevel(r.parts);
      }
    }
  },
);
