#!/usr/bin/env node
// Integration tests of Newsmark inside a REAL VS Code.
//
//   node esbuild.mjs && node test/integration/run.mjs [--verbose] [--timeout 300] [--web]
//
// --web: the browser build (package.json "browser") in the browser's web worker extension host,
// as vscode.dev and github.dev run it, with the suites that need no Node (test/web/suite/index.ts,
// bundled for the browser: mocha's browser build, `node:assert/strict` on chai). code-server only.
//
// 1. Expects dist/extension.js (built by `node esbuild.mjs`; this script builds no extension code).
// 2. Compiles test/integration/suite/*.ts with esbuild into out/test/integration/suite/
//    (CommonJS; `vscode` and `mocha` external — mocha 11 is require()d from node_modules).
// 3. Copies seeds/ into a temp folder (the tests may write .newsmark/ files there) and runs the
//    suite's index.js in an extension host:
//      VSCODE_TEST_HOST=electron  @vscode/test-electron's runTests (downloads VS Code: needs network)
//      otherwise (default)        code-server + headless Chromium through harness/run-tests.mjs,
//                                 after harness/setup.sh (idempotent; installs on first run into
//                                 ${NEWSMARK_VSCODE_HOME:-$HOME/.cache/vscode-real})
// 4. Exits with the tests' exit code; the LAST line printed is always `N passed, N failed`.
//
// Env: NEWSMARK_TEST_GREP=<regexp>   run only matching tests
//      NEWSMARK_SKIP_SETUP=1         do not run harness/setup.sh (it takes < 1 s when installed)
//      NEWSMARK_KEEP_WORKSPACE=1     keep the temp workspace (its path is printed)
//      VSCODE_TEST_VERSION=<v>       VS Code version for the electron host (default: stable)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const harness = path.join(here, 'harness');
const suiteSrc = path.join(here, 'suite');
const webSuiteSrc = path.join(root, 'test', 'web', 'suite');
const requireFromRoot = createRequire(path.join(root, 'package.json'));

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const info = (m) => console.log(`[integration +${secs()}s] ${m}`);

let opts;
try {
  opts = parseArgs({
    options: {
      verbose: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '300' },
      web: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (e) {
  console.error(`run.mjs: ${e.message}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}
if (opts.help) {
  console.log(
    'usage: node test/integration/run.mjs [--verbose] [--timeout seconds] [--web]   (see the header of this file)',
  );
  process.exit(0);
}
// inside the extension's folder: the workbench runs the tests in the extension host that runs the extension
const suiteOut = path.join(root, 'out', 'test', opts.web ? 'web' : 'integration', 'suite');
const testsIndex = path.join(suiteOut, 'index.js');
if (opts.web && process.env.VSCODE_TEST_HOST === 'electron') {
  console.error('run.mjs: --web runs in code-server only (VSCODE_TEST_HOST=electron has no web worker extension host)');
  console.log('0 passed, 1 failed');
  process.exit(2);
}

let tmp;
function cleanup() {
  if (!tmp) return;
  if (process.env.NEWSMARK_KEEP_WORKSPACE) info(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  tmp = undefined;
}

/** Print the closing line (always last) and exit. */
function done(code, counts) {
  cleanup();
  const c = counts ?? { passed: 0, failed: 1 };
  console.log(`${c.passed} passed, ${c.failed} failed`);
  process.exit(code);
}
function fail(message, code = 1) {
  console.error(`run.mjs: ERROR: ${message}`);
  done(code);
}

// ------------------------------------------------------------------ 1. the built extension
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const main = path.resolve(root, (opts.web ? pkg.browser : pkg.main) ?? 'dist/extension.js');
if (!fs.existsSync(main)) fail(`${path.relative(root, main)} is missing: run \`node esbuild.mjs\` first`);
{
  const newest = (dir) => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return t;
  };
  const src = path.join(root, 'src');
  if (fs.existsSync(src) && newest(src) > fs.statSync(main).mtimeMs) {
    console.warn(
      `run.mjs: WARNING: src/ is newer than ${path.relative(root, main)} — run \`node esbuild.mjs\` to test the current code`,
    );
  }
}

// ------------------------------------------------------------------ 2. compile the suite
try {
  const esbuild = requireFromRoot('esbuild');
  const entryPoints = fs
    .readdirSync(suiteSrc)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(suiteSrc, f));
  if (!entryPoints.some((f) => path.basename(f) === 'index.ts')) throw new Error(`no index.ts in ${suiteSrc}`);
  fs.rmSync(suiteOut, { recursive: true, force: true }); // no stale *.test.js of deleted tests
  if (opts.web) {
    const { browserBuildOptions, refuseNodeBuiltins } = await import(
      pathToFileURL(path.join(root, 'scripts', 'browserBundle.mjs')).href
    );
    const strictAssert = path.join(webSuiteSrc, 'strictAssert.ts');
    await esbuild.build({
      ...browserBuildOptions({ absWorkingDir: root }),
      define: {}, // mocha's browser build brings its own `process`: no markers for Node globals in the tests' bundle
      entryPoints: [path.join(webSuiteSrc, 'index.ts')],
      outfile: testsIndex,
      sourcemap: 'inline',
      // the suites' `node:assert/strict` is chai's assert in the browser; any other Node built-in is refused
      plugins: [
        {
          name: 'strict-assert',
          setup: (build) => build.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: strictAssert })),
        },
        refuseNodeBuiltins,
      ],
    });
    info(`bundled test/web/suite/index.ts for the browser into ${path.relative(root, testsIndex)}`);
  } else {
    await esbuild.build({
      entryPoints,
      outdir: suiteOut,
      bundle: true, // test files may import src/ modules and package.json
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode', 'mocha'],
      sourcemap: true,
      logLevel: 'warning',
    });
    info(`compiled ${entryPoints.length} suite file(s) into ${path.relative(root, suiteOut)}/`);
  }
} catch (e) {
  fail(`compiling the integration suite failed: ${e.message}`);
}

// ------------------------------------------------------------------ 3. workspace + results file
function makeWritable(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) makeWritable(p);
    fs.chmodSync(p, fs.statSync(p).mode | 0o200);
  }
}
tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-it-'));
const workspace = path.join(tmp, 'seeds');
fs.cpSync(path.join(root, 'seeds'), workspace, { recursive: true });
makeWritable(workspace); // the checked-out seeds may be read-only; tests may edit and save the copies
const resultsFile = path.join(tmp, 'results.json');
const testEnv = { NEWSMARK_TEST_RESULTS: resultsFile };
if (process.env.NEWSMARK_TEST_GREP) testEnv.NEWSMARK_TEST_GREP = process.env.NEWSMARK_TEST_GREP;
Object.assign(process.env, testEnv); // inherited by code-server and its extension host

const CLOSING = /^(\d+) passed, (\d+) failed\s*$/;
let lastClosing; // fallback when the results file was not written: the suite's own closing line
function readCounts() {
  try {
    const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    return { passed: Number(r.passed) || 0, failed: Number(r.failed) || 0 };
  } catch {
    return lastClosing;
  }
}

/** Run a command, tee its output, remember the last `N passed, N failed` line. */
function runTee(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['inherit', 'pipe', 'pipe'] });
    const watch = (stream, out) => {
      let buf = '';
      stream.on('data', (chunk) => {
        out.write(chunk);
        buf += chunk.toString('utf8');
        const lines = buf.split('\n');
        buf = lines.pop();
        for (const l of lines) {
          const m = CLOSING.exec(l);
          if (m) lastClosing = { passed: Number(m[1]), failed: Number(m[2]) };
        }
      });
    };
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    // Forward Ctrl-C / TERM: run-tests.mjs stops code-server and the browser itself.
    const fwd = (sig) => () => {
      try {
        child.kill(sig);
      } catch {
        /* gone */
      }
    };
    const onInt = fwd('SIGINT'),
      onTerm = fwd('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    child.on('error', (e) => resolve({ code: 2, error: e }));
    child.on('close', (code, signal) => {
      process.removeListener('SIGINT', onInt);
      process.removeListener('SIGTERM', onTerm);
      resolve({ code: code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1) });
    });
  });
}

// ------------------------------------------------------------------ 4. run in an extension host
let code;
if (process.env.VSCODE_TEST_HOST === 'electron') {
  info('host: @vscode/test-electron (downloads VS Code)');
  try {
    const { runTests } = await import(pathToFileURL(requireFromRoot.resolve('@vscode/test-electron')).href);
    code = await runTests({
      version: process.env.VSCODE_TEST_VERSION || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsIndex,
      extensionTestsEnv: testEnv,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (e) {
    // runTests rejects when VS Code cannot be downloaded/started AND when tests fail.
    const counts = readCounts();
    if (counts) done(1, counts);
    fail(`the VS Code (electron) test host failed to start or run: ${e?.message ?? e}`);
  }
} else {
  info(
    `host: code-server + headless Chromium (test/integration/harness)${opts.web ? ', the extension in the web worker extension host' : ''}`,
  );
  if (!process.env.NEWSMARK_SKIP_SETUP) {
    const ts = Date.now();
    const r = spawnSync('bash', [path.join(harness, 'setup.sh')], { stdio: 'inherit' });
    if (r.status !== 0)
      fail(`harness/setup.sh failed (exit ${r.status ?? r.signal}) — the VS Code test host is not installed`);
    info(`setup.sh done in ${((Date.now() - ts) / 1000).toFixed(1)}s`);
  }
  const args = [
    path.join(harness, 'run-tests.mjs'),
    '--extension',
    root,
    '--tests',
    testsIndex,
    '--workspace',
    workspace,
    '--timeout',
    opts.timeout,
  ];
  if (opts.verbose) args.push('--verbose');
  if (opts.web) args.push('--kind', 'web');
  ({ code } = await runTee(process.execPath, args, { cwd: root }));
}

// ------------------------------------------------------------------ 5. closing line
const counts = readCounts();
if (!counts) {
  fail(
    `the test host exited with code ${code} without reporting results (it did not start, or the suite never ran)`,
    code || 1,
  );
}
if (code === 0 && counts.failed > 0) code = 1;
if (code !== 0 && counts.failed === 0) {
  console.error(`run.mjs: ERROR: the test host exited with code ${code} after ${counts.passed} passing test(s)`);
  done(code, { passed: counts.passed, failed: 1 });
}
info(`done, exit ${code}`);
done(code, counts);
