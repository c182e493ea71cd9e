// Row 6: growth per doubling of hostile inputs. Each family of input is built at three sizes,
// each twice the one before; every stage is timed at each size, `runs` rounds, and the row
// reports time(2n) ÷ time(n).
// Sizes are interleaved round by round; each ratio is the median of the rounds' ratios.
// Stages: parse (markdown → prose blocks), segment (sentences), extract (the whole analyse),
// corpus keying (factsOf), the corpus update an edit makes (summariseSource: keying again, then
// interning and indexing), the conflicts of the article once a second source states its facts
// differently (conflictsIn, as the problems ask for them), the verdict of every fact the two
// sources share (facts(): what `newsmark check`, the fact timeline and the conflicts list judge,
// every statement of a fact at once), the map step's facts record (shardFactsOf as JSON), CLI output (the
// extract contract as JSON: time and bytes).
// Usage: node growth-child.mjs '<json config>' → one JSON line.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const config = JSON.parse(process.argv[2]);
const engine = require(config.engine);
const lexicon = engine.Lexicon.withAdditions();
const SENTENCE = 'Acme Corp said it raised $5 billion from investors in 2025.';

/** Each family: what doubles, and the text for n of it. */
const FAMILIES = {
  'nesting depth (">" per line)': {
    path: 'deep.md',
    sizes: [5_000, 10_000, 20_000],
    text: (n) => `${'>'.repeat(n)} ${SENTENCE}\n`,
  },
  'nesting depth ("- " per line)': {
    path: 'deep.md',
    sizes: [2_000, 4_000, 8_000],
    text: (n) => `${'- '.repeat(n)}${SENTENCE}\n`,
  },
  'line length (sentences on one line)': {
    path: 'line.txt',
    sizes: [4_000, 8_000, 16_000],
    text: (n) => `${`${SENTENCE} `.repeat(n)}\n`,
  },
  'sentence length (words, no period)': {
    path: 'sentence.txt',
    sizes: [16_000, 32_000, 64_000],
    text: (n) => `${'and Acme raised money from investors '.repeat(n / 6)}.\n`,
  },
  // the same deal retold: merging gathers its mentions (it once copied and sorted them at each one)
  'one deal told n times (sentences)': {
    path: 'retold.txt',
    sizes: [2_000, 4_000, 8_000],
    text: (n) => `${'Microsoft invested $1 billion in OpenAI in 2019. '.repeat(n)}\n`,
  },
  'figures per sentence ("$1 billion in the U.S.")': {
    path: 'figures.txt',
    sizes: [1_000, 2_000, 4_000],
    text: (n) =>
      `Microsoft invested ${Array.from({ length: n }, (_, i) => `$${i + 1} billion`).join(' in the U.S. ')}.\n`,
  },
};

/** Each stage of one size, timed once: [ms per stage, the analysis, the output JSON]. */
function timeStages(family, text) {
  const ms = {};
  const time = (stage, run) => {
    // each stage timed without the garbage of the stages before it (a collection it did not cause)
    globalThis.gc?.();
    const started = performance.now();
    const value = run();
    ms[stage] = performance.now() - started;
    return value;
  };
  const parsed = time('parse', () => engine.parseSource(family.path, text));
  time('segment', () => engine.indexSentences(parsed.blocks));
  const analysis = time('extract', () => engine.analyse({ path: family.path, text }, { lexicon }));
  time('keying', () => engine.factsOf(analysis));
  // the editor's corpus after an edit: the article's facts summarised (keyed again), interned and indexed
  const facts = time('corpus', () => {
    const summary = engine.summariseSource(family.path, analysis);
    new engine.Corpus().updateFacts(summary);
    return summary;
  });
  // the conflicts problems show for the article when a second source states its facts (a copy
  // whose figures are all 2% higher): each figure against every statement of its fact
  const corpus = new engine.Corpus();
  corpus.updateFacts(facts);
  corpus.updateFacts({ ...facts, path: `other-${family.path}`, statements: facts.statements.map(higher) });
  time('conflicts', () => corpus.conflictsIn(family.path, 10));
  time('verdicts', () => corpus.facts());
  time('shard facts', () => JSON.stringify(engine.shardFactsOf(analysis, facts, 'bench')));
  const json = time('output', () =>
    JSON.stringify(
      engine.toExtractOutput([engine.toExtractSource(analysis, '0'.repeat(64))], engine.dealsAcross([analysis])),
    ),
  );
  return { ms, analysis, json };
}

/** A statement of the same fact, its value 2% higher: beyond the 1% two sources may differ by. */
function higher(statement) {
  const up = (v) => v * 1.02;
  const value = typeof statement.value === 'number' ? up(statement.value) : statement.value.map(up);
  return { ...statement, value };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const out = { families: {} };
for (const [name, family] of Object.entries(FAMILIES)) {
  const texts = family.sizes.map((n) => family.text(n));
  // warm-up: the first runs of a family pay for compiling its code paths
  for (let i = 0; i < 2; i++) timeStages(family, texts[0]);
  // rounds: every size once per round, so that the load of the moment weighs on all sizes alike;
  // a growth is the median over rounds of time(2n) ÷ time(n) measured in the same round
  const rounds = [];
  let last;
  for (let r = 0; r < config.runs; r++) {
    last = texts.map((text) => timeStages(family, text));
    rounds.push(last.map((x) => x.ms));
  }
  out.families[name] = family.sizes.map((n, i) => {
    const ms = Object.fromEntries(
      Object.keys(rounds[0][i]).map((stage) => [stage, median(rounds.map((round) => round[i][stage]))]),
    );
    const ratios =
      i === 0
        ? undefined
        : Object.fromEntries(
            Object.keys(ms).map((stage) => [
              stage,
              median(rounds.map((round) => round[i][stage] / round[i - 1][stage])),
            ]),
          );
    return {
      n,
      chars: texts[i].length,
      ms,
      ratios,
      outputBytes: Buffer.byteLength(last[i].json),
      figures: last[i].analysis.figures.length,
      diagnostics: last[i].analysis.diagnostics.map((d) => d.code),
    };
  });
}
process.stdout.write(`${JSON.stringify(out)}\n`);
