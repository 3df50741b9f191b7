// JSON Schemas for the content's YAML files and each kind of frontmatter, generated from the
// zod schemas the parser validates with (so they cannot drift apart), into schemas/.
// Run after tsc (npm run build); shipped in the package and named by the files init and new write.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import * as schemas from '../dist/parse/schemas.js';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** file name, zod schema, title, what it describes */
const SCHEMAS = [
  ['boardpack.schema.json', schemas.configSchema, 'boardpack.yml', 'The settings of a boardpack content folder.'],
  ['committee.schema.json', schemas.committeeSchema, 'committee.yml', "A committee's name, quorum, venue, time and members."],
  ['actions.schema.json', schemas.actionsLogSchema, 'actions.yml', "Progress on the actions of a committee's minutes, recorded between meetings."],
  ['plan.schema.json', schemas.planSchema, 'plan.yml', "An improvement plan's title, owner and dates."],
  ['agenda.schema.json', schemas.agendaSchema, 'agenda.md frontmatter', "A meeting's agenda: time, venue, publication date, status, private items."],
  ['minutes.schema.json', schemas.minutesSchema, 'minutes.md frontmatter', 'Minutes: who was present, apologies, exempt minutes.'],
  ['paper.schema.json', schemas.paperSchema, 'paper frontmatter', 'A report or other paper linked from an agenda item.'],
  ['appendix.schema.json', schemas.appendixDocSchema, 'appendix frontmatter', "A Markdown appendix's own frontmatter."],
  ['strand.schema.json', schemas.strandSchema, 'plan strand frontmatter', 'One strand of an improvement plan.'],
  ['register.schema.json', schemas.registerSchema, 'register frontmatter', 'A register of recommendations.'],
];

rmSync('schemas', { recursive: true, force: true });
mkdirSync('schemas');
for (const [file, schema, title, description] of SCHEMAS) {
  // The input shape: what a clerk writes (defaults may be left out; dates are text, read by the parser).
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const out = { $schema: json.$schema, $id: `https://unpkg.com/${name}@${version}/schemas/${file}`, title, description, ...json };
  writeFileSync(`schemas/${file}`, `${JSON.stringify(out, null, 2)}\n`);
}
