// CPU profile of the engine (node --cpu-prof) on one bench text, summarised by function and by
// source file of the engine (through the bundle's source map).
// Usage: node bench/profile.mjs [20KB|36KB|1MB|10MB] [--runs N] [--corpus N] [--keep]
//   Runs analyse() N times (default: 30 at 20/36 KB, 1 at 1 MB and up) after one warm-up, in a
//   child process started with --cpu-prof, then prints the top self-time functions (mapped to
//   src/ files and lines), the self time per source file and the time per engine stage.
//   --edits N: instead, N one-character edits of the 20 KB article analysed with the document's
//   AnalysisCache, as row 3 does (stages: what analyse() calls on the cached path).
//   --corpus N: instead, analyse N synthetic articles of row 4, one after the other, as the CLI
//   does. --cli N: run `newsmark extract <N synthetic articles> --jsonl` itself (stages are then
//   the calls made by runExtract). --keep copies the .cpuprofile to bench/ (gitignored).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';
import { buildBundles, ROOT } from './lib/build.mjs';

const args = process.argv.slice(2);
const size = args.find((a) => /^\d+(KB|MB)$/.test(a)) ?? '36KB';
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : /MB$/.test(size) ? 1 : 30;
const editsArg = args.indexOf('--edits');
const editCount = editsArg >= 0 ? Number(args[editsArg + 1]) : 0;
const corpusArg = args.indexOf('--corpus');
const corpus = corpusArg >= 0 ? Number(args[corpusArg + 1]) : 0;
const cliArg = args.indexOf('--cli');
const cliCount = cliArg >= 0 ? Number(args[cliArg + 1]) : 0;

const bundles = await buildBundles({ profile: true });
try {
  const profDir = join(bundles.dir, 'prof');
  const driver = join(bundles.dir, 'driver.mjs');
  writeFileSync(
    driver,
    `
    import { createRequire } from 'node:module';
    import { textOfSize, BENCH_PATH } from ${JSON.stringify(join(ROOT, 'bench/lib/texts.mjs'))};
    import { writeCorpus, articleFiles } from ${JSON.stringify(join(ROOT, 'bench/lib/corpus.mjs'))};
    import { readFileSync } from 'node:fs';
    const require = createRequire(import.meta.url);
    const engine = require(${JSON.stringify(bundles.engine)});
    const lexicon = engine.Lexicon.withAdditions();
    if (${editCount} > 0) {
      const { mulberry32, int, pick } = await import(${JSON.stringify(join(ROOT, 'bench/lib/prng.mjs'))});
      const rng = mulberry32(6);
      let text = textOfSize('20KB');
      const cache = new engine.AnalysisCache();
      engine.analyse({ path: BENCH_PATH, text }, { lexicon, cache });
      const t0 = performance.now();
      for (let i = 0; i < ${editCount}; i++) {
        const at = int(rng, 0, text.length - 1);
        text = text.slice(0, at) + pick(rng, 'etaoin 0123$%') + text.slice(at);
        engine.analyse({ path: BENCH_PATH, text }, { lexicon, cache });
      }
      console.log('cached analyse after each of ${editCount} edits: ' + ((performance.now() - t0) / ${editCount}).toFixed(2) + ' ms per edit');
    } else if (${corpus} > 0) {
      const root = ${JSON.stringify(join(bundles.dir, 'corpus'))};
      writeCorpus(root, { count: ${corpus}, parts: 1 });
      const files = articleFiles(root);
      const t0 = performance.now();
      for (const file of files) engine.analyse({ path: file, text: readFileSync(file, 'utf8') }, { lexicon });
      console.log('analyse of ${corpus} synthetic articles: ' + ((performance.now() - t0) / ${corpus}).toFixed(2) + ' ms per article');
    } else {
      const text = textOfSize(${JSON.stringify(size)});
      engine.analyse({ path: BENCH_PATH, text }, { lexicon });
      const t0 = performance.now();
      for (let i = 0; i < ${runs}; i++) engine.analyse({ path: BENCH_PATH, text }, { lexicon });
      console.log('analyse x${runs} on ${size}: ' + ((performance.now() - t0) / ${runs}).toFixed(1) + ' ms per run');
    }
  `,
  );
  let bundle = bundles.engine;
  let stageParent = 'analyse';
  let childArgs = [driver];
  if (cliCount > 0) {
    const { writeCorpus } = await import('./lib/corpus.mjs');
    const folder = join(bundles.dir, 'cli-corpus');
    writeCorpus(folder, { count: cliCount, parts: 1 });
    bundle = bundles.cli;
    stageParent = 'runExtract';
    childArgs = [bundles.cli, 'extract', folder, '--jsonl', '--out', join(bundles.dir, 'cli-out.jsonl')];
  }
  const t0 = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--max-old-space-size=16384', ...childArgs],
    { cwd: bundles.dir, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (child.status !== 0) process.exit(child.status ?? 1);
  if (cliCount > 0)
    console.log(
      `newsmark extract of ${cliCount} synthetic articles: ${((performance.now() - t0) / 1000).toFixed(1)} s wall (profiled)`,
    );
  const file = join(profDir, readdirSync(profDir)[0]);
  summarise(
    JSON.parse(readFileSync(file, 'utf8')),
    new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8'))),
    bundle,
    stageParent,
  );
  if (args.includes('--keep')) {
    const kept = join(
      ROOT,
      'bench',
      `profile-${cliCount ? `cli-${cliCount}` : corpus ? `corpus-${corpus}` : editCount ? `edits-${editCount}` : size}.cpuprofile`,
    );
    writeFileSync(kept, readFileSync(file));
    console.log(`\nprofile kept: ${relative(ROOT, kept)} (gitignored; open in Chrome DevTools or VS Code)`);
  }
} finally {
  bundles.cleanup();
}

/** src/… for the engine's files (from the run's snapshot), node_modules/… for libraries. */
function shortPath(path) {
  const p = path.replace(/^file:\/\//, '');
  const snap = p.indexOf('src-snapshot/');
  if (snap >= 0) return p.slice(snap + 'src-snapshot/'.length);
  const nm = p.indexOf('node_modules/');
  if (nm >= 0) return p.slice(nm);
  return relative(ROOT, p) || p;
}

function summarise(profile, map, bundlePath, stageParent) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  // only the analyse() loop: drop the time spent before the first engine frame (module loading)
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id).callFrame;
    let where = frame.url ? frame.url.replace(/^file:\/\//, '') : '(native)';
    if (where === bundlePath) {
      const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
      where = entry?.originalSource ? `${shortPath(entry.originalSource)}:${entry.originalLine + 1}` : 'bundle';
    } else if (where !== '(native)') {
      where = shortPath(where);
    }
    const fn = `${frame.functionName || '(anonymous)'}  ${where}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const file = where.replace(/:\d+$/, '').replace(/^node_modules\/([^/]+)\/.*$/, 'node_modules/$1/**');
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const show = (title, m, n) => {
    console.log(`\n${title} (self time, ${(total / 1000).toFixed(0)} ms sampled in total)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`);
    }
  };
  // inclusive time of each call made by analyse() itself: the engine's stages
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byStage = new Map();
  for (const [id, us] of selfUs) {
    let stage = null;
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const up = parent.get(at);
      if (
        up !== undefined &&
        nodes.get(up).callFrame.functionName === stageParent &&
        nodes.get(up).callFrame.url.endsWith(bundlePath)
      ) {
        const entry = map.findEntry(nodes.get(at).callFrame.lineNumber, nodes.get(at).callFrame.columnNumber);
        const line = entry?.originalSource ? `${shortPath(entry.originalSource)}:${entry.originalLine + 1}` : '';
        stage = `${nodes.get(at).callFrame.functionName || '(anonymous)'}  ${line}`;
      }
    }
    const frame = nodes.get(id).callFrame.functionName;
    const key =
      stage ??
      (frame === '(garbage collector)'
        ? '(garbage collector, not attributed)'
        : frame === '(idle)' || frame === '(program)'
          ? `${frame}`
          : `(outside ${stageParent}: loading, driver)`);
    byStage.set(key, (byStage.get(key) ?? 0) + us);
  }
  show('Top functions', byFunction, Number(process.env.NEWSMARK_PROFILE_TOP ?? 30));
  show('By source file', byFile, 25);
  show(`By stage: inclusive time of each call made by ${stageParent}()`, byStage, 20);
}
