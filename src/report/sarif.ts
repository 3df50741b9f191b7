import { join, relative, sep } from 'node:path';
import type { LintReport } from './results.js';
import { repositoryUrl } from '../package-info.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0: the same results, with each rule's metadata and help link.
 * Files are given relative to `base` (the repository's root, where code
 * scanning places alerts), named as the base `SRCROOT`.
 */
export function sarif(report: LintReport, version: string, base: string = report.root): string {
  const rules = report.rules.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id,
    shortDescription: { text: rule.meta.description },
    helpUri: rule.meta.docs,
    defaultConfiguration: { level: rule.meta.severity === 'error' ? 'error' : 'warning' },
    properties: { category: rule.meta.category },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const fromBase = (file: string) => relative(base, join(report.root, ...file.split('/'))).split(sep).join('/');
  const location = (file: string, line: number, column: number) => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(fromBase(file)), uriBaseId: 'SRCROOT' },
      region: { startLine: line, startColumn: column },
    },
  });
  const results = report.results.flatMap((result) =>
    result.messages.map((m) => ({
      ...(m.ruleId ? { ruleId: m.ruleId, ruleIndex: ruleIndex.get(m.ruleId) } : {}),
      level: m.severity === 2 ? 'error' : 'warning',
      message: { text: m.message },
      locations: [location(result.file, m.line, m.column)],
      ...(m.related
        ? {
            relatedLocations: [
              { id: 1, ...location(m.related.file, m.related.line, m.related.column), message: { text: m.related.message } },
            ],
          }
        : {}),
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'boardpack',
            version,
            informationUri: repositoryUrl(),
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `${pathToUri(base)}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function pathToUri(path: string): string {
  return `file://${encodeURI(path.replace(/\\/g, '/').replace(/\/$/, ''))}`;
}
