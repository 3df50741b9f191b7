import type { Jurisdiction } from '../model/types.js';

/*
 * boardpack.yml's name, what each jurisdiction asks by default, and when its
 * problems stop a command. It is read with the rest of the content folder
 * (src/parse/config.ts).
 */

export const CONFIG_FILE = 'boardpack.yml';

/** What each jurisdiction asks by default: clear days' notice (or hours) and the holiday calendar. */
export const JURISDICTION_DEFAULTS: Record<
  Jurisdiction,
  { clearDays: number | null; hours: number | null; holidays: string }
> = {
  england: { clearDays: 5, hours: null, holidays: 'GB-ENG' },
  wales: { clearDays: 3, hours: null, holidays: 'GB-WLS' },
  scotland: { clearDays: 3, hours: null, holidays: 'GB-SCT' },
  'us-brown-act': { clearDays: null, hours: 72, holidays: 'none' },
  generic: { clearDays: null, hours: null, holidays: 'none' },
};

/**
 * The problems of boardpack.yml when one of them is an error, which stops a
 * check or a build before anything else is read; none otherwise.
 */
export function configStoppers<T extends { position: { file: string }; severity: string }>(problems: readonly T[]): T[] {
  const config = problems.filter((p) => p.position.file === CONFIG_FILE);
  return config.some((p) => p.severity === 'error') ? config : [];
}
