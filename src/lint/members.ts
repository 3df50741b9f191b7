import type { CouncilMember, Model } from '../model/types.js';
import { heldOn } from '../parse/members.js';
import { normaliseName } from './model-index.js';

/**
 * The council's members (`members/`) as the attendance rules read them: who
 * a written name is, and on which committees they sat on a day.
 */

const strip = (name: string) => normaliseName(name.replace(/\([^)]*\)/g, ''));

interface Lookup {
  byName: Map<string, CouncilMember | null>;
  /** Committees whose seats are recorded, with dates, in the members' files. */
  dated: Set<string>;
}

const LOOKUPS = new WeakMap<Model, Lookup>();

function lookup(model: Model): Lookup {
  let found = LOOKUPS.get(model);
  if (found) return found;
  const byName = new Map<string, CouncilMember | null>();
  const add = (key: string, member: CouncilMember) => byName.set(key, byName.has(key) && byName.get(key) !== member ? null : member);
  for (const member of model.members) {
    for (const name of [member.name, ...member.aliases]) {
      const full = strip(name);
      add(full, member);
      // "Councillor Lee" for "Councillor Ann Lee": a title and a surname.
      const words = full.split(' ');
      if (words.length > 2) add(`${words[0]} ${words.at(-1)}`, member);
    }
  }
  found = { byName, dated: new Set(model.members.flatMap((m) => m.memberships.map((s) => s.committee))) };
  LOOKUPS.set(model, found);
  return found;
}

/** The member a written name is ("Cllr Pryce", "Councillor Owen Pryce"); undefined when none is, or two could be. */
export function councilMember(model: Model, name: string): CouncilMember | undefined {
  return lookup(model).byName.get(strip(name)) ?? undefined;
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
