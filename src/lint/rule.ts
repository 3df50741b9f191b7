import type { Model, Position, Problem, Severity } from '../model/types.js';
import type { LintIndex } from './model-index.js';
import type { Attended } from './attendance.js';
import { docsUrl } from '../package-info.js';

/** Where each rule's page is read: the repository package.json names, never typed twice. */
export const DOCS_BASE = docsUrl('docs/rules');

export type Category = 'dates' | 'numbering' | 'records' | 'attendance' | 'exempt' | 'text';

/** What a rule declares about itself, in one object at its top. */
export interface RuleMeta {
  id: string;
  description: string;
  category: Category;
  /** Severity of its findings unless a finding says otherwise or the user sets one. */
  severity: Severity;
  /**
   * `council`: its findings, all in the shared files, depend on the attendance
   * of every committee (`RuleContext.attendance`), so a check in parts runs it
   * once, last, with the attendance of all (src/lint/parts.ts).
   */
  scope?: 'council';
}

export interface Related {
  message: string;
  position: Position;
}

export interface Finding {
  ruleId: string | null;
  severity: Severity;
  message: string;
  position: Position;
  related?: Related;
}

export interface RuleContext {
  model: Model;
  index: LintIndex;
  /** The day "today" means for overdue checks (`--as-of`, or today). */
  asOf: string;
  /** The user gave `--as-of`, which then outranks a plan's own `asOf`. */
  asOfGiven: boolean;
  /** Every committee's meetings held and who attended them: from the model, or, in a check by parts, from every part. */
  attendance(): Attended[];
  /** When a file was first committed to the repository holding the content (an ISO instant), where `--submitted-from-git` asked git; else null. */
  firstCommitted(file: string): string | null;
  /** Problems the parser met that belong to this rule (bad frontmatter, missing files). */
  problems: Problem[];
  report(message: string, position: Position, options?: { severity?: Severity; related?: Related }): void;
}

export interface Rule {
  meta: RuleMeta & { docs: string };
  check(context: RuleContext): void;
}

/** Stamp a rule's metadata (and its doc link) on a pure check over the model. */
export function defineRule(meta: RuleMeta, check: (context: RuleContext) => void): Rule {
  return { meta: { ...meta, docs: `${DOCS_BASE}/${meta.id}.md` }, check };
}
