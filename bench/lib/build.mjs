// Bundles bench/engine.ts, src/cli/main.ts, src/extension.ts and src/editor/indexWorker.ts with esbuild's JS API and the
// options of esbuild.mjs --production, into a temp folder. The bench then measures the same
// bundled, minified code that ships in dist/, not TypeScript run through a loader.
import * as esbuild from 'esbuild';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Set on globalThis by the bench's copy of extension.js (performance.now() in ms). */
export const BUNDLE_STARTED = 'globalThis.__newsmarkBenchBundleStarted = performance.now();';
export const BUNDLE_EVALUATED = 'globalThis.__newsmarkBenchBundleEvaluated = performance.now();';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The production options of esbuild.mjs (kept in step by hand: bundle, node20, cjs, minified). */
const PRODUCTION = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(version) },
};

/**
 * Builds the bench bundles into a fresh temp folder; returns their paths and a cleanup.
 * `profile: true` keeps identifiers and writes source maps, so CPU profiles name real functions.
 */
export async function buildBundles({ profile = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-bench-'));
  // One snapshot of the sources for every bundle of the run: others edit src/ while the bench
  // runs, and all bundles (and the row-3 equality checks between them) must see the same code.
  const snapshot = join(dir, 'src-snapshot');
  cpSync(join(ROOT, 'src'), join(snapshot, 'src'), { recursive: true });
  for (const file of ['bench/engine.ts', 'bench/mapGraph.ts', 'tsconfig.json', 'package.json'])
    cpSync(join(ROOT, file), join(snapshot, file));
  const sourceHash = hashTree(join(snapshot, 'src'));
  // the persisted facts (--cache, the index's storage) are keyed by the build, as esbuild.mjs stamps it
  const stamped = {
    ...PRODUCTION,
    define: { ...PRODUCTION.define, ENGINE_FINGERPRINT: JSON.stringify(`bench-${sourceHash}`) },
  };
  const options = profile
    ? {
        ...stamped,
        minify: false,
        minifyWhitespace: true,
        minifySyntax: true,
        keepNames: true,
        sourcemap: 'external',
        sourcesContent: false,
      }
    : stamped;
  const from = { absWorkingDir: snapshot, nodePaths: [join(ROOT, 'node_modules')] };
  const engine = join(dir, 'engine.cjs');
  // the shipped bundles too, as esbuild.mjs --production makes them, but into the temp folder:
  // rows 4 and 5 measure these, so a concurrent `npm run build` (a dev build into dist/) by
  // someone else cannot swap the code under a running measurement
  const cli = join(dir, 'cli.js');
  const extension = join(dir, 'extension.js');
  const indexWorker = join(dir, 'indexWorker.js');
  // required by extension.js on the first analysis (src/editor/nodePlatform.ts)
  const extensionEngine = join(dir, 'engine.js');
  const mapGraph = join(dir, 'mapGraph.cjs');
  // row 7: the deal map's webview as esbuild.mjs --production makes it (browser, minified)
  const webview = {
    ...options,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    define: {},
    sourcemap: false,
  };
  await Promise.all([
    esbuild.build({ ...options, ...from, entryPoints: [join(snapshot, 'bench', 'mapGraph.ts')], outfile: mapGraph }),
    esbuild.build({
      ...webview,
      ...from,
      entryPoints: { dealMap: join(snapshot, 'src', 'webview', 'dealMap', 'main.ts') },
      outdir: join(dir, 'webview'),
    }),
    esbuild.build({
      ...webview,
      ...from,
      format: 'esm',
      entryPoints: { dealMap: join(snapshot, 'src', 'webview', 'dealMap', 'dealMap.css') },
      outdir: join(dir, 'webview'),
    }),
    esbuild.build({ ...options, ...from, entryPoints: [join(snapshot, 'src', 'cli', 'main.ts')], outfile: cli }),
    esbuild.build({
      ...options,
      ...from,
      entryPoints: [join(snapshot, 'src', 'extension.ts')],
      outfile: extension,
      external: ['vscode'],
      // two timestamps, only in the bench's copy: when the bundle's code starts and ends running,
      // so row 5 can tell Newsmark's part of ext.activate() from VS Code's (bench/host/runner.ts)
      banner: { js: BUNDLE_STARTED },
      footer: { js: BUNDLE_EVALUATED },
    }),
    esbuild.build({
      ...options,
      ...from,
      entryPoints: [join(snapshot, 'src', 'editor', 'indexWorker.ts')],
      outfile: indexWorker,
    }),
    esbuild.build({
      ...options,
      ...from,
      entryPoints: [join(snapshot, 'src', 'core', 'engine.ts')],
      outfile: extensionEngine,
    }),
    esbuild.build({ ...options, ...from, entryPoints: [join(snapshot, 'bench', 'engine.ts')], outfile: engine }),
  ]);
  return {
    dir,
    snapshot,
    sourceHash,
    engine,
    cli,
    extension,
    extensionEngine,
    indexWorker,
    mapGraph,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A short hash of every file under `root` (paths and contents), to tie results to the code. */
function hashTree(root) {
  const hash = createHash('sha256');
  const visit = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else hash.update(p.slice(root.length)).update(readFileSync(p));
    }
  };
  visit(root);
  return hash.digest('hex').slice(0, 12);
}
