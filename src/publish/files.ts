import type { Root } from 'mdast';
import type { Model } from '../model/types.js';
import { keptTree } from '../parse/content.js';
import { readContentFile, readContentText } from '../parse/files.js';
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
}
