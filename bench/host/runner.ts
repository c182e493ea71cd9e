// Loaded INSIDE a real VS Code extension host by bench/lib/host.mjs (through the integration
// harness, as a tests module: export run()). It activates Newsmark, waits until the workspace
// index is idle, and writes what it measured to $NEWSMARK_BENCH_OUT as JSON. Nothing here asserts.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import type { Log } from '../../src/editor/log';
import { WorkspaceCorpus } from '../../src/editor/workspaceCorpus';
import type { NewsmarkApi } from '../../src/extension';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * A warm reopen (issue 14): a new WorkspaceCorpus over the extension's index and storage starts
 * empty, as a reopened window does: it reads the corpus snapshot the first pass left (`loadedMs`:
 * from then on hovers, conflicts and the deals panel answer), then checks every article against
 * it, reading only those that changed (`reopenMs`: idle). The article list is the index's, found
 * once already: the time to list the folder again is measured on its own (`listMs`); the check
 * waits for it, the snapshot does not.
 */
async function warmReopen(api: NewsmarkApi): Promise<Record<string, unknown>> {
  const s0 = performance.now();
  await api.corpus.saveSnapshot();
  const snapshotSaveMs = performance.now() - s0;
  const l0 = performance.now();
  const include = vscode.workspace.getConfiguration('newsmark').get<string>('include') ?? '**/*.{md,markdown,txt}';
  const listed = (await vscode.workspace.findFiles(include)).length;
  const listMs = performance.now() - l0;
  let persisted = 0;
  let analysed = 0;
  const listener = api.index.onDidIndexFile((f) => (f.isPersisted ? persisted++ : analysed++));
  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {} } as unknown as Log;
  const heapBefore = heapAfterGc();
  const profile = await startProfile(process.env.NEWSMARK_BENCH_PROFILE_REOPEN);
  const t0 = performance.now();
  const corpus = new WorkspaceCorpus(api.index, silent);
  const { articles: fromSnapshot, readMs: loadedReadMs } = await corpus.whenSnapshotLoaded();
  const loadedMs = performance.now() - t0;
  const heapLoaded = heapAfterGc() - heapBefore;
  await corpus.whenIdle();
  const reopenMs = performance.now() - t0;
  await profile?.stop();
  listener.dispose();
  const d0 = performance.now();
  const deals = corpus.corpus.dealRows().length; // what the deals panel and the map list
  const dealsMs = performance.now() - d0;
  const heap = heapAfterGc() - heapBefore;
  const indexed = corpus.status.indexedCount;
  corpus.dispose();
  return {
    listed,
    listMs,
    snapshotSaveMs,
    fromSnapshot,
    loadedMs,
    loadedReadMs,
    heapLoaded,
    reopenMs,
    persisted,
    analysed,
    indexed,
    deals,
    dealsMs,
    heap,
  };
}

/**
 * The deals panel opened for the first time, as its view asks: the model built (every deal merged,
 * none cached yet), the groups, then the first group's children. Meanwhile a 10 ms timer measures
 * how long the host went without answering other work (its longest stall beyond the 10 ms).
 */
async function openDealsPanel(api: NewsmarkApi): Promise<Record<string, number>> {
  const stalls = stallMeter();
  const p0 = performance.now();
  api.dealsTree.refresh();
  const model = await api.dealsTree.deals();
  const roots = await api.dealsTree.getChildren();
  const group = roots.find((n) => n.type === 'group');
  const children = group ? await api.dealsTree.getChildren(group) : [];
  const panelMs = performance.now() - p0;
  const panelLongestStallMs = stalls.stop();
  // the conflicts published as problems meanwhile (they are computed in slices after the index is
  // idle, and hold much of the host's memory at this scale)
  const problems = vscode.languages.getDiagnostics().filter(([, list]) => list.some((d) => d.source === 'Newsmark'));
  return {
    problemFiles: problems.length,
    problems: problems.reduce((n, [, list]) => n + list.filter((d) => d.source === 'Newsmark').length, 0),
    panelMs,
    panelLongestStallMs,
    panelDeals: model.deals.length,
    panelGroups: roots.length,
    panelFirstGroupChildren: children.length,
  };
}

/** How long the host went without answering a 10 ms timer (its longest stall beyond the 10 ms), until `stop()`. */
function stallMeter(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  return {
    stop: () => {
      clearInterval(ticker);
      return Math.max(longest, performance.now() - last - 10);
    },
  };
}

/**
 * One edit of an open article once the workspace is indexed and the deals panel open: what a
 * keystroke costs the host at this scale. A money figure of the first article is changed (not
 * saved): the time until the corpus announces it (after the analysis's debounce), until the
 * panel's deals are merged again, and the host's longest stall from the edit to 3 s after the
 * announcement (the problems of the affected articles are recomputed meanwhile). The edit is then
 * reverted, and that is waited for too.
 */
async function editOnce(api: NewsmarkApi): Promise<Record<string, number | string>> {
  const path = api.corpus.corpus.paths().sort()[0]!;
  const uri = api.corpus.uriOf(path)!;
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  await api.analysisOf(uri);
  const match = /\$(\d+)(?:\.\d+)? (?:billion|million)/.exec(doc.getText());
  if (!match) return { editSkipped: `no money figure in ${path}` };
  const updated = () =>
    new Promise<{ at: number; affected: number }>((resolve) => {
      const sub = api.onDidUpdateCorpus((e) => {
        if (!e.affectedPaths.includes(path)) return;
        sub.dispose();
        resolve({ at: performance.now(), affected: e.affectedPaths.length });
      });
    });
  const stalls = stallMeter();
  const start = doc.positionAt(match.index + 1);
  const range = new vscode.Range(start, start.translate(0, match[1]!.length));
  const announced = updated();
  let analysedAt = Number.NaN;
  let wasIndexing = false;
  const analysed = api.onDidAnalyse((a) => {
    if (a.uri.toString() !== uri.toString() || !Number.isNaN(analysedAt)) return;
    analysedAt = performance.now();
    wasIndexing = api.corpus.status.isIndexing;
  });
  // when VS Code delivers the edit back as a change of the document (the renderer applies it)
  let changedAt = Number.NaN;
  const changed = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === uri.toString() && Number.isNaN(changedAt)) changedAt = performance.now();
  });
  const profile = await startProfile(process.env.NEWSMARK_BENCH_PROFILE_EDIT);
  const t0 = performance.now();
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, String(Number(match[1]) + 1));
  await vscode.workspace.applyEdit(edit);
  const { at: corpusAt, affected } = await announced;
  analysed.dispose();
  changed.dispose();
  await profile?.stop();
  await api.dealsTree.deals();
  const panelAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const editLongestStallMs = stalls.stop();
  const result = {
    editChangedMs: changedAt - t0,
    editAnalysedMs: analysedAt - t0,
    editWhileIndexing: wasIndexing ? 1 : 0,
    editCorpusMs: corpusAt - t0,
    editPanelMs: panelAt - t0,
    editLongestStallMs,
    editAffectedPaths: affected,
  };
  const reverted = updated();
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await reverted;
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  return result;
}

/**
 * A CPU profile of the extension host, written to `file` when stopped (NEWSMARK_BENCH_PROFILE_REOPEN:
 * the warm reopen; NEWSMARK_BENCH_PROFILE_EDIT: the edit, until the corpus announces it; for
 * `node bench/run.mjs --rows=4`; open it in Chrome's DevTools).
 */
async function startProfile(file: string | undefined): Promise<{ stop(): Promise<void> } | undefined> {
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

export async function run(): Promise<void> {
  const out = process.env.NEWSMARK_BENCH_OUT;
  if (!out) throw new Error('NEWSMARK_BENCH_OUT is not set');
  const result: Record<string, unknown> = { node: process.version, vscode: vscode.version };
  try {
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark');
    if (!ext) throw new Error('newsmark.newsmark is not loaded');
    result.wasActive = ext.isActive;
    const heapBefore = heapAfterGc();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const api = await ext.activate();
    result.activateCallMs = performance.now() - t0;
    // the host's CPU time in the call: what loading and activating cost, less the wait for a
    // loaded machine's other processes (the wall time above can be several times it then)
    const cpu = process.cpuUsage(cpu0);
    result.activateCallCpuMs = (cpu.user + cpu.system) / 1000;
    // Newsmark's own part of the call: running its bundle's code (timestamps the bench's copy of
    // extension.js sets, bench/lib/build.mjs) and activate(); the rest is VS Code's (reading the
    // extension's state, making its context) and the wait for the machine
    const marks = globalThis as { __newsmarkBenchBundleStarted?: number; __newsmarkBenchBundleEvaluated?: number };
    if (marks.__newsmarkBenchBundleStarted !== undefined && marks.__newsmarkBenchBundleEvaluated !== undefined)
      result.bundleEvaluationMs = marks.__newsmarkBenchBundleEvaluated - marks.__newsmarkBenchBundleStarted;
    // the baseline launch (bench/lib/host.mjs): an extension that does nothing, measured alike
    if ((api as unknown as { isEmptyBaseline?: boolean }).isEmptyBaseline) {
      clearInterval(sampler);
      result.isEmptyBaseline = true;
      writeFileSync(out, JSON.stringify(result, null, 2));
      return;
    }
    result.activationMs = api.activationMs;
    result.workers = api.index.workerCount;
    if (process.env.NEWSMARK_BENCH_REOPENED) {
      // a reopened window (the same user data as a first launch): the snapshot, then the check
      // from the corpus's making in activate() (VS Code activates Newsmark as the window opens,
      // before this runner's activate() call) to the snapshot in
      const loaded = await api.corpus.whenSnapshotLoaded();
      result.fromSnapshot = loaded.articles;
      result.readyMs = loaded.ms;
      result.readyReadMs = loaded.readMs;
      result.rssReady = process.memoryUsage().rss;
      result.heapReady = heapAfterGc() - heapBefore;
    }
    await api.corpus.whenIdle();
    result.indexMs = performance.now() - t0;
    result.idleAfterActivationMs = performance.now() - api.corpus.createdAt;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    result.indexed = api.corpus.status.indexedCount;
    result.retainedCounts = api.corpus.corpus.retained();
    result.rssIndexed = process.memoryUsage().rss;
    result.heapIndexed = heapAfterGc() - heapBefore; // what the index keeps, before any query fills a cache
    Object.assign(result, await openDealsPanel(api));
    Object.assign(result, await editOnce(api));
    const d0 = performance.now();
    result.deals = api.corpus.corpus.dealRows().length; // the panel's rows, as it asks for them again
    result.dealsMs = performance.now() - d0;
    const c0 = performance.now();
    result.conflicts = api.corpus.corpus.conflicts().length;
    result.conflictsMs = performance.now() - c0;
    result.rssBefore = rssBefore;
    result.peakRssSampled = peakRss;
    result.maxRss = process.resourceUsage().maxRSS * 1024; // the whole process, since it started
    result.rssAfter = process.memoryUsage().rss;
    result.heapRetained = heapAfterGc() - heapBefore;
    // (a reopened window's maxRss above is its peak from activation through the deals and conflicts)
    if (!process.env.NEWSMARK_BENCH_REOPENED) result.reopen = await warmReopen(api);
  } catch (error) {
    result.error = (error as Error).stack ?? String(error);
  }
  writeFileSync(out, JSON.stringify(result, null, 2));
}
