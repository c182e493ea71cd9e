// Row 5: the extension and CLI bundles (sizes; production options) and a stub measurement of
// require + activate() in cold processes. CLI cold start (`--version`) too.
import { statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { median } from './stats.mjs';
import { runNode, lastJson } from './spawn.mjs';
import { ROOT } from './build.mjs';
import { ensureHost, inHost } from './host.mjs';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CHILD = fileURLToPath(new URL('./extension-child.mjs', import.meta.url));

function sizeOf(file) {
  if (!existsSync(file)) return null;
  return { bytes: statSync(file).size, gzipBytes: gzipSync(readFileSync(file)).length };
}

/** activate() in a real VS Code (code-server) on a copy of seeds/, `launches` times (each a cold host). */
async function hostActivation({ bundles, launches, log }) {
  ensureHost(log);
  const workspace = join(mkdtempSync(join(tmpdir(), 'newsmark-bench-seeds-')), 'seeds');
  cpSync(join(ROOT, 'seeds'), workspace, { recursive: true });
  try {
    const runs = [];
    const empty = [];
    // interleaved, so a change in the machine's load falls on both alike
    for (let i = 0; i < launches; i++) {
      empty.push(await inHost({ bundles, workspace, timeoutS: 300, log, empty: true }));
      runs.push(await inHost({ bundles, workspace, timeoutS: 300, log }));
    }
    return {
      empty: {
        activateCallMs: median(empty.map((r) => r.activateCallMs)),
        activateCallCpuMs: median(empty.map((r) => r.activateCallCpuMs ?? NaN)),
        calls: empty.map((r) => r.activateCallMs),
      },
      launches,
      activationMs: median(runs.map((r) => r.activationMs)),
      runs: runs.map((r) => r.activationMs),
      activateCallMs: median(runs.map((r) => r.activateCallMs)),
      activateCallCpuMs: median(runs.map((r) => r.activateCallCpuMs ?? NaN)),
      bundleEvaluationMs: median(runs.map((r) => r.bundleEvaluationMs ?? NaN)),
      calls: runs.map((r) => r.activateCallMs),
      indexMs: median(runs.map((r) => r.indexMs)),
      node: runs[0].node,
      vscode: runs[0].vscode,
    };
  } finally {
    rmSync(join(workspace, '..'), { recursive: true, force: true });
  }
}

export async function extensionRow({ bundles, coldRuns, hostLaunches = 3, log }) {
  const sizes = {
    extension: sizeOf(bundles.extension),
    cli: sizeOf(bundles.cli),
    // what dist/ holds right now (built by `npm run bench`, unless someone rebuilt it since)
    distExtension: sizeOf(join(ROOT, 'dist', 'extension.js')),
    distCli: sizeOf(join(ROOT, 'dist', 'cli.js')),
    indexWorker: sizeOf(bundles.indexWorker),
  };
  log(`row 5: activate() with a fake vscode module, ${coldRuns} cold processes`);
  const runs = [];
  for (let i = 0; i < coldRuns; i++)
    runs.push(lastJson((await runNode([CHILD, bundles.extension, join(ROOT, 'package.json')])).stdout));
  const ok = runs.filter((r) => !r.error);
  const stub = {
    runs: runs.length,
    errors: [...new Set(runs.filter((r) => r.error).map((r) => r.error))],
    requireMs: median(ok.map((r) => r.requireMs)),
    // reading and compiling the bundle: the require less the run of its code
    compileMs: ok.every((r) => r.evaluationMs !== null) ? median(ok.map((r) => r.requireMs - r.evaluationMs)) : null,
    activateMs: median(ok.map((r) => r.activateMs)),
    settledMs: ok.some((r) => r.settledMs !== null) ? median(ok.map((r) => r.settledMs ?? r.activateMs)) : null,
    subscriptions: ok[0]?.subscriptions ?? null,
    vscodeCalls: ok[0]?.vscodeCalls ?? null,
  };
  log(`row 5: CLI cold start (--version), ${coldRuns} processes`);
  const cliStart = [];
  for (let i = 0; i < coldRuns; i++) cliStart.push((await runNode([bundles.cli, '--version'])).wallMs);
  const nodeStart = [];
  for (let i = 0; i < coldRuns; i++) nodeStart.push((await runNode(['-e', '0'])).wallMs);
  log(`row 5: activate() in VS Code (code-server), ${hostLaunches} launches on seeds/`);
  let host;
  try {
    host = hostLaunches > 0 ? await hostActivation({ bundles, launches: hostLaunches, log }) : null;
  } catch (error) {
    log(`row 5: activate() in VS Code failed: ${error?.stack ?? error}`);
    host = { error: String(error?.message ?? error) };
  }
  return { sizes, host, stub, cliColdStartMs: median(cliStart), nodeColdStartMs: median(nodeStart) };
}
