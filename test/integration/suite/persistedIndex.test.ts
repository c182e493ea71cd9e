// The persisted index (issue 14): the index's workers keep each file's facts in the workspace
// storage, so that a reopened workspace has its deals, conflicts and hovers from them without
// analysing an unchanged file, and a file changed meanwhile is analysed alone. A reopen is what a
// new WorkspaceCorpus over the extension's index does: it starts empty and indexes every article
// through the same workers and the same storage. Desktop only (the browser build persists nothing).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IndexedFile } from '../../../src/editor/workspaceIndex';
import type { Log } from '../../../src/editor/log';
import { WorkspaceCorpus } from '../../../src/editor/workspaceCorpus';
import type { NewsmarkApi } from '../../../src/extension';
import { newsmarkApi, readText, seedUri, until, workspaceFolder, writeText } from './helpers';

const SEEDS = [
  '000_2619ed4e9be0e23f.txt',
  '001_45896242951b7f89.txt',
  '002_71c83b9243e01aa3.txt',
  '003_2cdb283614b34690.txt',
  '004_cab57fbbdb23375a.txt',
];
const CHANGED = 'persisted/copy-2.txt';
const NEW_DEAL = 'Separately, Nvidia agreed to invest $4.25 billion in Anthropic, the companies said.';

/** A log that keeps its lines (the reopened corpus's own). */
function memoryLog(lines: string[]): Log {
  const keep = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return {
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    debug: keep('debug'),
    trace: keep('trace'),
  } as unknown as Log;
}

interface Reopened {
  readonly corpus: WorkspaceCorpus;
  /** What the index's workers indexed for the reopened corpus (files changed since the snapshot, or not in it). */
  readonly files: IndexedFile[];
  readonly analysedPaths: string[];
  readonly log: string[];
  /** Articles the corpus snapshot gave, and the deals the corpus held at that moment (before any file was looked at). */
  readonly fromSnapshot: number;
  readonly dealsWhenLoaded: ReturnType<WorkspaceCorpus['corpus']['deals']>;
}

/**
 * Builds the corpus again from nothing, as a reopened window does, once this window's corpus
 * snapshot is written; resolves with what the index did meanwhile. `textNeeded`: the files the
 * reopened corpus reads even when unchanged (in the extension: those with annotations).
 */
async function reopen(
  api: NewsmarkApi,
  { textNeeded = () => false, isSaved = true }: { textNeeded?: (uri: vscode.Uri) => boolean; isSaved?: boolean } = {},
): Promise<Reopened> {
  if (isSaved) await api.corpus.saveSnapshot();
  const files: IndexedFile[] = [];
  const analysedPaths: string[] = [];
  const log: string[] = [];
  const listeners = [
    api.index.onDidIndexFile((f) => files.push(f)),
    api.onDidAnalyse((a) => analysedPaths.push(a.path)),
  ];
  try {
    const corpus = new WorkspaceCorpus(api.index, memoryLog(log));
    corpus.setTextNeeded(async (uri) => textNeeded(uri));
    const loaded = await corpus.whenSnapshotLoaded();
    const fromSnapshot = loaded.articles;
    // the read itself is part of the time since the corpus was made (the bench reports both)
    assert.ok(
      loaded.readMs >= 0 && loaded.readMs <= loaded.ms && (loaded.articles === 0 || loaded.readMs > 0),
      JSON.stringify(loaded),
    );
    const dealsWhenLoaded = corpus.corpus.deals();
    await corpus.whenIdle();
    return { corpus, files, analysedPaths, log, fromSnapshot, dealsWhenLoaded };
  } finally {
    listeners.forEach((l) => l.dispose());
  }
}

/**
 * Sets the articles' modification times well in the past — no longer "racily" new, their size and
 * time prove them unchanged — and lets this window's corpus take them in (its watcher may report
 * the change; `reindex` reads each file again either way, so their keys hold the old times).
 */
async function ageArticles(api: NewsmarkApi, paths: readonly string[]): Promise<void> {
  const past = new Date(Date.now() - 60 * 60 * 1000);
  const seen = new Set<string>();
  const listener = api.index.onDidChangeArticleFile((uri) => seen.add(uri.toString()));
  try {
    for (const p of paths) fs.utimesSync(copyUri(p).fsPath, past, past);
    await until(everyTick, () => paths.every((p) => seen.has(copyUri(p).toString())), 'the watcher', 3_000).catch(
      () => undefined, // a watcher that does not report a change of times: nothing to wait for
    );
  } finally {
    listener.dispose();
  }
  await api.corpus.reindex();
}

/**
 * What the reopened corpus's pass did with each article (its own log, not the shared index's
 * events, which this window's corpus fires too): the articles it found unchanged since the
 * snapshot (not read), and how many it had read back from their entries.
 */
function passOf(log: readonly string[]): { unchanged: Set<string>; readBack: number } {
  const line = log.filter((l) => /corpus: \d+ article\(s\) indexed in/.test(l)).pop() ?? '';
  const unchanged = new Set(
    log.flatMap((l) => /^trace corpus: (.+) unchanged since the corpus snapshot$/.exec(l)?.[1] ?? []),
  );
  assert.equal(
    unchanged.size,
    Number(/\((\d+) unchanged since the corpus snapshot, not read\)/.exec(line)?.[1] ?? 0),
    'one line for each unchanged article',
  );
  return {
    unchanged,
    readBack: Number(/\((\d+) read back from the persisted index, not analysed\)/.exec(line)?.[1] ?? 0),
  };
}

/** Articles of this suite alone: never opened in an editor (earlier suites leave seeds open as documents). */
const COPIES = [0, 1, 2].map((i) => `persisted/copy-${i}.txt`);

function copyUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, path);
}

/** The articles not open as documents: the workers index (and persist) those. */
function closedArticles(api: NewsmarkApi): string[] {
  return [...SEEDS, ...COPIES].filter((path) => !api.index.openDocument(copyUri(path)));
}

/** The entry files in the folder of persisted facts (src/node/factCache.ts: facts/<2 hex>/<30 hex>.nmf). */
function entryFiles(dir: string): string[] {
  const facts = path.join(dir, 'facts');
  return fs
    .readdirSync(facts)
    .flatMap((shard) => fs.readdirSync(path.join(facts, shard)).map((name) => path.join(facts, shard, name)))
    .filter((file) => file.endsWith('.nmf'))
    .sort();
}

/** An event every 50 ms, for `until` to check what no event announces (files the workers remove). */
const everyTick: vscode.Event<unknown> = (listener) => {
  const timer = setInterval(() => listener(undefined), 50);
  return { dispose: () => clearInterval(timer) };
};

suite('Persisted index', () => {
  let api: NewsmarkApi;
  suiteSetup(async () => {
    api = await newsmarkApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [i, copy] of COPIES.entries())
      await writeText(copyUri(copy), `Copied for the persisted index.\n\n${await readText(seedUri(SEEDS[i]))}`);
    await until(api.onDidUpdateCorpus, () => COPIES.every((c) => api.corpus.corpus.has(c)), 'the copies in the corpus');
    await api.corpus.whenIdle();
  });
  suiteTeardown(async () => {
    // file by file, and the folder once they are out: the watcher drops a file's deletion reported with its folder's
    for (const copy of COPIES) await vscode.workspace.fs.delete(copyUri(copy));
    await until(
      api.onDidUpdateCorpus,
      () => COPIES.every((c) => !api.corpus.corpus.has(c)),
      'the copies out of the corpus',
    );
    await api.corpus.whenIdle();
    await vscode.workspace.fs.delete(copyUri('persisted'), { recursive: true });
  });

  test('should have the deals, facts and conflicts ready after a reopen without analysing one unchanged article', async () => {
    assert.equal(api.platform.kind, 'desktop');
    await api.corpus.reindex(); // every closed article indexed (and persisted) by this window's workers
    const closed = closedArticles(api);
    for (const copy of COPIES) assert.ok(closed.includes(copy), `${copy} is not open in an editor`);
    const { corpus, files, analysedPaths, log } = await reopen(api);
    try {
      for (const path of closed) {
        const indexed = files.filter((f) => f.path === path);
        // unchanged since the snapshot (not read at all), or just written (checked by content): read back
        assert.ok(indexed.length <= 1, `${path} indexed at most once: ${files.map((f) => f.path).join(', ')}`);
        if (indexed.length === 1) assert.equal(indexed[0]!.isPersisted, true, `${path}'s facts were read back`);
        assert.ok(!analysedPaths.includes(path), `${path} was not analysed on the host`);
        assert.ok(corpus.corpus.has(path), `${path} in the reopened corpus`);
      }
      assert.ok(
        files.every((f) => f.isPersisted),
        `no file analysed in a worker: ${files
          .filter((f) => !f.isPersisted)
          .map((f) => f.path)
          .join(', ')}`,
      );
      if (files.length > 0)
        assert.match(
          log.join('\n'),
          new RegExp(`\\(${files.length} read back from the persisted index, not analysed\\)`),
        );
      const deals = corpus.corpus.deals();
      assert.ok(deals.length > 0);
      assert.deepEqual(deals, api.corpus.corpus.deals());
      assert.deepEqual(corpus.corpus.facts(), api.corpus.corpus.facts());
      assert.ok(corpus.corpus.conflicts().length > 0, "the seeds conflict on Microsoft's investment");
      assert.deepEqual(corpus.corpus.conflicts(), api.corpus.corpus.conflicts());
      const [investment] = corpus.corpus.conflicts();
      const own = investment!.statements[0]!;
      assert.deepEqual(
        corpus.rangeOf(own.path, own.start, own.end),
        api.corpus.rangeOf(own.path, own.start, own.end),
        'ranges for the problems and hovers',
      );
    } finally {
      corpus.dispose();
    }
  });

  test('should analyse a file changed on disk alone, and read its new facts back at the next reopen', async () => {
    const uri = copyUri(CHANGED);
    assert.equal(api.index.openDocument(uri), undefined, `${CHANGED} is not open`);
    const before = await readText(uri);
    const files: IndexedFile[] = [];
    const listener = api.index.onDidIndexFile((f) => files.push(f));
    const hasNewDeal = (deals: ReturnType<WorkspaceCorpus['corpus']['deals']>) =>
      deals.some((d) => d.value === 4.25e9 && d.mentions.some((m) => m.path === CHANGED));
    try {
      await writeText(uri, `${before}\n${NEW_DEAL}\n`);
      await until(
        api.onDidUpdateCorpus,
        () => hasNewDeal(api.corpus.corpus.deals()),
        `the new deal of ${CHANGED} in the corpus`,
      );
      await api.corpus.whenIdle();
      assert.deepEqual(
        files.filter((f) => !f.isPersisted).map((f) => f.path),
        [CHANGED],
        'the changed file alone, analysed once',
      );
      assert.ok(
        files.every((f) => f.path === CHANGED),
        `no other file indexed: ${files.map((f) => f.path).join(', ')}`,
      ); // the watcher may report a write twice: the second is read back

      const { corpus, files: reopened } = await reopen(api);
      try {
        const changed = reopened.find((f) => f.path === CHANGED);
        // just written: its time does not prove it unchanged, so a worker read it and its new entry answered
        assert.equal(changed?.isPersisted, true, 'its new facts were persisted and read back');
        assert.ok(
          reopened.every((f) => f.isPersisted),
          'nothing analysed',
        );
        assert.ok(hasNewDeal(corpus.corpus.deals()), 'the reopened corpus has the new deal');
        assert.deepEqual(corpus.corpus.deals(), api.corpus.corpus.deals());
      } finally {
        corpus.dispose();
      }
    } finally {
      listener.dispose();
      await writeText(uri, before);
      await until(api.onDidUpdateCorpus, () => !hasNewDeal(api.corpus.corpus.deals()), `${CHANGED} back as it was`);
      await api.corpus.whenIdle();
    }
  });

  test('should remove the facts of a deleted article at once, and at a reopen those of files gone while no window watched', async () => {
    const dir = await api.index.persistedFolder();
    assert.ok(dir, 'this window persists facts');
    await api.corpus.whenIdle();
    const before = entryFiles(dir);
    const GONE = 'persisted/gone.txt';
    const uri = copyUri(GONE);
    await writeText(uri, `Written to be deleted.\n\n${await readText(seedUri(SEEDS[3]))}`);
    await until(api.onDidUpdateCorpus, () => api.corpus.corpus.has(GONE), `${GONE} in the corpus`);
    await api.corpus.whenIdle();
    const added = entryFiles(dir).filter((file) => !before.includes(file));
    assert.equal(added.length, 1, `one entry for ${GONE}: ${added.join(', ')}`);

    await vscode.workspace.fs.delete(uri);
    await until(api.onDidUpdateCorpus, () => !api.corpus.corpus.has(GONE), `${GONE} out of the corpus`);
    await until(everyTick, () => !fs.existsSync(added[0]!), `the entry of ${GONE} removed`, 5_000);

    // an article deleted while no window was open on the folder: its entry is still there at the
    // next start, until the listing of the workspace shows the file is gone
    const stray = path.join(dir, 'facts', 'ff', `${'f'.repeat(30)}.nmf`);
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.copyFileSync(before[0]!, stray);
    const { corpus, files, log } = await reopen(api);
    try {
      await until(everyTick, () => !fs.existsSync(stray), 'the stray entry removed at the reopen', 5_000);
      await until(
        everyTick,
        () => /corpus: removed the persisted facts of 1 file\(s\) no longer in the workspace/.test(log.join('\n')),
        'the log line of the pruning',
        5_000,
      );
      assert.ok(
        files.every((f) => f.isPersisted),
        'the entries of the listed articles stay and serve the reopen',
      );
      assert.deepEqual(entryFiles(dir), before);
    } finally {
      corpus.dispose();
    }
  });

  test('should have the whole corpus from its snapshot at a reopen, and read no unchanged file', async () => {
    const closed = closedArticles(api);
    await ageArticles(api, closed);
    const { corpus, analysedPaths, log, fromSnapshot, dealsWhenLoaded } = await reopen(api);
    try {
      assert.ok(fromSnapshot >= closed.length, `${fromSnapshot} articles from the snapshot`);
      // every deal mention of the closed articles is in the panel before any file is read (open
      // documents are analysed from their editors, after the snapshot)
      const mentionKey = (m: { path?: string; start: number; end: number }) => `${m.path}:${m.start}-${m.end}`;
      const loadedMentions = new Set(dealsWhenLoaded.flatMap((d) => d.mentions.map(mentionKey)));
      const closedMentions = api.corpus.corpus
        .deals()
        .flatMap((d) => d.mentions.filter((m) => closed.includes(m.path ?? '')).map(mentionKey));
      assert.ok(closedMentions.length > 0);
      const missing = closedMentions.filter((m) => !loadedMentions.has(m));
      assert.deepEqual(missing, [], 'deal mentions of closed articles missing when the snapshot was in');
      // (this window's own corpus shares the index: its events are no measure of the reopened one's reads)
      const { unchanged } = passOf(log);
      for (const p of closed) assert.ok(unchanged.has(p), `${p} unchanged, not read:\n${log.join('\n')}`);
      assert.deepEqual(analysedPaths, []);
      assert.deepEqual(corpus.corpus.conflicts(), api.corpus.corpus.conflicts());
      const [investment] = corpus.corpus.conflicts();
      const own = investment!.statements[0]!;
      assert.deepEqual(corpus.rangeOf(own.path, own.start, own.end), api.corpus.rangeOf(own.path, own.start, own.end));
    } finally {
      corpus.dispose();
    }
  });

  test('should read at a reopen an unchanged file whose annotations need its text, and a file changed since the snapshot', async () => {
    const closed = closedArticles(api);
    await ageArticles(api, closed);
    await api.corpus.saveSnapshot();
    // changed while no window was open: same size and content, another time
    const touched = copyUri(COPIES[1]!);
    const later = new Date(Date.now() - 30 * 60 * 1000);
    fs.utimesSync(touched.fsPath, later, later);
    const annotated = copyUri(COPIES[0]!);
    const { corpus, files, log } = await reopen(api, {
      textNeeded: (uri) => uri.toString() === annotated.toString(),
      isSaved: false, // the snapshot from before the touch, as a window closed before it would have left
    });
    try {
      const { unchanged, readBack } = passOf(log);
      for (const p of closed.filter((c) => c !== COPIES[0] && c !== COPIES[1]))
        assert.ok(unchanged.has(p), `${p} unchanged, not read:\n${log.join('\n')}`);
      assert.ok(
        !unchanged.has(COPIES[0]!) && !unchanged.has(COPIES[1]!),
        'the annotated and the touched ones were read',
      );
      assert.ok(readBack >= 2, log.join('\n'));
      const read = new Set(files.map((f) => f.path));
      assert.ok(read.has(COPIES[0]!) && read.has(COPIES[1]!), [...read].join(', '));
      assert.ok(
        files.every((f) => f.isPersisted),
        'both answered by their entries (same content)',
      );
      assert.deepEqual(corpus.corpus.deals(), api.corpus.corpus.deals());
    } finally {
      corpus.dispose();
    }
  });

  test('should index every article again when the snapshot is damaged, with one line in the log', async () => {
    const dir = await api.index.persistedFolder();
    assert.ok(dir);
    const closed = closedArticles(api);
    await ageArticles(api, closed);
    await api.corpus.saveSnapshot();
    const file = path.join(dir, 'corpus.nms');
    const good = fs.readFileSync(file);
    try {
      const damaged = Buffer.from(good);
      damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
      fs.writeFileSync(file, damaged);
      const { corpus, files, log } = await reopen(api, { isSaved: false });
      try {
        assert.match(log.join('\n'), /warn corpus: the corpus snapshot is damaged \(/);
        for (const p of closed) assert.ok(corpus.corpus.has(p), `${p} in the corpus`);
        const { unchanged, readBack } = passOf(log);
        assert.ok(readBack > 0, 'what the snapshot lost was read back from the entries');
        assert.ok(
          closed.some((p) => !unchanged.has(p)),
          'some closed article was not taken from the damaged snapshot',
        );
        assert.ok(
          files.every((f) => f.isPersisted),
          'nothing analysed',
        );
        assert.deepEqual(corpus.corpus.deals(), api.corpus.corpus.deals());
      } finally {
        corpus.dispose();
      }
    } finally {
      fs.writeFileSync(file, good);
    }
  });
  test('should write the snapshot again by itself a while after the corpus changed', async () => {
    const dir = await api.index.persistedFolder();
    assert.ok(dir);
    await api.corpus.saveSnapshot();
    const file = path.join(dir, 'corpus.nms');
    const before = fs.statSync(file).mtimeMs;
    const uri = copyUri(CHANGED);
    const text = await readText(uri);
    try {
      await writeText(uri, `${text}\n${NEW_DEAL}\n`);
      await until(
        api.onDidUpdateCorpus,
        () => api.corpus.corpus.deals().some((d) => d.value === 4.25e9),
        `the new deal of ${CHANGED} in the corpus`,
      );
      await api.corpus.whenIdle();
      // a few seconds after the corpus went idle (SNAPSHOT_DELAY_MS), with nobody asking
      await until(everyTick, () => fs.statSync(file).mtimeMs !== before, 'the snapshot written again', 15_000);
      const { corpus } = await reopen(api, { isSaved: false });
      try {
        assert.ok(corpus.corpus.deals().some((d) => d.value === 4.25e9 && d.mentions.some((m) => m.path === CHANGED)));
      } finally {
        corpus.dispose();
      }
    } finally {
      await writeText(uri, text);
      await until(
        api.onDidUpdateCorpus,
        () => !api.corpus.corpus.deals().some((d) => d.value === 4.25e9),
        `${CHANGED} back as it was`,
      );
      await api.corpus.whenIdle();
    }
  });
  test("should know which articles' text a reopen must read: those with annotations", async () => {
    const uri = copyUri(COPIES[0]!);
    const other = copyUri(COPIES[2]!);
    assert.equal(await api.store.hasAnnotationsIn(uri), false);
    const text = await readText(uri);
    const annotation = await vscode.commands.executeCommand<{ id: string } | undefined>(
      'newsmark.tagClaim',
      uri,
      text.indexOf('$'),
      'checked',
    );
    assert.ok(annotation, 'a claim tagged');
    try {
      assert.equal(await api.store.hasAnnotationsIn(uri), true);
      assert.equal(await api.store.hasAnnotationsIn(other), false);
    } finally {
      assert.equal(await vscode.commands.executeCommand('newsmark.removeAnnotation', uri, annotation.id, true), true);
      await api.store.flush();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.equal(await api.store.hasAnnotationsIn(uri), false);
  });
});
