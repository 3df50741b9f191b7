import type { Model } from './types.js';

/** The model as JSON: stable key order (as built), two-space indent, trailing newline. */
export function toJson(model: Model): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
