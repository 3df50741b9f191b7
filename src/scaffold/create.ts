import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BoardpackError } from '../errors.js';
import { writeFileAtomic, writeFolderAtomic } from '../fs/atomic.js';
import type { Model } from '../model/types.js';
import { newCommittee } from './committee.js';
import { newMeeting } from './meeting.js';
import { newMinutes, newPaper, type NewDocument } from './minutes.js';

/**
 * Write a new meeting folder of a committee into the content folder `root`
 * (read as `model`): its agenda with the committee's standard items. Returns
 * the folder, relative to the content folder, and what the clerk should know.
 * `name` is how messages name the content folder.
 */
export function createMeeting(root: string, model: Model, committeeId: string, date: string, name = root): { folder: string; notes: string[] } {
  const committee = model.committees.find((c) => c.id === committeeId);
  if (!committee) {
    const known = model.committees.map((c) => c.id).join(', ') || 'none';
    throw new BoardpackError(`No committee "${committeeId}" in ${name}/committees (known: ${known}); make one with boardpack new committee ${committeeId}`);
  }
  const made = newMeeting(model.config, committee, date);
  const target = join(root, made.folder);
  if (existsSync(target)) throw new BoardpackError(`${join(name, made.folder)} already exists`);
  writeFolderAtomic(target, made.files);
  return { folder: made.folder, notes: made.notes };
}

/** Write a new committee's folder, with its committee.yml, into the content folder `root`. Returns the folder, relative to it. */
export function createCommittee(root: string, id: string, committeeName?: string, name = root): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new BoardpackError(`Unexpected committee folder name "${id}", expected lower-case letters, digits and hyphens, such as audit-committee`);
  }
  const folder = join('committees', id);
  if (existsSync(join(root, folder))) throw new BoardpackError(`${join(name, folder)} already exists`);
  writeFolderAtomic(join(root, folder), newCommittee(id, committeeName));
  return folder;
}

/** A meeting of the model by its id (`<committee>/<folder>`), or an error saying which there are. */
function meetingOf(model: Model, id: string, name: string) {
  const [committeeId, folder] = id.split('/');
  const committee = model.committees.find((c) => c.id === committeeId);
  const meeting = committee?.meetings.find((m) => m.folder === folder);
  if (!committee || !meeting) {
    const example = model.committees.flatMap((c) => c.meetings.map((m) => m.id)).at(-1) ?? 'cabinet/2026-04-14';
    throw new BoardpackError(`No meeting "${id}" in ${name}, expected <committee>/<meeting folder> such as ${example}`);
  }
  return { committee, meeting };
}

/** A new file, written whole; never over one that is there. */
function write(root: string, made: NewDocument, name: string): { file: string; notes: string[] } {
  const path = join(root, made.file);
  if (existsSync(path)) throw new BoardpackError(`${join(name, made.file)} already exists`);
  writeFileAtomic(path, made.text);
  return { file: made.file, notes: made.notes };
}

/** Write a meeting's minutes.md to fill in, from its agenda (see newMinutes). Returns the file, relative to the content folder. */
export function createMinutes(root: string, model: Model, meetingId: string, name = root): { file: string; notes: string[] } {
  const { committee, meeting } = meetingOf(model, meetingId, name);
  return write(root, newMinutes(committee, meeting, model.config), name);
}

/** Write a new paper into a meeting's folder (see newPaper). Returns the file, relative to the content folder. */
export function createPaper(root: string, model: Model, meetingId: string, paperName: string, title: string, name = root): { file: string; notes: string[] } {
  return write(root, newPaper(meetingOf(model, meetingId, name).meeting, paperName, title), name);
}
