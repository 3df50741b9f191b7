import type { Decision, Recommendation, Register, Table } from '../model/types.js';
import { parseDue } from '../dates/prose.js';
import { registerSchema } from './schemas.js';
import { bodyOf, frontmatterOf, positionOf, type MarkdownDoc } from './markdown.js';
import { cellAt, cellText, columnsOf } from './tables.js';
import { parseStatus } from './plan.js';
import type { Problems } from './problems.js';

export const REGISTER_COLUMNS = {
  ref: ['Ref', 'Reference', 'No', 'No.', 'Number', 'Rec', 'Recommendation number'],
  text: ['Recommendation', 'Recommendations', 'Scrutiny recommendation'],
  timescale: ['Timescale', 'Timescales', 'When'],
  decision: ['Decision', 'Response', 'Cabinet decision', 'Cabinet response', 'Accepted/Rejected/Deferred'],
  owner: ['Owner', 'Officer responsible', 'Responsible officer', 'Lead', 'Responsibility'],
  actionBy: ['Action by', 'Due', 'By when', 'Target date', 'Deadline'],
  status: ['Status', 'Progress', 'RAG'],
} as const;

const DECISION_RE = /^(accepted|rejected|deferred|noted)\b/i;

export function parseDecision(raw: string | null): Decision | null {
  const m = raw ? DECISION_RE.exec(raw.trim()) : null;
  return m ? (m[1].toLowerCase() as Decision) : null;
}

/** A recommendation's number written at the start of its text ("1. That ...", "R3 That ...", "2) ..."). */
const LEADING_REF = /^\(?([A-Z]{0,3}\d+(?:\.\d+)*)(?:[.):]|\s)/;

/**
 * Rows of tables that have a Ref column, read as recommendations. A response
 * schedule often has no Ref column: its recommendations are numbered in
 * their own cells, and a Decision column makes the table one.
 */
export function recommendationsIn(tables: Table[]): Recommendation[] {
  const out: Recommendation[] = [];
  for (const table of tables) {
    const cols = columnsOf(table, REGISTER_COLUMNS);
    if (cols.text === undefined) continue;
    if (cols.ref === undefined && cols.decision === undefined) continue;
    for (const row of table.rows) {
      const cell = (role: keyof typeof REGISTER_COLUMNS) => cellAt(row, cols[role]);
      const ref = cols.ref !== undefined ? cellText(cell('ref')) : (LEADING_REF.exec(cellText(cell('text')) ?? '')?.[1] ?? null);
      if (!ref) continue;
      const decisionRaw = cellText(cell('decision'));
      const cells: Recommendation['cells'] = {};
      for (const role of Object.keys(REGISTER_COLUMNS) as (keyof typeof REGISTER_COLUMNS)[]) {
        const c = cell(role);
        if (c) cells[role] = c.position;
      }
      out.push({
        ref,
        text: cellText(cell('text')) ?? '',
        timescale: cellText(cell('timescale')),
        decision: parseDecision(decisionRaw),
        decisionRaw,
        owner: cellText(cell('owner')),
        actionBy: parseDue(cellText(cell('actionBy'))),
        status: parseStatus(cellText(cell('status'))),
        cells,
        position: row[0]?.position ?? table.position,
      });
    }
  }
  return out;
}

export function readRegister(id: string, doc: MarkdownDoc, problems: Problems): Register | null {
  const front = frontmatterOf(doc, registerSchema, problems, 'register', 'at least "title:"');
  if (!front) return null;
  const body = bodyOf(doc);
  return {
    ...body,
    id,
    title: front.title,
    prefix: front.prefix ?? null,
    source: front.source ?? null,
    recommendations: recommendationsIn(body.tables),
    position: positionOf(doc, doc.tree),
  };
}
