import { join, relative } from 'node:path';
import { styleText } from 'node:util';
import type { LintReport } from './results.js';

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'underline';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Grouped by file: `line:column  severity  message  rule`, then a count; as ESLint's stylish formatter prints. */
export function stylish(report: LintReport, cwd: string, options: { color?: boolean } = {}): string {
  if (report.results.length === 0) return '';
  // Whether to colour is decided by the caller (--color, NO_COLOR, FORCE_COLOR, a terminal), not by styleText.
  const paint = (style: Style, text: string) => (options.color && text ? styleText(style, text, { validateStream: false }) : text);
  // On a terminal (where colour is on), each rule's id is a link to its page (OSC 8, which terminals
  // that do not know it show as the plain id); in a log or a file, the id alone.
  const docs = new Map(report.rules.map((r) => [r.meta.id, r.meta.docs]));
  const ruleLink = (id: string) => (options.color && docs.get(id) ? `\x1b]8;;${docs.get(id)}\x07${id}\x1b]8;;\x07` : id);
  let out = '';
  for (const result of report.results) {
    out += `\n${paint('underline', relative(cwd, result.filePath) || result.filePath)}\n`;
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
    for (const r of rows) {
      const severity = paint(r[1] === 'error' ? 'red' : 'yellow', r[1].padEnd(width[1]));
      out += `  ${paint('dim', r[0].padEnd(width[0]))}  ${severity}  ${r[2]}  ${paint('dim', ruleLink(r[3]))}`.trimEnd() + '\n';
    }
  }
  const total = report.errorCount + report.warningCount;
  const summary = `✖ ${plural(total, 'problem')} (${plural(report.errorCount, 'error')}, ${plural(report.warningCount, 'warning')})`;
  out += `\n${paint('bold', paint(report.errorCount ? 'red' : 'yellow', summary))}\n`;
  return out;
}
