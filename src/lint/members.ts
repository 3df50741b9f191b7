import type { CouncilMember, Minute, Model } from '../model/types.js';
import { heldOn } from '../parse/members.js';
import { peopleLookup } from '../model/people.js';

/**
 * The council's members (`members/`) as the attendance rules read them: who
 * a written name is, and on which committees they sat on a day.
 */

interface Lookup {
  member: (name: string) => CouncilMember | undefined;
  /** Committees whose seats are recorded, with dates, in the members' files. */
  dated: Set<string>;
}

const LOOKUPS = new WeakMap<Model, Lookup>();

function lookup(model: Model): Lookup {
  let found = LOOKUPS.get(model);
  if (!found) {
    found = { member: peopleLookup(model.members), dated: new Set(model.members.flatMap((m) => m.memberships.map((s) => s.committee))) };
    LOOKUPS.set(model, found);
  }
  return found;
}

/** The member a written name is ("Cllr Pryce", "Councillor Owen Pryce"); undefined when none is, or two could be. */
export function councilMember(model: Model, name: string): CouncilMember | undefined {
  return lookup(model).member(name);
}

/** Whether two written names are one member by the members' files: their names and aliases ("Councillor Bob Chen" for Councillor Robert Chen). */
export function sameMember(model: Model, a: string, b: string): boolean {
  const x = councilMember(model, a);
  return x !== undefined && x === councilMember(model, b);
}

/** Whether the members' files record, with dates, who sat on a committee. */
export const hasDatedSeats = (model: Model, committee: string) => lookup(model).dated.has(committee);

/** The member's seat on a committee on a day, if they had one. */
export function seatOn(member: CouncilMember, committee: string, day: string) {
  return member.memberships.find((s) => s.committee === committee && heldOn(s, day));
}

/** Who sat on a committee on a day, by the members' files. */
export function seatedOn(model: Model, committee: string, day: string): CouncilMember[] {
  return model.members.filter((m) => seatOn(m, committee, day));
}

/** The text of the paragraph of a minute that holds a line: where a declaration is, what it says. */
export function paragraphAt(minute: Minute, line: number): string {
  return [...minute.blocks].reverse().find((b) => b.position.line <= line)?.text ?? '';
}
