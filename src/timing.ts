/**
 * With BOARDPACK_TIMING set, a command says on stderr, as it ends, when each
 * step of its work was done, in milliseconds from the start of the process
 * (as ESLint's TIMING does for its rules). For maintainers and the
 * benchmark; steps that run at once, such as Chromium starting while the
 * papers are rendered, show as they overlap.
 */
let steps: [string, number][] = [];

/** Note that a step is done, now. */
export function stepDone(step: string): void {
  if (process.env.BOARDPACK_TIMING) steps.push([step, performance.now()]);
}

/** The steps noted since the last report, in order, then forgotten; '' when there are none. */
export function timingReport(): string {
  if (!steps.length) return '';
  const report = `boardpack timing (ms from the start of the process):\n${steps.map(([step, at]) => `${String(Math.round(at)).padStart(7)}  ${step}\n`).join('')}`;
  steps = [];
  return report;
}

/**
 * The steps under way that wait on another program (the search indexer, the
 * browser): when one of them dies without answering, the process would run
 * out of work and end with exit code 0, the build unfinished. The CLI asks
 * which step was under way, to fail and name it.
 */
const underWay: string[] = [];

/** Note that a step waiting on another program has begun; returns what ends it. */
export function stepUnderWay(step: string): () => void {
  underWay.push(step);
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    underWay.splice(underWay.lastIndexOf(step), 1);
  };
}

/** The latest step begun and not ended, if any. */
export function unfinishedStep(): string | null {
  return underWay.at(-1) ?? null;
}
