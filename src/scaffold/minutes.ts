import type { AgendaItem, Committee, Config, Meeting, MinuteNumber, MinuteNumbering } from '../model/types.js';
import { minuteNumberingOf } from '../model/numbering.js';
import { municipalYear } from '../dates/calendar.js';
import { numberLike } from '../parse/minutes.js';
import { BoardpackError } from '../errors.js';

export interface NewDocument {
  /** Content-relative path of the new file. */
  file: string;
  text: string;
  /** Things the clerk should know. */
  notes: string[];
}

const quote = (text: string) => JSON.stringify(text);

/**
 * The minutes a clerk fills in after a meeting: the chair and members as
 * present (strike out who was not), and a heading for each agenda item,
 * numbered as the committee numbers its minutes (continuing from its last
 * minutes where it numbers them through the year or for ever), the
 * approval of the previous minutes resolved as councils word it, and every
 * item taken in private already listed under `exempt:` with its paragraph,
 * so that nothing said in private is published by a forgotten line.
 */
export function newMinutes(committee: Committee, meeting: Meeting, config: Pick<Config, 'municipalYearStart' | 'minuteNumbering' | 'fields'>): NewDocument {
  if (!meeting.agenda) throw new BoardpackError(`${meeting.id} has no agenda.md to take the minutes' items from`);
  const notes: string[] = [];
  const items = [meeting.agenda, ...meeting.supplements]
    .flatMap((a) => a.items)
    .filter((item, i, all) => all.findIndex((other) => other.number === item.number) === i)
    .sort((a, b) => a.number - b.number);
  const numbering = firstNumber(committee, minuteNumberingOf(committee, config), meeting, config.municipalYearStart, notes);
  const label = (k: number) => (numbering ? numbering(k) : `${items[k].number}.`);

  const chair = committee.members.find((m) => m.role === 'chair');
  const front = [
    ...(chair ? [`chair: ${quote(chair.name)}`] : []),
    'present:',
    ...committee.members.map((m) => `  - ${quote(m.name)}`),
    'apologies: []',
  ];
  const exempt = items.flatMap((item, k) => (item.private ? [`  ${quote(label(k).replace(/\.$/, ''))}: ${item.private.paragraph ?? true}`] : []));
  if (exempt.length) front.push('exempt:', ...exempt);

  const body = items.map((item, k) => [`## ${label(k)} ${item.title}`, minuteText(item)].filter(Boolean).join('\n\n'));
  const text = `---\n${front.join('\n')}\n---\n\n${body.join('\n\n')}\n`;
  if (!chair) notes.push(`${committee.id}/committee.yml names no chair: add "chair:" to the minutes`);
  return { file: `committees/${meeting.id}/minutes.md`, text, notes };
}

/** What a minute says before the clerk writes it: the approval of the previous minutes as councils resolve it; else nothing. */
function minuteText(item: AgendaItem): string {
  if (item.kind === 'previous-minutes') return 'Resolved: That the minutes of the previous meeting be approved as a correct record and signed by the Chair.';
  if (item.kind === 'exclusion') return 'Resolved: That the press and public be excluded from the meeting for the following item of business.';
  return '';
}

/**
 * How the k-th minute is numbered where the committee numbers its minutes on
 * from meeting to meeting: after its last numbered minute, restarting at 1
 * in a new municipal year where it numbers by year. Null where minutes are
 * numbered afresh each meeting, or there are no numbered minutes to follow.
 */
function firstNumber(
  committee: Committee,
  numbering: MinuteNumbering,
  meeting: Meeting,
  start: string,
  notes: string[],
): ((k: number) => string) | null {
  if (numbering === 'per-meeting' || committee.minuteNumbers === 'none') return null;
  const earlier = committee.meetings.filter((m) => m.date < meeting.date && m.minutes?.numbered);
  const last: MinuteNumber | null | undefined = earlier.at(-1)?.minutes?.minutes.flatMap((m) => (m.number ? [m.number] : [])).at(-1);
  if (!last) return null;
  const newYear = numbering === 'per-year' && municipalYear(earlier.at(-1)!.date, start) !== municipalYear(meeting.date, start);
  if (newYear && last.year !== null) notes.push(`a new municipal year starts: check the year in the minute numbers (written as ${last.raw} was)`);
  const first = newYear ? 1 : last.value + 1;
  return (k) => {
    const raw = numberLike(last, first + k);
    return /\//.test(raw) ? raw : `${raw}.`;
  };
}

/**
 * A new paper in a meeting's folder: its frontmatter (title, type, author)
 * and the sections an officer's report has, numbered as paragraph-numbering
 * expects; to be linked from its agenda item.
 */
export function newPaper(meeting: Meeting, name: string, title: string): NewDocument {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new BoardpackError(`Unexpected paper name "${name}", expected lower-case letters, digits and hyphens, such as budget-monitoring`);
  }
  const file = `committees/${meeting.id}/${name}.md`;
  const sections = ['Purpose of the report', 'Recommendations', 'Background', 'Financial implications', 'Legal implications', 'Equalities implications'];
  const text = [
    '---',
    `title: ${quote(title)}`,
    'type: report',
    '# author: the officer who wrote it',
    '---',
    '',
    ...sections.flatMap((s, i) => [`## ${i + 1}. ${s}`, '', `${i + 1}.1 `, '']),
  ].join('\n');
  return { file, text, notes: [`link it from its agenda item: [${title}](${name}.md)`] };
}
