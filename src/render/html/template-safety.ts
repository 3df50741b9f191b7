import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { allowedHref } from '../../output/paths.js';
import { SEARCH_FOLDER, SEARCH_SCRIPT } from '../../site/search.js';

/*
 * A council's own templates are HTML the council writes, and they reach the
 * public site and the PDFs as they are. This pass holds them to what a page
 * of papers may do: show text, link to other pages, and load nothing from
 * anywhere but the output folder. It removes:
 * - elements that run or embed something: script (but for structured data,
 *   application/ld+json, which no browser runs, and the search page's own
 *   script files, by their exact names), iframe, frame, frameset,
 *   object, embed, applet, portal, base, form, and meta http-equiv (refresh);
 * - event handler attributes (on...), and formaction;
 * - any resource that would be fetched from elsewhere (src, srcset, poster,
 *   data, background, and href on anything but a link), unless it is a
 *   relative path, a #fragment, a data: URL, or a file: URL (a print may
 *   load only from its own private folder, whatever the URL says);
 * - link URLs that run code (javascript:, vbscript:, data:);
 * - @import and remote url() in style sheets and style attributes.
 * The built-in templates obey these rules by construction; tests hold both.
 */

/** The scripts of boardpack's search page, files it writes itself. */
const OWN_SCRIPTS = new Set([`${SEARCH_FOLDER}/pagefind-ui.js`, SEARCH_SCRIPT]);

const REMOVED = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'form']);
const FETCHED = new Set(['src', 'srcSet', 'poster', 'data', 'background', 'href', 'xLinkHref', 'ping', 'manifest', 'action', 'formAction', 'codeBase', 'cite', 'longDesc', 'lowsrc', 'dynsrc']);

/** A URL that loads from this output folder only: a relative path, a fragment, or data. */
function local(url: string): boolean {
  const trimmed = url.replace(/[\u0000-\u0020]/g, '');
  if (/^data:/i.test(trimmed)) return !/^data:(?:text\/html|image\/svg|application\/xhtml)/i.test(trimmed);
  // The print's fonts are file: URLs into its private folder, the only place a print may load from.
  if (/^file:/i.test(trimmed)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//') && !trimmed.startsWith('\\\\');
}

/** A link a reader may follow: a web or mail address, or a relative one (output/paths.ts). */
const followable = allowedHref;

/** CSS with @import and url()s to elsewhere made inert. */
export function closeCss(css: string): string {
  return css
    .replace(/@import[^;]*;?/gi, '')
    .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (whole, _q, url: string) => (local(url) ? whole : 'none'))
    .replace(/expression\s*\(/gi, 'none(');
}

export function closeTemplateOutput(html: string): string {
  const tree = fromHtml(html) as Root;
  visit(tree, 'element', (node: Element, index, parent) => {
    const name = node.tagName.toLowerCase();
    const refresh = name === 'meta' && node.properties.httpEquiv !== undefined;
    // Structured data (a meeting page's schema.org Event) is a script no browser runs: kept when it loads nothing.
    const data = name === 'script' && String(node.properties.type ?? '').toLowerCase() === 'application/ld+json' && node.properties.src === undefined;
    // The search page's scripts: boardpack's own files in the output folder, and nothing written inside them.
    const search = name === 'script' && OWN_SCRIPTS.has(String(node.properties.src ?? '')) && node.children.length === 0 && Object.keys(node.properties).length === 1;
    if (((REMOVED.has(name) && !data && !search) || refresh) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const [key, value] of Object.entries(node.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      if (/^on/i.test(key) || key === 'formAction') delete node.properties[key];
      else if (key === 'style') node.properties.style = closeCss(text);
      else if (name === 'a' || name === 'area') {
        if (key === 'href' && !followable(text)) delete node.properties[key];
        else if (key === 'ping') delete node.properties[key];
      } else if (FETCHED.has(key) && !(name === 'link' && key === 'href' && local(text))) {
        if (key === 'srcSet' ? !text.split(',').every((part) => local(part.trim().split(/\s+/)[0] ?? '')) : !local(text)) {
          delete node.properties[key];
        }
      }
    }
    if (name === 'style') {
      for (const child of node.children) if (child.type === 'text') child.value = closeCss(child.value);
    }
    return undefined;
  });
  return toHtml(tree);
}
