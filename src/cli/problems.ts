import type { Problem } from '../model/types.js';

/** One problem a line, as compilers print them: `file:line:column: severity: message [code]`. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => {
      const where = `${p.position.file}:${p.position.line}:${p.position.column}`;
      const related = p.related
        ? `\n  ${p.related.position.file}:${p.related.position.line}:${p.related.position.column}: ${p.related.message}`
        : '';
      return `${where}: ${p.severity}: ${p.message} [${p.code}]${related}\n`;
    })
    .join('');
}
