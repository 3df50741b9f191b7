/**
 * boardpack's public API: read a content folder into the typed model, check it against the rules
 * and format the report, build its packs, publish an audience's view of it, and start new content
 * (a starter folder, a meeting, a committee). The CLI calls these same functions. Nothing here
 * writes to the terminal or ends the process: failures are thrown as `BoardpackError`.
 */
export { parseContent } from './parse/content.js';
export { toJson } from './model/json.js';
export { MODEL_VERSION } from './model/types.js';
export type * from './model/types.js';
export * as dates from './dates/index.js';
export { lintContent, formatReport, buildContent } from './api.js';
export type { LintContentOptions, BuildContentOptions, BuildContentResult, ReportFormat, LintReport, FileResult, LintMessage } from './api.js';
export { BoardpackError } from './errors.js';
export { initContent } from './scaffold/init.js';
export { createMeeting, createCommittee, createMinutes, createPaper } from './scaffold/create.js';
export { publish } from './publish/view.js';
export type { PublishOptions } from './publish/view.js';
export { importDocx, ImportRefused } from './import/docx.js';
export type { ImportOptions, ImportedPaper } from './import/docx.js';
export { importPaper } from './import/write.js';
export { buildWord } from './build/word.js';
export type { BuildWordOptions } from './build/word.js';
export type * from './publish/types.js';
export { findContentRoot } from './config/find.js';
