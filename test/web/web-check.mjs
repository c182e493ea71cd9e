#!/usr/bin/env node
// Newsmark in a browser's web worker extension host — what vscode.dev and github.dev run — checked
// on the page of a real VS Code for the Web (code-server + headless Chromium, test/integration/harness/).
//
//   node esbuild.mjs && node test/web/web-check.mjs
//   Env: NEWSMARK_SKIP_SETUP=1 (skip harness/setup.sh), VSCODE_REAL_KEEP=1 (keep code-server's temp dir)
//
// The repo is the extension under development with `extensionDevelopmentKind: web`, so the
// workbench loads package.json's `browser` entry (dist/web/extension.js) into its web worker
// extension host, not `main` into code-server's Node one. On a temp copy of seeds/ it checks:
//  1. the extension ran there: the Newsmark log says "(web build) activated … in a web worker
//     extension host" (the desktop build says "(desktop build) … in a Node … extension host", and
//     the web build says otherwise outside a worker);
//  2. the seed's entities and figures are highlighted;
//  3. hovering "$38 billion" shows its provenance, and the other sources (the workspace indexed on
//     the host, without worker threads);
//  4. the deals panel lists the deals, "$38B · 2025-11-03" among them;
//  5. the quick fix "Tag claim as verified" writes the tag to .newsmark/annotations.json (read
//     here from disk) through `vscode.workspace.fs`;
//  6. "Export Tagged Claims…" writes the claim, with the seed's sha256 (Web Crypto) equal to the
//     sha256 of its bytes computed here.
// Exit 0 = passed, 1 = failed (a screenshot of the failure is saved). Always stops VS Code.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const harness = path.join(root, 'test', 'integration', 'harness');
const t0 = Date.now();
const log = (m) => console.log(`[web-check +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const browserEntry = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).browser;
if (!browserEntry || !fs.existsSync(path.join(root, browserEntry))) {
  console.error(
    `[web-check] package.json "browser" (${browserEntry}) is missing or not built: run \`node esbuild.mjs\` first`,
  );
  process.exit(1);
}
if (!process.env.NEWSMARK_SKIP_SETUP) {
  const r = spawnSync('bash', [path.join(harness, 'setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[web-check] harness/setup.sh failed');
    process.exit(1);
  }
}
const { decorations, hoverText, openFile, pointOf, screenshot, startVSCode } =
  await import('../integration/harness/ui.mjs');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-web-'));
const workspace = path.join(tmp, 'seeds');
fs.cpSync(path.join(root, 'seeds'), workspace, { recursive: true });
for (const f of fs.readdirSync(workspace)) fs.chmodSync(path.join(workspace, f), 0o644); // seeds may be read-only
const seed = fs
  .readdirSync(workspace)
  .filter((f) => f.endsWith('.txt'))
  .sort()[0];
const FIGURE = '$38 billion';
const annotationsFile = path.join(workspace, '.newsmark', 'annotations.json');
const exportFile = path.join(workspace, 'newsmark-claims.json'); // where the export proposes to write

/** Polls a page condition (the UI has no events to wait on); fails with `what` after `timeoutMs`. */
async function waitUntil(page, check, what, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

async function runCommand(page, title) {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => {}); // the focus out of any webview
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The text of the Output panel's editor (the channel shown), top to bottom. */
async function outputText(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.part.panel .monaco-editor');
    if (!editor) return '';
    return [...editor.querySelectorAll('.view-lines .view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text)
      .join('\n');
  });
}

let failed = false;
let vs;
try {
  vs = await startVSCode({
    extension: root,
    workspace,
    kind: 'web',
    log,
    settings: { 'editor.wordWrap': 'on', 'editor.minimap.enabled': false },
  });
  const { page } = vs;
  log(`workbench up, the extension in the web worker host (${vs.url.split('&')[0]})`);
  await openFile(page, seed);
  log(`${seed} open`);
  // the first run opens the walkthrough beside the article: closed, so the article has the width
  const welcome = page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first();
  await welcome.waitFor({ timeout: 60_000 });
  await welcome.locator('.tab-actions .action-label').first().click({ force: true });
  await welcome.waitFor({ state: 'detached', timeout: 10_000 });
  await openFile(page, seed);

  // 1. Where it runs: the activation line of the Newsmark log.
  await runCommand(page, 'Newsmark: Show Log');
  const activated = await waitUntil(
    page,
    async () => (await outputText(page)).split('\n').find((l) => l.includes(' activated in ')),
    'the activation line in the Newsmark log',
  );
  log(`log: ${activated.trim()}`);
  if (!/\(web build\) activated in [\d.]+ ms in a web worker extension host/.test(activated)) {
    throw new Error(
      `Newsmark did not run its browser build in a web worker extension host: ${JSON.stringify(activated)}`,
    );
  }
  await runCommand(page, 'View: Hide Panel');
  await openFile(page, seed); // the focus back on the article

  // 2. Highlights on the seed.
  const highlighted = await waitUntil(
    page,
    async () => {
      const all = await decorations(page);
      return all.some((d) => d.text.trim() === FIGURE) && all.some((d) => d.text.trim() === 'OpenAI') && all;
    },
    `highlights on "${FIGURE}" and "OpenAI"`,
    60_000,
  );
  const texts = [...new Set(highlighted.map((d) => d.text.trim()).filter(Boolean))];
  for (const want of ['Sam Altman', 'Amazon Web Services', 'November 3, 2025', '27%']) {
    if (!texts.includes(want)) throw new Error(`"${want}" is not highlighted (highlighted: ${texts.join(' | ')})`);
  }
  log(
    `${highlighted.length} highlights, e.g. ${texts
      .slice(0, 8)
      .map((t) => JSON.stringify(t))
      .join(', ')}`,
  );

  // 3. The provenance hover, with the other sources: the workspace was indexed on the host.
  const hover = await waitUntil(
    page,
    async () => {
      const text = await hoverText(page, FIGURE).catch(() => '');
      await page.mouse.move(5, 300);
      return text.includes('Also stated in other sources') && text;
    },
    `the hover of "${FIGURE}" with the other sources`,
    90_000,
  );
  for (const want of [
    '$38 billion → 38,000,000,000 USD',
    'Who says it',
    'cloud contract: OpenAI → Amazon Web Services',
  ]) {
    if (!hover.includes(want)) throw new Error(`the hover lacks ${JSON.stringify(want)}: ${JSON.stringify(hover)}`);
  }
  log(`hover: ${JSON.stringify(hover.slice(0, 120))}…`);
  await page.keyboard.press('Escape');

  // 4. The deals panel.
  await runCommand(page, 'Newsmark: Show Deals Panel');
  const tree = page.locator('.pane-body .monaco-list');
  await tree.locator('.monaco-list-row', { hasText: 'cloud contract' }).first().waitFor({ timeout: 60_000 });
  const deal = tree.locator('.monaco-list-row', { hasText: 'OpenAI → Amazon Web Services' }).first();
  await deal.waitFor();
  const rows = (await tree.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  if (!rows.some((r) => r.includes('$38B · 2025-11-03')))
    throw new Error(`the deals panel shows no "$38B · 2025-11-03": ${JSON.stringify(rows)}`);
  log(
    `deals panel: ${rows.length} rows, e.g. ${rows
      .slice(0, 4)
      .map((r) => JSON.stringify(r))
      .join(', ')}`,
  );

  // 5. The quick fix "Tag claim as verified", written to .newsmark/annotations.json.
  await openFile(page, seed);
  const at = await pointOf(page, FIGURE);
  await page.mouse.click(at.x, at.y);
  await page.mouse.move(at.x, at.y + 200);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.locator('.monaco-list-row', { hasText: 'Tag claim as verified' }).first().waitFor({ timeout: 20_000 });
  await menu.locator('.monaco-list-row', { hasText: 'Tag claim as verified' }).first().click();
  const stored = await waitUntil(
    page,
    async () => {
      if (!fs.existsSync(annotationsFile)) return undefined;
      const file = JSON.parse(fs.readFileSync(annotationsFile, 'utf8'));
      return file.annotations.find(
        (a) => a.tags.includes('verified') && a.source === seed && a.anchor.quote.exact.includes(FIGURE),
      );
    },
    `a "verified" tag on the claim of "${FIGURE}" in ${annotationsFile}`,
  );
  log(
    `annotations.json on disk: ${stored.id} ${JSON.stringify(stored.tags)} on ${JSON.stringify(stored.anchor.quote.exact.slice(0, 80))}…`,
  );

  // 6. The export, its sha256 from Web Crypto.
  await runCommand(page, 'Newsmark: Export Tagged Claims…');
  const dialog = page.locator('.quick-input-widget input');
  await dialog.waitFor({ state: 'visible' });
  // first the format, as a user picks it: "JSON claims"
  const format = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'JSON claims' });
  await format.first().waitFor({ state: 'visible', timeout: 15_000 });
  await format.first().click();
  await waitUntil(page, async () => (await dialog.inputValue()) !== '', 'the save dialog after the format', 15_000);
  const wanted = `${path.basename(workspace)}/${path.basename(exportFile)}`;
  let proposed = '';
  await waitUntil(
    page,
    async () => (proposed = await dialog.inputValue()).endsWith(wanted),
    `the save dialog to propose ${wanted}`,
    15_000,
  ).catch(() => {
    throw new Error(
      `the save dialog proposes ${JSON.stringify(proposed)}, not ${path.basename(exportFile)} in the workspace folder`,
    );
  });
  await page.keyboard.press('Enter'); // VS Code's own file dialog in the browser: the proposed file
  const exported = await waitUntil(
    page,
    () => fs.existsSync(exportFile) && JSON.parse(fs.readFileSync(exportFile, 'utf8')),
    `the export in ${exportFile}`,
  );
  const claim = exported.claims?.find((c) => c.tags?.includes('verified') && c.source?.path === seed);
  if (!claim) throw new Error(`the export has no verified claim of ${seed}: ${JSON.stringify(exported).slice(0, 400)}`);
  const sha256 = createHash('sha256')
    .update(fs.readFileSync(path.join(workspace, seed)))
    .digest('hex');
  if (claim.source.sha256 !== sha256)
    throw new Error(`the export gives ${seed} the sha256 ${claim.source.sha256}, its bytes have ${sha256}`);
  log(`export: ${exported.claims.length} claim(s); ${seed} sha256 ${sha256.slice(0, 16)}… as its bytes have it`);
  log('web check passed');
} catch (e) {
  failed = true;
  console.error(`[web-check] FAILED: ${e.message}`);
  if (vs) {
    const failShot = path.join(os.tmpdir(), `newsmark-web-check-failed-${Date.now()}.png`);
    try {
      await screenshot(vs.page, failShot);
      console.error(`[web-check] screenshot of the failure: ${failShot}`);
    } catch {
      /* no page */
    }
  }
} finally {
  if (vs) await vs.stop();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(failed ? 1 : 0);
