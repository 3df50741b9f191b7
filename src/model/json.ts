
/** The model, or an audience's view of it (src/publish), as JSON: stable key order (as built), two-space indent, trailing newline; character maps left out (and a view's readers of text and PDFs, which JSON has no form for). */
export function toJson(model: object): string {
  return `${JSON.stringify(model, (key, value) => (key === 'segments' ? undefined : value), 2)}\n`;
}
