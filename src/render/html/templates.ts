import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { Liquid, type FS } from 'liquidjs';
import { ContentError, within } from '../../parse/files.js';
import { closeTemplateOutput } from './template-safety.js';

export const BUILTIN_TEMPLATES = resolve(packageRoot(), 'templates');

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Is the file, symlinks followed, inside the templates folder? */
function contained(root: string, file: string): boolean {
  try {
    return within(realpathSync.native(root), realpathSync.native(file));
  } catch {
    return false;
  }
}

/**
 * LiquidJS's file access, closed: a template is read only from the template
 * folders (by real path, so a symlink cannot lead out), and there is no
 * fallback to `require.resolve`, which LiquidJS's own has and which would
 * let `{% include %}` read files of any installed package.
 */
const TEMPLATE_FS: FS = {
  exists: async (file) => isFile(file),
  existsSync: isFile,
  readFile: async (file) => readFileSync(file, 'utf8'),
  readFileSync: (file) => readFileSync(file, 'utf8'),
  resolve: (dir, file, ext) => resolve(dir, extname(file) ? file : file + ext),
  contains: async (root, file) => contained(root, file),
  containsSync: contained,
  dirname,
  sep,
};

/**
 * The template engine: LiquidJS, which escapes every output unless a
 * template asks for `| raw` (used only for HTML we have sanitised) and runs
 * no code from the templates, so a council's own templates are safe to use.
 * A council's folder comes first; any template it lacks falls back to ours.
 */
export function templateEngine(councilTemplates: string | null): Liquid {
  const roots = councilTemplates && isFolder(councilTemplates) ? [councilTemplates, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES];
  return new Liquid({
    root: roots,
    partials: roots,
    layouts: roots,
    fs: TEMPLATE_FS,
    extname: '.liquid',
    outputEscape: 'escape',
    strictFilters: true,
    cache: true,
    relativeReference: false,
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Renders a page from its template and view. */
export type PageRenderer = (template: string, view: object) => string;

/**
 * The pages' renderer: boardpack's templates, or a council's folder of its
 * own (checked to be inside the content folder by the build) before them,
 * held to what a page may do (template-safety.ts). `root` only names the
 * council's files in messages.
 */
export function pageRenderer(councilTemplates: string | null, root: string): PageRenderer {
  const engine = templateEngine(councilTemplates);
  if (!councilTemplates) return (template, view) => engine.renderFileSync(template, view) as string;
  return (template, view) => closeTemplateOutput(councilRender(engine, template, view, root, councilTemplates));
}

/**
 * A page from a council's templates. A template that cannot be read or run (an
 * include of a file outside the templates folder, a missing partial, a typo
 * in a tag) is the council's file at fault: said with its place and what a
 * template may do, never as an internal error.
 */
function councilRender(engine: ReturnType<typeof templateEngine>, template: string, view: object, root: string, folder: string): string {
  try {
    return engine.renderFileSync(template, view) as string;
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    const at = /file:(.*?), line:(\d+), col:(\d+)/.exec(message);
    const file = at ? relative(root, at[1]).split(sep).join('/') : relative(root, folder).split(sep).join('/');
    const what = message.replace(/,?\s*file:.*$/s, '').replace(/^ENOENT: /, '');
    const lookup = /Failed to lookup "([^"]*)"/.exec(what);
    throw new ContentError(
      at ? `${file}:${at[2]}:${at[3]}` : file,
      lookup
        ? `Unexpected include or layout "${lookup[1]}", expected a template in the templates folder (${relative(root, folder).split(sep).join('/')}) or one of boardpack's own; nothing outside them is read`
        : `Unexpected template: ${what}`,
    );
  }
}
