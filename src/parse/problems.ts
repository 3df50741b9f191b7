import type { Position, Problem, Severity } from '../model/types.js';

/** Collects every problem met while reading, so none stops the others being found. */
export class Problems {
  readonly list: Problem[] = [];

  add(code: string, severity: Severity, message: string, position: Position, related?: Problem['related']): void {
    this.list.push(related ? { code, severity, message, position, related } : { code, severity, message, position });
  }

  error(code: string, message: string, position: Position, related?: Problem['related']): void {
    this.add(code, 'error', message, position, related);
  }

  warn(code: string, message: string, position: Position, related?: Problem['related']): void {
    this.add(code, 'warning', message, position, related);
  }
}

export function at(file: string, line = 1, column = 1): Position {
  return { file, line, column };
}

/** Sort problems by file, then line, then column, so output is stable. */
export function sortProblems<T extends { position: Position }>(problems: T[]): T[] {
  return [...problems].sort(
    (a, b) =>
      a.position.file.localeCompare(b.position.file) ||
      a.position.line - b.position.line ||
      a.position.column - b.position.column,
  );
}
