/**
 * The workspace as one Corpus: every article under `newsmark.include` in every workspace folder,
 * analysed in the background — local files in the index's worker threads, the rest (and open
 * documents, which keep priority) through the WorkspaceIndex's queue, one at a time — and
 * reduced to the corpus's compact facts: analyses of files are not kept. It follows the editor's unsaved text, files created, changed, deleted
 * and renamed, and re-indexes everything when the lexicon or the article settings change. A
 * large workspace shows a cancellable notification while it is indexed, a small one a spinner in
 * the status bar. Changes are announced (batched while indexing) with the sources concerned.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import { concatBytes } from '../core/bytes';
import { Foreground, gatherInSlices } from '../core/collections';
import {
  Corpus,
  sortByFirstMention,
  sortRowsByFirstMention,
  type CorpusChange,
  type CorpusDeal,
  type DealRow,
} from '../core/corpus/index';
import { articlePath } from './articles';
import { lineStartsOf, positionIn } from './lineIndex';
import type { Log } from './log';
import type { PersistedKey } from '../core/store/persistedFacts';
import type { AnalysedArticle, IndexedFile, SnapshotStore, WorkspaceIndex } from './workspaceIndex';

/** From this many articles on, indexing shows a cancellable notification (below it, a status-bar spinner). */
export const PROGRESS_NOTIFICATION_MIN_ARTICLES = 200;
/** Files asked for at once (at least), so the index's queue has the next one ready while one is analysed. */
const FILES_IN_FLIGHT = 4;
/** While indexing, the progress notification is updated at most this often. */
const PROGRESS_REPORT_MS = 250;
/** While indexing, updates are announced at most this often (each one recomputes the problems and the panel). */
const UPDATE_BATCH_MS = 1000;
/** The corpus snapshot is written this long after the corpus last changed and went idle. */
const SNAPSHOT_DELAY_MS = 3000;
/** The snapshot is written in chunks of about this many bytes (see src/node/corpusSnapshot.ts). */
const SNAPSHOT_CHUNK_BYTES = 1024 * 1024;
/**
 * The longest a long walk (reading the snapshot, merging the deals) holds the host before it lets
 * other work run, so that the editor stays responsive meanwhile.
 */
const SLICE_MS = 20;
/**
 * A file modified this close before it was looked at may have been modified again within the
 * same tick of its file system's clock (FAT keeps 2 s): its size and time do not prove it
 * unchanged, and the worker checks its content.
 */
const RACY_MS = 2000;

/** What the corpus snapshot gave a corpus at its start (`whenSnapshotLoaded`). */
export interface SnapshotLoad {
  readonly articles: number;
  /** Milliseconds from the corpus's making (the extension's activation) to the snapshot in. */
  readonly ms: number;
  /** Of those, the read itself: from the first byte asked for to the last record's facts in the corpus (0 when there is no snapshot to read). */
  readonly readMs: number;
}

/** What the snapshot keeps of where a source's facts came from (`SnapshotRecord` without the facts). */
interface SnapshotKey {
  readonly identity: string;
  readonly key: PersistedKey;
  readonly indexedAt: number;
}

export interface CorpusUpdate {
  /** Sources whose cross-source facts may have changed (removed and renamed ones included), sorted. */
  readonly affectedPaths: readonly string[];
}

export interface IndexStatus {
  readonly isIndexing: boolean;
  /** The last pass was cancelled: some articles are missing until "Newsmark: Re-index Workspace". */
  readonly isIncomplete: boolean;
  readonly indexedCount: number;
  /** Articles of the pass in progress (0 when idle). */
  readonly passTotal: number;
}

interface TextShape {
  readonly lineStarts: Uint32Array;
  readonly length: number;
}

export class WorkspaceCorpus implements vscode.Disposable {
  /** The facts of every indexed article. Read it; only this class changes it. */
  readonly corpus = new Corpus();
  private readonly uriByPath = new Map<string, vscode.Uri>();
  private readonly shapes = new Map<string, TextShape>();
  /** Analyses already in the corpus (weakly held: this class keeps no analysis alive). */
  private readonly accepted = new WeakSet<Analysis>();
  /** Uris to look at again, by uri string. */
  private readonly pending = new Map<string, vscode.Uri>();
  private busyCount = 0;
  private idleWaiters: Array<() => void> = [];
  private isDraining = false;
  private pass = { done: 0, total: 0, persisted: 0, unchanged: 0 };
  private isIncomplete = false;
  private generation = 0;
  /** What changed since the last announcement: paths, and fact keys whose sources are looked up then. */
  private readonly affected = new Set<string>();
  private readonly affectedKeys = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly startTimer: ReturnType<typeof setTimeout>;
  private readonly updated = new vscode.EventEmitter<CorpusUpdate>();
  private readonly disposables: vscode.Disposable[] = [this.updated];
  /** Sources whose facts a worker indexed from a file with a persisted key: what the snapshot can hold. */
  private readonly snapshotKeys = new Map<string, SnapshotKey>();
  /** Files whose facts came from the snapshot and were not checked against the disk yet, by uri. */
  private readonly unchecked = new Map<string, SnapshotKey>();
  /** The snapshot being read at startup: no refresh runs before it is in. */
  private loading: Promise<void> | undefined;
  private readonly loaded: Promise<SnapshotLoad>;
  /** Sources whose record in the snapshot on disk is missing or outdated (indexed again, opened, removed, renamed since it was written). */
  private readonly changedSinceSnapshot = new Set<string>();
  /** The snapshot read at startup was damaged or partly bad: written again at the next idle, whatever changed. */
  private isSnapshotDamaged = false;
  private isReadingSnapshot = false;
  private hasReportedSnapshotError = false;
  /** The deals' merge, which the panel waits on: the snapshot's write gives way to it. */
  private readonly foreground = new Foreground();
  /** The snapshot read at startup (its `stat` checks each file against it). */
  private snapshotStore: SnapshotStore | undefined;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private isDisposed = false;
  /** Whether a file's text must be read at a reopen even when unchanged (its annotations are anchored in it). */
  private needsText: (uri: vscode.Uri) => Promise<boolean> = async () => false;
  /** Fires after the corpus changed, with the sources concerned; batched while indexing. */
  readonly onDidUpdate = this.updated.event;
  /** When this corpus was made (`performance.now()`): in the extension, during activation. */
  readonly createdAt = performance.now();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly log: Log,
  ) {
    this.disposables.push(
      index.onDidAnalyse((article) => this.accept(article)),
      // a closed document falls back to its file (unsaved text discarded); a deleted file leaves
      index.onDidForget((uri) => this.recheck(uri)),
      index.onDidChangeArticleFile((uri) => this.recheck(uri)),
      index.onDidReset(() => this.indexWorkspace('the lexicon or the article settings changed')),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => this.rename(oldUri, newUri))),
    );
    const started = this.begin(); // not idle before the first pass is listed
    let loaded!: (read: { readonly count: number; readonly readMs: number }) => void;
    this.loaded = new Promise(
      (resolve) =>
        (loaded = ({ count, readMs }) => resolve({ articles: count, ms: performance.now() - this.createdAt, readMs })),
    );
    this.startTimer = setTimeout(() => {
      const loading = this.loadSnapshot().then(
        (read) => loaded(read),
        (error: unknown) => {
          this.log.warn(
            `corpus: cannot read the corpus snapshot: ${(error as Error).message}; every article is indexed`,
          );
          loaded({ count: 0, readMs: 0 });
        },
      );
      this.loading = loading.finally(() => {
        this.loading = undefined;
        this.indexWorkspace('startup');
        started();
      });
    }, 0); // off activation's critical path
  }

  /**
   * Resolves once the corpus snapshot of the last session is in (hovers, conflicts and the deals
   * panel answer from it; the pass then checks each file against it), with the number of
   * articles it gave (0 when there was none to read) and the time since this corpus was made.
   */
  whenSnapshotLoaded(): Promise<SnapshotLoad> {
    return this.loaded;
  }

  /** Says which files must be read even when unchanged since the snapshot: those whose annotations are anchored in their text. */
  setTextNeeded(needsText: (uri: vscode.Uri) => Promise<boolean>): void {
    this.needsText = needsText;
  }

  /** Writes the corpus snapshot now if it is behind the corpus (a write in flight is waited for); for the tests and the bench. */
  async saveSnapshot(): Promise<void> {
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    await this.saving;
    if (this.changedSinceSnapshot.size > 0 || this.isSnapshotDamaged) await this.writeSnapshot();
  }

  /**
   * The rows of the workspace's deals (`Corpus.dealRows()`), merged a group at a time in slices of
   * the host's time: the first merge of 10,000 articles' deals takes seconds, and hovers, typing and
   * the other views go on meanwhile. (A change that lands between slices announces itself, and the
   * panel asks again.)
   */
  deals(): Promise<DealRow[]> {
    // foreground work: the snapshot's write, if one is running, waits for it (see `Foreground`)
    return this.foreground.run(async () => {
      const rows = await gatherInSlices(this.corpus.dealRowGroups(), () => this.index.yieldToHost(), SLICE_MS);
      return sortRowsByFirstMention(rows);
    });
  }

  /** The deal a row stands for, with its sources and mentions as they are now; undefined once it is gone. */
  dealDetails(row: DealRow): CorpusDeal | undefined {
    return this.corpus.dealDetails(row);
  }

  /**
   * Every deal whole, as `Corpus.deals()` gives them (for a copy of them all): merged in slices as
   * `deals()`, and not kept.
   */
  wholeDeals(): Promise<CorpusDeal[]> {
    return this.foreground.run(async () => {
      const deals = await gatherInSlices(this.corpus.dealGroups(), () => this.index.yieldToHost(), SLICE_MS);
      return sortByFirstMention(deals);
    });
  }

  /** Resolves once nothing is being indexed (and the last changes were announced). */
  whenIdle(): Promise<void> {
    return this.busyCount === 0 ? Promise.resolve() : new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get status(): IndexStatus {
    return {
      isIndexing: this.busyCount > 0,
      isIncomplete: this.isIncomplete,
      indexedCount: this.uriByPath.size,
      passTotal: this.pass.total,
    };
  }

  /** Analyses every article again (the palette's "Re-index Workspace"; resumes a cancelled pass). */
  reindex(): Promise<void> {
    this.indexWorkspace('requested');
    return this.whenIdle();
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uriByPath.get(path);
  }

  /** The range of `[start, end)` in an indexed article: its open document's, else the indexed text's. */
  rangeOf(path: string, start: number, end: number): vscode.Range | undefined {
    const uri = this.uriByPath.get(path);
    const doc = uri && this.index.openDocument(uri);
    if (doc) return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    const shape = this.shapes.get(path);
    return (
      shape &&
      new vscode.Range(
        positionIn(shape.lineStarts, start, shape.length),
        positionIn(shape.lineStarts, end, shape.length),
      )
    );
  }

  location(path: string, start: number, end: number): vscode.Location | undefined {
    const uri = this.uriByPath.get(path);
    const range = this.rangeOf(path, start, end);
    return uri && range && new vscode.Location(uri, range);
  }

  private accept(article: AnalysedArticle): void {
    if (this.accepted.has(article.analysis)) return;
    const doc = this.index.openDocument(article.uri);
    if (article.version === undefined && doc && this.index.isArticle(doc)) return; // the editor's text is the source
    this.accepted.add(article.analysis);
    this.setSnapshotKey(article.path, undefined);
    this.uriByPath.set(article.path, article.uri);
    this.shapes.set(article.path, { lineStarts: lineStartsOf(article.text), length: article.text.length });
    this.record(this.corpus.update(article.path, article.analysis), article.path);
  }

  /** A file a worker thread analysed: its facts come ready-made. */
  private acceptFile(file: IndexedFile): void {
    const doc = this.index.openDocument(file.uri);
    if (doc && this.index.isArticle(doc)) return; // opened meanwhile: the editor's text is the source
    if (file.isPersisted) this.pass.persisted++;
    this.setSnapshotKey(
      file.path,
      file.key && file.indexedAt !== undefined
        ? { identity: file.uri.toString(), key: file.key, indexedAt: file.indexedAt }
        : undefined,
    );
    this.uriByPath.set(file.path, file.uri);
    this.shapes.set(file.path, { lineStarts: file.lineStarts, length: file.text.length });
    // posted from a worker thread: its strings are copies already, sharing nothing with the text
    this.record(this.corpus.updateFacts(file.facts, { isDetached: true }), file.path);
  }

  private remove(uri: vscode.Uri): void {
    const path = articlePath(uri);
    if (!this.corpus.has(path)) return;
    this.setSnapshotKey(path, undefined);
    this.uriByPath.delete(path);
    this.shapes.delete(path);
    this.record(this.corpus.remove(path), path);
  }

  /** A file or a folder was renamed in VS Code: its facts move without being analysed again. */
  private rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const old = oldUri.toString();
    for (const [path, uri] of [...this.uriByPath]) {
      const key = uri.toString();
      if (key !== old && !key.startsWith(`${old}/`)) continue;
      const target = vscode.Uri.parse(newUri.toString() + key.slice(old.length));
      const to = articlePath(target);
      const shape = this.shapes.get(path);
      this.setSnapshotKey(path, undefined); // its key names the old path: read again at the next reopen
      this.uriByPath.delete(path);
      this.shapes.delete(path);
      this.uriByPath.set(to, target);
      if (shape) this.shapes.set(to, shape);
      this.record(this.corpus.rename(path, to), path, to);
    }
  }

  private recheck(uri: vscode.Uri): void {
    this.enqueue([uri], false);
  }

  private indexWorkspace(reason: string): void {
    const generation = ++this.generation;
    // a pass asked for (a new lexicon, new settings, "Re-index Workspace") reads every file: the
    // snapshot's facts are only trusted unread by the pass that follows the reopen
    if (reason !== 'startup') this.unchecked.clear();
    const listed = this.begin();
    this.isIncomplete = false;
    void (async () => {
      const started = Date.now();
      const uris = await this.index.articles();
      if (generation !== this.generation) return; // a newer pass lists again
      void this.index.prunePersisted(uris).then(
        (pruned) => {
          if (pruned && (pruned.removed > 0 || pruned.failed > 0))
            this.log.info(
              `corpus: removed the persisted facts of ${pruned.removed} file(s) no longer in the workspace${pruned.failed > 0 ? ` (${pruned.failed} could not be removed)` : ''}; ${pruned.kept} kept`,
            );
        },
        (error: unknown) => this.log.warn(`corpus: cannot prune the persisted facts: ${(error as Error).message}`),
      );
      const wanted = new Map(uris.map((u) => [u.toString(), u]));
      for (const doc of vscode.workspace.textDocuments)
        if (!doc.isClosed && this.index.isArticle(doc)) wanted.set(doc.uri.toString(), doc.uri);
      for (const uri of this.uriByPath.values()) if (!wanted.has(uri.toString())) wanted.set(uri.toString(), uri); // to be removed
      this.log.info(`corpus: indexing ${wanted.size} article(s) (${reason}; listed in ${Date.now() - started} ms)`);
      this.enqueue([...wanted.values()], true);
    })()
      .catch((error) => this.log.error(`corpus: cannot list the articles: ${(error as Error).stack ?? error}`))
      .finally(listed);
  }

  private enqueue(uris: readonly vscode.Uri[], isPass: boolean): void {
    for (const uri of uris) {
      const key = uri.toString();
      if (this.pending.has(key)) continue;
      this.pending.set(key, uri);
      if (isPass || this.isDraining) this.pass.total++;
    }
    if (!this.isDraining && !this.loading && this.pending.size > 0) this.drain();
  }

  private drain(): void {
    this.isDraining = true;
    const done = this.begin();
    const started = Date.now();
    const total = () => Math.max(this.pass.total, this.pass.done + this.pending.size);
    const inFlight = Math.max(FILES_IN_FLIGHT, 2 * this.index.workerCount);
    const run = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      const inProgress = new Set<string>();
      let reported = { at: 0, done: 0 };
      const report = (isLast = false) => {
        const now = Date.now();
        if (!progress || (!isLast && now - reported.at < PROGRESS_REPORT_MS)) return;
        progress.report({
          message: `${this.pass.done} of ${total()} articles`,
          increment: (100 * (this.pass.done - reported.done)) / total(),
        });
        reported = { at: now, done: this.pass.done };
      };
      // lanes that each take the next pending uri as soon as they are free (a uri being
      // refreshed is left pending meanwhile: one uri's refreshes never overlap)
      const lane = async () => {
        for (;;) {
          let next: [string, vscode.Uri] | undefined;
          for (const entry of this.pending)
            if (!inProgress.has(entry[0])) {
              next = entry;
              break;
            }
          if (!next) return;
          const [key, uri] = next;
          this.pending.delete(key);
          inProgress.add(key);
          await this.refresh(uri).catch((error) =>
            this.log.error(`corpus: ${uri.fsPath}: ${(error as Error).stack ?? error}`),
          );
          inProgress.delete(key);
          this.pass.done++;
          report();
        }
      };
      while (this.pending.size > 0) await Promise.all(Array.from({ length: inFlight }, lane));
      report(true);
    };
    const count = total();
    const location =
      count >= PROGRESS_NOTIFICATION_MIN_ARTICLES
        ? vscode.ProgressLocation.Notification
        : count > 1
          ? vscode.ProgressLocation.Window
          : undefined;
    const work =
      location === undefined
        ? run()
        : vscode.window.withProgress(
            {
              location,
              title: 'Newsmark: indexing the workspace',
              cancellable: location === vscode.ProgressLocation.Notification,
            },
            (progress, token) => {
              token.onCancellationRequested(() => this.cancel());
              return run(progress);
            },
          );
    void Promise.resolve(work)
      .catch((error) => this.log.error(`corpus: indexing failed: ${(error as Error).stack ?? error}`))
      .finally(() => {
        const persisted =
          this.pass.persisted > 0 ? ` (${this.pass.persisted} read back from the persisted index, not analysed)` : '';
        const unchanged =
          this.pass.unchanged > 0 ? ` (${this.pass.unchanged} unchanged since the corpus snapshot, not read)` : '';
        if (this.pass.done > 1)
          this.log.info(
            `corpus: ${this.pass.done} article(s) indexed in ${Date.now() - started} ms${unchanged}${persisted}; ${this.uriByPath.size} in the corpus`,
          );
        this.isDraining = false;
        this.pass = { done: 0, total: 0, persisted: 0, unchanged: 0 };
        done();
      });
  }

  private cancel(): void {
    const left = this.pending.size;
    this.pending.clear();
    this.isIncomplete = true;
    this.log.warn(
      `corpus: indexing cancelled with ${left} article(s) left; cross-source facts are incomplete until "Newsmark: Re-index Workspace"`,
    );
  }

  /** Brings one uri's facts up to date: its open document, its file, or nothing (removed). */
  private async refresh(uri: vscode.Uri): Promise<void> {
    const doc = this.index.openDocument(uri);
    if (doc && this.index.isArticle(doc)) {
      // VS Code keeps a document a while after its tab is closed: a clean one whose file is gone
      // is a deleted article (a dirty one is the user's unsaved text, shown as deleted: kept)
      if (!doc.isDirty && doc.uri.scheme !== 'untitled' && !(await exists(uri))) return this.remove(uri);
      const article = await this.index.getArticle(doc);
      if (article) this.accept(article);
      return;
    }
    if (!(await this.isArticleFile(uri))) return this.remove(uri);
    const fromSnapshot = this.unchecked.get(uri.toString());
    if (fromSnapshot) {
      this.unchecked.delete(uri.toString());
      if (await this.isUnchangedSince(uri, fromSnapshot)) {
        this.pass.unchanged++;
        this.log.trace(`corpus: ${fromSnapshot.key.path} unchanged since the corpus snapshot`);
        return;
      }
    }
    if (this.index.canIndexInWorker(uri)) {
      const result = await this.index.indexFile(uri);
      if (result.status === 'ok') return this.acceptFile(result.file);
      if (result.status === 'missing') return this.remove(uri);
      if (result.status === 'superseded') return;
      // too large for a worker, or the worker failed (it crashed, or the pool was replaced): on the host
    }
    const article = await this.index.getUri(uri, undefined, false);
    if (article) this.accept(article);
    else if (!(await exists(uri))) this.remove(uri); // undefined also means "superseded": keep it then
  }

  private isArticleFile(uri: vscode.Uri): Promise<boolean> {
    return this.index.isListed(uri);
  }

  /**
   * Whether a file whose facts came from the snapshot is the file they were indexed from: same
   * size and modification time, not modified within RACY_MS of the look, still within the size
   * limit, and no annotation to anchor in its text. Anything else is indexed again (the worker
   * reads the file, and its content hash decides whether the persisted entry stands).
   */
  private async isUnchangedSince(uri: vscode.Uri, from: SnapshotKey): Promise<boolean> {
    if (!this.snapshotStore || from.key.mtimeMs >= from.indexedAt - RACY_MS) return false;
    const stat = await this.snapshotStore.stat(uri);
    return (
      stat !== undefined &&
      stat.size === from.key.size &&
      stat.mtimeMs === from.key.mtimeMs && // (Node's stat both times: the same number, fraction and all)
      stat.size <= this.index.maxFileBytes &&
      !(await this.needsText(uri))
    );
  }

  private setSnapshotKey(path: string, key: SnapshotKey | undefined): void {
    const uri = this.uriByPath.get(path);
    if (uri) this.unchecked.delete(uri.toString());
    if (key) this.snapshotKeys.set(path, key);
    else if (!this.snapshotKeys.delete(path)) return; // (an open document analysed again: nothing the snapshot holds)
    this.changedSinceSnapshot.add(path);
    if (this.busyCount === 0) this.scheduleSnapshot();
  }

  /**
   * Writes the snapshot a while after the corpus went idle, once enough of it is outdated: a
   * record out of date costs a reopen one worker read of its file (the check sees the change),
   * while a write costs every record. At least one change, and a fiftieth of the sources, so
   * that the writes cost a few records per change whatever the size of the workspace.
   */
  private scheduleSnapshot(): void {
    const changes = this.isSnapshotDamaged ? Number.POSITIVE_INFINITY : this.changedSinceSnapshot.size;
    if (this.isDisposed || changes < Math.max(1, Math.ceil(this.snapshotKeys.size / 50))) return;
    clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      if (this.busyCount > 0) return; // the end of the work reschedules it
      void this.writeSnapshot();
    }, SNAPSHOT_DELAY_MS);
  }

  /**
   * Reads the last session's corpus snapshot into the corpus: every record whose source is not in
   * the corpus yet (an open document analysed meanwhile is newer) and whose file is not open in an
   * editor. Each record was checked by the reader; the pass that follows checks each file. Gives
   * the articles the snapshot gave, and how long reading it took once its store was ready.
   */
  private async loadSnapshot(): Promise<{ readonly count: number; readonly readMs: number }> {
    const store = await this.index.snapshotStore();
    if (!store || this.isDisposed) return { count: 0, readMs: 0 };
    this.snapshotStore = store;
    const readStarted = performance.now();
    const chunks = await store.read();
    if (!chunks) return { count: 0, readMs: 0 };
    const generation = this.generation;
    const reader = new store.codec.SnapshotReader(store.engine);
    let added = 0;
    let bad = 0;
    let firstBad: string | undefined;
    let sliceStarted = Date.now();
    let readError: string | undefined;
    this.isReadingSnapshot = true;
    try {
      for await (const chunk of chunks) {
        for (const item of reader.feed(chunk)) {
          if (this.isDisposed || generation !== this.generation) break; // reset meanwhile (a new lexicon): nothing more from it
          if (item.type === 'bad') {
            bad++;
            firstBad ??= item.reason;
            continue;
          }
          const { identity, key, indexedAt, facts, lineStarts, length } = item.record;
          const uri = vscode.Uri.parse(identity);
          if (articlePath(uri) !== facts.path) {
            bad++; // the workspace's folders changed: the pass indexes the file under its name now
            firstBad ??= `${facts.path} is not where it was`;
            continue;
          }
          if (this.corpus.has(facts.path) || this.index.openDocument(uri)) continue;
          this.uriByPath.set(facts.path, uri);
          this.shapes.set(facts.path, { lineStarts, length });
          this.snapshotKeys.set(facts.path, { identity, key, indexedAt });
          this.unchecked.set(identity, { identity, key, indexedAt });
          this.record(this.corpus.updateFacts(facts, { isDetached: true }), facts.path);
          added++;
        }
        if (reader.stopped || this.isDisposed || generation !== this.generation) break;
        if (Date.now() - sliceStarted >= SLICE_MS) {
          await store.yieldToHost();
          sliceStarted = Date.now();
        }
      }
    } catch (error) {
      readError = (error as { code?: string }).code ?? (error as Error).message;
    } finally {
      this.isReadingSnapshot = false;
    }
    if (this.isDisposed || generation !== this.generation)
      return { count: added, readMs: performance.now() - readStarted };
    const stop = readError ? { status: 'damaged', reason: `unreadable (${readError})` } : reader.finish();
    if (stop?.status === 'otherEngine' || stop?.status === 'otherFormat')
      this.log.info(
        `corpus: the corpus snapshot was dropped (${stop.reason}); every article is read from its own entry`,
      );
    else if (stop)
      this.log.warn(
        `corpus: the corpus snapshot is damaged (${stop.reason}); the ${added} article(s) read before it stand, the rest are indexed again`,
      );
    if (bad > 0) this.log.warn(`corpus: ${bad} record(s) of the corpus snapshot dropped (${firstBad}); indexed again`);
    if (stop || bad > 0) this.isSnapshotDamaged = true; // written again once the pass is done
    const readMs = performance.now() - readStarted;
    this.log.info(`corpus: ${added} article(s) from the corpus snapshot in ${Math.round(readMs)} ms`);
    this.flush(); // hovers, conflicts and the deals panel answer from here on
    return { count: added, readMs };
  }

  /** Writes every source the snapshot can hold (see `snapshotKeys`); a failure is one log line, and the next idle tries again. */
  private writeSnapshot(): Promise<void> {
    let hasFailed = false;
    const write = async () => {
      let store: SnapshotStore | undefined;
      try {
        store = await this.index.snapshotStore();
      } catch (error) {
        hasFailed = true; // the engine cannot be loaded (a broken installation): said where analyses fail
        this.log.warn(`corpus: cannot write the corpus snapshot: ${(error as Error).message}`);
        return;
      }
      if (!store || this.isDisposed) return;
      const changes = [...this.changedSinceSnapshot];
      const wasDamaged = this.isSnapshotDamaged;
      this.changedSinceSnapshot.clear();
      this.isSnapshotDamaged = false;
      const started = Date.now();
      const written = { count: 0 };
      try {
        await store.write(this.snapshotChunks(store, written));
        this.log.info(`corpus: corpus snapshot of ${written.count} article(s) written in ${Date.now() - started} ms`);
      } catch (error) {
        changes.forEach((path) => this.changedSinceSnapshot.add(path));
        this.isSnapshotDamaged ||= wasDamaged;
        hasFailed = true;
        if ((error as Error).message !== 'superseded' && !this.hasReportedSnapshotError) {
          this.hasReportedSnapshotError = true; // once a session: it is tried again at every idle
          this.log.warn(
            `corpus: cannot write the corpus snapshot: ${(error as Error).message}; a reopen reads the articles it lacks from their own entries`,
          );
        }
      }
    };
    const saving = (this.saving ?? Promise.resolve()).then(write).finally(() => {
      if (this.saving === saving) this.saving = undefined;
      if (!hasFailed && this.busyCount === 0) this.scheduleSnapshot(); // what changed while it was written (a failure waits for the next change)
    });
    this.saving = saving;
    return saving;
  }

  /**
   * The snapshot's bytes: every source `snapshotKeys` holds, as the corpus has it now, in chunks of
   * about SNAPSHOT_CHUNK_BYTES (each chunk is a step of the write stream); stops (throws) when the
   * corpus is reset meanwhile.
   */
  private async *snapshotChunks(store: SnapshotStore, written: { count: number }): AsyncGenerator<Uint8Array> {
    const generation = this.generation;
    // the strings many records use, written once (a string the corpus takes in meanwhile goes in its record)
    const shared = store.codec.sharedStrings(this.corpus.sharedStrings());
    let frames: Uint8Array[] = [store.codec.encodeSnapshotHeader(store.engine, Date.now(), shared)];
    let bytes = frames[0]!.length;
    let sliceStarted = Date.now();
    for (const path of [...this.snapshotKeys.keys()]) {
      if (this.isDisposed || generation !== this.generation) throw new Error('superseded');
      const key = this.snapshotKeys.get(path);
      const facts = this.corpus.sourceFacts(path);
      const shape = this.shapes.get(path);
      if (!key || !facts || !shape || key.key.engine !== store.engine) continue;
      const frame = store.codec.encodeSnapshotRecord(
        { ...key, facts, lineStarts: shape.lineStarts, length: shape.length },
        shared,
      );
      frames.push(frame);
      bytes += frame.length;
      written.count++;
      if (bytes >= SNAPSHOT_CHUNK_BYTES) {
        yield concatBytes(frames);
        frames = [];
        bytes = 0;
      }
      if (Date.now() - sliceStarted >= SLICE_MS) {
        await store.yieldToHost();
        // nobody waits on the snapshot: a merge the deals panel waits on goes first
        while (this.foreground.isRunning && !this.isDisposed) await this.foreground.whenClear();
        sliceStarted = Date.now();
      }
    }
    const end = store.codec.encodeSnapshotEnd(written.count);
    frames.push(end);
    yield concatBytes(frames);
  }

  /**
   * Notes a change until the next announcement: its keys, not yet the sources stating them, so
   * that a fact stated by thousands of sources is looked up once a batch, not once a file.
   */
  private record(change: CorpusChange, ...also: string[]): void {
    for (const key of change.affectedKeys) this.affectedKeys.add(key);
    for (const path of change.changedPaths) this.affected.add(path);
    for (const path of also) this.affected.add(path);
    // (while the snapshot is read, one announcement at its end: the problems and the panel once, not every second)
    if (!this.isReadingSnapshot)
      this.flushTimer ??= setTimeout(() => this.flush(), this.busyCount > 0 ? UPDATE_BATCH_MS : 0);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.affected.size === 0 && this.affectedKeys.size === 0) return;
    const affectedPaths = this.corpus.pathsSharing(this.affectedKeys, this.affected);
    this.affected.clear();
    this.affectedKeys.clear();
    this.updated.fire({ affectedPaths });
  }

  /** Marks work in progress; the returned function ends it (once). Idle waiters run after the last change is announced. */
  private begin(): () => void {
    this.busyCount++;
    let isEnded = false;
    return () => {
      if (isEnded) return;
      isEnded = true;
      if (--this.busyCount > 0) return;
      this.flush();
      this.index.stopIdleWorkers();
      this.scheduleSnapshot();
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    };
  }

  dispose(): void {
    this.isDisposed = true;
    this.foreground.release(); // a snapshot write waiting on the panel's merge stops (superseded)
    clearTimeout(this.startTimer);
    clearTimeout(this.flushTimer);
    clearTimeout(this.snapshotTimer);
    this.pending.clear();
    this.generation++;
    this.disposables.forEach((d) => d.dispose());
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
