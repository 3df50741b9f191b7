import type { LintReport } from './results.js';

/** ESLint's JSON formatter's shape: one entry a file, with its messages and counts. */
export function json(report: LintReport): string {
  return `${JSON.stringify(
    report.results.map(({ filePath, messages, errorCount, warningCount }) => ({ filePath, messages, errorCount, warningCount })),
    null,
    2,
  )}\n`;
}
