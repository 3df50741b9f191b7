/**
 * Who a written name is, among the council's members: by name or alias,
 * ignoring case, dots and repeated spaces, "Cllr" read as "Councillor", and
 * "Councillor Pryce" taken for "Councillor Owen Pryce" (a title and a
 * surname). A name two members could be is no one's.
 */

/** Names compare ignoring case, dots and repeated spaces; "Cllr" is read as "Councillor". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^cllr\b/, 'councillor');
}

/** The surname of a name as written ("Councillor Owen Pryce" -> "pryce"). */
export const surname = (name: string) => normaliseName(name).split(/\s+/).filter(Boolean).at(-1) ?? '';

/** A name as compared, a bracketed note ("(Chief Executive)") left out. */
const withoutNote = (name: string) => normaliseName(name.replace(/\([^)]*\)/g, ''));

/**
 * Whether two written names are the same person by the words alone: the same name, or a title and a surname for
 * the whole ("Councillor Lee" for "Councillor Ann Lee"), never two given names of one surname.
 */
export function sameName(a: string, b: string): boolean {
  const x = withoutNote(a);
  const y = withoutNote(b);
  if (x === y) return true;
  const [shorter, longer] = x.split(' ').length <= y.split(' ').length ? [x, y] : [y, x];
  const s = shorter.split(' ');
  const l = longer.split(' ');
  return s.length === 2 && l.length > 2 && s[0] === l[0] && s[1] === l.at(-1);
}

export function peopleLookup<T extends { name: string; aliases: readonly string[] }>(people: readonly T[]): (name: string) => T | undefined {
  const byName = new Map<string, T | null>();
  const add = (key: string, person: T) => byName.set(key, byName.has(key) && byName.get(key) !== person ? null : person);
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) {
      const full = withoutNote(name);
      add(full, person);
      const words = full.split(' ');
      if (words.length > 2) add(`${words[0]} ${words.at(-1)}`, person);
    }
  }
  return (name) => byName.get(withoutNote(name)) ?? undefined;
}
