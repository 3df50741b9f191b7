import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/main.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE = join(REPO, 'content');
export const FIXTURES = join(REPO, 'tests', 'fixtures');

/** Write a content folder from a map of relative paths to text; returns its path. */
export function contentFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'boardpack-test-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** The smallest valid organisation, to add files to. */
export const BASE = {
  'boardpack.yml': 'organisation: Test Council\n',
  'committees/panel/committee.yml':
    'name: Test Panel\nmembers:\n  - name: Councillor Ann Lee\n    role: chair\n  - name: Councillor Bo Chen\n',
};

/** Run the CLI in-process; returns the exit code and what it printed. */
export async function cli(
  args: string[],
  options: { cwd?: string; today?: string; interactive?: boolean; env?: NodeJS.ProcessEnv; stdoutIsTTY?: boolean } = {},
) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: options.cwd ?? REPO,
    today: options.today ?? '2026-11-22',
    interactive: options.interactive ?? false,
    env: options.env ?? {},
    stdoutIsTTY: options.stdoutIsTTY ?? false,
  });
  return { code, stdout, stderr };
}
