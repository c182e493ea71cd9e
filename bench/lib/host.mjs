// The extension in a real VS Code (code-server, through test/integration/harness/run-tests.mjs):
// the production extension.js and indexWorker.js of this run in a temp extension folder, and
// bench/host/runner.ts as the "tests" module. The runner activates Newsmark, waits for the
// workspace index to be idle and writes its measurements as JSON (see runner.ts).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.mjs';
import { runNode } from './spawn.mjs';

const HARNESS = join(ROOT, 'test', 'integration', 'harness');

/** Installs the test host when missing (setup.sh is idempotent and quick once installed). */
export function ensureHost(log) {
  log('host: test/integration/harness/setup.sh');
  const r = spawnSync('bash', [join(HARNESS, 'setup.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0)
    throw new Error(`harness/setup.sh failed (exit ${r.status ?? r.signal}): the VS Code test host is not installed`);
}

/**
 * The baseline of `ext.activate()` (issue 14 §7): the same package.json, whose `main` is an
 * extension that does nothing. VS Code's own part of the call (reading the extension's state,
 * creating its context, loading a module) is the same for both; the difference is Newsmark's.
 */
const EMPTY_EXTENSION = `"use strict";
exports.activate = () => ({ isEmptyBaseline: true });
exports.deactivate = () => {};
`;

function prepareEmpty(bundles) {
  const ext = join(bundles.dir, 'host-extension-empty');
  if (!existsSync(ext)) {
    mkdirSync(join(ext, 'dist'), { recursive: true });
    cpSync(join(bundles.snapshot, 'package.json'), join(ext, 'package.json'));
    writeFileSync(join(ext, 'dist', 'extension.js'), EMPTY_EXTENSION);
  }
  return ext;
}

async function prepare(bundles) {
  const ext = join(bundles.dir, 'host-extension');
  if (!existsSync(ext)) {
    mkdirSync(join(ext, 'dist'), { recursive: true });
    cpSync(join(bundles.snapshot, 'package.json'), join(ext, 'package.json'));
    for (const folder of ['media', 'schemas']) cpSync(join(ROOT, folder), join(ext, folder), { recursive: true });
    cpSync(bundles.extension, join(ext, 'dist', 'extension.js'));
    cpSync(bundles.indexWorker, join(ext, 'dist', 'indexWorker.js'));
    // an older snapshot (a before/after comparison) has no engine bundle: its extension.js holds the engine
    if (bundles.extensionEngine && existsSync(bundles.extensionEngine))
      cpSync(bundles.extensionEngine, join(ext, 'dist', 'engine.js'));
  }
  const runner = join(bundles.dir, 'host-runner', 'index.js');
  if (!existsSync(runner)) {
    await esbuild.build({
      entryPoints: [join(ROOT, 'bench', 'host', 'runner.ts')],
      outfile: runner,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['vscode'],
      logLevel: 'warning',
    });
  }
  return { ext, runner };
}

/**
 * Starts VS Code on `workspace`, lets the runner measure, stops it. Resolves the runner's JSON
 * plus the wall time of the whole launch; rejects when the host fails or the runner reports an error.
 */
export async function inHost({
  bundles,
  workspace,
  timeoutS = 900,
  log,
  empty = false,
  userDataDir,
  port,
  reopened = false,
}) {
  const prepared = await prepare(bundles);
  const runner = prepared.runner;
  const ext = empty ? prepareEmpty(bundles) : prepared.ext;
  const out = join(bundles.dir, `host-result-${Date.now()}.json`);
  process.env.NEWSMARK_BENCH_OUT = out; // inherited by code-server and its extension host
  if (reopened) process.env.NEWSMARK_BENCH_REOPENED = '1'; // the runner measures a reopened window
  try {
    const r = await runNode([
      join(HARNESS, 'run-tests.mjs'),
      '--extension',
      ext,
      '--tests',
      runner,
      '--workspace',
      workspace,
      '--timeout',
      String(timeoutS),
      ...(userDataDir ? ['--user-data-dir', userDataDir] : []),
      ...(port ? ['--port', String(port)] : []),
    ]);
    if (!existsSync(out))
      throw new Error(`the VS Code host wrote no result (exit ${r.code}):\n${(r.stdout + r.stderr).slice(-3000)}`);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    if (result.error) throw new Error(`in VS Code: ${result.error}`);
    if (result.isEmptyBaseline) {
      log(`host: an extension that does nothing: ext.activate() call ${result.activateCallMs.toFixed(1)} ms`);
      return { ...result, launchWallMs: r.wallMs };
    }
    log(
      `host: ${workspace}${reopened ? ' (reopened)' : ''}: activate() ${result.activationMs.toFixed(1)} ms${result.indexed ? `, ${result.indexed} articles indexed in ${(result.indexMs / 1000).toFixed(1)} s` : ''}`,
    );
    return { ...result, launchWallMs: r.wallMs };
  } finally {
    delete process.env.NEWSMARK_BENCH_OUT;
    delete process.env.NEWSMARK_BENCH_REOPENED;
    rmSync(out, { force: true });
  }
}
