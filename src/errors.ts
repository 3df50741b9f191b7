import type { Problem } from './model/types.js';
import type { LintReport } from './report/results.js';

/**
 * A failure the user can act on, thrown by the API (never a process exit): the CLI prints
 * the problems or the report it carries, then the message, and exits with `exitCode`.
 */
export class BoardpackError extends Error {
  /** 2 when the input cannot be used; 1 when the content was checked and has errors. */
  readonly exitCode: number;
  /** Problems that explain it, each with its file and line. */
  readonly problems: Problem[];
  /** The lint report that stopped a build. */
  readonly report?: LintReport;

  constructor(message: string, options: { exitCode?: number; problems?: Problem[]; report?: LintReport } = {}) {
    super(message);
    this.name = 'BoardpackError';
    this.exitCode = options.exitCode ?? 2;
    this.problems = options.problems ?? [];
    this.report = options.report;
  }
}
