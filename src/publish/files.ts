import type { Root } from 'mdast';
import type { Model } from '../model/types.js';
import { keptTree } from '../parse/content.js';
import { statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { placeOf, readContentFile, readContentText } from '../parse/files.js';
import { loadMarkdown } from '../parse/markdown.js';
import { Problems } from '../parse/problems.js';

/** Trees read lately and not kept with the model: a meeting's minutes are shown on its own page and again in the next meeting's pack, one soon after the other. */
const RECENT = 4;

/**
 * The content folder as the gate reads it for the view: the Markdown tree of
 * a document (the one the reader kept, else read and parsed again) and a
 * PDF's bytes. Only the gate holds it; writers are given `tree()` and
 * `bytes()` of what they may show.
 */
export class ContentFiles {
  private readonly recent: { file: string; tree: Root }[] = [];

  constructor(
    private readonly root: string,
    private readonly model: Model,
  ) {}

  tree(file: string): Root {
    const kept = keptTree(this.model, file);
    if (kept) return kept;
    const known = this.recent.find((r) => r.file === file);
    if (known) return known.tree;
    const tree = loadMarkdown(file, readContentText(this.root, file), new Problems()).tree;
    this.recent.unshift({ file, tree });
    this.recent.length = Math.min(this.recent.length, RECENT);
    return tree;
  }

  bytes(file: string): Uint8Array {
    return readContentFile(this.root, file);
  }

  /**
   * An image a document shows, as a data address the page carries in itself (nothing is fetched when a page
   * is read): a PNG, JPEG, GIF or WebP file of the content folder, named relative to the document, of at most
   * 5 MB. Anything else (another site's image, an SVG, which can hold script, a path out of the folder) is
   * null, and the page shows the image's description instead.
   */
  image(from: string, src: string): string | null {
    if (/^[a-z][a-z0-9+.-]*:|^\/|^\\/i.test(src)) return null;
    let path: string;
    try {
      path = posix.normalize(posix.join(posix.dirname(from), decodeURIComponent(src.split(/[?#]/)[0])));
    } catch {
      return null;
    }
    const type = IMAGE_TYPES[posix.extname(path).toLowerCase()];
    if (!type || path.startsWith('..') || placeOf(this.root, path) !== 'inside') return null;
    let bytes: Buffer;
    try {
      if (statSync(join(this.root, path)).size > MAX_IMAGE_BYTES) return null;
      bytes = readContentFile(this.root, path);
    } catch {
      return null;
    }
    return `data:${type};base64,${bytes.toString('base64')}`;
  }
}

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };
const MAX_IMAGE_BYTES = 5e6;
