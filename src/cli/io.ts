import { BoardpackError } from '../errors.js';

/** Where the CLI writes; tests pass their own to read what it printed. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Today, as `YYYY-MM-DD`; injected so output that depends on it can be tested. */
  today: string;
  /** A person is watching a terminal: show progress. False in CI and when output is piped. */
  interactive?: boolean;
  /** The environment (NO_COLOR, FORCE_COLOR); tests pass their own. */
  env?: NodeJS.ProcessEnv;
  /** Standard output is a terminal: stylish output is coloured unless told otherwise. */
  stdoutIsTTY?: boolean;
  /** Told when `serve` is listening, with a way to stop it (tests use this). */
  onServe?: (preview: { url: string; version: () => number }, stop: () => void) => void;
}

/** A failure the user can act on: printed as a message, never a stack trace. */
export class UsageError extends BoardpackError {
  constructor(message: string, exitCode = 2) {
    super(message, { exitCode });
  }
}

/** Not a failure to explain: the command has printed its results and ends with this code. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
