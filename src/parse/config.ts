import type { Config } from '../model/types.js';
import { CONFIG_FILE, JURISDICTION_DEFAULTS } from '../config/config.js';
import { configSchema } from './schemas.js';
import { fieldPositions, validate, yamlPosition, type YamlSource } from './yaml.js';
import { at, type Problems } from './problems.js';
import type { z } from 'zod';

/** The jurisdictions whose law gives local councils their own notice: England and Wales. */
const LOCAL_NOTICE = new Set(['england', 'wales']);

function titleCase(jurisdiction: string): string {
  return jurisdiction === 'us-brown-act' ? 'the United States' : jurisdiction.charAt(0).toUpperCase() + jurisdiction.slice(1);
}

/** Read `boardpack.yml` into a Config, recording each problem; null when it cannot be used. */
export function readConfig(src: YamlSource, problems: Problems): Config | null {
  const data = validate(configSchema, src.data, src, problems, CONFIG_FILE);
  if (!data) return null;
  const local = isLocal(data);
  const fields = fieldPositions(src);
  if (LOCAL_NOTICE.has(data.jurisdiction)) {
    const expected = local ? 'mon-sat' : 'mon-fri';
    if (data.publicationCountDays !== undefined && data.publicationCountDays !== expected) {
      problems.warn(
        'frontmatter',
        `Unexpected publicationCountDays: ${data.publicationCountDays} for a ${data.council} council, expected ${expected}: ${local ? "a local council's clear days count Saturdays" : "a principal council's clear days are working days"} (or say council: ${local ? 'principal' : 'parish, town or community'} if that is what it is)`,
        fields.publicationCountDays ?? yamlPosition(src, []),
      );
    }
  }
  // The least notice the law allows the kind of council (more may be given by standing orders): England, five clear
  // days for a principal council (LGA 1972 s.100B(3)), three for a parish or town (Sch 12 para 10(2)); Wales and
  // Scotland, three.
  const legalDays = data.jurisdiction === 'england' ? (local ? 3 : 5) : data.jurisdiction === 'wales' || data.jurisdiction === 'scotland' ? 3 : null;
  if (legalDays !== null && typeof data.publicationClearDays === 'number' && data.publicationClearDays < legalDays) {
    problems.warn(
      'frontmatter',
      `Unexpected publicationClearDays: ${data.publicationClearDays} for a ${data.council} council in ${titleCase(data.jurisdiction)}, expected at least ${legalDays}: the law's least notice for ${local ? 'a local' : 'a principal'} council (a council may give more, never less; or say council: ${local ? 'principal' : 'parish, town or community'} if that is what it is)`,
      fields.publicationClearDays ?? yamlPosition(src, []),
    );
  }
  // Local councils have no executive arrangements (LGA 2000 Part 1A is for principal councils).
  const executiveLaw = data.jurisdiction === 'england' || data.jurisdiction === 'wales';
  if (data.governance === 'executive' && (data.council !== 'principal' || !executiveLaw)) {
    problems.warn(
      'frontmatter',
      data.council !== 'principal'
        ? `Unexpected governance: executive for a ${data.council} council, expected committee: a ${data.council} council has no executive arrangements (they are for principal councils, LGA 2000 Part 1A)`
        : `Unexpected governance: executive in ${titleCase(data.jurisdiction)}, expected committee: executive arrangements with key decisions and call-in are the law of England and Wales (LGA 2000 Part 1A)`,
      fields.governance ?? yamlPosition(src, []),
    );
  }
  return configOf(data, fields, yamlPosition(src, []));
}

/** A local council: one whose law gives it its own notice (a parish, town or community council in England or Wales). */
const isLocal = (data: ConfigData) => data.council !== 'principal' && LOCAL_NOTICE.has(data.jurisdiction);

type ConfigData = z.output<typeof configSchema>;

/**
 * The settings of a content folder whose boardpack.yml is missing or cannot be used (which is reported, and stops
 * every command that needs it): the defaults, as of a council of no jurisdiction, with no name.
 */
export function fallbackConfig(): Config {
  const data = configSchema.parse({ organisation: 'unnamed', jurisdiction: 'generic' });
  return { ...configOf(data, {}, at(CONFIG_FILE)), organisation: '' };
}

/** boardpack.yml's settings as checked, with what each leaves unsaid worked out from the rest. */
function configOf(data: ConfigData, fields: Config['fields'], position: Config['position']): Config {
  const defaults = JURISDICTION_DEFAULTS[data.jurisdiction];
  // A local council gives three clear days' notice in which Saturdays count (England: LGA 1972 Sch 12 para 10(2)(a);
  // Wales likewise for community councils), where a principal council counts five (three) clear working days.
  const local = isLocal(data);
  const countDays = data.publicationCountDays ?? (local ? 'mon-sat' : 'mon-fri');
  const executiveLaw = data.jurisdiction === 'england' || data.jurisdiction === 'wales';
  const governance = data.governance ?? (data.council === 'principal' && executiveLaw ? 'executive' : 'committee');
  return {
    organisation: data.organisation,
    locale: data.locale,
    timezone: data.timezone,
    jurisdiction: data.jurisdiction,
    council: data.council,
    governance,
    holidays: data.holidays ?? defaults.holidays,
    minuteNumbering: data.minuteNumbering,
    municipalYearStart: data.municipalYearStart,
    publicationClearDays: data.publicationClearDays === undefined ? (local ? 3 : defaults.clearDays) : data.publicationClearDays,
    publicationHours: data.publicationHours === undefined ? defaults.hours : data.publicationHours,
    publicationCountDays: countDays,
    rules: data.rules,
    reports: data.reports
      ? {
          types: data.reports.types,
          sections: data.reports.sections.map((s) => s.split('|').map((w) => w.trim()).filter(Boolean)),
          backgroundPapers: data.reports.backgroundPapers ?? true,
          clearance: data.reports.clearance.map((r) => r.toLowerCase()),
        }
      : null,
    substitutesSameGroup: data.substitutesSameGroup ?? false,
    decisions: {
      callInDays: data.decisions?.callInDays ?? 5,
      callInEnds: data.decisions?.callInEnds.replace('.', ':') ?? '17:00',
      keyDecisionThreshold: data.decisions?.keyDecisionThreshold ?? null,
    },
    templates: data.templates ?? null,
    baseUrl: data.baseUrl ? (data.baseUrl.endsWith('/') ? data.baseUrl : `${data.baseUrl}/`) : null,
    fields,
    position,
  };
}
