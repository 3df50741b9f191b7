import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { toJson } from '../model/json.js';
import { publish } from '../publish/view.js';
import { fsReason, writeFileAtomic } from '../fs/atomic.js';
import { RULES } from '../lint/rules/index.js';
import { ignoreOutputs, initContent } from '../scaffold/init.js';
import { createCommittee, createMeeting, createMinutes, createPaper } from '../scaffold/create.js';
import { createDecision, createPlanEntry } from '../scaffold/executive.js';
import { UsageError, type CliIo } from './io.js';
import { contentDir, DEFAULT_CONTENT, load, readDateArgument } from './shared.js';

/*
 * The commands about the content folder itself: `export`, `init`, `rules`,
 * `new meeting` and `new committee`.
 */

/** `boardpack export [dir]`: the published view as JSON. */
export function exportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('print the parsed model of a content folder')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .addOption(new Option('-a, --audience <audience>', 'who the export is for: exempt content is left out for the public').choices(['public', 'members']).default('public'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--as-of <date>', 'export as of this day: papers published later, and drafts, are left out for the public (default: today)')
    .action(async (given: string | undefined, options: { out?: string; audience: 'public' | 'members'; asOf?: string }) => {
      const { root, model: content } = await load(contentDir(given, io), io);
      // The publication gate: the public export holds nothing exempt, nothing in draft and nothing published later.
      const asOf = options.asOf === undefined ? io.today : readDateArgument(options.asOf);
      const model = publish(content, options.audience, root, { asOf });
      if (!options.out) return io.stdout(toJson(model));
      const target = resolve(io.cwd, options.out);
      if (existsSync(target) && statSync(target).isDirectory()) {
        throw new UsageError(`Unexpected --out ${options.out}: it is a folder, expected the path of a file to write, such as ${join(options.out, 'model.json')}`);
      }
      try {
        writeFileAtomic(target, toJson(model));
      } catch (err) {
        throw new UsageError(`Cannot write ${options.out}: ${fsReason(err)}`);
      }
      io.stdout(`Wrote ${options.out}\n`);
    });

}

/** `boardpack init [dir]`: a starter content folder. */
export function initCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write a starter content folder')
    .argument('[dir]', 'where to write it', DEFAULT_CONTENT)
    .action((dir: string) => {
      const target = resolve(io.cwd, dir);
      initContent(target, io.today, dir);
      const ignored = ignoreOutputs(target, io.cwd);
      io.stdout(`Wrote a starter content folder to ${dir}\n${ignored}Next: edit ${dir}/boardpack.yml, then run boardpack lint ${dir} and boardpack build ${dir}\n`);
    });

}

/** `boardpack import <file.docx>`: a Word report as a paper of a meeting. */
export function importCommand(program: Command, io: CliIo): void {
  program
    .command('import')
    .description("import a Word report (.docx) as a paper, into a meeting's folder")
    .argument('<file>', 'the Word document, .docx')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-m, --meeting <meeting>', "the meeting whose folder the paper goes in, such as cabinet/2026-04-14 (default: the working folder)")
    .option('-n, --name <name>', 'the paper’s file name without .md (default: from the Word file’s name)')
    .addOption(new Option('--changes <how>', 'tracked changes: accept or reject them all (default: refuse the document)').choices(['accept', 'reject']))
    .addOption(new Option('--comments <how>', 'comments: remove them (default: refuse the document)').choices(['remove']))
    .action(async (source: string, given: string | undefined, options: { meeting?: string; name?: string; changes?: 'accept' | 'reject'; comments?: 'remove' }) => {
      const { importPaper, meetingFolder } = await import('../import/write.js');
      let folder = io.cwd;
      let shown = '.';
      if (options.meeting) {
        const dir = contentDir(given, io);
        const root = resolve(io.cwd, dir);
        if (!existsSync(join(root, 'boardpack.yml'))) throw new UsageError(`Content folder not found: ${dir} (expected a folder holding boardpack.yml)`);
        const rel = meetingFolder(root, options.meeting, dir);
        folder = join(root, rel);
        shown = join(dir, rel);
      }
      const made = await importPaper(resolve(io.cwd, source), folder, shown, { name: options.name, changes: options.changes, comments: options.comments });
      const images = made.images.length ? ` and ${made.images.length} image${made.images.length === 1 ? '' : 's'}` : '';
      if (made.state === 'unchanged') io.stdout(`Unchanged: ${made.file} is as the document makes it\n`);
      else io.stdout(`${made.state === 'new' ? 'Wrote' : 'Updated'} ${made.file}${images}: "${made.title}"\n`);
      if (made.diff) io.stdout(made.diff);
      for (const line of made.done) io.stdout(`Done: ${line}\n`);
      for (const line of made.losses) io.stdout(`Not kept: ${line}\n`);
      for (const line of made.warnings) io.stdout(`Check: ${line}\n`);
      if (made.state === 'new') io.stdout(`Next: link it from its agenda item: [Report](${basename(made.file)})\n`);
    });
}

/** `boardpack rules`: the rules with their default severity. */
export function rulesCommand(program: Command, io: CliIo): void {
  program
    .command('rules')
    .description('list the consistency rules with their default severity')
    .action(() => {
      const width = Math.max(...RULES.map((r) => r.meta.id.length));
      for (const rule of RULES) {
        io.stdout(`${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(7)}  ${rule.meta.description}\n`);
      }
    });

}

/** An exemption paragraph given on the command line: a whole number from 1. */
function readParagraph(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected the paragraph of Schedule 12A, such as 3');
  return Number(value);
}

/** `boardpack new meeting` and `boardpack new committee`. */
export function newCommands(program: Command, io: CliIo): void {
  const create = program.command('new').description('create new content from the standard templates');
  create
    .command('meeting')
    .description("create a meeting folder whose agenda holds the committee's standard items")
    .argument('<committee>', 'the committee folder name')
    .argument('<date>', 'the meeting date, such as 2026-01-13')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    // Before [dir] was taken here as everywhere, the folder was given with -C; kept for old scripts.
    .addOption(new Option('-C, --content <dir>').hideHelp())
    .action(async (committeeId: string, dateText: string, given: string | undefined, options: { content?: string }) => {
      const date = readDateArgument(dateText);
      const dir = contentDir(given ?? options.content, io);
      const { root, model } = await load(dir, io);
      const made = createMeeting(root, model, committeeId, date, dir);
      io.stdout(`Created ${join(dir, made.folder, 'agenda.md')}\n`);
      for (const note of made.notes) io.stderr(`note: ${note}\n`);
    });
  create
    .command('committee')
    .description('create a committee folder with its committee.yml, ready for its first meeting')
    .argument('<id>', 'the committee folder name, such as audit-committee')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-n, --name <name>', 'the committee’s name (default: from the folder name)')
    .action(async (id: string, given: string | undefined, options: { name?: string }) => {
      const dir = contentDir(given, io);
      const { root } = await load(dir, io);
      createCommittee(root, id, options.name, dir);
      io.stdout(`Created ${join(dir, 'committees', id, 'committee.yml')}\nNext: add its members, then boardpack new meeting ${id} <date>\n`);
    });
  create
    .command('paper')
    .description("create a report in a meeting's folder, with the sections an officer's report has")
    .argument('<meeting>', 'the meeting, such as cabinet/2026-04-14')
    .argument('<name>', 'the file name without .md, such as budget-monitoring')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-t, --title <title>', 'the report’s title (default: from the file name)')
    .action(async (meetingId: string, name: string, given: string | undefined, options: { title?: string }) => {
      const dir = contentDir(given, io);
      const { root, model } = await load(dir, io);
      const title = options.title ?? name.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
      const made = createPaper(root, model, meetingId, name, title, dir);
      io.stdout(`Created ${join(dir, made.file)}\n`);
      for (const note of made.notes) io.stdout(`Next: ${note}\n`);
    });
  create
    .command('plan-entry')
    .description("add a matter to the executive's forward plan (forward-plan.yml), with the fields a notice must give")
    .argument('<committee>', 'the executive committee, such as cabinet')
    .argument('<ref>', 'the entry\'s reference, such as FP/2027/03')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .requiredOption('-m, --matter <matter>', 'the matter to be decided')
    .addOption(new Option('--route <route>', 'where 28 days\' notice cannot be given: the notice it comes by').choices(['general-exception', 'special-urgency']))
    .option('--private <paragraph>', 'to be taken in private, under this paragraph of Schedule 12A', (v) => readParagraph(v))
    .action(async (committeeId: string, ref: string, given: string | undefined, options: { matter: string; route?: 'general-exception' | 'special-urgency'; private?: number }) => {
      const dir = contentDir(given, io);
      const { root, model } = await load(dir, io);
      const made = createPlanEntry(root, model, committeeId, ref, options.matter, io.today, dir, { route: options.route, private: options.private });
      io.stdout(`Added ${ref} to ${join(dir, made.file)}\n`);
      for (const note of made.notes) io.stdout(`Next: ${note}\n`);
    });
  create
    .command('decision')
    .description("add the record of a decision to a committee's decisions.yml, with the fields the record must give")
    .argument('<committee>', 'the committee whose decision (or under whose delegation) it is, such as cabinet')
    .argument('<id>', 'the record\'s short name, such as leisure-contract')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .option('-t, --title <title>', 'the decision\'s title (default: from its id)')
    .addOption(new Option('-k, --kind <kind>', 'who took it').choices(['executive', 'individual', 'officer']).default('executive'))
    .option('-d, --date <date>', 'the day it was taken (default: today)')
    .option('--meeting <date>', 'the day of the committee\'s meeting that took it')
    .action(async (committeeId: string, id: string, given: string | undefined, options: { title?: string; kind: 'executive' | 'individual' | 'officer'; date?: string; meeting?: string }) => {
      const dir = contentDir(given, io);
      const { root, model } = await load(dir, io);
      const meeting = options.meeting ? readDateArgument(options.meeting) : undefined;
      const date = options.date ? readDateArgument(options.date) : (meeting ?? io.today);
      const title = options.title ?? id.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
      const made = createDecision(root, model, committeeId, id, { title, kind: options.kind, date, meeting }, dir);
      io.stdout(`Added "${id}" to ${join(dir, made.file)}\n`);
      for (const note of made.notes) io.stdout(`Next: ${note}\n`);
    });
  create
    .command('minutes')
    .description("create a meeting's minutes from its agenda, to fill in after the meeting")
    .argument('<meeting>', 'the meeting, such as cabinet/2026-04-14')
    .argument('[dir]', 'the content folder (default: the one holding the working folder, or content)')
    .action(async (meetingId: string, given: string | undefined) => {
      const dir = contentDir(given, io);
      const { root, model } = await load(dir, io);
      const made = createMinutes(root, model, meetingId, dir);
      io.stdout(`Created ${join(dir, made.file)}\n`);
      for (const note of made.notes) io.stderr(`note: ${note}\n`);
    });
}
