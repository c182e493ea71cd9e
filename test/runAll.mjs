#!/usr/bin/env node
// npm test: every suite, one after the other — type check, unit tests (mocha on Node), the
// extension's integration tests in a real VS Code, the UI checks in a real browser (the desktop
// build, and the browser build in a web worker extension host), the packaged .vsix — then
// one closing line `N passed, N failed[, N skipped]` over all of them (CI reads that line).
// NEWSMARK_SKIP_VSCODE=1 skips the suites that need the VS Code host (reported as skipped).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-results-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];

const CLOSING = /^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

/** Runs a command with its output shown as it comes, and remembers its last closing line. */
function runTee(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, stdio: ['inherit', 'pipe', 'inherit'], env });
    let closing = null;
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = CLOSING.exec(line);
        if (m) closing = { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) };
      }
    });
    child.on('close', (status) => resolve({ status, closing }));
    child.on('error', () => resolve({ status: 127, closing: null }));
  });
}

/**
 * One suite: its counts from a results file (mocha's reporter), its own closing line
 * ("closing"), or its exit status as one check ("exit").
 */
async function suite(name, command, args, { counts = 'json', env = {} } = {}) {
  const resultsFile = path.join(resultsDir, `${name}.json`);
  console.log(`\n━━ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const result = await runTee(command, args, { ...process.env, NEWSMARK_TEST_RESULTS: resultsFile, ...env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let count = { passed: 0, failed: 0, skipped: 0 };
  if (counts === 'json' && fs.existsSync(resultsFile))
    count = { skipped: 0, ...JSON.parse(fs.readFileSync(resultsFile, 'utf8')) };
  else if (counts === 'closing' && result.closing) count = result.closing;
  else if (counts === 'exit')
    count = result.status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  // a suite that died before reporting, or exited non-zero with no failure counted, is a failure
  if (result.status !== 0 && count.failed === 0) count.failed = 1;
  totals.passed += count.passed;
  totals.failed += count.failed;
  totals.skipped += count.skipped;
  rows.push(
    `${name.padEnd(15)} ${String(count.passed).padStart(4)} passed ${String(count.failed).padStart(3)} failed ${String(count.skipped).padStart(3)} skipped  ${seconds}s`,
  );
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
await suite('typecheck', npm, ['run', '--silent', 'typecheck'], { counts: 'exit' });
await suite('lint', npm, ['run', '--silent', 'lint'], { counts: 'exit' });
await suite('build', process.execPath, ['esbuild.mjs'], { counts: 'exit' });
await suite('unit', npx, ['mocha', '--reporter', path.join('test', 'reporters', 'countingSpec.cjs')]);
if (process.env.NEWSMARK_SKIP_VSCODE === '1') {
  rows.push(
    'integration     skipped (NEWSMARK_SKIP_VSCODE=1)',
    'ui              skipped (NEWSMARK_SKIP_VSCODE=1)',
    'ui-map          skipped (NEWSMARK_SKIP_VSCODE=1)',
    'integration-web skipped (NEWSMARK_SKIP_VSCODE=1)',
    'web             skipped (NEWSMARK_SKIP_VSCODE=1)',
    'package         skipped (NEWSMARK_SKIP_VSCODE=1)',
  );
  totals.skipped += 6;
} else {
  await suite('integration', process.execPath, [path.join('test', 'integration', 'run.mjs')], { counts: 'closing' });
  await suite('ui', process.execPath, [path.join('test', 'ui', 'ui-check.mjs')], { counts: 'exit' });
  await suite('ui-map', process.execPath, [path.join('test', 'ui', 'map-check.mjs')], { counts: 'exit' });
  await suite('integration-web', process.execPath, [path.join('test', 'integration', 'run.mjs'), '--web'], {
    counts: 'closing',
  });
  await suite('web', process.execPath, [path.join('test', 'web', 'web-check.mjs')], { counts: 'exit' });
  await suite('package', process.execPath, [path.join('test', 'package', 'package-check.mjs')], { counts: 'exit' });
}
fs.rmSync(resultsDir, { recursive: true, force: true });

const closing = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
console.log(`\n━━ summary\n${rows.join('\n')}`);
fs.mkdirSync(path.join(repo, 'test', '.results'), { recursive: true });
fs.writeFileSync(path.join(repo, 'test', '.results', 'summary.txt'), `${closing}\n`);
console.log(closing);
process.exit(totals.failed > 0 ? 1 : 0);
