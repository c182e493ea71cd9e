// Bundles the extension (CommonJS, `vscode` external) for the desktop (`main`, Node) and for the
// browser (`browser`: vscode.dev, github.dev — see scripts/browserBundle.mjs), and the CLI (Node >= 20).
// unified and remark-parse are ESM-only; bundling makes them one CommonJS file each.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_OUTFILE, browserBuildOptions, browserBundleProblems } from './scripts/browserBundle.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --watch rebuilds without computing this again: its builds persist no facts (an empty fingerprint)
const define = {
  VERSION: JSON.stringify(version),
  NEWSMARK_FAULTS: 'false',
  ENGINE_FINGERPRINT: JSON.stringify(watch ? '' : engineFingerprint()),
};

/**
 * What persisted facts are keyed by (src/node/factCache.ts): a hash of every source file and of
 * the exact dependencies (package-lock.json). Facts analysed by another build are never read.
 */
function engineFingerprint() {
  const hash = createHash('sha256').update(version);
  const root = fileURLToPath(new URL('./src', import.meta.url));
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else hash.update(`\0${relative(root, full)}\0`).update(readFileSync(full));
    }
  };
  visit(root);
  hash.update(readFileSync(new URL('./package-lock.json', import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  define,
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // the engine, required by dist/extension.js on the first analysis (src/editor/nodePlatform.ts):
  // its code and data stay out of what VS Code loads and runs before activate() returns
  { ...common, entryPoints: ['src/core/engine.ts'], outfile: 'dist/engine.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // the background index's worker threads (src/editor/workspaceIndex.ts, desktop only): the engine, no vscode
  { ...common, entryPoints: ['src/editor/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  // the webviews (src/editor/views/): loaded only when the deal map or a fact timeline opens,
  // so the graph and chart libraries stay out of dist/extension.js
  {
    ...common,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    define: {},
    entryPoints: { dealMap: 'src/webview/dealMap/main.ts', factTimeline: 'src/webview/timeline/main.ts' },
    outdir: 'dist/webview',
  },
  {
    ...common,
    platform: 'browser',
    target: 'chrome114',
    format: 'esm',
    define: {},
    entryPoints: { dealMap: 'src/webview/dealMap/dealMap.css', factTimeline: 'src/webview/timeline/factTimeline.css' },
    outdir: 'dist/webview',
  },
];
const browser = browserBuildOptions({ production, define });

/** The browser bundle, refused (and removed) when it reads a global a web worker lacks or is too large. */
async function buildBrowser() {
  await esbuild.build(browser);
  const problems = browserBundleProblems(readFileSync(BROWSER_OUTFILE, 'utf8'), { production });
  if (problems.length === 0) return;
  rmSync(BROWSER_OUTFILE, { force: true });
  throw new Error(`${BROWSER_OUTFILE} (for vscode.dev and github.dev) ${problems.join('; it ')}`);
}

if (watch) {
  for (const options of [...builds, browser]) await (await esbuild.context(options)).watch();
} else {
  try {
    await Promise.all([...builds.map((options) => esbuild.build(options)), buildBrowser()]);
  } catch (error) {
    // esbuild has printed its errors; a check of the browser bundle has not
    if (!error.errors) console.error(`esbuild.mjs: ${error.message}`);
    process.exit(1);
  }
}
