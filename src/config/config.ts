import type { Config, Jurisdiction } from '../model/types.js';
import { configSchema } from '../parse/schemas.js';
import { fieldPositions, validate, yamlPosition, type YamlSource } from '../parse/yaml.js';
import type { Problems } from '../parse/problems.js';

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

/** Read `boardpack.yml` into a Config, recording each problem; null when it cannot be used. */
export function readConfig(src: YamlSource, problems: Problems): Config | null {
  const data = validate(configSchema, src.data, src, problems, CONFIG_FILE);
  if (!data) return null;
  const defaults = JURISDICTION_DEFAULTS[data.jurisdiction];
  return {
    organisation: data.organisation,
    locale: data.locale,
    timezone: data.timezone,
    jurisdiction: data.jurisdiction,
    holidays: data.holidays ?? defaults.holidays,
    minuteNumbering: data.minuteNumbering,
    municipalYearStart: data.municipalYearStart,
    publicationClearDays: data.publicationClearDays === undefined ? defaults.clearDays : data.publicationClearDays,
    publicationHours: data.publicationHours === undefined ? defaults.hours : data.publicationHours,
    publicationCountDays: data.publicationCountDays,
    rules: data.rules,
    templates: data.templates ?? null,
    baseUrl: data.baseUrl ? (data.baseUrl.endsWith('/') ? data.baseUrl : `${data.baseUrl}/`) : null,
    fields: fieldPositions(src),
    position: yamlPosition(src, []),
  };
}
