import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import { packageRoot } from '../../package-root.js';
import { Liquid, type FS } from 'liquidjs';
import { within } from '../../parse/files.js';

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
