import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { BoardpackError } from '../errors.js';
import { CONFIG_FILE } from '../config/config.js';
import { addDaysIso, weekdayOf } from '../dates/calendar.js';
import { fsReason, writeFolderAtomic } from '../fs/atomic.js';
import { docsUrl } from '../package-info.js';
import { packageRoot } from '../package-root.js';
import { parseContent } from '../parse/content.js';
import { newMeeting } from './meeting.js';
import { schemaModeline } from './modeline.js';

/**
 * Write a starter content folder at `target` (absolute): boardpack's starter
 * with its YAML files naming their JSON Schemas, and an example meeting some
 * four weeks from `today`. Made whole beside the target and moved into place;
 * refused when the target holds anything. `name` is how messages name it.
 */
export function initContent(target: string, today: string, name = target): void {
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new BoardpackError(`${name} already exists and is not empty; choose a new folder`);
  }
  let tmp: string;
  try {
    mkdirSync(dirname(target), { recursive: true });
    tmp = mkdtempSync(join(dirname(target), '.init.tmp-'));
  } catch (err) {
    throw new BoardpackError(`Cannot write ${name}: ${fsReason(err)}`);
  }
  try {
    cpSync(join(packageRoot(), 'starter'), tmp, { recursive: true });
    // The YAML files name their JSON Schema, for an editor to check and complete them.
    for (const [file, schema] of [[CONFIG_FILE, 'boardpack.schema.json'], ['committees/example-committee/committee.yml', 'committee.schema.json']]) {
      const path = join(tmp, file);
      const text = readFileSync(path, 'utf8').replace('See docs/format.md.', `The format: ${docsUrl('docs/format.md')}`);
      writeFileSync(path, `${schemaModeline(schema)}\n${text}`);
    }
    const { model } = parseContent(tmp);
    // The example's papers are published today, so that the first build shows its pack.
    const made = newMeeting(model.config, model.committees[0], starterMeetingDate(today), { published: today });
    writeFolderAtomic(join(tmp, made.folder), made.files);
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** The starter's example meeting: the first Tuesday at least four weeks from today. */
function starterMeetingDate(today: string): string {
  let date = addDaysIso(today, 28);
  while (weekdayOf(date) !== 'Tuesday') date = addDaysIso(date, 1);
  return date;
}

/** What a build writes, and the packages npm installs, which have no place in a council's repository. */
export const IGNORED = ['out/', 'out-members/', 'out-word/', 'out-word-members/', '.boardpack-cache/', 'node_modules/'];

/**
 * Keep builds out of git: a .gitignore in the working folder (or beside a content folder made
 * elsewhere) naming the output folders, the lint cache and node_modules, or those of them it lacks. Returns
 * what was done, as a line to tell, or nothing when there was nothing to do.
 */
export function ignoreOutputs(target: string, cwd: string): string {
  const rel = relative(cwd, target);
  const inside = !rel.startsWith('..') && !isAbsolute(rel);
  const folder = inside ? cwd : dirname(target);
  const file = join(folder, '.gitignore');
  const name = relative(cwd, file) || file;
  try {
    const had = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const lines = new Set((had ?? '').split(/\r?\n/).map((l) => l.trim()));
    const missing = IGNORED.filter((entry) => !lines.has(entry) && !lines.has(`/${entry}`));
    if (missing.length === 0) return '';
    const head = had === null ? '# boardpack: builds, the lint cache and installed packages\n' : had.endsWith('\n') || had === '' ? '' : '\n';
    writeFileSync(file, `${had ?? ''}${head}${missing.join('\n')}\n`);
    return had === null ? `Wrote ${name}, leaving out ${missing.join(', ')}\n` : `Added ${missing.join(', ')} to ${name}\n`;
  } catch (err) {
    return `Could not write ${name} (${fsReason(err)}); leave ${IGNORED.join(', ')} out of version control\n`;
  }
}
