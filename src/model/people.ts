/**
 * Who a written name is, among the council's members: by name or alias,
 * ignoring case, dots and repeated spaces, "Cllr" read as "Councillor", and
 * "Councillor Pryce" taken for "Councillor Owen Pryce" (a title and a
 * surname). A name two members could be is no one's.
 */

/** A name as compared: lower case, no dots, one space, "cllr" as "councillor", a bracketed note left out. */
export function normaliseName(name: string): string {
  return name
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^cllr\b/, 'councillor');
}

export function peopleLookup<T extends { name: string; aliases: readonly string[] }>(people: readonly T[]): (name: string) => T | undefined {
  const byName = new Map<string, T | null>();
  const add = (key: string, person: T) => byName.set(key, byName.has(key) && byName.get(key) !== person ? null : person);
  for (const person of people) {
    for (const name of [person.name, ...person.aliases]) {
      const full = normaliseName(name);
      add(full, person);
      const words = full.split(' ');
      if (words.length > 2) add(`${words[0]} ${words.at(-1)}`, person);
    }
  }
  return (name) => byName.get(normaliseName(name)) ?? undefined;
}
