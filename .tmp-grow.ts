import { analyse } from './src/core/analysis';
import { parseSource } from './src/core/parse/source';
import { indexSentences } from './src/core/parse/sentenceIndex';
const gens: Record<string, (n: number) => string> = {
  longLine: (n) => 'Acme Corp said it raised $5 billion from investors in 2025. '.repeat(n / 60),
  longSentence: (n) => 'and Acme raised money from investors '.repeat(n / 36) + '.',
};
for (const [name, g] of Object.entries(gens)) {
  const row: string[] = [];
  for (const n of [64_000, 128_000, 256_000, 512_000]) {
    const text = g(n);
    let t = performance.now(); const p = parseSource('a.txt', text); const tp = performance.now() - t;
    t = performance.now(); indexSentences(p.blocks); const ts = performance.now() - t;
    t = performance.now(); analyse({ path: 'a.txt', text }); const ta = performance.now() - t;
    row.push(`${n / 1000}K: ${tp.toFixed(0)}/${ts.toFixed(0)}/${ta.toFixed(0)}`);
  }
  console.log(name, 'parse/sentences/analyse ms', row.join('  '));
}
