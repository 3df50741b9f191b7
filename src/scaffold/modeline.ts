import { packageName, packageVersion } from '../package-info.js';

/**
 * The first line of a YAML file boardpack writes, naming its JSON Schema for editors that use
 * the YAML language server (VS Code's YAML extension, Neovim, JetBrains, Zed): they then check the
 * file and complete its keys as the clerk types. The schema is the one this version ships
 * (`schemas/` in the package), at its published address.
 */
export function schemaModeline(schema: string): string {
  return `# yaml-language-server: $schema=${schemaUrl(schema)}`;
}

/** The published address of one of the package's JSON Schemas, for this version. */
export function schemaUrl(schema: string): string {
  return `https://unpkg.com/${packageName()}@${packageVersion()}/schemas/${schema}`;
}
