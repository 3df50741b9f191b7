/** boardpack's public API: read a content folder into the typed model. No CLI, no process exit. */
export { parseContent } from './parse/content.js';
export { toJson } from './model/json.js';
export { MODEL_VERSION } from './model/types.js';
export type * from './model/types.js';
export * as dates from './dates/index.js';
