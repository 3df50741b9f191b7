import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { Liquid } from 'liquidjs';

export const BUILTIN_TEMPLATES = join(packageRoot(), 'templates');

/**
 * The template engine: LiquidJS, which escapes every output unless a
 * template asks for `| raw` (used only for HTML we have sanitised) and runs
 * no code from the templates, so a council's own templates are safe to use.
 * A council's folder comes first; any template it lacks falls back to ours.
 */
export function templateEngine(councilTemplates: string | null): Liquid {
  const roots = councilTemplates && existsSync(councilTemplates) ? [councilTemplates, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES];
  return new Liquid({
    root: roots,
    partials: roots,
    layouts: roots,
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    cache: true,
    relativeReference: false,
  });
}
