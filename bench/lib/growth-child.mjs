// Row 6: growth per doubling of hostile inputs. Each family of input is built at three sizes,
// each twice the one before; every stage is timed at each size (best of `runs`, so a noisy
// neighbour's spike does not pass for growth) and the row reports time(2n) ÷ time(n).
// Stages: parse (markdown → prose blocks), segment (sentences), extract (the whole analyse),
// corpus keying (factsOf), CLI output (the extract contract as JSON: time and bytes).
// Usage: node growth-child.mjs '<json config>' → one JSON line.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const config = JSON.parse(process.argv[2]);
const engine = require(config.engine);
const lexicon = engine.Lexicon.withAdditions();
const SENTENCE = 'Acme Corp said it raised $5 billion from investors in 2025.';

/** Each family: what doubles, and the text for n of it. */
const FAMILIES = {
  'nesting depth (">" per line)': { path: 'deep.md', sizes: [5_000, 10_000, 20_000], text: (n) => `${'>'.repeat(n)} ${SENTENCE}\n` },
  'nesting depth ("- " per line)': { path: 'deep.md', sizes: [2_000, 4_000, 8_000], text: (n) => `${'- '.repeat(n)}${SENTENCE}\n` },
  'line length (sentences on one line)': { path: 'line.txt', sizes: [4_000, 8_000, 16_000], text: (n) => `${`${SENTENCE} `.repeat(n)}\n` },
  'sentence length (words, no period)': { path: 'sentence.txt', sizes: [16_000, 32_000, 64_000], text: (n) => `${'and Acme raised money from investors '.repeat(n / 6)}.\n` },
  'figures per sentence ("$1 billion in the U.S.")': { path: 'figures.txt', sizes: [1_000, 2_000, 4_000], text: (n) => `Microsoft invested ${Array.from({ length: n }, (_, i) => `$${i + 1} billion`).join(' in the U.S. ')}.\n` },
};

function best(run, runs) {
  let ms = Infinity;
  let value;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = run();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, value };
}

const out = { families: {} };
for (const [name, family] of Object.entries(FAMILIES)) {
  const points = [];
  // warm-up: the first run of a family pays for compiling its code paths
  for (let i = 0; i < 2; i++) engine.analyse({ path: family.path, text: family.text(family.sizes[0]) }, { lexicon });
  for (const n of family.sizes) {
    const text = family.text(n);
    const parse = best(() => engine.parseSource(family.path, text), config.runs);
    const segment = best(() => engine.indexSentences(parse.value.blocks), config.runs);
    const extract = best(() => engine.analyse({ path: family.path, text }, { lexicon }), config.runs);
    const keying = best(() => engine.factsOf(extract.value), config.runs);
    const output = best(() => JSON.stringify(engine.toExtractOutput([engine.toExtractSource(extract.value, '0'.repeat(64))], engine.dealsAcross([extract.value]))), config.runs);
    points.push({
      n, chars: text.length,
      ms: { parse: parse.ms, segment: segment.ms, extract: extract.ms, keying: keying.ms, output: output.ms },
      outputBytes: Buffer.byteLength(output.value),
      figures: extract.value.figures.length, diagnostics: extract.value.diagnostics.map((d) => d.code),
    });
  }
  out.families[name] = points;
}
process.stdout.write(`${JSON.stringify(out)}\n`);
