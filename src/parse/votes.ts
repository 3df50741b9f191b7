import type { TextBlock, Vote } from '../model/types.js';

/*
 * Recorded votes, read from a minute as clerks write them:
 *
 *   For: Councillors Kell, Bright and Rahman (3)
 *   Against: Councillor Ashworth (1)
 *   Abstained: None
 *   The motion was carried by 5 votes to 2, with 1 abstention.
 *   (For 7, Against 3, Abstentions 1), carried on the Chair's casting vote.
 *
 * Names are lists after "For:", "Against:" and "Abstain(ed|ing|ions):"
 * ("Councillors A, B and C" are each a Councillor); a label followed by a
 * number alone is a count. Each "For" opens a vote; the labels after it, in
 * the same or the following paragraphs, belong to it. Bounded patterns
 * only: a minute is hostile text like any other.
 */

const LABEL = /\b(For|Against|Abstain(?:ed|ing)?|Abstentions?)\s{0,3}(?:\((\d{1,4})\))?\s{0,3}[:\u2013\u2014-]\s{0,3}/gi;
/** "carried by 5 votes to 2, with 1 abstention", "lost by 3 votes to 4". */
const BY_VOTES = /\b(carried|passed|agreed|lost|defeated|fell)\b[^.]{0,40}?\bby\s+(\d{1,4})\s+votes?\s+to\s+(\d{1,4})(?:,?\s+with\s+(\d{1,4})\s+abstentions?)?/i;
const CARRIED = /\b(?:carried|passed)\b/i;
const LOST = /\b(?:lost|defeated|fell|not carried)\b/i;
const BRACKETED = /\(\s{0,3}For\s{1,3}(\d{1,4})\s{0,3},\s{0,3}Against\s{1,3}(\d{1,4})(?:\s{0,3},\s{0,3}(?:Abstain(?:ed|ing)?|Abstentions?)\s{1,3}(\d{1,4}))?\s{0,3}\)/i;
const CASTING = /\bcasting vote\b/i;

type Side = 'for' | 'against' | 'abstain';
const sideOf = (label: string): Side => (/^for$/i.test(label) ? 'for' : /^against$/i.test(label) ? 'against' : 'abstain');

/** The names of a list as written: "Councillors Kell, Bright and Rahman (3)" is three Councillors; "None" is none. */
export function namesIn(list: string): string[] {
  const text = list.replace(/\(\d{1,4}\)\s*$/, '').replace(/[.;]\s*$/, '').trim();
  if (/^(?:none|nil|no one|-)$/i.test(text) || text === '') return [];
  const parts = text.split(/\s*,\s*|\s+and\s+|\s*;\s*/).map((p) => p.trim()).filter(Boolean);
  const plural = /^(Councillors|Cllrs\.?)\s+/i.exec(parts[0] ?? '');
  if (!plural) return parts;
  const title = /^cllrs/i.test(plural[1]) ? 'Cllr' : 'Councillor';
  return parts.map((p, i) => (i === 0 ? `${title} ${p.slice(plural[0].length)}` : /^(Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\b/i.test(p) ? p : `${title} ${p}`));
}

function emptyVote(block: TextBlock): Vote {
  return { for: null, against: null, abstain: null, counts: { for: null, against: null, abstain: null }, result: null, casting: false, position: block.position };
}

/** The recorded votes of a minute's paragraphs, in order. */
export function votesIn(blocks: readonly TextBlock[]): Vote[] {
  const votes: Vote[] = [];
  let current: Vote | null = null;
  for (const block of blocks) {
    const text = block.text;
    // A label opens the paragraph or a sentence of it ("For: ..."), never the middle of one ("spoke against: ...").
    const labels = [...text.matchAll(LABEL)].filter((m) => m.index === 0 || /(?:[.;]\s{1,3}|\(\s{0,3})$/.test(text.slice(Math.max(0, m.index! - 5), m.index)));
    labels.forEach((m, i) => {
      const side = sideOf(m[1]);
      if (side === 'for' || !current) votes.push((current = emptyVote(block)));
      const vote = current!;
      const start = m.index! + m[0].length;
      const end = i + 1 < labels.length ? labels[i + 1].index! : text.length;
      // A list runs to the next label or the end of its sentence.
      const body = text.slice(start, end).split(/\.\s+(?=[A-Z])/)[0].trim();
      const count = m[2] ?? /^(\d{1,4})\.?$/.exec(body)?.[1] ?? /\((\d{1,4})\)\.?$/.exec(body)?.[1];
      if (count !== undefined) vote.counts[side] = Number(count);
      if (!/^\d{1,4}\.?$/.test(body)) {
        const names = namesIn(body);
        // Names are written with capitals; "the motion" is not a list of them.
        if (names.every((n) => /^[A-Z]/.test(n))) vote[side] = names;
      }
    });
    const bracketed = BRACKETED.exec(text);
    const tallied = BY_VOTES.exec(text);
    const result = tallied ? (/^(?:lost|defeated|fell)$/i.test(tallied[1]) ? 'lost' : 'carried') : LOST.test(text) ? 'lost' : CARRIED.test(text) ? 'carried' : null;
    if (!labels.length && (bracketed || tallied)) votes.push((current = emptyVote(block)));
    if (current && (bracketed || tallied || result || CASTING.test(text))) {
      const tally = bracketed ? [bracketed[1], bracketed[2], bracketed[3]] : tallied ? [tallied[2], tallied[3], tallied[4]] : [];
      if (tally[0] !== undefined) current.counts.for ??= Number(tally[0]);
      if (tally[1] !== undefined) current.counts.against ??= Number(tally[1]);
      if (tally[2] !== undefined) current.counts.abstain ??= Number(tally[2]);
      if (result) current.result ??= result;
      if (CASTING.test(text)) current.casting = true;
    }
  }
  return votes;
}
