import type { Model } from './types.js';

/** The model as JSON: stable key order (as built), two-space indent, trailing newline; character maps left out. */
export function toJson(model: Model): string {
  return `${JSON.stringify(model, (key, value) => (key === 'segments' ? undefined : value), 2)}\n`;
}
