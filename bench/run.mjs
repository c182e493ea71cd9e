// `npm run bench`: speed and memory of Newsmark against baselines measured in the same run.
// Prints a table per row and writes bench/results.json. See bench/README.md for what each row
// measures and how. Speed is stated as ratios against a baseline run side by side (the machines
// are shared and noisy); the ✓/✗ marks compare with the targets of issue 6, they never fail.
//
//   node bench/run.mjs [--quick] [--rows=1,2,3,4,5,6,7,8] [--sizes=…] [--articles=N] [--edits=N] [--merge-articles=N]
//                      [--ten-mb-factor=F] [--ref-budget=SECONDS] [--cli-limit-factor=F] [--cli-limit=SECONDS]
//   --quick            no 10 MB text, reference libraries on 20/36 KB only, 1,000 articles
//   --rows             run only these rows
//   --articles         articles in the synthetic workspace (default 10,000)
//   --merge-articles   articles of row 8's corpus, indexed three times (default 2,000; --quick 500)
//   --edits            edits in row 3 (default 200)
//   --sizes            texts of rows 1 and 2 (default 20KB,36KB,1MB,10MB)
//   --ten-mb-factor    a 10 MB run is stopped after F × its 1 MB median (default 15)
//   --ref-budget       a reference library runs a big text only if its projected time per run
//                      is under this many seconds (default 90)
//   --cli-limit-factor row 4's full CLI runs are stopped after this many times the
//                      linear extrapolation of its 1,000-article run (default 4) …
//   --cli-limit        … and after this many seconds at most (default 300; at least 120)
import { writeFileSync, statSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildBundles, ROOT } from './lib/build.mjs';
import { throughputRow, referenceRow } from './lib/throughput.mjs';
import { editRow } from './lib/edit.mjs';
import { workspaceRow } from './lib/workspace.mjs';
import { extensionRow } from './lib/extension.mjs';
import { growthRow, STAGES } from './lib/growth.mjs';
import { mapRow } from './lib/map.mjs';
import { mergeRow } from './lib/merge.mjs';
import { fmtMs, fmtBytes, fmtRatio, mark } from './lib/stats.mjs';
import { stopChildren, runCleanups } from './lib/spawn.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const found = argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const quick = argv.includes('--quick');
const rows = new Set(option('rows', '1,2,3,4,5,6,7,8').split(',').map(Number));
const articles = Number(option('articles', quick ? 1000 : 10_000));
/** Row 8: the corpus that is indexed in one run and in 8 shards merged (three runs over it in all). */
const mergeArticles = Number(option('merge-articles', quick ? 500 : 2000));
const edits = Number(option('edits', 200));
const tenMbFactor = Number(option('ten-mb-factor', 15));
const refBudgetMs = Number(option('ref-budget', 90)) * 1000;
const cliLimitFactor = Number(option('cli-limit-factor', 4));
const cliLimitMs = Number(option('cli-limit', 300)) * 1000;
/** `--no-host`: skip the measurements in a real VS Code (rows 4 and 5). */
const host = !argv.includes('--no-host');
const hostLaunches = Number(option('host-launches', 3));
const sizes = option('sizes', quick ? '20KB,36KB,1MB' : '20KB,36KB,1MB,10MB').split(',');
const refSizes = quick ? ['20KB', '36KB'] : sizes;

const started = performance.now();
const log = (message) =>
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const meta = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  totalMemory: totalmem(),
  loadAtStart: loadavg(),
  options: {
    quick,
    rows: [...rows],
    articles,
    edits,
    tenMbFactor,
    refBudgetMs,
    cliLimitFactor,
    cliLimitMs,
    host,
    hostLaunches,
  },
  bundles:
    'bench/engine.ts, src/cli/main.ts, src/extension.ts and src/editor/indexWorker.ts bundled with the esbuild --production options into a temp folder, from one snapshot of src/',
  staleDist: staleDist(),
};
log(`Newsmark bench on node ${meta.node}, ${meta.cpus} CPUs (${meta.cpuModel}), load ${load()}`);

const bundles = await buildBundles();
// Ctrl-C or a kill: stop the children started here (by pid) and remove the temp folders
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    stopChildren();
    runCleanups();
    bundles.cleanup();
    process.exit(130);
  });
}
meta.sourceHash = bundles.sourceHash;
meta.git = git();
const results = { meta, rows: {} };
const targets = [];
const target = (row, what, result, goal, ok) => targets.push({ row, what, result, target: goal, ok });
const RESULTS = join(ROOT, 'bench', 'results.json');
/** Runs one row; a row that fails is reported and recorded, and the others still run. */
async function row(number, key, run) {
  if (!rows.has(number)) return;
  try {
    results.rows[key] = await run();
  } catch (error) {
    log(`row ${number} failed: ${error?.stack ?? error}`);
    results.rows[key] = { error: String(error?.message ?? error) };
  }
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`); // partial results survive a later failure
}
try {
  await row(1, 'throughput', () => throughputRow({ bundles, sizes, tenMbFactor, log }));
  await row(2, 'reference', () => referenceRow({ sizes: refSizes, budgetMs: refBudgetMs, log }));
  await row(3, 'edit', () => editRow({ bundles, edits, seed: 6, log }));
  await row(4, 'workspace', () =>
    workspaceRow({ bundles, count: articles, limitFactor: cliLimitFactor, limitCapMs: cliLimitMs, host, log }),
  );
  await row(5, 'extension', () => extensionRow({ bundles, coldRuns: 7, hostLaunches: host ? hostLaunches : 0, log }));
  await row(6, 'growth', () => growthRow({ bundles, runs: quick ? 3 : 7, log }));
  if (host) await row(7, 'map', () => mapRow({ bundles, log }));
  await row(8, 'merge', () => mergeRow({ bundles, count: mergeArticles, log }));
} finally {
  bundles.cleanup();
}
meta.loadAtEnd = loadavg();
meta.wallMs = performance.now() - started;

print();
results.targets = targets;
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\nbench/results.json written; ${fmtMs(meta.wallMs)} in all; load average ${meta.loadAtStart.map((l) => l.toFixed(2)).join(' / ')} at start, ${load()} at end.`,
);

// ---------------------------------------------------------------------------------------------

function print() {
  console.log(`\nNewsmark bench — node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}, ${meta.date}`);
  console.log(
    `Code: commit ${meta.git?.head ?? '?'}${meta.git?.dirtySrcFiles ? ` + ${meta.git.dirtySrcFiles} uncommitted file(s) under src/` : ''}, snapshot ${meta.sourceHash} of src/ taken at the start and used for every bundle of the run.`,
  );
  console.log(
    'Engine code: the production esbuild bundle (minified, node20, cjs). Ratios are against baselines run side by side in the same run.',
  );
  if (meta.staleDist) console.log(`note: ${meta.staleDist}`);
  const t = results.rows;
  const failed = (key, title) => {
    if (!t[key]?.error) return false;
    console.log(`\n${title}: FAILED — ${t[key].error}`);
    return true;
  };
  if (t.throughput && !failed('throughput', '1. Analysis throughput')) printThroughput(t.throughput);
  if (t.reference && !failed('reference', '2. Reference libraries'))
    printReference(t.reference, t.throughput?.error ? null : t.throughput);
  if (t.edit && !failed('edit', '3. Edit to highlight')) printEdit(t.edit);
  if (t.workspace && !failed('workspace', '4. Workspace scale')) printWorkspace(t.workspace);
  if (t.extension && !failed('extension', '5. Extension')) printExtension(t.extension);
  if (t.growth && !failed('growth', '6. Growth')) printGrowth(t.growth);
  if (t.map && !failed('map', '7. Deal map')) printMap(t.map);
  if (t.merge && !failed('merge', '8. Map and reduce')) printMerge(t.merge);
  console.log('\nTargets');
  table(
    ['row', 'measure', 'result', 'target', ''],
    targets.map((x) => [x.row, x.what, x.result, x.target, mark(x.ok)]),
  );
}

function printMerge(row) {
  console.log(
    `\n8. Map and reduce — ${row.corpus.count.toLocaleString('en')} synthetic articles, ${fmtBytes(row.corpus.bytes)}: one run of newsmark merge <folder>, and ${row.shards} shards of newsmark extract --jsonl merged by newsmark merge (each process one thread)`,
  );
  const rss = (x) => fmtBytes(x.peakRss);
  table(
    ['run', 'wall', 'peak RSS', '÷ one run'],
    [
      [
        'one run: newsmark merge corpus --jobs 1 (mean of before and after)',
        fmtMs(row.one.wallMs),
        rss(row.one),
        '1.00×',
      ],
      [
        `map: ${row.shards} × newsmark extract --jsonl --jobs 1 (sum; peak of one)`,
        fmtMs(row.map.wallMs),
        rss(row.map),
        fmtRatio(row.map.wallMs / row.one.wallMs),
      ],
      [
        `reduce: newsmark merge of the ${row.shards} shards`,
        fmtMs(row.reduce.wallMs),
        rss(row.reduce),
        fmtRatio(row.reduce.wallMs / row.one.wallMs),
      ],
    ],
  );
  console.log(
    `   one run before ${fmtMs(row.one.before.wallMs)}, after ${fmtMs(row.one.after.wallMs)}; the merge's output ${fmtBytes(row.outputBytes)}, ${row.isEqual ? "byte for byte the one run's" : "DIFFERENT from the one run's"}.`,
  );
  console.log(
    `   JSON lines: ${fmtBytes(row.jsonl.bytes)}, ${row.jsonl.perInputByte.toFixed(2)}× the articles' bytes, of which the facts that merge reads ${(row.jsonl.factsBytes / row.corpus.bytes).toFixed(2)}×; the reduce read them at ${(row.jsonl.bytes / 1e6 / (row.reduce.wallMs / 1000)).toFixed(1)} MB/s.`,
  );
  target(
    8,
    `merge of ${row.shards} shards = one run`,
    row.isEqual ? 'identical' : 'different',
    'identical',
    row.isEqual,
  );
  target(
    8,
    `merge of ${row.shards} shards ÷ one run (time)`,
    fmtRatio(row.reduce.wallMs / row.one.wallMs),
    '≤ 1×',
    row.reduce.wallMs <= row.one.wallMs,
  );
}

function printMap(row) {
  console.log(
    `\n7. Deal map — the webview's production bundle in headless Chromium ${row.browser}; frames while the mouse pans and zooms vs the same page idle (the baseline, same run)`,
  );
  const lines = [];
  for (const [size, r] of Object.entries(row.sizes)) {
    const panRatio = r.pan.p95Ms / r.idle.p95Ms;
    const zoomRatio = r.zoom.p95Ms / r.idle.p95Ms;
    const fps = Math.min(r.pan.fps, r.zoom.fps);
    if (!r.clustered) {
      target(7, `map layout, ${r.deals} deals`, fmtMs(r.layoutMs), '≤ 2 s', r.layoutMs <= 2000);
      target(
        7,
        `map pan/zoom, ${r.deals} deals (slower of the two)`,
        `${fps.toFixed(0)} fps`,
        '≥ 55 fps (60 less a frame in 12)',
        fps >= 55,
      );
    }
    lines.push([
      size,
      `${r.deals} → ${r.drawnEdges} edges, ${r.nodes} nodes${r.clustered ? ' (clustered)' : ''}`,
      fmtMs(r.graphMs),
      fmtMs(r.layoutMs),
      `${r.idle.fps.toFixed(0)} fps, p95 ${fmtMs(r.idle.p95Ms)}`,
      `${r.pan.fps.toFixed(0)} fps, p95 ${fmtMs(r.pan.p95Ms)} (${fmtRatio(panRatio)})`,
      `${r.zoom.fps.toFixed(0)} fps, p95 ${fmtMs(r.zoom.p95Ms)} (${fmtRatio(zoomRatio)})`,
      `${fmtMs(r.pan.redrawMs)} / ${fmtMs(r.zoom.redrawMs)}`,
    ]);
  }
  table(
    [
      'deals written',
      'drawn',
      'graph (host)',
      'layout + SVG (webview)',
      'idle frames',
      'pan (p95 ÷ idle)',
      'zoom (p95 ÷ idle)',
      'redraw after pan / zoom',
    ],
    lines,
  );
  console.log(
    '   pan and zoom: 120 frames of input, one mouse or wheel event per animation frame; during a gesture the drawn map moves as one layer, and it is redrawn once the input rests 250 ms (last column, from the last event).',
  );
}

function timeCell(s) {
  if (!s) return '—';
  if (s.timedOut) return `> ${fmtMs(s.limitMs)} (stopped)`;
  if (s.skipped) return s.after ? `skipped (${s.after} was stopped)` : `skipped (≥ ${fmtMs(s.projectedMs)} projected)`;
  return `${fmtMs(s.medianMs)}  ${s.mbPerS.toFixed(2)} MB/s`;
}

function printThroughput(row) {
  console.log(
    '\n1. Analysis throughput — the full engine (analyse) vs unified().use(remarkParse).parse alone, same text',
  );
  const goals = { '20KB': 2, '36KB': 2, '1MB': 3 };
  const lines = [];
  for (const [size, entry] of Object.entries(row.sizes)) {
    const e = entry.subjects.engine;
    const r = entry.subjects.remark;
    const p = entry.subjects['engine-parse'];
    let ratio = e?.medianMs && r?.medianMs ? e.medianMs / r.medianMs : NaN;
    let ratioCell = fmtRatio(ratio);
    if (e?.medianMs && r?.timedOut) ratioCell = `< ${fmtRatio(e.medianMs / r.limitMs)}`;
    const goal = goals[size];
    const ok = goal && Number.isFinite(ratio) ? ratio <= goal : undefined;
    if (goal) target(1, `engine ÷ remark-parse at ${size}`, ratioCell, `≤ ${goal}×`, ok);
    const runs = e?.runs
      ? `${e.runs}${row.plan[size].warmup ? ` (+${row.plan[size].warmup} warm-up)` : ' (no warm-up)'}`
      : '—';
    lines.push([
      size,
      entry.chars?.toLocaleString('en') ?? '—',
      timeCell(r),
      timeCell(e),
      ratioCell,
      goal ? `≤ ${goal}× ${mark(ok)}` : '',
      p?.medianMs && e?.medianMs
        ? `${fmtMs(p.medianMs)} (${((p.medianMs / e.medianMs) * 100).toFixed(0)}%)`
        : timeCell(p),
      `${fmtBytes(e?.peakRss)} / ${fmtBytes(r?.peakRss)}`,
      runs,
    ]);
  }
  table(
    [
      'size',
      'chars',
      'remark-parse (median)',
      'engine (median)',
      'engine ÷ remark',
      'target',
      'engine parse stage (share)',
      'peak RSS engine / remark',
      'runs',
    ],
    lines,
  );
  const one = row.sizes['1MB']?.subjects;
  const ten = row.sizes['10MB']?.subjects;
  if (one && ten) {
    for (const name of ['engine', 'remark', 'engine-parse']) {
      const a = one[name]?.medianMs;
      const b = ten[name];
      if (!a || !b) continue;
      // the 1 MB time measured in the same process, just before and after the 10 MB run (same load)
      const same = b.oneMbSameProcessMs;
      const base = same ?? a;
      const growth = b.timedOut ? `> ${fmtRatio(b.limitMs / a)}` : fmtRatio(b.medianMs / base);
      const ok = b.timedOut ? false : b.medianMs / base <= 11;
      const detail = b.timedOut
        ? '(stopped; against the 1 MB median)'
        : `(10 MB ${fmtMs(b.medianMs)} ÷ 1 MB ${fmtMs(base)} in the same process; ÷ the 1 MB median: ${fmtRatio(b.medianMs / a)})`;
      console.log(
        `   growth 1 MB → 10 MB (×${(row.sizes['10MB'].bytes / row.sizes['1MB'].bytes || 9.93).toFixed(2)} text): ${name.padEnd(12)} ${growth.padEnd(8)} ${detail}${name === 'engine' ? `  target ≤ 11× ${mark(ok)}` : ''}`,
      );
      if (name === 'engine') target(1, 'engine growth 1 MB → 10 MB', growth, '≤ 11×', ok);
    }
  }
  console.log(
    "   engine parse stage = the engine's markdownBlocks (remark + GFM + front matter, per section, → prose blocks); the rest of the engine time is extraction.",
  );
  console.log('   peak RSS: each subject alone in a fresh process (import + one run); 10 MB: its one timed run.');
}

function printReference(row, throughput) {
  console.log('\n2. Reference libraries on the same texts (dev dependencies only; not used by the engine)');
  const lines = [];
  for (const [name, bySize] of Object.entries(row.libraries)) {
    for (const [size, s] of Object.entries(bySize)) {
      const r = throughput?.sizes[size]?.subjects.remark;
      const e = throughput?.sizes[size]?.subjects.engine;
      const what =
        name === 'compromise'
          ? 'nlp(text): numbers, money, people, organizations'
          : 'Number+Currency+Percentage+DateTime per paragraph';
      lines.push([
        name,
        size,
        timeCell(s),
        s.medianMs && r?.medianMs ? fmtRatio(s.medianMs / r.medianMs) : '—',
        s.medianMs && e?.medianMs ? fmtRatio(s.medianMs / e.medianMs) : '—',
        s.runs ?? 0,
        s.importMs ? fmtMs(s.importMs) : '—',
        s.firstMs ? fmtMs(s.firstMs) : '—',
        fmtBytes(s.peakRss),
        s.summary ?? what,
      ]);
    }
  }
  table(
    ['library', 'size', 'median', '÷ remark', '÷ engine', 'runs', 'import', 'first call', 'peak RSS', 'found'],
    lines,
  );
  console.log(
    `   a size runs only when its projected time per run (linear from the size below) is under ${fmtMs(row.budgetMs)}, and is stopped after 3× that projection (at least ${fmtMs(row.budgetMs)}); small sizes: 2 warm-up + 7 runs; big: 1 run, no warm-up.`,
  );
}

function printEdit(row) {
  console.log(
    `\n3. Edit to highlight — ${row.edits} one-character edits at seeded random places (seed ${row.seed}: ${row.kinds.insert} inserts, ${row.kinds.delete} deletes, ${row.kinds.replace} replaces) of the ${(row.bytes / 1000).toFixed(0)} KB article`,
  );
  const base = row.ways.remark.p50;
  const label = {
    remark: 'remark-parse of the new text (baseline)',
    full: 'analyse(whole text), no cache + ranges',
    cached: "analyse with the document's AnalysisCache (as the editor calls it) + ranges",
    incAnalysis: 'prototype: analyse changed chunks only, no document-level pass + ranges',
  };
  const lines = Object.entries(row.ways).map(([name, w]) => [
    label[name] ?? name,
    fmtMs(w.p50),
    fmtMs(w.p95),
    fmtMs(w.max),
    fmtRatio(w.p50 / base),
    name === 'remark' ? '' : `≤ 16 ms ${mark(w.p95 <= 16)}`,
  ]);
  table(['way', 'p50', 'p95', 'max', 'p50 ÷ remark p50', 'target p95'], lines);
  target(
    3,
    'edit → decoration ranges p95 (with AnalysisCache)',
    fmtMs(row.ways.cached.p95),
    '≤ 16 ms',
    row.ways.cached.p95 <= 16,
  );
  target(3, 'edit → decoration ranges p95 (no cache)', fmtMs(row.ways.full.p95), '≤ 16 ms', row.ways.full.p95 <= 16);
  const perEdit = (n) => (n / row.edits).toFixed(0);
  console.log(
    `   the article has ${row.chunks.count} top-level chunks (median ${row.chunks.medianChars} chars, largest ${row.chunks.maxChars}); ${row.changedAnalyses} of ${row.edits} edits changed the analysis.`,
  );
  console.log(
    `   the cached analysis equals the uncached one in ${row.edits - row.cachedMismatches} of ${row.edits} edits (digest of figures, entities, claims, deals, sentences).`,
  );
  console.log(
    `   the prototype analysed ${perEdit(row.incAnalysisStats.analysedChars)} chars per edit; its ranges agree with the full analysis at ${(row.incAnalysisAgreement * 100).toFixed(1)}% (Jaccard, mean), identical in ${row.incAnalysisExact} of ${row.edits} edits.`,
  );
}

function printWorkspace(row) {
  console.log(
    `\n4. Workspace scale — ${row.corpus.count.toLocaleString('en')} synthetic articles, ${fmtBytes(row.corpus.bytes)} (${row.corpus.styles.markdown} .md, ${row.corpus.styles.markdownTxt} markdown-ish .txt, ${row.corpus.styles.plain} plain .txt)`,
  );
  const r = row.remark;
  const wall = (x) => (x.timedOut ? `> ${fmtMs(x.limitMs)} (stopped)` : fmtMs(x.wallMs));
  const ratio = (x) => (x.timedOut ? `> ${fmtRatio(x.limitMs / r.wallMs)}` : fmtRatio(x.wallMs / r.wallMs));
  const rss = (x, sum = false) => `${x.timedOut ? '≥ ' : ''}${fmtBytes(x.peakRss)}${sum ? ' (sum)' : ''}`;
  const timeOk = (x) => (x.timedOut ? false : x.wallMs <= 20_000);
  const memOk = (x) => (x.timedOut ? (x.peakRss > 500e6 ? false : undefined) : x.peakRss <= 500e6);
  const x = row.index;
  const indexOk = x && !x.error ? { time: x.indexMs <= 20_000, memory: x.maxRss <= 500e6 } : null;
  const indexLines = !x
    ? []
    : x.error
      ? [['the workspace index in VS Code', `failed: ${x.error.split('\n')[0]}`, '', '', '', '']]
      : [
          [
            `the workspace index in VS Code: activate → idle, ${x.workers} worker thread(s)`,
            fmtMs(x.indexMs),
            fmtBytes(x.maxRss),
            fmtRatio(x.indexMs / r.wallMs),
            `≤ 20 s ${mark(indexOk.time)}`,
            `≤ 500 MB ${mark(indexOk.memory)}`,
          ],
        ];
  const lines = [
    [`remark-parse over every file, 1 process (baseline)`, fmtMs(r.wallMs), fmtBytes(r.peakRss), '1.00×', '', ''],
    ...indexLines,
    [
      `newsmark extract --jsonl --jobs 1, ${row.sample.articles} articles (first batch of each part)`,
      wall(row.sample),
      rss(row.sample),
      '',
      '',
      '',
    ],
    [
      `newsmark extract --jsonl --jobs 1, all ${row.corpus.count} (one thread)`,
      wall(row.single),
      rss(row.single),
      ratio(row.single),
      `≤ 20 s ${mark(timeOk(row.single))}`,
      `≤ 500 MB ${mark(memOk(row.single))}`,
    ],
    [
      `newsmark extract --jsonl --jobs 2, all ${row.corpus.count} (two worker threads)`,
      wall(row.threads),
      rss(row.threads),
      ratio(row.threads),
      `≤ 20 s ${mark(timeOk(row.threads))}`,
      `≤ 500 MB ${mark(memOk(row.threads))}`,
    ],
    ...(row.merged
      ? [
          [
            `newsmark merge of the --jobs 1 output (one shard of ${row.corpus.count})${row.merged.timedOut ? '' : `: deals and conflicts ${row.merged.isEqual ? 'equal' : 'DIFFER from'} the run's`}`,
            wall(row.merged),
            rss(row.merged),
            ratio(row.merged),
            '',
            '',
          ],
        ]
      : []),
    ...cacheLines(row, wall, rss, ratio),
    ['newsmark extract, one article (memory floor)', fmtMs(row.one.wallMs), fmtBytes(row.one.peakRss), '', '', ''],
  ];
  table(['run', 'wall', 'peak RSS', '÷ remark wall', 'time target', 'memory target'], lines);
  if (x && !x.error) {
    console.log(
      `   the index: ${x.indexed} articles indexed (VS Code ${x.vscode}, extension host on node ${x.node}); the peak RSS is the whole extension host process since it started (VS Code's own part: ${fmtBytes(x.rssBefore)} before activation), and it includes the queries below; sampled every 50 ms from activation to idle the peak was ${fmtBytes(x.peakRssSampled)}. Heap kept by the index once idle, after a full GC: ${x.heapIndexed !== undefined ? `${fmtBytes(x.heapIndexed / x.indexed)} per article (${fmtBytes(x.heapIndexed)} in all)` : '—'}; ${x.panelMs !== undefined ? `the deals panel opened: ${x.panelDeals} deals merged and sorted, ${x.panelGroups} groups, ${x.panelFirstGroupChildren} rows under the first, in ${fmtMs(x.panelMs)}, the host's longest stall meanwhile ${fmtMs(x.panelLongestStallMs)}, by then ${x.problems} conflicts in Problems over ${x.problemFiles} files; ` : ''}${x.editCorpusMs !== undefined ? `an edit of an open article's figure (${x.editAffectedPaths} articles state its facts): VS Code delivered the change to the host ${fmtMs(x.editChangedMs)} after the edit was applied (the round trip through the window), the analysis and the corpus's update followed ${fmtMs(x.editCorpusMs - x.editChangedMs)} later (the analysis waits 300 ms for typing to pause), the panel's deals merged again ${fmtMs(x.editPanelMs - x.editCorpusMs)} after that, the host's longest stall until 3 s later ${fmtMs(x.editLongestStallMs)}; ` : x.editSkipped ? `no edit measured (${x.editSkipped}); ` : ''}after dealRows() listed ${x.deals} deals (${x.panelMs !== undefined ? 'again, the rows of the merged groups cached by the panel' : 'the panel'}, ${fmtMs(x.dealsMs)}) and conflicts() found ${x.conflicts} (${fmtMs(x.conflictsMs)}), with their caches: ${fmtBytes(x.heapRetained / x.indexed)} per article; RSS ${fmtBytes(x.rssAfter)}.`,
    );
  }
  const growth = row.single.timedOut
    ? `> ${fmtRatio(row.single.limitMs / row.sample.wallMs)}`
    : fmtRatio(row.single.wallMs / row.sample.wallMs);
  console.log(
    `   growth ${row.sample.articles} → ${row.corpus.count} articles (×${(row.corpus.count / row.sample.articles).toFixed(0)}): ${growth}; linear would be ${fmtMs(row.single.linearMs)}. Full runs are stopped after ${row.limitFactor}× linear or ${fmtMs(row.limitCapMs)}, whichever comes first (≥ 120 s).`,
  );
  console.log(
    `   memory per article (peak RSS − one-article floor) ÷ articles: ${fmtBytes(row.perArticleBytesSample)} at ${row.sample.articles}${row.perArticleBytes !== null ? `, ${fmtBytes(row.perArticleBytes)} at ${row.corpus.count}` : ''}.`,
  );
  const k = row.retained;
  console.log(
    `   retained by an index: ${fmtBytes(k.retainedPerArticle)} of heap per article kept as { text, analysis } (${k.articles} articles in process, after a full GC; the text itself ~${fmtBytes(k.textHeldPerArticle)}) → ${fmtBytes(k.retainedPerArticle * row.corpus.count)} for ${row.corpus.count}.`,
  );
  console.log(
    `   analysis alone (in process, no JSON/hash/corpus/write): ${fmtMs(k.analyseMsPerArticle)} per article → ${fmtMs(k.analyseMsPerArticle * row.corpus.count)} for ${row.corpus.count} on one core, ${fmtMs((k.analyseMsPerArticle * row.corpus.count) / 2)} on two.`,
  );
  const out = row.single.outputBytes ?? row.sample.outputBytes;
  const outOf = row.single.outputBytes ? row.corpus.bytes : (row.corpus.bytes * row.sample.articles) / row.corpus.count;
  console.log(
    `   output: ${fmtBytes(out)} of JSON lines for ${fmtBytes(outOf)} of articles (${(out / outOf).toFixed(1)}×); sources written: ${row.single.sources ?? '—'} (--jobs 1), ${row.threads.sources ?? '—'} (--jobs 2). Peak RSS via ${row.rssTool} (stopped runs: /proc VmHWM sampled every 50 ms).`,
  );
  if (indexOk) {
    target(
      4,
      `${row.corpus.count} articles, workspace index in VS Code: wall`,
      fmtMs(x.indexMs),
      '≤ 20 s',
      indexOk.time,
    );
    target(
      4,
      `${row.corpus.count} articles, workspace index in VS Code: peak RSS (extension host)`,
      fmtBytes(x.maxRss),
      '≤ 500 MB',
      indexOk.memory,
    );
  }
  printReopen(row, x);
  target(4, `${row.corpus.count} articles, CLI --jobs 1: wall`, wall(row.single), '≤ 20 s', timeOk(row.single));
  target(4, `${row.corpus.count} articles, CLI --jobs 2: wall`, wall(row.threads), '≤ 20 s', timeOk(row.threads));
  target(4, `${row.corpus.count} articles, CLI --jobs 1: peak RSS`, rss(row.single), '≤ 500 MB', memOk(row.single));
  target(4, `${row.corpus.count} articles, CLI --jobs 2: peak RSS`, rss(row.threads), '≤ 500 MB', memOk(row.threads));
  if (row.merged && !row.merged.timedOut)
    target(
      4,
      `${row.corpus.count} articles, merge of one run's output: deals and conflicts equal the run's`,
      row.merged.isEqual ? 'equal' : 'differ',
      'equal',
      row.merged.isEqual,
    );
}

/** The table lines of the persisted facts (`--cache`): cold, warm, one file changed. */
function cacheLines(row, wall, rss, ratio) {
  const c = row.cached;
  if (!c) return [];
  const counts = (x) => (x.fromCache === undefined ? '' : ` [${x.fromCache} read, ${x.analysed} analysed]`);
  const lines = [
    [
      `newsmark extract --cache, cold (fills the cache), --jobs 2${counts(c.cold)}`,
      wall(c.cold),
      rss(c.cold),
      ratio(c.cold),
      '',
      '',
    ],
  ];
  if (c.warm)
    lines.push([
      `newsmark extract --cache, warm: nothing changed, --jobs 1${counts(c.warm)}`,
      wall(c.warm),
      rss(c.warm),
      ratio(c.warm),
      `≤ 5 s ${mark(!c.warm.timedOut && c.warm.wallMs <= 5000)}`,
      `≤ 500 MB ${mark(!c.warm.timedOut && c.warm.peakRss <= 500e6)}`,
    ]);
  if (c.changed)
    lines.push([
      `newsmark extract --cache, one file changed, --jobs 1${counts(c.changed)}`,
      wall(c.changed),
      rss(c.changed),
      ratio(c.changed),
      '',
      '',
    ]);
  return lines;
}

/** The warm runs in words: equality with the uncached output, the cache's size, the reopen in VS Code. */
function printReopen(row, x) {
  const c = row.cached;
  if (c?.warm) {
    console.log(
      `   the cache: ${fmtBytes(c.cacheBytes)} on disk for ${row.corpus.count} articles; the warm output ${c.isEqual === null ? 'was not compared (no uncached run finished)' : c.isEqual ? 'is byte-identical to the uncached --jobs 2 output' : 'DIFFERS from the uncached output'}; warm ÷ cold ${fmtRatio(c.warm.wallMs / c.cold.wallMs)}.`,
    );
    target(
      4,
      `${row.corpus.count} articles, CLI --cache warm (--jobs 1): wall`,
      fmtMs(c.warm.wallMs),
      '≤ 5 s',
      c.warm.wallMs <= 5000,
    );
    target(
      4,
      `${row.corpus.count} articles, CLI --cache warm: output equals the uncached`,
      c.isEqual ? 'equal' : 'differs',
      'equal',
      c.isEqual === true,
    );
  }
  const r = x && !x.error ? x.reopen : undefined;
  if (r) {
    const perArticle = (bytes) => fmtBytes(bytes / Math.max(1, r.indexed));
    console.log(
      `   warm reopen in VS Code: a new WorkspaceCorpus over the index and its storage read the corpus snapshot (written in ${fmtMs(r.snapshotSaveMs)}) and had ${r.fromSnapshot} articles — hovers, conflicts and the deals panel — in ${fmtMs(r.loadedMs)} (the read itself ${fmtMs(r.loadedReadMs)}; heap ${perArticle(r.heapLoaded)} per article); it then checked every article against the disk and was idle at ${fmtMs(r.reopenMs)} with ${r.indexed} articles (${r.persisted} read back, ${r.analysed} analysed; the deals panel's merge of ${r.deals} deals ${fmtMs(r.dealsMs)}, heap ${perArticle(r.heap)} per article). Listing the folder again (findFiles: ${r.listed} files) took ${fmtMs(r.listMs)}: a reopened window's check waits for it, the snapshot does not.`,
    );
    const w = x.reopened;
    if (w && !w.error)
      console.log(
        `   a reopened window (VS Code started again on the same folder and user data): ${w.fromSnapshot} articles from the corpus snapshot ${fmtMs(w.readyMs)} after activation (the read itself ${fmtMs(w.readyReadMs)}, once the engine, the lexicon and the storage folder were ready ${fmtMs(w.readyMs - w.readyReadMs)} after activation; extension-host RSS ${fmtBytes(w.rssReady)}, Newsmark's heap ${fmtBytes(w.heapReady)}); every article checked and idle ${fmtMs(w.idleAfterActivationMs)} after activation; the host's peak RSS from its start through the deals panel's merge (${w.deals} deals, ${fmtMs(w.dealsMs)}) and the conflicts (${fmtMs(w.conflictsMs)}): ${fmtBytes(w.maxRss)}.`,
      );
    else if (w) console.log(`   the reopened window failed: ${w.error}`);
    if (w && !w.error) {
      target(
        4,
        `${row.corpus.count} articles, a reopened VS Code window: ready from the snapshot`,
        fmtMs(w.readyMs),
        '≤ 5 s',
        w.readyMs <= 5000,
      );
      target(
        4,
        `${row.corpus.count} articles, a reopened VS Code window: extension-host peak RSS`,
        fmtBytes(w.maxRss),
        '≤ 500 MB',
        w.maxRss <= 500e6,
      );
    }
    target(
      4,
      `${row.corpus.count} articles, warm reopen in VS Code: ready from the snapshot`,
      fmtMs(r.loadedMs),
      '≤ 5 s',
      r.loadedMs <= 5000,
    );
    target(
      4,
      `${row.corpus.count} articles, warm reopen in VS Code: every file checked (index + list)`,
      fmtMs(r.reopenMs + r.listMs),
      '≤ 5 s',
      r.reopenMs + r.listMs <= 5000,
    );
  }
}

function printGrowth(row) {
  /** The target: each doubling of a hostile input at most 2.2× the time (and the output). */
  const GROWTH_TARGET = 2.2;
  console.log(
    '\n6. Growth per doubling of hostile inputs — median time per stage, and in brackets the median over rounds of time(2n) ÷ time(n); the output column is bytes of the CLI contract',
  );
  const lines = [];
  let worst = 0;
  for (const [family, points] of Object.entries(row.families)) {
    for (const p of points) {
      const g = p.growth;
      const cells = STAGES.map(
        (s) => `${p.ms[s].toFixed(1)} ms${g ? ` (${g[s] === null ? '—' : `${g[s].toFixed(2)}×`})` : ''}`,
      );
      lines.push([
        family,
        p.n.toLocaleString('en'),
        p.chars.toLocaleString('en'),
        ...cells,
        `${fmtBytes(p.outputBytes)}${g ? ` (${g.outputBytes.toFixed(2)}×)` : ''}`,
      ]);
      if (g) worst = Math.max(worst, g.outputBytes, ...STAGES.map((s) => g[s] ?? 0));
    }
  }
  table(['input', 'n', 'chars', ...STAGES, 'output'], lines);
  console.log('   a stage that takes under 2 ms at both sizes has no ratio (—): timer noise, not growth.');
  target(
    6,
    'worst growth per doubling (any stage, output)',
    `${worst.toFixed(2)}×`,
    `≤ ${GROWTH_TARGET}×`,
    worst <= GROWTH_TARGET,
  );
}

function printExtension(row) {
  console.log('\n5. Extension');
  const s = row.sizes;
  const lines = [
    [
      'extension.js (production bundle, minified)',
      `${fmtBytes(s.extension.bytes)} (${(s.extension.bytes / 1048576).toFixed(2)} MiB), gzip ${fmtBytes(s.extension.gzipBytes)}`,
      `≤ 1 MB ${mark(s.extension.bytes <= 1e6)}`,
    ],
    ['cli.js (production bundle, minified)', `${fmtBytes(s.cli.bytes)}, gzip ${fmtBytes(s.cli.gzipBytes)}`, ''],
    [
      'dist/extension.js, dist/cli.js as found',
      `${fmtBytes(s.distExtension?.bytes)}, ${fmtBytes(s.distCli?.bytes)}`,
      '',
    ],
    [
      'activate() in VS Code (code-server), entered → returned',
      hostCell(row.host),
      `≤ 50 ms ${mark(row.host && !row.host.error ? row.host.activationMs <= 50 : undefined)}`,
    ],
    ['ext.activate() as VS Code calls it (load the bundle, activate)', activateCallCell(row.host), ''],
    [
      "  Newsmark's part of that call",
      ownActivateCall(row)?.text ?? '—',
      `≤ 100 ms ${mark(ownActivateCall(row) === undefined ? undefined : ownActivateCall(row).ms <= 100)}`,
    ],
    [
      "indexWorker.js (the index's worker threads)",
      s.indexWorker ? `${fmtBytes(s.indexWorker.bytes)}, gzip ${fmtBytes(s.indexWorker.gzipBytes)}` : '—',
      '',
    ],
    [
      `activate() with a fake vscode module (stub measurement), median of ${row.stub.runs}`,
      row.stub.errors.length && !Number.isFinite(row.stub.activateMs)
        ? `failed: ${row.stub.errors[0]}`
        : `${fmtMs(row.stub.activateMs)} (require of the bundle: ${fmtMs(row.stub.requireMs)})`,
      '',
    ],
    [
      'CLI cold start: `newsmark --version` vs `node -e 0`',
      `${fmtMs(row.cliColdStartMs)} vs ${fmtMs(row.nodeColdStartMs)}`,
      '',
    ],
  ];
  table(['measure', 'result', 'target'], lines);
  target(5, 'extension.js size', fmtBytes(s.extension.bytes), '≤ 1 MB', s.extension.bytes <= 1e6);
  target(
    5,
    'activate() in VS Code',
    hostCell(row.host),
    '≤ 50 ms',
    row.host && !row.host.error ? row.host.activationMs <= 50 : undefined,
  );
  const own = ownActivateCall(row);
  target(
    5,
    "ext.activate() call, Newsmark's part",
    own?.text ?? '—',
    '≤ 100 ms',
    own === undefined ? undefined : own.ms <= 100,
  );
}

function hostCell(h) {
  if (!h) return 'not measured (--no-host)';
  if (h.error) return `failed: ${h.error.split('\n')[0]}`;
  return `${fmtMs(h.activationMs)} median of ${h.launches} launches (${h.runs.map((ms) => ms.toFixed(1)).join(', ')})`;
}

/** `ext.activate()` as the runner calls it, beside the same call of an extension that does nothing. */
function activateCallCell(h) {
  if (!h) return 'not measured (--no-host)';
  if (h.error) return `failed: ${h.error.split('\n')[0]}`;
  const cpu = (ms) => (Number.isFinite(ms) ? ` (${fmtMs(ms)} of CPU)` : '');
  const own = h.empty
    ? `; an extension that does nothing: ${fmtMs(h.empty.activateCallMs)}${cpu(h.empty.activateCallCpuMs)}`
    : '';
  return `${fmtMs(h.activateCallMs)}${cpu(h.activateCallCpuMs)} median of ${h.calls.length} (${h.calls.map((ms) => ms.toFixed(0)).join(', ')})${own}`;
}

/**
 * Newsmark's part of the call: compiling its bundle (the stub's require less the run of its code),
 * running the bundle's code and activate() (both timed inside VS Code). The rest of the call is VS
 * Code's: an extension that does nothing pays it too (its median is printed beside).
 */
function ownActivateCall(row) {
  const h = row.host;
  if (!h || h.error || !Number.isFinite(h.bundleEvaluationMs) || !Number.isFinite(row.stub.compileMs)) return undefined;
  const ms = row.stub.compileMs + h.bundleEvaluationMs + h.activationMs;
  return {
    ms,
    text: `${fmtMs(ms)}: compile ${fmtMs(row.stub.compileMs)} + run the bundle ${fmtMs(h.bundleEvaluationMs)} + activate() ${fmtMs(h.activationMs)}`,
  };
}

function table(headers, lines) {
  const widths = headers.map((h, i) => Math.max(String(h).length, ...lines.map((l) => String(l[i] ?? '').length)));
  const fmt = (cells) =>
    `  ${cells
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd()}`;
  console.log(fmt(headers));
  console.log(`  ${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(fmt(l));
}

/** The commit and how many files under src/ differ from it (others work in the same tree). */
function git() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean).length;
    return { head, dirtySrcFiles: dirty };
  } catch {
    return null;
  }
}

/** A note when dist/cli.js is older than the newest file under src/ (the bench builds its own). */
function staleDist() {
  try {
    const cli = statSync(join(ROOT, 'dist', 'cli.js')).mtimeMs;
    let newest = 0;
    const walk = (dir) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else newest = Math.max(newest, statSync(p).mtimeMs);
      }
    };
    walk(join(ROOT, 'src'));
    return newest > cli
      ? 'dist/cli.js is older than src/; the bench measures its own fresh production bundles either way'
      : null;
  } catch {
    return 'dist/ is not built; the bench measures its own fresh production bundles either way';
  }
}
