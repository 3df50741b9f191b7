import type { Vote } from '../../model/types.js';
import { defineRule } from '../rule.js';
import { meetingsWithMinutes, minuteName, samePerson } from '../helpers.js';

const SIDES = ['for', 'against', 'abstain'] as const;
const LABEL = { for: 'for', against: 'against', abstain: 'abstaining' } as const;

/** How many voted on a side: the names where they are given, else the count. */
const votesOn = (vote: Vote, side: (typeof SIDES)[number]) => vote[side]?.length ?? vote.counts[side] ?? 0;

export default defineRule(
  {
    id: 'vote-count',
    description: 'A recorded vote adds up: its names match its counts, no more vote than are present, each voter is present, and a casting vote breaks a tie',
    category: 'records',
    severity: 'error',
  },
  (context) => {
    for (const { minutes, member } of meetingsWithMinutes(context)) {
      const present = minutes.present;
      for (const minute of minutes.minutes) {
        for (const vote of minute.votes) {
          const where = minuteName(minute);
          for (const side of SIDES) {
            const names = vote[side];
            const count = vote.counts[side];
            if (names && count !== null && names.length !== count) {
              context.report(`Unexpected ${names.length} ${names.length === 1 ? 'name' : 'names'} ${LABEL[side]} in the vote of ${where}, which gives the count as ${count}, expected the names and the count to agree`, vote.position);
            }
            for (const name of names ?? []) {
              if (present.some((p) => samePerson(p.name, name, member))) continue;
              context.report(`Unexpected ${name} voting ${LABEL[side]} in ${where}, who is not recorded present, expected every voter under present: (or a substitute)`, vote.position);
            }
          }
          const total = SIDES.reduce((n, side) => n + votesOn(vote, side), 0);
          if (present.length > 0 && total > present.length) {
            context.report(`Unexpected ${total} votes in ${where}, more than the ${present.length} members recorded present, expected at most one vote each`, vote.position);
          }
          const yes = votesOn(vote, 'for');
          const no = votesOn(vote, 'against');
          if (vote.casting && (vote.for || vote.counts.for !== null) && yes !== no) {
            context.report(`Unexpected casting vote in ${where}, where the votes were ${yes} to ${no}, expected the chair's casting vote only when the votes are equal (LGA 1972 Sch 12 para 39)`, vote.position);
          }
          if (!vote.casting && vote.result && (vote.for || vote.counts.for !== null) && (vote.against || vote.counts.against !== null)) {
            const carried = yes > no;
            if ((vote.result === 'carried') !== carried) {
              context.report(`Unexpected "${vote.result}" in ${where}, where the votes were ${yes} to ${no}, expected ${carried ? 'carried' : yes === no ? 'the chair\'s casting vote to decide a tie' : 'lost'}`, vote.position);
            }
          }
        }
      }
    }
  },
);
