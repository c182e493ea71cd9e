// Bundles the extension (CommonJS, `vscode` external) and the CLI (Node >= 20).
// unified and remark-parse are ESM-only; bundling makes them one CommonJS file each.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(version), NEWSMARK_FAULTS: 'false' },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  // the background index's worker threads (src/editor/analysisPool.ts): the engine, no vscode
  { ...common, entryPoints: ['src/editor/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  // the webviews (src/editor/views/): loaded only when the deal map or a fact timeline opens,
  // so the graph and chart libraries stay out of dist/extension.js
  {
    ...common, platform: 'browser', target: 'chrome114', format: 'iife', define: {},
    entryPoints: { dealMap: 'src/webview/dealMap/main.ts', factTimeline: 'src/webview/timeline/main.ts' },
    outdir: 'dist/webview',
  },
  {
    ...common, platform: 'browser', target: 'chrome114', format: 'esm', define: {},
    entryPoints: { dealMap: 'src/webview/dealMap/dealMap.css', factTimeline: 'src/webview/timeline/factTimeline.css' },
    outdir: 'dist/webview',
  },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
