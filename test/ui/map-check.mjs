#!/usr/bin/env node
// UI check of the deal map and the fact timeline in a REAL VS Code (code-server + headless
// Chromium, see test/integration/harness/): what a person sees and does, in the webviews' DOM.
//
//   node esbuild.mjs && node test/ui/map-check.mjs [screenshots folder]
//     default folder: test/.results/screenshots/ (git-ignored); `npm run screenshots` writes docs/screenshots/
//   Env: NEWSMARK_SKIP_SETUP=1 (skip harness/setup.sh), NEWSMARK_MAP_DEALS=N (the generated workspace, default 2000)
//
// 1. On a copy of seeds/: "Newsmark: Show Deal Map" from the palette; the map's SVG has nodes,
//    edges and a legend; filter to cloud contracts with the Kinds control; hover the OpenAI → AWS
//    edge with the mouse (the card reads parties, kind, $38B, date, sources); click it (its
//    mentions are listed); click a mention (the article opens at the sentence); save the map as
//    SVG through the save dialog. "Newsmark: Show Fact Timeline…" and pick Microsoft → OpenAI: two
//    statements marked ≠ (conflicting); Enter on one opens its sentence; save the chart as SVG.
// 2. On a generated workspace of 2,000 deals: the map draws them (the layout time, read from the
//    page, is logged; its target is checked by the bench, row 7, against a baseline measured in
//    the same run — never as a timed test), the search finds a party, the map stays usable. The
//    deals panel over them starts collapsed; an expanded group ends with "Show more" after 200
//    deals, and Enter on it lists 200 more. Two more articles there state OpenAI's headcount
//    differently, and newsmark.conflicts.maxArticles is 1: the status bar says "Conflicts: 1 of N
//    articles in Problems", and a click on it opens that setting. Screenshots of each step.
// Exit 0 = passed, 1 = failed (a screenshot of the failure is saved too). Always stops VS Code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { writeDealWorkspace } from './dealWorkspace.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const harness = path.join(root, 'test', 'integration', 'harness');
const outDir = path.resolve(process.argv[2] || path.join(root, 'test', '.results', 'screenshots'));
const shot = (name) => path.join(outDir, name);
const DEALS = Number(process.env.NEWSMARK_MAP_DEALS || 2000);

const t0 = Date.now();
const log = (m) => console.log(`[map-check +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

if (!fs.existsSync(path.join(root, 'dist', 'webview', 'dealMap.js'))) {
  console.error('[map-check] dist/webview/dealMap.js is missing: run `node esbuild.mjs` first');
  process.exit(1);
}
if (!process.env.NEWSMARK_SKIP_SETUP) {
  const r = spawnSync('bash', [path.join(harness, 'setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[map-check] harness/setup.sh failed');
    process.exit(1);
  }
}
const {
  openFile,
  runCommand: runPalette,
  screenshot,
  startVSCode,
  statusBarText,
} = await import('../integration/harness/ui.mjs');

async function waitUntil(page, check, what, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

const runCommand = (page, title, pick) => runPalette(page, title, { pick, log });

/** The frame of the webview whose page holds `selector` (code-server nests it in two iframes). */
async function webviewFrame(page, selector, timeoutMs = 60_000) {
  return waitUntil(
    page,
    async () => {
      for (const frame of page.frames()) {
        if (!frame.url().includes('fake.html') && !frame.url().includes('index.html?')) continue;
        if (
          await frame
            .locator(selector)
            .count()
            .catch(() => 0)
        )
          return frame;
      }
      return undefined;
    },
    `a webview showing ${selector}`,
    timeoutMs,
  );
}

/** Saves through VS Code's own save dialog (code-server's simple dialog: a path in a quick input). */
async function saveAs(page, target) {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  // VS Code's own save dialog fills in its proposal after it shows: wait for it, then replace it,
  // and make sure the field holds exactly the target before accepting (a late proposal appends)
  await waitUntil(page, async () => /\.(svg|png)$/.test(await input.inputValue()), 'the save dialog to propose a file');
  await waitUntil(
    page,
    async () => {
      await input.fill(target);
      return (await input.inputValue()) === target;
    },
    `the save dialog to hold ${target}`,
  );
  await page.keyboard.press('Enter');
  await waitUntil(page, async () => fs.existsSync(target) && fs.statSync(target).size > 0, `${target} to be written`);
}

/** A saved SVG drawn by another renderer (resvg), as a reader's tool would: the README shows these PNGs. */
function renderSvg(svgFile, pngFile) {
  const png = new Resvg(fs.readFileSync(svgFile, 'utf8'), {
    fitTo: { mode: 'width', value: 1200 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  if (png.length < 5000) throw new Error(`${svgFile} renders to almost nothing (${png.length} bytes of PNG)`);
  fs.writeFileSync(pngFile, png);
}

/** Errors the browser's console shows about webviews (a blank webview explains itself in the log). */
function logWebviewErrors(page) {
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /webview|service ?worker/i.test(text))
      log(`browser console: ${text.slice(0, 300)}`);
  });
}

async function activeSelection(page) {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
    return editor ? editor.querySelectorAll('.selected-text').length : 0;
  });
}

let failed = false;
let vs;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-map-ui-'));
try {
  // ------------------------------------------------------------------ 1. the seeds
  const workspace = path.join(tmp, 'seeds');
  fs.cpSync(path.join(root, 'seeds'), workspace, { recursive: true });
  for (const f of fs.readdirSync(workspace)) fs.chmodSync(path.join(workspace, f), 0o644);
  vs = await startVSCode({
    extension: root,
    workspace,
    log,
    viewport: { width: 1500, height: 950 },
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'files.simpleDialog.enable': true },
  });
  let { page } = vs;
  logWebviewErrors(page);
  await openFile(page, '000_2619ed4e9be0e23f.txt'); // activates the extension
  await runCommand(page, 'Newsmark: Show Deal Map');
  let map = await webviewFrame(page, 'svg.map .node');
  const counts = await waitUntil(
    page,
    async () => {
      const c = await map.evaluate(() => ({
        nodes: document.querySelectorAll('svg.map .node').length,
        edges: document.querySelectorAll('svg.map .edges .edge').length,
        legend: [...document.querySelectorAll('.legend [data-kind]')].map((l) => l.textContent.trim()),
      }));
      return c.edges >= 15 && c;
    },
    "the map to draw the seeds' deals",
  );
  log(`map: ${counts.nodes} parties, ${counts.edges} deals; legend: ${counts.legend.join(', ')}`);
  if (!counts.legend.includes('cloud contract'))
    throw new Error(`the legend lacks cloud contract: ${counts.legend.join(', ')}`);
  await screenshot(page, shot('deal-map.png'));

  // filter to cloud contracts with the Kinds control
  await map.locator('.kinds summary').click();
  await map.locator('.kind-option', { hasText: 'cloud contract' }).locator('input').check();
  await map.locator('.kinds summary').click();
  await waitUntil(
    page,
    async () =>
      map.evaluate(() => {
        const kinds = new Set(
          [...document.querySelectorAll('svg.map .edges .edge')].map((e) =>
            [...e.classList].find((c) => c.startsWith('kind-')),
          ),
        );
        return kinds.size === 1 && kinds.has('kind-cloud-contract');
      }),
    'only cloud contracts on the map',
  );
  const cloud = await map.evaluate(() => document.querySelectorAll('svg.map .edges .edge').length);
  log(`filtered to cloud contracts: ${cloud} edges`);

  // hover the OpenAI → AWS edge: find it by its card
  const edges = await map.locator('svg.map .edges .edge').all();
  let card = '';
  let awsEdge;
  for (const edge of edges) {
    await edge.hover({ force: true });
    card = await map
      .locator('.card')
      .innerText()
      .catch(() => '');
    if (card.includes('OpenAI → Amazon Web Services') && card.includes('$38B')) {
      awsEdge = edge;
      break;
    }
  }
  if (!awsEdge) throw new Error(`no edge shows the OpenAI → Amazon Web Services card (last: ${JSON.stringify(card)})`);
  for (const want of ['cloud contract', '$38B · 2025-11-03', 'source', 'mention'])
    if (!card.includes(want)) throw new Error(`the edge card lacks ${JSON.stringify(want)}: ${JSON.stringify(card)}`);
  log(`edge card: ${JSON.stringify(card.replace(/\n/g, ' | '))}`);
  await screenshot(page, shot('deal-map-hover.png'));

  await awsEdge.click({ force: true });
  const mention = map.locator('.details .mention').first();
  await mention.waitFor({ timeout: 20_000 });
  const mentions = await map.locator('.details .mention').allInnerTexts();
  if (!mentions.some((m) => m.includes('000_2619ed4e9be0e23f.txt') && m.includes('$38 billion')))
    throw new Error(`the mentions: ${JSON.stringify(mentions)}`);
  log(`${mentions.length} mention(s) listed`);
  await screenshot(page, shot('deal-map-mentions.png'));
  await map.locator('.details .mention', { hasText: '000_2619ed4e9be0e23f.txt' }).first().click();
  await page
    .locator('.tabs-container .tab[aria-label^="000_2619ed4e9be0e23f.txt"]')
    .first()
    .waitFor({ timeout: 20_000 });
  await waitUntil(page, async () => (await activeSelection(page)) > 0, 'the sentence to be selected in the article');
  log('the mention opened its article with the sentence selected');
  await screenshot(page, shot('deal-map-reveal.png'));

  // save the map as SVG through the save dialog
  await map.locator('#export-svg').click();
  const svgFile = path.join(workspace, 'deal-map.svg');
  await saveAs(page, svgFile);
  const svg = fs.readFileSync(svgFile, 'utf8');
  if (!svg.startsWith('<svg') || !svg.includes('Amazon Web Services') || /<script/i.test(svg))
    throw new Error('the saved SVG is not the map');
  log(`saved the map as SVG (${svg.length} characters)`);
  fs.copyFileSync(svgFile, shot('deal-map.svg'));
  renderSvg(svgFile, shot('deal-map-svg.png'));

  // the fact timeline, from the palette's quick pick
  await runCommand(page, 'Newsmark: Show Fact Timeline', 'Microsoft → OpenAI: investment, cumulative');
  const timeline = await webviewFrame(page, 'g.statements .statement-mark');
  const marks = await waitUntil(
    page,
    async () => {
      const found = await timeline.evaluate(() =>
        [...document.querySelectorAll('g.statement-labels text')].map((t) => t.textContent),
      );
      return found.length === 2 && found;
    },
    'two statements on the timeline',
  );
  if (!marks.includes('≠ $13 billion') || !marks.includes('≠ ~$13.5 billion'))
    throw new Error(`the timeline marks: ${JSON.stringify(marks)}`);
  const conflicting = await timeline.locator('.statement-mark.verdict-conflict').count();
  if (conflicting !== 2) throw new Error(`${conflicting} statement(s) marked conflicting, expected 2`);
  log(`timeline: ${marks.join(', ')} (both conflicting)`);
  await screenshot(page, shot('fact-timeline.png'));
  await timeline.locator('.statement-mark').first().focus();
  await page.keyboard.press('Enter');
  await waitUntil(page, async () => (await activeSelection(page)) > 0, 'the statement to be selected in its article');
  log('Enter on a statement opened its sentence');
  await timeline.locator('#export-svg').click();
  const chartFile = path.join(workspace, 'fact-timeline.svg');
  await saveAs(page, chartFile);
  fs.copyFileSync(chartFile, shot('fact-timeline.svg'));
  renderSvg(chartFile, shot('fact-timeline-svg.png'));
  log('saved the timeline as SVG');
  await vs.stop();
  vs = undefined;

  // ------------------------------------------------------------------ 2. 2,000 deals
  const big = path.join(tmp, 'deals');
  const written = writeDealWorkspace(big, { articles: Math.ceil(DEALS / 10), dealsPerArticle: 10 });
  log(`generated ${written} deal sentences in ${Math.ceil(DEALS / 10)} articles`);
  // two articles that conflict (no deal in them), with a limit of one article in Problems
  for (const [name, staff] of [
    ['staff-a.md', '3,000'],
    ['staff-b.md', '4,500'],
  ])
    fs.writeFileSync(
      path.join(big, name),
      `# Staff\n\nOpenAI had about ${staff} employees at the end of 2025, the company said.\n`,
    );
  vs = await startVSCode({
    extension: root,
    workspace: big,
    log,
    viewport: { width: 1500, height: 950 },
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'newsmark.conflicts.maxArticles': 1 },
  });
  ({ page } = vs);
  logWebviewErrors(page);
  await openFile(page, 'report-001.md');
  await runCommand(page, 'Newsmark: Show Deal Map');
  map = await webviewFrame(page, 'svg.map .node', 120_000);
  const drawn = await waitUntil(
    page,
    async () => {
      const state = await map.evaluate(() => ({
        edges: document.querySelectorAll('svg.map .edges .edge').length,
        nodes: document.querySelectorAll('svg.map .node').length,
        notice: document.querySelector('.notice').textContent,
      }));
      return state.edges >= written * 0.95 && !/Indexing/.test(state.notice) && state;
    },
    `the map to draw ${written} deals`,
    240_000,
  );
  const layoutMs = Number(/laid out in (\d+) ms/.exec(drawn.notice)?.[1]);
  log(`2,000-deal map: ${drawn.edges} edges, ${drawn.nodes} parties, layout ${layoutMs} ms — ${drawn.notice}`);
  if (!(layoutMs > 0)) throw new Error(`the page reports no layout time (${layoutMs})`);
  await screenshot(page, shot('deal-map-2000.png'));
  await map.locator('#search').fill('Alal');
  await map.locator('#search').press('Enter');
  const found = await waitUntil(
    page,
    async () => map.evaluate(() => document.querySelectorAll('svg.map .node.match').length),
    'the search to mark a party',
  );
  log(`search marks ${found} part(ies)`);

  // the deals panel over the same deals: a panel this large starts with its groups collapsed; an
  // expanded group lists its first 200 deals and a "Show more" row, which lists the next 200
  await runCommand(page, 'Newsmark: Show Deals Panel');
  // (the explorer's list stays in the page, hidden: the deals view's is the one with a kind group;
  // held by its own class from then on, as the rows it is found by scroll out of the virtual list)
  const dealsList = page
    .locator('.part.sidebar .pane-body .monaco-list')
    .filter({ has: page.locator('.monaco-list-row[aria-level="1"]', { hasText: 'acquisition' }) });
  await dealsList.first().waitFor({ timeout: 120_000 });
  const listClass = await dealsList
    .first()
    .evaluate((list) => [...list.classList].find((c) => c.startsWith('list_id_')));
  if (!listClass) throw new Error("the deals view's list has no list_id_ class to hold it by");
  const tree = page.locator(`.monaco-list.${listClass}`);
  const groupRows = tree.locator('.monaco-list-row[aria-level="1"]');
  const groups = await groupRows.evaluateAll((rows) =>
    rows.map((r) => ({ text: r.textContent.replace(/\s+/g, ' ').trim(), expanded: r.getAttribute('aria-expanded') })),
  );
  log(
    `deals panel groups: ${groups.map((g) => `${g.text} (${g.expanded === 'true' ? 'expanded' : 'collapsed'})`).join(', ')}`,
  );
  if (groups.some((g) => g.expanded !== 'false')) throw new Error('the groups of a panel this large start collapsed');
  // the last group, expanded: its last row is its "Show more" row (reached with the keyboard: the list is virtual)
  await groupRows.last().click();
  // the text of the group's "Show more" row once it says `shown` deals are listed
  const moreRowSaying = (shown, what) =>
    waitUntil(
      page,
      async () => {
        await page.keyboard.press('End');
        const row = tree.locator('.monaco-list-row', { hasText: 'more…' }).first();
        const text = (await row.textContent({ timeout: 1000 })).replace(/\s+/g, ' ');
        return new RegExp(`${shown} of \\d+ shown`).test(text) && text;
      },
      what,
    );
  const firstPage = await moreRowSaying(200, 'the "Show more" row after the first page');
  log(`the expanded group ends with ${JSON.stringify(firstPage)}`);
  await screenshot(page, shot('deals-panel-large.png'));
  await page.keyboard.press('Enter');
  const secondPage = await moreRowSaying(400, 'the next page after Enter on "Show more"');
  log(`after Enter on it: ${JSON.stringify(secondPage)}`);

  // the conflicts left out of Problems: the status bar says how many, and opens the setting
  const limitText = await waitUntil(
    page,
    () => statusBarText(page, 'articles in Problems'),
    'the status bar item of the conflicts left out of Problems',
    120_000,
  );
  // the first article by path, and the open one if it has conflicts, of at least the two written
  const [, listedCount, withConflicts] = /Conflicts: (\d+) of ([\d,]+) articles in Problems/.exec(limitText) ?? [];
  if (!(Number(listedCount) <= 2 && Number(withConflicts.replace(/,/g, '')) >= 2))
    throw new Error(`the status bar reads ${JSON.stringify(limitText)}`);
  log(`status bar: ${JSON.stringify(limitText.trim())}`);
  await screenshot(page, shot('conflicts-limited.png'));
  await page.locator('.statusbar-item', { hasText: 'articles in Problems' }).first().click();
  const setting = await waitUntil(
    page,
    () =>
      page
        .locator('.settings-editor .setting-item-contents', { hasText: 'Max Articles' })
        .first()
        .innerText({ timeout: 1000 })
        .catch(() => ''),
    'the settings editor at newsmark.conflicts.maxArticles',
  );
  if (!/open article/.test(setting)) throw new Error(`the setting reads ${JSON.stringify(setting)}`);
  log(`a click opens the setting: ${JSON.stringify(setting.replace(/\s+/g, ' ').slice(0, 120))}`);
  log('map check passed');
} catch (e) {
  failed = true;
  console.error(`[map-check] FAILED: ${e.message}`);
  if (vs) {
    const failShot = path.join(os.tmpdir(), `newsmark-map-check-failed-${Date.now()}.png`);
    try {
      await screenshot(vs.page, failShot);
      console.error(`[map-check] screenshot of the failure: ${failShot}`);
    } catch {
      /* no page */
    }
  }
} finally {
  if (vs) await vs.stop();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(failed ? 1 : 0);
