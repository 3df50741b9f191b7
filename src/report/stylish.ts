import { join, relative } from 'node:path';
import type { LintReport } from './results.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Grouped by file: `line:column  severity  message  rule`, then a count; as ESLint's stylish formatter prints. */
export function stylish(report: LintReport, cwd: string): string {
  if (report.results.length === 0) return '';
  let out = '';
  for (const result of report.results) {
    out += `\n${relative(cwd, result.filePath) || result.filePath}\n`;
    const rows = result.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.severity === 2 ? 'error' : 'warning',
      m.message +
        (m.related
          ? ` (${m.related.message}: ${relative(cwd, join(report.root, m.related.file))}:${m.related.line}:${m.related.column})`
          : ''),
      m.ruleId ?? '',
    ]);
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) out += `  ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2]}  ${r[3]}`.trimEnd() + '\n';
  }
  const total = report.errorCount + report.warningCount;
  out += `\n✖ ${plural(total, 'problem')} (${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')})\n`;
  return out;
}
