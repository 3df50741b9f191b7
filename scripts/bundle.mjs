// The command as a few files instead of hundreds of modules: Node loads it in
// a third of the time, which every run of `boardpack lint` in CI pays.
// Run after tsc (npm run build); the library API stays in dist/ as tsc wrote it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks are named by their content: clear out the last build's, or they pile up.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // The worker sits beside the chunks, where the parser's `new URL('./worker.js', import.meta.url)` finds it.
  entryPoints: { cli: 'dist/cli/main.js', worker: 'dist/parse/worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Read their own files beside them (bank holidays, time zones, the search indexer's binary): from node_modules as they are.
  // puppeteer and pdf-lib are bundled into the chunks the PDF builds load (not lint): from node_modules, their hundreds of
  // files took a cold PDF build a quarter of a second to load (bench/README.md).
  external: ['date-holidays', '@touch4it/ical-timezones', 'pagefind'],
  // CommonJS packages inside an ES module bundle need a require of their own.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
