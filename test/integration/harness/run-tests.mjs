#!/usr/bin/env node
// Vendored from the shared vscode-real recipe (Newsmark: test/integration/harness/); keep the copies in sync.
// run-tests.mjs — run an extension's integration tests inside a real VS Code extension host
// (code-server + headless Chromium), like @vscode/test-electron's runTests, offline.
//
//   node run-tests.mjs --extension <dir> --tests <compiled tests index.js> --workspace <folder>
//                      [--timeout 300] [--port N] [--verbose] [--kind web] [--user-data-dir <dir>]
//
// --kind web: the extension (and the tests, which live in its folder) run in the browser's web
// worker extension host — its package.json `browser` entry — instead of code-server's Node one.
// --user-data-dir: VS Code's user data (and so the workspace storage) there, kept: a second run on
// the same folder, user data and --port is a reopened window (the bench's warm reopen).
//
// The tests module exports run(): Promise<void> (mocha run, reject on failures), exactly as for
// @vscode/test-electron. Exit code: the extension host's (0 = all passed), 124 on timeout,
// 2 on bad arguments or a harness failure, 130/143 on SIGINT/SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { checkSetup, launchBrowser, startCodeServer, webKindSettings, workbenchUrl } from './ui.mjs';

const USAGE =
  'usage: node run-tests.mjs --extension <dir> --tests <tests index.js> --workspace <folder> [--timeout 300] [--port N] [--verbose] [--kind web] [--user-data-dir <dir>]';
let opts;
try {
  opts = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string', default: '300' },
      port: { type: 'string' },
      kind: { type: 'string', default: 'node' },
      'user-data-dir': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (e) {
  console.error(`run-tests: ${e.message}\n${USAGE}`);
  process.exit(2);
}
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
for (const k of ['extension', 'tests', 'workspace']) {
  if (!opts[k]) {
    console.error(`run-tests: --${k} is required\n${USAGE}`);
    process.exit(2);
  }
  opts[k] = path.resolve(opts[k]);
  if (!fs.existsSync(opts[k])) {
    console.error(`run-tests: --${k} ${opts[k]} does not exist`);
    process.exit(2);
  }
}
if (!fs.existsSync(path.join(opts.extension, 'package.json'))) {
  console.error(`run-tests: ${opts.extension} has no package.json — is it an extension folder?`);
  process.exit(2);
}
try {
  checkSetup();
} catch (e) {
  console.error(e.message);
  process.exit(2);
}

// The workbench's own info lines arrive through the same hook; hidden unless --verbose.
const WORKBENCH_CHATTER =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]|Creation of workbench contribution '[^']*' took \d+ms)/;
// Harmless workbench errors of an offline, signed-out code-server (hidden unless --verbose; any
// other error line is shown): no GitHub auth provider registers; requests cancelled at shutdown.
const WORKBENCH_NOISE =
  /^(Timed out waiting for authentication provider 'github' to register|Canceled: Canceled: Canceled\s*$)/;

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const info = (m) => console.log(`[run-tests +${secs()}s] ${m}`);
let server,
  browser,
  finishing = false;

async function cleanup() {
  try {
    if (browser) await browser.close();
  } catch {
    /* gone */
  }
  try {
    if (server) await server.stop();
  } catch (e) {
    console.error(`run-tests: stopping code-server: ${e.message}`);
  }
}
async function finish(code, why) {
  if (finishing) return;
  finishing = true;
  if (why) info(why);
  if (code !== 0 && server && opts.verbose) {
    try {
      console.error(
        `--- code-server log (${server.logFile}) ---\n${fs.readFileSync(server.logFile, 'utf8').slice(-8000)}`,
      );
    } catch {
      /* none */
    }
  }
  await cleanup();
  info(`exit ${code}`);
  process.exit(code);
}
process.on('SIGINT', () => finish(130, 'interrupted (SIGINT)'));
process.on('SIGTERM', () => finish(143, 'terminated (SIGTERM)'));

const timeoutS = Number(opts.timeout) || 300;
const timer = setTimeout(
  () => finish(124, `TIMEOUT: tests did not finish within ${timeoutS} s (use --verbose for the server log)`),
  timeoutS * 1000,
);
timer.unref?.();

try {
  const settings = opts.kind === 'web' ? webKindSettings(opts.extension) : {};
  server = await startCodeServer({
    workspace: opts.workspace,
    port: opts.port,
    settings,
    userDataDir: opts['user-data-dir'],
    log: opts.verbose ? info : () => {},
  });
  info(`code-server ${server.origin} up`);
  const b = await launchBrowser();
  browser = b.browser;
  const page = b.page;
  let resolveExit;
  const exited = new Promise((r) => {
    resolveExit = r;
  });
  // Called by the workbench (smoke-test-driver mode) when the extension host exits after run().
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  // Called for every log line of the workbench and of the extension host (console.* in the tests,
  // as the raw console arguments: mocha's reporter passes printf-style '%s' formats).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? format(...args) : String(args);
    if (!opts.verbose && (WORKBENCH_NOISE.test(text) || (type !== 'error' && WORKBENCH_CHATTER.test(text)))) return;
    (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
  });
  if (opts.verbose) {
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`[browser console] ${m.text()}`);
    });
    page.on('pageerror', (e) => console.error(`[browser pageerror] ${e.message}`));
  }
  page.on('crash', () => finish(2, 'browser page crashed'));
  const url = workbenchUrl({
    port: server.port,
    workspace: opts.workspace,
    extension: opts.extension,
    tests: opts.tests,
    kind: opts.kind,
  });
  if (opts.verbose) info(`open ${url}`);
  await page.goto(url);
  const code = await exited;
  clearTimeout(timer);
  await finish(code, `extension host exited with code ${code}`);
} catch (e) {
  if (!finishing) console.error(`run-tests: ${e.stack || e.message}`); // else: closed by timeout/signal
  await finish(2);
}
