import { describe, expect, it } from 'vitest';
import { itemKind } from '../../src/parse/agenda.js';

// The standard items as councils word them, in agendas and as minute headings.
const WORDINGS: [string, ReturnType<typeof itemKind>][] = [
  ['Apologies', 'apologies'],
  ['Welcome and apologies', 'apologies'],
  ['Introductions and apologies for absence.', 'apologies'],
  ['To consider accepting apologies for absence', 'apologies'],
  ['To receive any declarations of interest', 'declarations'],
  ["Declarations of members' interests in items on this agenda", 'declarations'],
  ['Disclosures of interest', 'declarations'],
  ['Minutes of the previous meeting held on 3rd March, 2026', 'previous-minutes'],
  ['To confirm as a true record the minutes of the meeting held on the 4 May 2026', 'previous-minutes'],
  ['To approve the minutes of the last meeting', 'previous-minutes'],
  ['Approval of minutes', 'previous-minutes'],
  ['Minutes', 'previous-minutes'],
  ['Exclusion of the press and public', 'exclusion'],
  ['Exclusion of Press and Public', 'exclusion'],
  ['Exclusion of the public', 'exclusion'],
  ['Items likely to be considered in private', 'exclusion'],
  ['Dates and times of the next and future meetings:-', 'next-meeting'],
  ['Date of next meeting', 'next-meeting'],
  ['Next meeting', 'next-meeting'],
  ['Future meeting dates', 'next-meeting'],
  // Not standard items.
  ['To consider whether the press and public should be excluded from the meeting', 'other'],
  ['Minutes of the Pensions Board', 'other'],
  ['Apology scheme for historic complaints', 'other'],
  ['Budget monitoring', 'other'],
  ['Meeting room bookings', 'other'],
];

describe('standard item wordings', () => {
  it.each(WORDINGS)('%s is %s', (title, kind) => {
    expect(itemKind(title)).toBe(kind);
  });
});
