import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BoardpackError } from '../errors.js';
import { BUILD_MARK, folderOwner, StagedOutput, type OutputFormat } from '../fs/atomic.js';
import { SearchIndex } from '../site/search.js';
import { sitePaths } from '../output/paths.js';

export interface MergeOptions {
  cwd?: string;
  /** The output folder of the whole site (default: out). */
  out?: string;
}

/** Every file under a folder, by its path relative to it with `/`, the build's mark left out. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((f) => f !== BUILD_MARK)
    .sort();
}

/**
 * Put the shares of a sharded build (`build --shard i/n`, each on its own CI
 * runner) together into one site, equal file for file to the whole build: the
 * shares' files side by side (the site's own pages come with share 1), and
 * the search index made once from every page, in the order a whole build
 * makes it. A file two shares both wrote must be the same in each; shares of
 * different content or audiences are refused, and nothing is written.
 */
export async function mergeShards(shards: readonly string[], options: MergeOptions = {}): Promise<{ out: string; files: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  if (shards.length === 0) throw new BoardpackError('Nothing to merge, expected the output folders of the shares of a sharded build');
  const folders = shards.map((s) => resolve(cwd, s));
  const owners = folders.map((f, i) => {
    const owner = folderOwner(f);
    if (owner.kind !== 'build') throw new BoardpackError(`Unexpected ${shards[i]}: ${owner.kind === 'none' ? 'no such folder' : owner.why}, expected the output folder of a share of a sharded build`);
    return owner;
  });
  const audience = owners[0].audience;
  const odd = owners.findIndex((o) => o.audience !== audience);
  if (odd >= 0) throw new BoardpackError(`Unexpected ${shards[odd]}: a build for the ${owners[odd].audience} audience, expected every share built for ${audience}`);
  const formats = [...new Set(owners.flatMap((o) => o.formats))].sort() as OutputFormat[];
  const out = resolve(cwd, options.out ?? 'out');
  if (folders.includes(out)) throw new BoardpackError(`Unexpected --out ${options.out}: it is one of the shares, expected a folder of its own for the whole site`);

  const staged = new StagedOutput(out, { audience, partial: false, formats });
  try {
    const from = new Map<string, string>();
    for (const [i, folder] of folders.entries()) {
      for (const file of filesUnder(folder)) {
        const bytes = readFileSync(join(folder, file));
        const earlier = from.get(file);
        if (earlier !== undefined) {
          if (!readFileSync(join(earlier, file)).equals(bytes)) {
            throw new BoardpackError(`Unexpected ${file} differing between ${relative(cwd, earlier) || earlier} and ${shards[i]}, expected the shares of one build of one content folder (same commit, same boardpack, same --as-of)`);
          }
          continue;
        }
        from.set(file, folder);
        staged.write(file, bytes);
      }
    }
    // The search index of the whole site, where the shares have its search page (a public build with search).
    if (audience === 'public' && from.has(sitePaths.search)) {
      const index = new SearchIndex();
      try {
        await index.addPages(staged.written(), (file) => staged.read(file)!);
        for (const file of await index.files()) staged.write(file.path, file.content);
      } finally {
        await index.close();
      }
    }
    return { out, files: staged.commit() };
  } finally {
    staged.discard();
  }
}
