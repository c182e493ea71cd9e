// Row 3: edit to highlight. One-character edits at seeded random places of the ~20 KB article
// (cumulative, as typing is); after each, the time until the decoration ranges are computed:
// analysis of the new text + figures and entity mentions mapped to [start, end) ranges grouped
// by decoration kind, with line/character positions (what vscode.Range needs); no rendering.
// Four ways, interleaved edit by edit so that machine noise hits them alike:
//   remark       unified().use(remarkParse).parse of the new text: the baseline
//   full         analyse() of the whole text with no cache (what a first open costs)
//   cached       analyse() with the document's AnalysisCache, as the editor calls it: only the
//                touched section and blocks are redone, the document-level passes run again;
//                checked to give exactly the uncached analysis, edit by edit
//   incAnalysis  bench prototype, a lower bound: analyse() of the changed top-level chunks only,
//                cached analyses for the others, shifted and concatenated — no document-level
//                pass at all, so cross-chunk evidence is lost and its ranges are compared with
//                the full ones
// Usage: node --expose-gc edit-child.mjs '<json config>' → one JSON line.
import { createRequire } from 'node:module';
import { textOfSize, BENCH_PATH } from './texts.mjs';
import { mulberry32, pick, int } from './prng.mjs';
import { digestOf } from './digest.mjs';
import { chunksOf } from './chunks.mjs';

const require = createRequire(import.meta.url);
const config = JSON.parse(process.argv[2]);
const engine = require(config.engine);
const lexicon = engine.Lexicon.withAdditions();

/** Decoration ranges: per kind, [start, end) with start/end line and character. */
function toRanges(pieces, text) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - lineStarts[lo] };
  };
  const byKind = new Map();
  const add = (kind, start, end) => {
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push({ start, end, from: position(start), to: position(end) });
  };
  for (const { analysis, shift } of pieces) {
    for (const f of analysis.figures) add(`figure.${f.kind}`, f.start + shift, f.end + shift);
    for (const e of analysis.entities)
      for (const m of e.mentions) add(`entity.${e.type}`, m.start + shift, m.end + shift);
  }
  return byKind;
}

function rangeKeys(byKind) {
  const keys = new Set();
  for (const [kind, list] of byKind) for (const r of list) keys.add(`${kind}:${r.start}-${r.end}`);
  return keys;
}

// the editor keeps one AnalysisCache per open document (replaced when the document is opened)
let cache = new engine.AnalysisCache();
// the prototype: analyses cached per chunk text
let chunkCache = new Map();
const incAnalysisStats = { analysedChunks: 0, reusedChunks: 0, analysedChars: 0 };

const modes = {
  remark: (text) => engine.remarkParseOnly(text),
  full: (text) => {
    const analysis = engine.analyse({ path: BENCH_PATH, text }, { lexicon });
    return { analysis, ranges: toRanges([{ analysis, shift: 0 }], text) };
  },
  cached: (text) => {
    const analysis = engine.analyse({ path: BENCH_PATH, text }, { lexicon, cache });
    return { analysis, ranges: toRanges([{ analysis, shift: 0 }], text) };
  },
  incAnalysis: (text) => {
    const next = new Map();
    const pieces = [];
    for (const chunk of chunksOf(text)) {
      let analysis = chunkCache.get(chunk.text);
      if (analysis) {
        incAnalysisStats.reusedChunks++;
      } else {
        analysis = engine.analyse({ path: BENCH_PATH, text: chunk.text }, { lexicon });
        incAnalysisStats.analysedChunks++;
        incAnalysisStats.analysedChars += chunk.text.length;
      }
      next.set(chunk.text, analysis);
      pieces.push({ analysis, shift: chunk.start });
    }
    chunkCache = next;
    return { ranges: toRanges(pieces, text) };
  },
};
const names = Object.keys(modes);

const EDIT_CHARS = 'etaoinshrdlu etaoinshrdlu ETAOIN 0123456789 $%.,-';
function editOf(rng, text) {
  const at = int(rng, 0, text.length - 1);
  const r = rng();
  const ch = pick(rng, EDIT_CHARS);
  if (r < 0.6) return { kind: 'insert', at, text: text.slice(0, at) + ch + text.slice(at) };
  if (r < 0.85) return { kind: 'delete', at, text: text.slice(0, at) + text.slice(at + 1) };
  return { kind: 'replace', at, text: text.slice(0, at) + ch + text.slice(at + 1) };
}

// warm-up: the original text and a few edits from another seed, not recorded
const original = textOfSize(config.size);
{
  const rng = mulberry32(config.seed + 1);
  let text = original;
  for (let i = 0; i < config.warmupEdits; i++) {
    text = editOf(rng, text).text;
    for (const name of names) modes[name](text);
  }
  for (const name of names) modes[name](original);
}
// the measured series starts as a document opens: a fresh cache, filled by one analysis
cache = new engine.AnalysisCache();
modes.cached(original);
modes.incAnalysis(original);
Object.assign(incAnalysisStats, { analysedChunks: 0, reusedChunks: 0, analysedChars: 0 });

const rng = mulberry32(config.seed);
const times = Object.fromEntries(names.map((n) => [n, []]));
let text = original;
let previousDigest = digestOf(engine.analyse({ path: BENCH_PATH, text }, { lexicon }));
let changedAnalyses = 0;
let cachedMismatches = 0;
let incAnalysisExact = 0;
let incAnalysisAgreement = 0;
const kinds = { insert: 0, delete: 0, replace: 0 };
for (let i = 0; i < config.edits; i++) {
  const edit = editOf(rng, text);
  text = edit.text;
  kinds[edit.kind]++;
  const results = {};
  // rotate the order each edit, so that no mode always runs first (cache, GC)
  for (let k = 0; k < names.length; k++) {
    const name = names[(i + k) % names.length];
    const s = performance.now();
    results[name] = modes[name](text);
    times[name].push(performance.now() - s);
  }
  const digest = digestOf(results.full.analysis);
  if (digest !== previousDigest) changedAnalyses++;
  previousDigest = digest;
  if (digestOf(results.cached.analysis) !== digest) cachedMismatches++;
  const fullKeys = rangeKeys(results.full.ranges);
  const protoKeys = rangeKeys(results.incAnalysis.ranges);
  let both = 0;
  for (const k of protoKeys) if (fullKeys.has(k)) both++;
  const union = fullKeys.size + protoKeys.size - both;
  incAnalysisAgreement += union ? both / union : 1;
  if (both === fullKeys.size && both === protoKeys.size) incAnalysisExact++;
}

const chunks = chunksOf(text);
process.stdout.write(
  `${JSON.stringify({
    size: config.size,
    chars: original.length,
    bytes: Buffer.byteLength(original),
    edits: config.edits,
    seed: config.seed,
    kinds,
    times,
    changedAnalyses,
    cachedMismatches,
    incAnalysisExact,
    incAnalysisAgreement: incAnalysisAgreement / config.edits,
    chunks: {
      count: chunks.length,
      maxChars: Math.max(...chunks.map((c) => c.text.length)),
      medianChars: chunks.map((c) => c.text.length).sort((a, b) => a - b)[chunks.length >> 1],
    },
    incAnalysisStats,
  })}\n`,
);
