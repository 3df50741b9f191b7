import type { PlanAction, PlanStatus, Strand } from '../model/types.js';
import { parseDue } from '../dates/prose.js';
import { strandSchema } from './schemas.js';
import { yamlPosition } from './yaml.js';
import { bodyOf, frontmatterOf, positionOf, type MarkdownDoc } from './markdown.js';
import { cellAt, cellText, columnsOf } from './tables.js';
import type { Problems } from './problems.js';

export const PLAN_COLUMNS = {
  action: ['Key action', 'Key actions', 'Action', 'Actions', 'Activity', 'Activities', 'Themes and activities'],
  owner: ['Responsibility', 'Lead', 'Owner', 'Who will do it', 'Officer responsible'],
  milestone: ['Milestone', 'Milestones', 'Key tests of progress', 'Measure', 'Measures'],
  due: ['Due', 'By when', 'Deadline', 'Target date', 'Action by'],
  status: ['Status', 'RAG', 'RAG status'],
} as const;

export function parseStatus(raw: string | null): PlanStatus | null {
  const s = raw?.trim().toLowerCase();
  if (!s) return null;
  if (s === 'r' || s === 'red') return 'R';
  if (s === 'a' || s === 'amber') return 'A';
  if (s === 'g' || s === 'green') return 'G';
  if (s === 'complete' || s === 'completed') return 'Complete';
  return null;
}

export function readStrand(file: string, doc: MarkdownDoc, problems: Problems): Strand | null {
  const front = frontmatterOf(doc, strandSchema, problems, 'strand', '"number:" and "title:"');
  if (!front) return null;
  const body = bodyOf(doc);
  const actions: PlanAction[] = [];
  for (const table of body.tables) {
    const cols = columnsOf(table, PLAN_COLUMNS);
    if (cols.action === undefined) continue;
    for (const row of table.rows) {
      const action = cellText(cellAt(row, cols.action));
      if (!action) continue;
      const cells: PlanAction['cells'] = {};
      for (const role of Object.keys(PLAN_COLUMNS) as (keyof typeof PLAN_COLUMNS)[]) {
        const c = cellAt(row, cols[role]);
        if (c) cells[role] = c.position;
      }
      const statusRaw = cellText(cellAt(row, cols.status));
      actions.push({
        action,
        owner: cellText(cellAt(row, cols.owner)),
        milestone: cellText(cellAt(row, cols.milestone)),
        due: parseDue(cellText(cellAt(row, cols.due))),
        status: parseStatus(statusRaw),
        statusRaw,
        cells,
        position: row[0]?.position ?? table.position,
      });
    }
  }
  const prefix = /^(\d+)-/.exec(file.split('/').pop()!);
  return {
    ...body,
    number: front.number,
    filePrefix: prefix ? Number(prefix[1]) : null,
    title: front.title,
    lead: front.lead ?? null,
    addresses: front.addresses.map((ref, i) => ({ ref, position: yamlPosition(doc.yaml!, ['addresses', i]) })),
    actions,
    position: positionOf(doc, doc.tree),
  };
}
