// The browser bundle (dist/web/extension.js, package.json "browser"): what vscode.dev and
// github.dev load into their web worker extension host, where there is no Node. esbuild.mjs
// builds it with these options, and test/unit/browserBundle.test.ts checks the same build.
// The build fails when anything Node-only sneaks in:
//  - an import of a Node built-in (`node:fs`, `os`, `worker_threads`…), named with the file that
//    imports it;
//  - a reference to a global that a web worker lacks — Node's (`process`, `Buffer`,
//    `setImmediate`, `__dirname`…) and the page's (`document`, `window`): each is `define`d to a
//    marker that esbuild puts only where the global itself is read (not where a property or a
//    local variable has the same name), and the output is searched for the markers;
//  - a production bundle over MAX_BROWSER_BUNDLE_BYTES.
import { builtinModules } from 'node:module';
import path from 'node:path';

export const BROWSER_ENTRY = 'src/extension.web.ts';
export const BROWSER_OUTFILE = 'dist/web/extension.js';
/** vscode.dev downloads the bundle before the extension can start: a production build stays under 1 MB. */
export const MAX_BROWSER_BUNDLE_BYTES = 1024 * 1024;
/** Globals a browser's web worker lacks: Node's, and a page's (a worker has no DOM). */
export const WORKER_MISSING_GLOBALS = [
  'process',
  'Buffer',
  'global',
  'setImmediate',
  'clearImmediate',
  '__dirname',
  '__filename',
  'document',
  'window',
];

const MARKER = '__newsmark_node_global_';
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Fails the build on the first import of a Node built-in, saying which file imports it. */
export const refuseNodeBuiltins = {
  name: 'refuse-node-builtins',
  setup(build) {
    const root = build.initialOptions.absWorkingDir ?? process.cwd();
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
      const importer = path.relative(root, args.importer).split(path.sep).join('/');
      return {
        errors: [
          {
            text: `the browser bundle cannot hold the Node built-in "${args.path}" (imported by ${importer}): go through src/editor/platform.ts`,
          },
        ],
      };
    });
  },
};

/** esbuild options of the browser bundle; `overrides` (entry, outfile, write…) for the checks. */
export function browserBuildOptions({ production = false, define = {}, ...overrides } = {}) {
  return {
    entryPoints: [BROWSER_ENTRY],
    outfile: BROWSER_OUTFILE,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs', // VS Code's web extension host loads a CommonJS module
    // a package's build for workers before its build for pages: decode-named-character-reference's
    // "browser" build decodes through `document`, which a worker lacks
    conditions: ['worker'],
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [refuseNodeBuiltins],
    define: { ...define, ...Object.fromEntries(WORKER_MISSING_GLOBALS.map((name) => [name, `${MARKER}${name}`])) },
    ...overrides,
  };
}

/**
 * What is wrong with a browser bundle's text: each global it reads that a web worker lacks (with
 * a little of the code around it), and its size when over the limit. Empty: nothing.
 */
export function browserBundleProblems(text, { production = false } = {}) {
  const problems = [];
  // A read guarded by its own typeof test never happens in a worker (papaparse: `"undefined" !=
  // typeof self ? self : "undefined" != typeof window ? window : …`): drop those before looking.
  const escaped = MARKER.replace(/[$]/g, '\\$&');
  const name = `(${escaped}\\w+)`;
  const guards = [
    new RegExp(`["']undefined["']\\s*!==?\\s*typeof\\s+${name}\\s*\\?\\s*\\1\\b`, 'g'), // "undefined" != typeof X ? X
    new RegExp(`typeof\\s+${name}\\s*(?:<\\s*["']u["']|!==?\\s*["']undefined["'])\\s*\\?\\s*\\1\\b`, 'g'), // typeof X < "u" ? X
  ];
  const unguarded = guards
    .reduce((t, guard) => t.replace(guard, ''), text)
    .replace(new RegExp(`typeof\\s+${escaped}`, 'g'), 'typeof ');
  for (const name of WORKER_MISSING_GLOBALS) {
    const at = unguarded.indexOf(`${MARKER}${name}`);
    if (at >= 0)
      problems.push(
        `reads \`${name}\`, which a web worker lacks: …${unguarded.slice(Math.max(0, at - 60), at + MARKER.length + name.length + 40).replaceAll(MARKER, '')}…`,
      );
  }
  const bytes = new TextEncoder().encode(text).length;
  if (production && bytes > MAX_BROWSER_BUNDLE_BYTES)
    problems.push(
      `is ${Math.round(bytes / 1024)} KB, over the ${MAX_BROWSER_BUNDLE_BYTES / 1024} KB a browser should download before the extension starts`,
    );
  return problems;
}
