import type { CouncilMember } from '../model/types.js';
import { memberFileSchema } from './schemas.js';
import { fieldPositions, validate, yamlPosition, type YamlSource } from './yaml.js';
import type { Problems } from './problems.js';

/** A member's file, `members/<id>.yml`; null (the problem reported) when it cannot be read. */
export function readMember(id: string, src: YamlSource | null, problems: Problems): CouncilMember | null {
  if (!src) return null;
  const data = validate(memberFileSchema, src.data ?? {}, src, problems, `members/${id}.yml`);
  if (!data) return null;
  const dated = <T extends { from: string; to?: string }>(list: T[], key: string) =>
    list.map((entry, i) => {
      if (entry.to && entry.to < entry.from) problems.error('frontmatter', `Unexpected to: ${entry.to} before from: ${entry.from}, expected the day it ended, on or after the day it began`, yamlPosition(src, [key, i, 'to']));
      return { ...entry, to: entry.to ?? null, position: yamlPosition(src, [key, i]) };
    });
  return {
    id,
    name: data.name,
    aliases: data.aliases,
    group: data.group ?? null,
    ward: data.ward ?? null,
    offices: dated(data.offices, 'offices'),
    memberships: dated(data.memberships, 'memberships'),
    interests: data.interests.map((e, i) => ({ ...e, ended: e.ended ?? null, position: yamlPosition(src, ['interests', i]) })),
    dispensations: dated(data.dispensations, 'dispensations').map((d) => ({ ...d, grantedBy: d.grantedBy ?? null })),
    absences: data.absences.map((a, i) => ({
      approved: a.approved,
      from: a.from ?? null,
      to: a.to ?? null,
      reason: a.reason ?? null,
      minute: a.minute ?? null,
      position: yamlPosition(src, ['absences', i]),
    })),
    fields: fieldPositions(src),
    position: yamlPosition(src, []),
  };
}

/** Whether a dated entry holds on a day. */
export const heldOn = (entry: { from: string; to: string | null }, day: string) => entry.from <= day && (entry.to === null || day <= entry.to);
