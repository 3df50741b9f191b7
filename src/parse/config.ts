import type { Config } from '../model/types.js';
import { CONFIG_FILE, JURISDICTION_DEFAULTS } from '../config/config.js';
import { configSchema } from './schemas.js';
import { fieldPositions, validate, yamlPosition, type YamlSource } from './yaml.js';
import type { Problems } from './problems.js';

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
