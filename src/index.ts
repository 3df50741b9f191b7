/**
 * boardpack's public API: read a content folder into the typed model, check it against the rules
 * and format the report, and build its packs. The CLI calls these same functions. Nothing here
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
export { findContentRoot } from './config/find.js';
