import { join, sep } from 'node:path';
import type { Finding, Rule } from '../lint/rule.js';
import type { Position } from '../model/types.js';

/** One message, in the shape of ESLint's: severity 1 is a warning, 2 an error. */
export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  related?: { message: string; file: string; line: number; column: number };
}

export interface FileResult {
  /** Absolute path of the file. */
  filePath: string;
  /** Path relative to the content folder, with `/`. */
  file: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

/** Everything a reporter needs: the results by file, and the rules that ran. */
export interface LintReport {
  root: string;
  results: FileResult[];
  rules: Rule[];
  errorCount: number;
  warningCount: number;
}

function related(p: Position, message: string) {
  return { message, file: p.file, line: p.line, column: p.column };
}

export function buildReport(root: string, findings: Finding[], rules: Rule[]): LintReport {
  const byFile = new Map<string, FileResult>();
  for (const f of findings) {
    let result = byFile.get(f.position.file);
    if (!result) {
      result = { filePath: join(root, f.position.file), file: f.position.file, messages: [], errorCount: 0, warningCount: 0 };
      byFile.set(f.position.file, result);
    }
    result.messages.push({
      ruleId: f.ruleId,
      severity: f.severity === 'error' ? 2 : 1,
      message: f.message,
      line: f.position.line,
      column: f.position.column,
      ...(f.related ? { related: related(f.related.position, f.related.message) } : {}),
    });
    if (f.severity === 'error') result.errorCount++;
    else result.warningCount++;
  }
  const results = [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
  return {
    root,
    results,
    rules,
    errorCount: results.reduce((n, r) => n + r.errorCount, 0),
    warningCount: results.reduce((n, r) => n + r.warningCount, 0),
  };
}

/** Keep only errors (`--quiet`). */
export function onlyErrors(report: LintReport): LintReport {
  const results = report.results
    .map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0 }))
    .filter((r) => r.messages.length > 0);
  return { ...report, results, warningCount: 0 };
}

/**
 * Keep only the files at or under `paths` (absolute): `boardpack lint <files>` reads the whole
 * content folder, for the rules that compare documents, and reports on the files it was given.
 */
export function onlyPaths(report: LintReport, paths: readonly string[]): LintReport {
  const within = (file: string) => paths.some((p) => file === p || file.startsWith(p.endsWith(sep) ? p : p + sep));
  const results = report.results.filter((r) => within(r.filePath));
  return {
    ...report,
    results,
    errorCount: results.reduce((n, r) => n + r.errorCount, 0),
    warningCount: results.reduce((n, r) => n + r.warningCount, 0),
  };
}
