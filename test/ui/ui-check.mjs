#!/usr/bin/env node
// UI check in a REAL VS Code (code-server + headless Chromium, see test/integration/harness/):
// what a person sees, not what the API says.
//
//   node esbuild.mjs && node test/ui/ui-check.mjs [screenshots folder]
//     default folder: a temp folder (printed), so `npm test` leaves the clone clean;
//     `npm run screenshots` writes them to docs/screenshots/ on purpose (editor.png, hover.png,
//     quick-fix.png, tagged-claim.png, deals-panel.png, hover-sources.png)
//   Env: NEWSMARK_SKIP_SETUP=1 (skip harness/setup.sh), VSCODE_REAL_KEEP=1 (keep code-server's temp dir)
//
// Opens a temp copy of seeds/ with the repo as the extension under development, opens the first
// seed and checks, on the page: the editor shows the file; entities and figures are highlighted;
// the status bar counts them; hovering "$38 billion" shows its provenance; Ctrl+. on it offers the
// tag and correct quick fixes, and "Tag claim as verified" marks the claim; the Newsmark view
// lists the deals; hovering Microsoft's "$13 billion" in another seed lists the other source's
// "~$13.5 billion" as a conflict. Exit 0 = passed, 1 = failed (a screenshot of the failure is saved too).
// Always stops VS Code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const harness = path.join(root, 'test', 'integration', 'harness');
const outDir = path.resolve(process.argv[2] || fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-screenshots-')));
const shot = (name) => path.join(outDir, name);
console.log(`[ui-check] screenshots go to ${outDir}`);

const t0 = Date.now();
const log = (m) => console.log(`[ui-check +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
  console.error('[ui-check] dist/extension.js is missing: run `node esbuild.mjs` first');
  process.exit(1);
}
if (!process.env.NEWSMARK_SKIP_SETUP) {
  const r = spawnSync('bash', [path.join(harness, 'setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[ui-check] harness/setup.sh failed');
    process.exit(1);
  }
}
const {
  decorations,
  hoverText,
  openFile,
  pointOf,
  runCommand: runPalette,
  screenshot,
  startVSCode,
  statusBarText,
} = await import('../integration/harness/ui.mjs');

// The workspace: a temp copy of seeds/, so nothing the extension writes lands in the repo.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-ui-'));
const workspace = path.join(tmp, 'seeds');
fs.cpSync(path.join(root, 'seeds'), workspace, { recursive: true });
for (const f of fs.readdirSync(workspace)) fs.chmodSync(path.join(workspace, f), 0o644); // seeds may be read-only
const seed = fs
  .readdirSync(workspace)
  .filter((f) => f.endsWith('.txt'))
  .sort()[0];
const FIGURE = '$38 billion';

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

/** Polls a page condition (the UI has no events to wait on); fails with `what` after `timeoutMs`. */
async function waitUntil(page, check, what, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(150);
  }
}

const runCommand = (page, title) => runPalette(page, title, { log });

let failed = false;
let vs;
try {
  vs = await startVSCode({
    extension: root,
    workspace,
    log,
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'editor.wordWrap': 'on',
      'editor.minimap.enabled': false,
    },
  });
  const { page } = vs;
  log(`workbench up (${vs.url.split('&')[0]})`);
  await openFile(page, seed);
  log(`${seed} open`);

  // 0. The first run: opening an article activates Newsmark, and its walkthrough opens beside the
  //    article, which keeps the focus. (Closed here so the rest sees the article at full width.)
  await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().waitFor({ timeout: 30_000 });
  // the focused group's active tab (each group has an active tab; only one group is focused)
  let activeTab = null;
  await waitUntil(
    page,
    async () => {
      activeTab = await page.locator('.editor-group-container.active .tab.active').first().getAttribute('aria-label');
      return activeTab?.startsWith(seed);
    },
    'the article to keep the focus',
    10_000,
  ).catch(() => {
    throw new Error(`the article lost the focus to the walkthrough (focused tab: ${activeTab})`);
  });
  await screenshot(page, shot('first-run.png'));
  log('first run: the walkthrough opened beside the article; screenshot first-run.png');
  await runCommand(page, 'View: Close Editors in Other Groups');
  await page
    .locator('.tabs-container .tab', { hasText: 'Welcome' })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 });

  // 1. The editor shows the file's first lines, in order (word wrap on: compare without whitespace).
  const expected = fs
    .readFileSync(path.join(workspace, seed), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(0, 10);
  const squeeze = (lines) => lines.join('').replace(/\s+/g, '');
  let shown = '';
  await waitUntil(
    page,
    async () => {
      shown = squeeze(await renderedLines(page));
      return shown.startsWith(squeeze(expected));
    },
    `the editor to show ${seed}`,
  ).catch(() => {
    throw new Error(
      `the editor does not show ${seed}: expected it to start with ${JSON.stringify(squeeze(expected).slice(0, 200))}, it shows ${JSON.stringify(shown.slice(0, 200))}`,
    );
  });
  log(`editor shows the first ${expected.length} lines of ${seed}`);

  // 2. Highlights: the figure and the entities of the AWS sentence are decorated.
  const highlighted = await waitUntil(
    page,
    async () => {
      const all = await decorations(page);
      const figure = all.find((d) => d.text.trim() === FIGURE);
      const entity = all.find((d) => d.text.trim() === 'OpenAI');
      return figure && entity && all;
    },
    `highlights on "${FIGURE}" and "OpenAI"`,
  );
  const texts = [...new Set(highlighted.map((d) => d.text.trim()).filter(Boolean))];
  log(
    `${highlighted.length} decorations, e.g. ${texts
      .slice(0, 12)
      .map((t) => JSON.stringify(t))
      .join(', ')}`,
  );
  for (const want of ['Sam Altman', 'Satya Nadella', 'November 3, 2025', 'Amazon Web Services', '27%']) {
    if (!texts.includes(want)) throw new Error(`"${want}" is not highlighted (highlighted: ${texts.join(' | ')})`);
  }
  const status = await waitUntil(page, () => statusBarText(page, 'entities'), 'the status bar counts');
  if (!/\d+ entities · \d+ figures · \d+ claims · \d+ tags/.test(status))
    throw new Error(`status bar reads ${JSON.stringify(status)}`);
  log(`status bar: ${JSON.stringify(status.trim())}`);
  await page.mouse.move(5, 300);
  await screenshot(page, shot('editor.png'));
  log('screenshot editor.png');

  // 3. The provenance hover on "$38 billion".
  const hover = await hoverText(page, FIGURE);
  for (const want of [
    '$38 billion → 38,000,000,000 USD',
    'unveiled a multi-year strategic partnership valued at $38 billion',
    'Who says it',
    'File:',
    'cloud contract: OpenAI → Amazon Web Services',
    'Also stated in other sources',
  ]) {
    if (!hover.includes(want)) throw new Error(`the hover lacks ${JSON.stringify(want)}: ${JSON.stringify(hover)}`);
  }
  log(`hover: ${JSON.stringify(hover.slice(0, 160))}…`);
  await screenshot(page, shot('hover.png'));
  log('screenshot hover.png');

  // 4. Ctrl+. on the figure: the quick fixes; "Tag claim as verified" marks the claim.
  await page.keyboard.press('Escape');
  const at = await pointOf(page, FIGURE);
  await page.mouse.click(at.x, at.y);
  await page.mouse.move(at.x, at.y + 200);
  await page.keyboard.press('Control+.');
  const menu = page.locator('.action-widget');
  await menu.locator('.monaco-list-row', { hasText: 'Tag claim as verified' }).first().waitFor({ timeout: 15_000 });
  const items = (await menu.locator('.monaco-list-row').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  for (const want of [
    'Tag claim as verified',
    'Tag claim as disputed',
    'Tag claim as needs source',
    'Tag claim…',
    'Correct claim…',
  ]) {
    if (!items.some((i) => i.includes(want)))
      throw new Error(`the quick-fix menu lacks "${want}": ${JSON.stringify(items)}`);
  }
  log(`quick fixes: ${items.join(' | ')}`);
  await screenshot(page, shot('quick-fix.png'));
  log('screenshot quick-fix.png');
  await menu.locator('.monaco-list-row', { hasText: 'Tag claim as verified' }).first().click();
  const mark = await waitUntil(
    page,
    async () =>
      (await decorations(page)).find((d) => d.text.includes('verified')) ??
      page.evaluate(() => {
        for (const el of document.querySelectorAll('.editor-instance .view-lines span')) {
          const after = getComputedStyle(el, '::after').content;
          if (after && after.includes('verified')) return { text: after };
        }
        return null;
      }),
    'the "✓ verified" mark after the claim',
  );
  log(`tagged claim marked: ${JSON.stringify(mark.text)}`);
  await page.waitForTimeout(300);
  await screenshot(page, shot('tagged-claim.png'));
  log('screenshot tagged-claim.png');
  const stored = JSON.parse(fs.readFileSync(path.join(workspace, '.newsmark', 'annotations.json'), 'utf8'));
  if (!stored.annotations.some((a) => a.tags.includes('verified')))
    throw new Error('annotations.json has no verified claim');

  // 5. The deals panel, opened from the palette, lists deals grouped by kind; a deal expands to its mentions.
  await runCommand(page, 'Newsmark: Show Deals Panel');
  const tree = page.locator('.pane-body .monaco-list');
  await tree.locator('.monaco-list-row', { hasText: 'cloud contract' }).first().waitFor({ timeout: 30_000 });
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    // widen the side bar so the deals read in full in the screenshot
    const edge = sidebar.x + sidebar.width;
    await page.mouse.move(edge + 1, sidebar.y + 300);
    await page.mouse.down();
    await page.mouse.move(edge + 280, sidebar.y + 300, { steps: 8 });
    await page.mouse.up();
  }
  const deal = tree.locator('.monaco-list-row', { hasText: 'OpenAI → Amazon Web Services' }).first();
  await deal.waitFor();
  await deal.click();
  await tree.locator('.monaco-list-row', { hasText: '000_2619ed4e9be0e23f.txt' }).first().waitFor();
  const rows = (await tree.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  log(
    `deals panel: ${rows.length} rows, e.g. ${rows
      .slice(0, 6)
      .map((r) => JSON.stringify(r))
      .join(', ')}`,
  );
  if (!rows.some((r) => r.includes('$38B · 2025-11-03')))
    throw new Error(`the deal shows no value and date: ${JSON.stringify(rows)}`);
  await screenshot(page, shot('deals-panel.png'));
  log('screenshot deals-panel.png');
  // the deal's tooltip is made when it is hovered (resolveTreeItem): the deal is merged again for
  // what each source states, as the panel keeps only a row for it
  const dealTooltip = await waitUntil(
    page,
    async () => {
      await page.mouse.move(5, 5);
      await deal.hover();
      await page.waitForTimeout(1200);
      // (the editor's hover of an earlier step may still be in the page: the deal's is the one with its kind)
      const texts = await page
        .locator('.monaco-hover, .workbench-hover')
        .allInnerTexts()
        .catch(() => []);
      return texts.find((text) => text.includes('Kind:') && text.includes('Sources:'));
    },
    "the deal's tooltip",
    40_000,
  );
  for (const want of ['Kind: cloud contract', 'Sources: 3', '000_2619ed4e9be0e23f.txt: $38B · 2025-11-03'])
    if (!dealTooltip.includes(want))
      throw new Error(`the deal's tooltip lacks ${JSON.stringify(want)}: ${JSON.stringify(dealTooltip)}`);
  log(`deal tooltip: ${JSON.stringify(dealTooltip.replace(/\s+/g, ' ').slice(0, 200))}…`);
  await page.mouse.move(5, 5);

  // 6. Across sources: the hover on Microsoft's "$13 billion" lists the other seed's "~$13.5 billion" as a conflict.
  const analysisSeed = '004_cab57fbbdb23375a.txt';
  const analysisText = fs.readFileSync(path.join(workspace, analysisSeed), 'utf8');
  const stake = '$13 billion';
  await openFile(page, analysisSeed);
  await page.keyboard.press('Control+G');
  await page
    .locator('.quick-input-widget input')
    .fill(`:${analysisText.slice(0, analysisText.indexOf(stake)).split('\n').length}`);
  await page.keyboard.press('Enter');
  const sourcesHover = await waitUntil(
    page,
    async () => {
      const text = await hoverText(page, stake).catch(() => '');
      return text.includes('~$13.5 billion') && text;
    },
    'the hover listing the other source',
    60_000,
  );
  for (const want of [
    'Also stated in other sources',
    'conflicts',
    '001_45896242951b7f89.txt',
    '~$13.5 billion',
    'beyond 1%',
  ]) {
    if (!sourcesHover.includes(want))
      throw new Error(`the cross-source hover lacks ${JSON.stringify(want)}: ${JSON.stringify(sourcesHover)}`);
  }
  log(
    `cross-source hover: ${JSON.stringify(sourcesHover.slice(sourcesHover.indexOf('Also stated'), sourcesHover.indexOf('Also stated') + 200))}…`,
  );
  // the hover is long: move onto it (it stays) and scroll its end, "Also stated in other sources", into view
  const box = await page.locator('.monaco-hover:not(.hidden)').first().boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20, { steps: 4 });
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 200);
    await page.waitForTimeout(300);
  }
  await screenshot(page, shot('hover-sources.png'));
  log('screenshot hover-sources.png');

  // 7. The walkthrough, from the palette: the steps done above (hover a figure, the deals panel, tag a claim) are checked.
  await page.keyboard.press('Escape');
  await runCommand(page, 'Newsmark: Get Started');
  const steps = page.locator('.getting-started-step');
  await steps.first().waitFor({ timeout: 30_000 });
  const done = await waitUntil(
    page,
    async () => {
      const states = await steps.evaluateAll((els) =>
        els.map((el) => ({
          title: (el.querySelector('.step-title')?.textContent ?? el.textContent ?? '').trim(),
          checked: !!el.querySelector('.codicon-getting-started-step-checked'),
        })),
      );
      const checked = states.filter((s) => s.checked).map((s) => s.title);
      return (
        ['Hover a figure', 'Browse the deals', 'Tag a claim'].every((t) => checked.some((c) => c.startsWith(t))) &&
        states
      );
    },
    'the walkthrough to check the steps done',
    30_000,
  ).catch(async (e) => {
    const states = await steps.evaluateAll((els) =>
      els.map(
        (el) => `${el.textContent?.trim().slice(0, 40)}: ${el.className} ${el.querySelector('.codicon')?.className}`,
      ),
    );
    throw new Error(`${e.message}: ${JSON.stringify(states)}`);
  });
  log(`walkthrough: ${done.map((s) => `${s.checked ? '✓' : '·'} ${s.title.slice(0, 40)}`).join(' | ')}`);
  await screenshot(page, shot('walkthrough.png'));
  log('screenshot walkthrough.png');
  log('UI check passed');
} catch (e) {
  failed = true;
  console.error(`[ui-check] FAILED: ${e.message}`);
  if (vs) {
    const failShot = path.join(os.tmpdir(), `newsmark-ui-check-failed-${Date.now()}.png`);
    try {
      await screenshot(vs.page, failShot);
      console.error(`[ui-check] screenshot of the failure: ${failShot}`);
    } catch {
      /* no page */
    }
  }
} finally {
  if (vs) await vs.stop();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(failed ? 1 : 0);
