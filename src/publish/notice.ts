import type { Jurisdiction } from '../model/types.js';

/**
 * The descriptions of exempt information in Part 1 of Schedule 12A to the
 * Local Government Act 1972 (England, as substituted in 2006). Wales uses the
 * same descriptions as paragraphs 12-18 of Part 4.
 */
const SCHEDULE_12A: Record<number, string> = {
  1: 'Information relating to any individual.',
  2: 'Information which is likely to reveal the identity of an individual.',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information).',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.',
  6: 'Information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment.',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.',
};

/** The notice a public agenda prints in place of an exempt paper. */
export function exemptNotice(jurisdiction: Jurisdiction, paragraph: number | null, what = 'report'): string {
  const cite = (law: string) =>
    paragraph === null
      ? `This ${what} is not for publication because it contains exempt information under ${law}.`
      : `This ${what} is not for publication because it contains exempt information under paragraph ${paragraph} of ${law}.`;
  switch (jurisdiction) {
    case 'england': {
      const words = paragraph !== null ? SCHEDULE_12A[paragraph] : undefined;
      return `${cite('Part 1 of Schedule 12A to the Local Government Act 1972')}${words ? ` ${words}` : ''}`;
    }
    case 'wales': {
      const words = paragraph !== null ? SCHEDULE_12A[paragraph - 11] : undefined;
      return `${cite('Part 4 of Schedule 12A to the Local Government Act 1972')}${words ? ` ${words}` : ''}`;
    }
    case 'scotland':
      return cite('Part 1 of Schedule 7A to the Local Government (Scotland) Act 1973');
    default:
      return paragraph === null
        ? `This ${what} is confidential and is not published.`
        : `This ${what} is confidential and is not published (exemption ${paragraph}).`;
  }
}
