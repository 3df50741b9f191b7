import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BoardpackError } from '../errors.js';

/**
 * When each file of a content folder was first committed, for `lint --submitted-from-git`: a
 * report's `submitted:` day where its frontmatter gives none (issue 28). Asked of git only when
 * the user asks: it reads the history of the repository holding the content folder, which may
 * be above it.
 *
 * git is run with its output read as data; nothing of the repository is run (`git log` and
 * `rev-parse` run no hooks, and the repository's pager, external diff and text conversions are
 * turned off). A file renamed or moved keeps the day it was first added under its old name.
 * In a shallow clone (a CI checkout's `fetch-depth: 1`) the files already there at the cut
 * seem added by its first commit: their day is unknown and left out, and listed in `unknown`.
 */
export interface FirstCommits {
  /** Each file's first commit's author date, an ISO 8601 instant with its offset, by path relative to the content folder. */
  committed: Map<string, string>;
  /** Files whose first commit is cut off by a shallow clone, by path relative to the content folder. */
  unknown: string[];
}

/** Never ask for a password, never take a lock (the pager and external diffs are turned off by the arguments). */
const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', '--no-pager', '-C', root, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
    windowsHide: true,
  });
}

export function firstCommits(root: string): FirstCommits {
  let shallow: string;
  try {
    shallow = git(root, ['rev-parse', '--is-shallow-repository']).trim();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BoardpackError('--submitted-from-git: git was not found; install git (https://git-scm.com), or leave the option out');
    }
    const said = String((err as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0].replace(/^fatal: /, '');
    throw new BoardpackError(`--submitted-from-git: git cannot read the history of ${root} (${said || 'git failed'}), expected the content folder to be kept in a git repository`);
  }
  const cut = new Set<string>();
  if (shallow === 'true') {
    const file = git(root, ['rev-parse', '--git-path', 'shallow']).trim();
    try {
      for (const line of readFileSync(isAbsolute(file) ? file : join(root, file), 'utf8').split('\n')) if (line.trim()) cut.add(line.trim());
    } catch {
      // no cut recorded after all
    }
  }
  // Oldest first: each commit as \x01<hash> <author date>\0, then its additions and renames as
  // "A\0path\0" and "R<score>\0old\0new\0", paths relative to the content folder.
  const log = git(root, ['log', '-z', '--reverse', '--no-textconv', '--no-ext-diff', '--format=%x01%H %aI', '--name-status', '--diff-filter=AR', '-M', '--relative', '--', '.']);
  const committed = new Map<string, string>();
  const unknown = new Set<string>();
  for (const entry of log.split('\x01')) {
    if (!entry) continue;
    const fields = entry.split('\0');
    const [hash, date] = fields[0].split(' ');
    const atCut = cut.has(hash);
    for (let i = 1; i < fields.length; ) {
      const status = fields[i].trim();
      if (status === '') {
        i++;
        continue;
      }
      if (status.startsWith('R')) {
        const [from, to] = [fields[i + 1], fields[i + 2]];
        const first = committed.get(from);
        if (first !== undefined) committed.set(to, first);
        else if (unknown.has(from)) unknown.add(to);
        else if (!committed.has(to)) committed.set(to, date); // moved in from outside the content folder
        i += 3;
      } else {
        const path = fields[i + 1];
        if (atCut) unknown.add(path);
        else if (!committed.has(path) && !unknown.has(path)) committed.set(path, date);
        i += 2;
      }
    }
  }
  for (const path of unknown) committed.delete(path);
  return { committed, unknown: [...unknown].sort() };
}
