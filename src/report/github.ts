import { relative, sep } from 'node:path';
import type { LintReport } from './results.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one `::error` or `::warning` annotation a message, each file given relative to `base` (the repository's root). */
export function github(report: LintReport, base: string): string {
  let out = '';
  for (const result of report.results) {
    for (const m of result.messages) {
      const level = m.severity === 2 ? 'error' : 'warning';
      const props = [
        `file=${escapeProperty(relative(base, result.filePath).split(sep).join('/'))}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `title=${escapeProperty(m.ruleId ?? 'boardpack')}`,
      ].join(',');
      out += `::${level} ${props}::${escapeData(m.message)}\n`;
    }
  }
  return out;
}
