// Row 7: the deal map in a browser. A generated workspace of N deals (test/ui/dealWorkspace.mjs)
// is analysed into a corpus and its graph built (the production bundle of bench/mapGraph.ts);
// the map's production webview bundle then draws it in headless Chromium (the integration
// harness's, ~/.cache/vscode-real) on a page that stands in for VS Code (acquireVsCodeApi
// mocked). Measured: the webview's own layout time (d3-force to rest + the SVG built), and the
// frames while the mouse pans (drag) and zooms (wheel) — against the same page's frames while
// idle, recorded just before in the same run (the browser's own pacing: the baseline).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeDealWorkspace } from '../../test/ui/dealWorkspace.mjs';
import { quantile } from './stats.mjs';

const PREFIX = process.env.NEWSMARK_VSCODE_HOME || path.join(os.homedir(), '.cache', 'vscode-real');

/** The frames the page draws while `drive()` runs (or for `ms` idle): their rate and intervals. */
async function frames(page, ms, drive) {
  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await (drive ? drive() : page.waitForTimeout(ms));
  const times = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  const intervals = times.slice(1).map((t, i) => t - times[i]);
  const seconds = (times[times.length - 1] - times[0]) / 1000;
  return {
    frames: times.length,
    fps: (times.length - 1) / seconds,
    medianMs: quantile(intervals, 0.5),
    p95Ms: quantile(intervals, 0.95),
    maxMs: Math.max(...intervals),
  };
}

/** After a gesture: how long until the map is drawn again at its new scale (one redraw, once the input rests). */
async function redraw(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.now();
        const wait = () => {
          if (document.querySelector('.surface.moving')) return requestAnimationFrame(wait);
          requestAnimationFrame(() => requestAnimationFrame((t) => resolve(t - start)));
        };
        wait();
      }),
  );
}

async function measure(page, bundles, deals, dir, log) {
  const workspace = path.join(dir, `deals-${deals}`);
  const sentences = writeDealWorkspace(workspace, { articles: Math.ceil(deals / 10), dealsPerArticle: 10 });
  const { analyse, Corpus, Lexicon, dealGraph, NO_FILTER } = createRequire(import.meta.url)(bundles.mapGraph);
  const lexicon = Lexicon.withAdditions(
    JSON.parse(fs.readFileSync(path.join(workspace, '.newsmark', 'lexicon.json'), 'utf8')),
  );
  const corpus = new Corpus();
  for (const file of fs.readdirSync(workspace).filter((f) => f.endsWith('.md'))) {
    corpus.update(
      file,
      analyse({ path: file, text: fs.readFileSync(path.join(workspace, file), 'utf8') }, { lexicon }),
    );
  }
  const started = performance.now();
  const corpusDeals = corpus.deals();
  const graph = dealGraph({ deals: corpusDeals, filter: NO_FILTER, typeOf: (id) => corpus.entity(id)?.type });
  const graphMs = performance.now() - started;
  log(
    `row 7: ${sentences} deal sentences → ${corpusDeals.length} deals → ${graph.edges.length} edges, ${graph.nodes.length} nodes${graph.clustered ? ' (clustered)' : ''} in ${graphMs.toFixed(0)} ms`,
  );
  await page.reload();
  await page.waitForFunction(() => window.__posted?.some((m) => m.type === 'ready'));
  await page.evaluate((message) => window.postMessage(message, '*'), {
    type: 'graph',
    seq: 1,
    graph,
    filter: NO_FILTER,
    isIndexing: false,
  });
  await page.waitForFunction(() => window.__posted.some((m) => m.type === 'state' && m.state.seq === 1), null, {
    timeout: 120_000,
  });
  const state = await page.evaluate(() => window.__posted.find((m) => m.type === 'state' && m.state.seq === 1).state);
  const idle = await frames(page, 2000);
  // the input comes once a frame, as from a mouse: a drag in a loop, then the wheel in and out
  const pan = await frames(page, 0, () => page.evaluate(() => gesture('pan', 120)));
  pan.redrawMs = await redraw(page);
  const zoom = await frames(page, 0, () => page.evaluate(() => gesture('zoom', 120)));
  zoom.redrawMs = await redraw(page);
  return {
    deals: corpusDeals.length,
    edges: graph.edges.length,
    nodes: graph.nodes.length,
    clustered: graph.clustered,
    graphMs,
    layoutMs: state.layoutMs,
    drawnEdges: state.edgeCount,
    idle,
    pan,
    zoom,
  };
}

export async function mapRow({ bundles, sizes = [2000, 4000], log }) {
  const require = createRequire(path.join(PREFIX, 'tools', 'package.json'));
  const { chromium } = require('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-bench-map-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    for (const file of ['dealMap.js', 'dealMap.css'])
      fs.copyFileSync(path.join(bundles.dir, 'webview', file), path.join(dir, file));
    fs.writeFileSync(
      path.join(dir, 'map.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="dealMap.css"></head><body><div id="app"></div>
<script>window.__posted=[];window.acquireVsCodeApi=()=>({postMessage:(m)=>window.__posted.push(m),getState:()=>undefined,setState:()=>{}});
// a pan (mouse drag) or a zoom (wheel) of n frames on the map, one input event per animation frame
window.gesture = (kind, n) => new Promise((resolve) => {
  const surface = document.querySelector('.surface');
  const box = surface.getBoundingClientRect();
  const [cx, cy] = [box.left + box.width / 2, box.top + box.height / 2];
  const mouse = (type, x, y, target) => target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, view: window, button: 0, buttons: type === 'mouseup' ? 0 : 1 }));
  if (kind === 'pan') mouse('mousedown', cx, cy, surface);
  let i = 0;
  const step = () => {
    if (kind === 'pan') mouse('mousemove', cx + 200 * Math.sin(i / 12), cy + 120 * Math.cos(i / 12) - 120, window);
    else surface.dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY: i < n / 2 ? -40 : 40, deltaMode: 0, bubbles: true, cancelable: true }));
    if (++i < n) return requestAnimationFrame(step);
    if (kind === 'pan') mouse('mouseup', cx, cy, window);
    resolve();
  };
  requestAnimationFrame(step);
});
</script>
<script src="dealMap.js"></script></body></html>`,
    );
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${path.join(dir, 'map.html')}`);
    const results = {};
    for (const size of sizes) results[size] = await measure(page, bundles, size, dir, log);
    return { sizes: results, browser: browser.version() };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
