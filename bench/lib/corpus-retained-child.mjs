// Row 4, memory an index would retain: the first N articles of the folders analysed in this
// process, each kept as { text, analysis } (what a workspace index holds per article); the
// heap after a full collection, before and after, divided by N. Also the analysis time alone
// (no JSON, no hashing, no writing), to set against the CLI's wall time.
// Usage: node --expose-gc corpus-retained-child.mjs <engine.cjs> <N> <folder>...
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { settledHeap } from './mem.mjs';
import { articleFiles } from './corpus.mjs';

const [bundle, count, ...folders] = process.argv.slice(2);
const engine = createRequire(import.meta.url)(bundle);
const lexicon = engine.Lexicon.withAdditions();
const files = folders.flatMap((f) => articleFiles(f));
const n = Math.min(Number(count), files.length);
const sample = Array.from({ length: n }, (_, i) => files[Math.floor((i * files.length) / n)]);
const texts = sample.map((file) => readFileSync(file, 'utf8'));
engine.analyse({ path: sample[0], text: texts[0] }, { lexicon }); // warm the code once

const kept = [];
const before = settledHeap();
let analyseMs = 0;
for (let i = 0; i < n; i++) {
  const t0 = performance.now();
  const analysis = engine.analyse({ path: sample[i], text: texts[i] }, { lexicon });
  analyseMs += performance.now() - t0;
  kept.push({ text: texts[i], analysis });
}
const after = settledHeap();
const textBytes = texts.reduce((s, t) => s + t.length * 2, 0); // UTF-16 in the heap (one-byte strings take half)
process.stdout.write(
  `${JSON.stringify({ articles: n, retainedPerArticle: (after - before) / n, textHeldPerArticle: textBytes / n / 2, analyseMsPerArticle: analyseMs / n, kept: kept.length })}\n`,
);
