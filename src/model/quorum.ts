/** A quorum written as a fraction of the members ("1/3"): its two numbers; null for anything else. */
export function quorumFraction(written: string | null | undefined): { part: number; whole: number } | null {
  const m = written ? /^(\d+)\s*\/\s*(\d+)$/.exec(written) : null;
  return m ? { part: Number(m[1]), whole: Number(m[2]) } : null;
}

/** The members a fraction asks for out of so many seats, rounded up; null for a fraction of nothing. */
export function quorumOfSeats(fraction: { part: number; whole: number }, seats: number): number | null {
  return fraction.whole > 0 ? Math.ceil((seats * fraction.part) / fraction.whole) : null;
}
