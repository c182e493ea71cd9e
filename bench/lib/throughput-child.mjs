// Subjects timed on one text in one process (rows 1 and 2).
// Usage: node --expose-gc --max-old-space-size=N throughput-child.mjs '<json config>'
// config: { subjects: [...], size, warmup, runs, engine }. The subjects' runs are
// interleaved (A B C A B C …) so that a noisy neighbour slows every subject alike, which keeps
// the ratios honest on a shared machine. Prints one JSON line:
// { size, chars, bytes, peakRss, subjects: { name: { importMs, firstMs, times, retainedBytes, summary } } }.
// With one subject, warmup 0 and runs 1, peakRss is that subject's memory peak (import + one run).
import { createRequire } from 'node:module';
import { textOfSize, BENCH_PATH } from './texts.mjs';
import { peakRss, settledHeap } from './mem.mjs';
import { digestOf } from './digest.mjs';

const require = createRequire(import.meta.url);
const config = JSON.parse(process.argv[2]);
const { size, warmup, runs } = config;
const text = textOfSize(size);

function setup(subject, text) {
  switch (subject) {
    case 'engine': {
      const engine = require(config.engine);
      const lexicon = engine.Lexicon.withAdditions();
      return { run: () => engine.analyse({ path: BENCH_PATH, text }, { lexicon }), digest: digestOf };
    }
    case 'engine-parse': {
      const engine = require(config.engine);
      return { run: () => engine.markdownBlocks(text), digest: (blocks) => `${blocks.length} prose blocks` };
    }
    case 'remark': {
      const engine = require(config.engine);
      return { run: () => engine.remarkParseOnly(text), digest: (tree) => `${tree.children.length} top-level nodes` };
    }
    case 'compromise': {
      const nlp = require('compromise');
      return {
        run: () => {
          const doc = nlp(text);
          return {
            numbers: doc.numbers().json().length,
            money: doc.money().json().length,
            people: doc.people().json().length,
            orgs: doc.organizations().json().length,
          };
        },
        digest: (r) => `${r.numbers} numbers, ${r.money} money, ${r.people} people, ${r.orgs} orgs`,
      };
    }
    case 'recognizers': {
      const R = require('@microsoft/recognizers-text-suite');
      const paragraphs = text.split('\n').filter((l) => l.trim());
      const culture = R.Culture.English;
      return {
        run: () => {
          let found = 0;
          for (const p of paragraphs) {
            found += R.recognizeNumber(p, culture).length + R.recognizeCurrency(p, culture).length;
            found += R.recognizePercentage(p, culture).length + R.recognizeDateTime(p, culture).length;
          }
          return found;
        },
        digest: (n) => `${n} results over ${paragraphs.length} paragraphs`,
      };
    }
    default:
      throw new Error(`unknown subject ${subject}`);
  }
}

const out = {};
const subjects = config.subjects.map((name) => {
  const t0 = performance.now();
  const s = setup(name, text);
  out[name] = { importMs: performance.now() - t0, firstMs: null, times: [], retainedBytes: null, summary: null };
  return { name, ...s };
});
// A companion text (10 MB runs: the 1 MB text) timed in the same process just before and just
// after the big run, so that the growth ratio compares runs made under the same machine load.
const companions = config.companion
  ? subjects.map((subject) => ({ name: subject.name, ...setup(subject.name, textOfSize(config.companion)) }))
  : [];
const companionTimes = () =>
  companions.forEach((c) => {
    const s = performance.now();
    c.run();
    (out[c.name].companionMs ??= []).push(performance.now() - s);
  });
if (companions.length) {
  companions.forEach((c) => c.run()); // warm-up, not recorded
  companionTimes();
}

// No collection is forced before a timed run: after gc() V8 shrinks the young generation and the
// next run pays for it (remark-parse on 20 KB measured 2× slower), which no editor or CLI sees.
function timed(subject) {
  const s = performance.now();
  const result = subject.run();
  const ms = performance.now() - s;
  out[subject.name].firstMs ??= ms;
  return { result, ms };
}

for (let i = 0; i < warmup; i++) for (const subject of subjects) timed(subject);
for (let i = 0; i < runs; i++) {
  for (const subject of subjects) out[subject.name].times.push(timed(subject).ms);
  if (config.progress) process.stderr.write('.');
}
if (companions.length) companionTimes();
// memory held by one result: heap after a collection with the result held, minus without it
// (not for the big single runs: it would be one more run of the whole text)
for (const subject of config.retained === false ? [] : subjects) {
  const before = settledHeap();
  let result = subject.run();
  const held = settledHeap();
  out[subject.name].summary = subject.digest(result);
  result = undefined;
  out[subject.name].retainedBytes = held - before;
}

process.stdout.write(
  `${JSON.stringify({ size, chars: text.length, bytes: Buffer.byteLength(text), peakRss: peakRss(), companion: config.companion ?? null, subjects: out })}\n`,
);
