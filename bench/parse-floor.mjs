// The parse floor: remark-parse with remark-gfm alone, single-threaded, over every Markdown file of a folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const files = [];
const walk = (d) => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.md')) files.push(p);
  }
};
const started = performance.now();
walk(process.argv[2]);
const processor = unified().use(remarkParse).use(remarkGfm);
let bytes = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  bytes += text.length;
  processor.parse(text);
}
const wall = performance.now() - started;
process.stderr.write(`\nBENCH ${JSON.stringify({ code: 0, wallMs: wall, maxRssKb: process.resourceUsage().maxRSS, files: files.length, bytes })}\n`);
