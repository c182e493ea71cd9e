// Row 4 baseline: every article of the given folders read and parsed by remark-parse alone,
// one after the other, in this one process. Prints { files, bytes, ms }.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { articleFiles } from './corpus.mjs';

const [bundle, ...folders] = process.argv.slice(2);
const engine = createRequire(import.meta.url)(bundle);
const t0 = performance.now();
let files = 0;
let bytes = 0;
for (const folder of folders) {
  for (const file of articleFiles(folder)) {
    const text = readFileSync(file, 'utf8');
    engine.remarkParseOnly(text);
    files++;
    bytes += Buffer.byteLength(text);
  }
}
process.stdout.write(`${JSON.stringify({ files, bytes, ms: performance.now() - t0 })}\n`);
