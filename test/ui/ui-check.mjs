#!/usr/bin/env node
// UI check in a REAL VS Code (code-server + headless Chromium, see test/integration/harness/):
// what a person sees, not what the API says. Skeleton — extend with decoration/hover checks as
// features land (harness/ui.mjs also exports decorations(page) and hoverText(page, text)).
//
//   node esbuild.mjs && node test/ui/ui-check.mjs [screenshot.png]
//     default screenshot: docs/screenshots/editor.png
//   Env: NEWSMARK_SKIP_SETUP=1 (skip harness/setup.sh), VSCODE_REAL_KEEP=1 (keep code-server's temp dir)
//
// Opens a temp copy of seeds/ with the repo as the extension under development, opens the first
// seed with Quick Open, checks the editor renders the file's text, saves a screenshot.
// Exit 0 = passed, 1 = failed (a screenshot of the failure is saved too). Always stops VS Code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const harness = path.join(root, 'test', 'integration', 'harness');
const out = path.resolve(process.argv[2] || path.join(root, 'docs', 'screenshots', 'editor.png'));

const t0 = Date.now();
const log = (m) => console.log(`[ui-check +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
  console.error('[ui-check] dist/extension.js is missing: run `node esbuild.mjs` first');
  process.exit(1);
}
if (!process.env.NEWSMARK_SKIP_SETUP) {
  const r = spawnSync('bash', [path.join(harness, 'setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) { console.error('[ui-check] harness/setup.sh failed'); process.exit(1); }
}
const { openFile, screenshot, startVSCode } = await import('../integration/harness/ui.mjs');

// The workspace: a temp copy of seeds/, so nothing the extension writes lands in the repo.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ui-'));
const workspace = path.join(tmp, 'seeds');
fs.cpSync(path.join(root, 'seeds'), workspace, { recursive: true });
for (const f of fs.readdirSync(workspace)) fs.chmodSync(path.join(workspace, f), 0o644); // seeds may be read-only
const seed = fs.readdirSync(workspace).filter((f) => f.endsWith('.txt')).sort()[0];

/** The text of the rendered lines of the active editor, top to bottom ('' for empty lines). */
async function renderedLines(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    if (!editor) return [];
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text);
  });
}

let failed = false;
let vs;
try {
  vs = await startVSCode({ extension: root, workspace, log });
  log(`workbench up (${vs.url.split('&')[0]})`);
  await openFile(vs.page, seed);
  log(`${seed} open`);

  // The editor shows the file's first lines, in order (long lines: Monaco may cut the rendering).
  const expected = fs.readFileSync(path.join(workspace, seed), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 10);
  let shown = [];
  let mismatch = '';
  for (let i = 0; i < 50; i++) {
    shown = await renderedLines(vs.page);
    mismatch = '';
    for (let n = 0; n < expected.length && !mismatch; n++) {
      const want = expected[n].trimEnd();
      const got = (shown[n] ?? '<not rendered>').trimEnd();
      const ok = got === want || (want.length > 200 && got.length >= 100 && want.startsWith(got));
      if (!ok) mismatch = `line ${n + 1}: expected ${JSON.stringify(want.slice(0, 120))}, editor shows ${JSON.stringify(got.slice(0, 120))}`;
    }
    if (!mismatch) break;
    await vs.page.waitForTimeout(200);
  }
  if (mismatch) throw new Error(`the editor does not show ${seed}: ${mismatch}`);
  log(`editor shows the first ${expected.length} lines of ${seed} (${shown.length} lines rendered)`);

  const tab = await vs.page.locator('.tabs-container .tab.active').getAttribute('aria-label');
  if (!tab?.startsWith(seed)) throw new Error(`active tab is ${JSON.stringify(tab)}, expected ${seed}`);

  await screenshot(vs.page, out);
  log(`screenshot ${path.relative(process.cwd(), out) || out}`);
  log('UI check passed');
} catch (e) {
  failed = true;
  console.error(`[ui-check] FAILED: ${e.message}`);
  if (vs) {
    const failShot = path.join(os.tmpdir(), `newsmark-ui-check-failed-${Date.now()}.png`);
    try { await screenshot(vs.page, failShot); console.error(`[ui-check] screenshot of the failure: ${failShot}`); } catch { /* no page */ }
  }
} finally {
  if (vs) await vs.stop();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(failed ? 1 : 0);
