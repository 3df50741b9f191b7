import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { BoardpackError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import type { Model } from '../model/types.js';

/**
 * `boardpack new plan-entry` and `boardpack new decision`: an entry added to
 * an executive committee's forward-plan.yml, a record to its decisions.yml,
 * each with every field the law asks for to fill in. The file keeps what it
 * holds (comments too); a new file starts with a comment saying what it is.
 */

const PLAN_HEAD = `# The forward plan of key decisions (SI 2012/2089 reg 9): one entry per matter, never deleted (deferred: or withdrawn:).
# Each date under published: is one edition. See docs/format.md, "The executive's forward plan".
published: []
documents: How to get the documents to be considered and other documents.
representations: Where to send representations, and by when.
contact: Democratic Services
entries: []
`;

const DECISIONS_HEAD = `# The records of decisions (SI 2012/2089 regs 12-13; officers: SI 2014/2095 reg 7). See docs/format.md, "Decision records".
[]
`;

function committeeOf(model: Model, id: string, name: string) {
  const committee = model.committees.find((c) => c.id === id);
  if (!committee) {
    const known = model.committees.map((c) => c.id).join(', ') || 'none';
    throw new BoardpackError(`No committee "${id}" in ${name}/committees (known: ${known})`);
  }
  return committee;
}

function load(path: string, head: string): Document {
  const doc = parseDocument(existsSync(path) ? readFileSync(path, 'utf8') : head);
  if (doc.errors.length) throw new BoardpackError(`${path} is not valid YAML (${doc.errors[0].message.split('\n')[0]}): mend it before adding to it`);
  return doc;
}

/** Add an entry for a matter to a committee's forward plan (made if there is none). Returns the file, relative to the content folder. */
export function createPlanEntry(
  root: string,
  model: Model,
  committeeId: string,
  ref: string,
  matter: string,
  today: string,
  name = root,
  options: { route?: 'general-exception' | 'special-urgency'; private?: number } = {},
): { file: string; notes: string[] } {
  const committee = committeeOf(model, committeeId, name);
  const file = `committees/${committee.id}/forward-plan.yml`;
  const path = join(root, file);
  const doc = load(path, PLAN_HEAD);
  if (!isMap(doc.contents)) throw new BoardpackError(`${join(name, file)} is not a mapping with entries:, expected the forward plan's shape`);
  if (!isSeq(doc.get('entries'))) doc.set('entries', doc.createNode([]));
  const entries = doc.get('entries');
  if (!isSeq(entries)) throw new BoardpackError(`${join(name, file)} has entries: that is not a list`);
  if ((doc.toJS().entries as { ref?: unknown }[]).some((e) => String(e?.ref) === ref)) throw new BoardpackError(`${join(name, file)} already has an entry ${ref}`);
  const exception =
    options.route === 'general-exception'
      ? { route: options.route, published: today, scrutinyChair: today, reasons: 'Why 28 clear days\' notice could not be given.' }
      : options.route === 'special-urgency'
        ? { route: options.route, published: today, agreedBy: 'The chair of the overview and scrutiny committee', agreed: today, reasons: 'Why the decision is urgent and cannot reasonably be deferred.' }
        : null;
  const entry = doc.createNode({
    ref,
    matter,
    decisionMaker: committee.id,
    date: 'the day, or the month, of the decision',
    key: true,
    wards: ['All'],
    documents: ['Report of ...'],
    ...(exception ? { exception } : { firstPublished: today }),
    ...(options.private ? { private: options.private } : {}),
    contact: 'Name, job title',
  });
  entries.items.push(entry);
  writeFileAtomic(path, doc.toString());
  const notes = [
    exception
      ? `fill in its decision maker, date, documents and contact, and the ${options.route === 'general-exception' ? 'day the scrutiny chair was told in writing (scrutinyChair:)' : 'name of who agreed it could not wait (agreedBy:)'} and the reasons; the decision waits ${options.route === 'general-exception' ? '5 clear days after the notice' : 'for nothing more'}`
      : 'fill in its decision maker, date, documents and contact; its firstPublished: is the day of the edition that first gives it, 28 clear days before the decision',
    'add that day under published: when the edition goes out, and name the entry from its report with forwardPlan: ' + ref,
  ];
  if (options.private) notes.push(`the entry is the notice of intention to take it in private; the agenda's published: day (or privateNotice: final:) gives the further notice 5 clear days before`);
  if (!committee.executive) notes.push(`committees/${committee.id}/committee.yml does not say executive: true: a forward plan is the executive's`);
  return { file, notes };
}

/** Add a record of a decision to a committee's decisions.yml (made if there is none). Returns the file, relative to the content folder. */
export function createDecision(
  root: string,
  model: Model,
  committeeId: string,
  id: string,
  options: { title: string; kind: 'executive' | 'individual' | 'officer'; date: string; meeting?: string },
  name = root,
): { file: string; notes: string[] } {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new BoardpackError(`Unexpected decision id "${id}", expected lower-case letters, digits and dashes, such as leisure-contract`);
  const committee = committeeOf(model, committeeId, name);
  const file = `committees/${committee.id}/decisions.yml`;
  const path = join(root, file);
  const doc = load(path, DECISIONS_HEAD);
  if (!isSeq(doc.contents)) throw new BoardpackError(`${join(name, file)} is not a list, expected a list of decision records`);
  if ((doc.toJS() as { id?: unknown }[]).some((r) => r?.id === id)) throw new BoardpackError(`${join(name, file)} already has a decision "${id}"`);
  if (options.meeting && !committee.meetings.some((m) => m.date === options.meeting)) {
    throw new BoardpackError(`No meeting of ${committee.name} on ${options.meeting}, expected the day of one of its meeting folders`);
  }
  const record = {
    id,
    title: options.title,
    kind: options.kind,
    by: options.kind === 'executive' ? committee.name : 'Name, office',
    date: options.date,
    ...(options.meeting ? { meeting: options.meeting, minute: 'its number' } : {}),
    key: false,
    decision: 'What was decided.',
    reasons: 'Why.',
    alternatives: 'The options considered and rejected, or None.',
    conflicts: 'None',
    dispensations: 'None',
    published: options.date,
  };
  doc.contents.items.push(doc.createNode(record));
  writeFileAtomic(path, doc.toString());
  return {
    file,
    notes: [
      'fill in the decision, its reasons and the alternatives rejected, and any conflict declared; published: is the day the record went out, from which call-in runs',
      'a key decision names its forward plan entry with forwardPlan:',
    ],
  };
}
