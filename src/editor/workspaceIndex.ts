/**
 * The one Analysis cache. Keyed by uri + version (the editor's version for an open document,
 * the file's mtime and size for one on disk); what an unsaved editor holds is what gets analysed.
 * In-flight work is shared, entries are dropped when a document closes or a file is deleted.
 * Analyses run one at a time off the caller's stack, open documents before files on disk, so the
 * background pass over the whole workspace (workspaceCorpus.ts) cannot starve the editor. That
 * pass asks for files without keeping their analyses (`isRetained: false`): a large workspace
 * is held only as the corpus's compact facts. No provider calls `analyse`: they all ask this index.
 * On the desktop that pass reads and analyses local files in worker threads when it can (`indexFile`,
 * src/workers/pool.ts), so a large workspace is indexed on several cores and the host stays free;
 * in a browser (no worker threads: platform.ts) it analyses on the host, yielding between articles.
 * The workers persist each file's facts in the workspace storage (persistedIndex.ts): after a
 * reopen, an unchanged file's facts are read back, not analysed (`IndexedFile.isPersisted`).
 * Articles over `newsmark.analysis.maxFileSizeKB` are not analysed anywhere, open or on disk:
 * they are listed (`skipped`, `onDidChangeSkipped`) for the status bar, and logged once.
 * Which files are articles follows the include glob, the folders every Newsmark tool skips
 * (src/core/articleFiles.ts) and the user's `files.exclude`.
 */
import * as vscode from 'vscode';
import type { AnalysisCache } from '../core/analysisCache';
import {
  articleExcludeGlob,
  isExcludedByPatterns,
  isInExcludedFolder,
  type ArticleExclude,
} from '../core/articleFiles';
import type { Analysis } from '../core/analysis';
import type { SourceFacts } from '../core/store/sourceFacts';
import type { PoolLexicon } from '../workers/protocol';
import { workerHeapFor } from '../workers/protocol';
import { articlePath, isArticleDocument } from './articles';
import type { Config } from './config';
import { decodeArticle } from './indexProtocol';
import type { LexiconSource, LexiconState } from './lexiconSource';
import { SizeLimit, type SkippedArticle } from './sizeLimit';
import type { Log } from './log';
import type { Pruned } from '../node/factCache';
import { PersistedIndex } from './persistedIndex';
import { ArticleTree } from './articleTree';
import type { Engine, IndexWorkerPool, Platform } from './platform';
import type { PersistedKey } from '../core/store/persistedFacts';

export type { SkippedArticle } from './sizeLimit';

export interface AnalysedArticle {
  readonly uri: vscode.Uri;
  /** Workspace-relative path, as in `analysis.path`. */
  readonly path: string;
  /** The editor's version when the text came from an open document, else undefined. */
  readonly version: number | undefined;
  /** The text that was analysed (offsets point into it). */
  readonly text: string;
  readonly analysis: Analysis;
}

/** A file the background pass analysed in a worker thread: only what the corpus keeps came back. */
export interface IndexedFile {
  readonly uri: vscode.Uri;
  readonly path: string;
  /** The text that was analysed (to re-anchor annotations; not kept). */
  readonly text: string;
  readonly facts: SourceFacts;
  readonly lineStarts: Uint32Array;
  /** The facts were read back from the persisted index (the file is unchanged since they were analysed). */
  readonly isPersisted: boolean;
  /** With a persisted index: the key of the bytes indexed, and when the worker looked at the file. */
  readonly key?: PersistedKey;
  readonly indexedAt?: number;
}

export type IndexFileResult =
  | { readonly status: 'ok'; readonly file: IndexedFile }
  /**
   * The file is gone, or it is over the size limit (then `skipped` lists it): either way it is
   * not part of the corpus, and facts it had before it grew are dropped.
   */
  | { readonly status: 'missing' }
  /** Too large for a worker: analyse it on the host (`getUri`). */
  | { readonly status: 'tooLarge' }
  /** The worker could not analyse it (logged; the host may try), or a newer state of the workspace superseded the result. */
  | { readonly status: 'failed' | 'superseded' };

/** The corpus snapshot of a window's storage (`WorkspaceIndex.snapshotStore`). */
export interface SnapshotStore {
  /** The engine key (build and lexicon) its records must be of. */
  readonly engine: string;
  /** The snapshot's codec (src/core/store/corpusSnapshot.ts, in the engine bundle). */
  readonly codec: Pick<
    Engine,
    'SnapshotReader' | 'encodeSnapshotHeader' | 'encodeSnapshotRecord' | 'encodeSnapshotEnd' | 'sharedStrings'
  >;
  read(): Promise<AsyncIterable<Uint8Array> | undefined>;
  write(chunks: AsyncIterable<Uint8Array>): Promise<void>;
  yieldToHost(): Promise<void>;
  /** A local file's size and modification time (Node's ms, with their fraction); undefined when it is not a local regular file. */
  stat(uri: vscode.Uri): Promise<{ readonly size: number; readonly mtimeMs: number } | undefined>;
}

/** Worker threads for `newsmark.analysis.workers: 0`: one per core, at most this many. */
const MAX_AUTO_WORKERS = 4;

interface Entry {
  readonly key: string;
  readonly promise: Promise<AnalysedArticle | undefined>;
  /** Kept once it lands (`latest`, later lookups); false for the background pass over files. */
  isRetained: boolean;
}

interface Job {
  readonly uriKey: string;
  readonly key: string;
  readonly isForeground: boolean;
  run(): Promise<AnalysedArticle | undefined>;
  resolve(result: AnalysedArticle | undefined): void;
}

export class WorkspaceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly latestByUri = new Map<string, AnalysedArticle>();
  /** Work kept between versions of an open document: an edit re-does only the touched blocks. */
  private readonly cachesByUri = new Map<string, AnalysisCache>();
  private readonly queue: Job[] = [];
  private isRunning = false;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly analysed = new vscode.EventEmitter<AnalysedArticle>();
  private readonly forgotten = new vscode.EventEmitter<vscode.Uri>();
  private readonly articlesChanged = new vscode.EventEmitter<void>();
  private readonly fileChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly wasReset = new vscode.EventEmitter<void>();
  private readonly fileIndexed = new vscode.EventEmitter<IndexedFile>();
  /** Articles left out for their size. */
  private readonly sizeLimit: SizeLimit;
  private pool: IndexWorkerPool | undefined;
  /** The heap the pool's workers were started with (it follows the size limit). */
  private poolHeapMb = 0;
  /** Bumped by every reset: worker results started before one are dropped. */
  private generation = 0;
  private readonly lexiconKeys = new WeakMap<LexiconState, PoolLexicon>();
  private lexiconCount = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private articleList: Promise<ArticleTree<vscode.Uri>> | undefined;
  /** Every file the background pass indexed, by uri: a folder deleted at once takes its files out of the corpus. */
  private readonly seen = new ArticleTree<vscode.Uri>();
  private isDisposed = false;
  private watcher: vscode.Disposable;
  private readonly persisted: PersistedIndex;

  /** Fires when an analysis lands (never for a cache hit). */
  readonly onDidAnalyse = this.analysed.event;
  /** Fires when a document closed or a file was deleted: its analysis is gone. */
  readonly onDidForget = this.forgotten.event;
  /** Fires when the set of article files may have changed (created, deleted, settings). */
  readonly onDidChangeArticles = this.articlesChanged.event;
  /** Fires when an article file was created, changed or deleted on disk (whether or not it was analysed). */
  readonly onDidChangeArticleFile = this.fileChanged.event;
  /** Fires when every analysis was dropped (the lexicon or the article settings changed): all are stale. */
  readonly onDidReset = this.wasReset.event;
  /** Fires when a worker thread indexed a file (`indexFile`); `onDidAnalyse` does not fire for it. */
  readonly onDidIndexFile = this.fileIndexed.event;
  /** Fires when an article was left out for its size, or is no longer. */
  readonly onDidChangeSkipped: vscode.Event<void>;
  private articleSettings: string;

  /**
   * `platform`: its worker threads analyse files in the background; without them (a browser) every analysis runs on the extension host, one article per slice.
   * `storage`: the extension's workspace storage, where the workers persist each file's facts (none: nothing is persisted).
   */
  constructor(
    private readonly config: Config,
    private readonly lexicons: LexiconSource,
    private readonly log: Log,
    private readonly platform: Platform,
    storage?: vscode.Uri,
  ) {
    this.sizeLimit = new SizeLimit(config, log);
    this.persisted = new PersistedIndex(platform, storage, log);
    this.onDidChangeSkipped = this.sizeLimit.onDidChange;
    this.watcher = this.watchArticles();
    this.articleSettings = this.articleSettingsKey();
    this.disposables.push(
      this.analysed,
      this.forgotten,
      this.articlesChanged,
      this.fileChanged,
      this.wasReset,
      this.fileIndexed,
      this.sizeLimit,
      vscode.workspace.onDidOpenTextDocument((doc) => this.isArticle(doc) && void this.get(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.scheduleAnalysis(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      lexicons.onDidChange(() => this.reset('the workspace lexicon changed')),
      config.onDidChange(() => {
        if (
          this.pool &&
          (this.pool.size !== this.workerCount ||
            this.poolHeapMb !== workerHeapFor(this.maxFileBytes).maxOldGenerationSizeMb)
        ) {
          this.pool.dispose(); // jobs in flight answer 'failed'; the next pass starts the new pool
          this.pool = undefined;
        }
        // only what decides which files are articles makes every analysis stale (not colours, not severities)
        const key = this.articleSettingsKey();
        if (key === this.articleSettings) return;
        this.articleSettings = key;
        this.watcher.dispose();
        this.watcher = this.watchArticles();
        this.reset('settings changed');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset('workspace folders changed')),
      vscode.workspace.onDidChangeConfiguration(
        (e) => e.affectsConfiguration('files.exclude') && this.reset('files.exclude changed'),
      ),
    );
  }

  private articleSettingsKey(): string {
    const { enable, include, analysis } = this.config.settings;
    return JSON.stringify([enable, include, analysis.maxFileSizeKB]);
  }

  /** Larger articles are not analysed (`newsmark.analysis.maxFileSizeKB`). */
  get maxFileBytes(): number {
    return this.sizeLimit.maxBytes;
  }

  /** Why this article is not analysed, if it is left out for its size. */
  skipped(uri: vscode.Uri): SkippedArticle | undefined {
    return this.sizeLimit.get(uri);
  }

  /** Every article left out for its size, by path. */
  skippedArticles(): SkippedArticle[] {
    return this.sizeLimit.all();
  }

  private watchArticles(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(this.config.settings.include);
    const isWatched = (uri: vscode.Uri) => !isInExcludedFolder(vscode.workspace.asRelativePath(uri, false));
    const drop = (gone: vscode.Uri) => {
      this.seen.remove(gone.toString());
      this.forget(gone);
      void this.persisted.forget(gone);
      this.sizeLimit.unskip(gone);
      this.updateArticleList(gone, false);
      if (isWatched(gone)) this.fileChanged.fire(gone);
    };
    // a folder deleted at once comes as one event: the articles listed under it go with it
    const dropUnder = (uri: vscode.Uri) =>
      void this.listedUnder(uri).then(
        (under) => under.forEach(drop),
        (error: unknown) => this.log.error(`index: cannot list the articles under ${uri.toString()}: ${error}`),
      );
    // a folder moved in or out, copied in, created or deleted with its files at once, may come as
    // the folder's event alone (the file watcher sees the files before it watches the folder, and
    // a folder moved out takes its files unseen): its articles are looked up under it
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    return vscode.Disposable.from(
      watcher,
      folders,
      folders.onDidCreate((uri) => void this.articlesCreatedUnder(uri)),
      // (what goes inside node_modules or .git holds no article: no look at the list for it)
      folders.onDidDelete((uri) => {
        if (!isInExcludedFolder(`${vscode.workspace.asRelativePath(uri, false)}/-`)) dropUnder(uri);
      }),
      watcher.onDidCreate((uri) => {
        this.updateArticleList(uri, true);
        if (isWatched(uri)) this.fileChanged.fire(uri);
      }),
      watcher.onDidDelete((uri) => {
        drop(uri);
        dropUnder(uri);
      }),
      watcher.onDidChange((uri) => {
        if (this.openDocument(uri) || !isWatched(uri)) return; // an open document is analysed from its editor text
        this.forget(uri);
        this.fileChanged.fire(uri);
      }),
    );
  }

  /** When `uri` is a folder just created (moved or copied in): every article under it, as created. */
  private async articlesCreatedUnder(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (
      !this.config.settings.enable ||
      !folder ||
      uri.scheme !== folder.uri.scheme ||
      isInExcludedFolder(`${vscode.workspace.asRelativePath(uri, false)}/-`)
    )
      return;
    try {
      if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) return;
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(uri, this.config.settings.include),
        this.excludeOf(folder).glob,
      );
      if (this.isDisposed || found.length === 0) return;
      this.log.info(
        `index: ${found.length} article file(s) came with the folder ${vscode.workspace.asRelativePath(uri)}`,
      );
      for (const file of found) {
        this.updateArticleList(file, true);
        this.fileChanged.fire(file);
      }
    } catch {
      // gone again, or not readable: its files' own events (if any) tell the rest
    }
  }

  isArticle(doc: vscode.TextDocument): boolean {
    return isArticleDocument(doc, this.config.settings);
  }

  /** The analysis of an open document's current text (shared with any request in flight). */
  async get(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Analysis | undefined> {
    return (await this.getArticle(doc, token))?.analysis;
  }

  async getArticle(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<AnalysedArticle | undefined> {
    if (!this.isArticle(doc)) return undefined;
    const uri = doc.uri;
    const version = doc.version;
    const overLimit = this.sizeLimit.documentBytesOver(doc);
    if (overLimit !== undefined) {
      this.sizeLimit.skip(uri, overLimit, version); // not analysed on the host, nor anywhere
      return undefined;
    }
    this.sizeLimit.unskip(uri);
    const result = await this.lookup(uri, `v${version}`, true, true, async () => ({ text: doc.getText(), version }));
    return token?.isCancellationRequested ? undefined : result;
  }

  /**
   * The analysis of an article by uri: its open document if there is one, else the file on disk.
   * `isRetained: false` (the background pass) analyses a file without keeping the result.
   */
  async getUri(
    uri: vscode.Uri,
    token?: vscode.CancellationToken,
    isRetained = true,
  ): Promise<AnalysedArticle | undefined> {
    // a file written while it is read (the watcher's change event forgets the analysis in flight)
    // is read again: its caller asked for the file, and the file is there
    for (let attempt = 1; ; attempt++) {
      const result = await this.getUriOnce(uri, token, isRetained);
      if (result || token?.isCancellationRequested || attempt === 3 || !(await this.isReadableArticle(uri)))
        return result;
    }
  }

  private async isReadableArticle(uri: vscode.Uri): Promise<boolean> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      return (stat.type & vscode.FileType.File) !== 0 && stat.size <= this.maxFileBytes;
    } catch {
      return false;
    }
  }

  private async getUriOnce(
    uri: vscode.Uri,
    token: vscode.CancellationToken | undefined,
    isRetained: boolean,
  ): Promise<AnalysedArticle | undefined> {
    const doc = this.openDocument(uri);
    if (doc) return this.getArticle(doc, token);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return undefined; // deleted meanwhile
    }
    if ((stat.type & vscode.FileType.File) === 0) return undefined; // a folder, a named pipe, a device: never read
    if (stat.size > this.maxFileBytes) {
      this.sizeLimit.skip(uri, stat.size, undefined);
      return undefined;
    }
    this.sizeLimit.unskip(uri);
    const result = await this.lookup(uri, `m${stat.mtime}:${stat.size}`, false, isRetained, async () => {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return { text: decodeArticle(bytes), version: undefined };
    });
    return token?.isCancellationRequested ? undefined : result;
  }

  /** Worker threads the background pass uses (0: it analyses on the extension host). */
  /** Lets the host answer other work (hovers, typing) before the caller goes on: between slices of a long walk. */
  yieldToHost(): Promise<void> {
    return this.platform.yieldToHost();
  }

  get workerCount(): number {
    const workers = this.platform.indexWorkers;
    if (!workers) return 0;
    const setting = this.config.settings.analysis.workers;
    return setting > 0 ? setting : Math.min(MAX_AUTO_WORKERS, Math.max(1, workers.availableCores()));
  }

  /**
   * Stops the analysis workers if none is working (the workspace is indexed): at 10,000 articles
   * their heaps held about 100 MB of the extension host beside the index while the deals were
   * merged and the conflicts judged. A file changed later starts them again.
   */
  stopIdleWorkers(): void {
    this.pool?.stopIdle();
  }

  /** Analysis workers running now: 0 once the workspace is indexed. */
  get runningWorkers(): number {
    return this.pool?.runningCount ?? 0;
  }

  /** Whether `indexFile` can analyse this uri in a worker thread: a local file not open in an editor. */
  canIndexInWorker(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this.workerCount > 0 && !this.pool?.isBroken && !this.openDocument(uri);
  }

  /**
   * The background pass over a file, in a worker thread (check `canIndexInWorker` first): the
   * file's compact facts, nothing retained here. The file is read as it is on disk; its facts
   * are read back from the persisted index when they are there for these bytes.
   */
  async indexFile(uri: vscode.Uri): Promise<IndexFileResult> {
    this.seen.add(uri);
    const generation = this.generation;
    const state = await this.lexicons.current();
    const persisted = await this.persisted.targetFor(uri, state);
    const heap = workerHeapFor(this.maxFileBytes);
    if (!this.pool) {
      this.pool = this.platform.indexWorkers!.createPool({
        size: this.workerCount,
        resourceLimits: heap,
        onLog: (message) => this.log.warn(`index: ${message}`),
      });
      this.poolHeapMb = heap.maxOldGenerationSizeMb;
    }
    const path = articlePath(uri);
    const reply = await this.pool.run(
      { fsPath: uri.fsPath, path, maxBytes: this.maxFileBytes, persisted },
      this.poolLexicon(state),
    );
    if (this.isDisposed || generation !== this.generation) return { status: 'superseded' };
    if (reply.status === 'overLimit') {
      this.sizeLimit.skip(uri, reply.bytes, undefined);
      return { status: 'missing' }; // out of the corpus, and facts it had before it grew dropped
    }
    if (reply.status === 'missing' || reply.status === 'tooLarge') return { status: reply.status };
    this.sizeLimit.unskip(uri);
    if (reply.status === 'failed') {
      this.log.warn(`index: analysis of ${uri.toString()} failed in a worker (the host tries again): ${reply.error}`);
      return { status: 'failed' };
    }
    const isPersisted = reply.persisted?.status === 'hit';
    this.persisted.note(path, reply.persisted);
    this.log.debug(
      `index: ${isPersisted ? 'read back the persisted facts of' : 'analysed'} ${path} in a worker in ${Math.round(reply.ms)} ms`,
    );
    const file: IndexedFile = {
      uri,
      path,
      text: reply.text,
      facts: reply.facts,
      lineStarts: reply.lineStarts,
      isPersisted,
      key: reply.key,
      indexedAt: reply.indexedAt,
    };
    this.fileIndexed.fire(file);
    return { status: 'ok', file };
  }

  private poolLexicon(state: LexiconState): PoolLexicon {
    let lexicon = this.lexiconKeys.get(state);
    if (!lexicon) this.lexiconKeys.set(state, (lexicon = { key: String(++this.lexiconCount), additions: state.file }));
    return lexicon;
  }

  /** The last analysis that landed for this uri, whatever its version (may be stale). */
  latest(uri: vscode.Uri): AnalysedArticle | undefined {
    return this.latestByUri.get(uri.toString());
  }

  /**
   * After a full listing (`articles()`): the persisted facts of every file not listed nor open are
   * removed — files deleted, renamed or excluded while no window watched. Not when the index is
   * off or the listing found nothing (a folder that is not there for the moment keeps its facts).
   */
  async prunePersisted(listed: readonly vscode.Uri[]): Promise<Pruned | undefined> {
    if (!this.config.settings.enable || listed.length === 0) return undefined;
    const open = vscode.workspace.textDocuments.filter((doc) => !doc.isClosed && this.isArticle(doc));
    return this.persisted.prune([...listed, ...open.map((doc) => doc.uri)]);
  }

  /**
   * The corpus snapshot of this window's storage (corpusSnapshot.ts), for the lexicon in use now:
   * how to read and write it, and the engine's codec; undefined when nothing is persisted.
   */
  async snapshotStore(): Promise<SnapshotStore | undefined> {
    if (!this.config.settings.enable) return undefined;
    const facts = this.platform.persistedFacts;
    const target = facts && (await this.persisted.snapshotTarget(await this.lexicons.current()));
    if (!facts || !target) return undefined;
    const platform = this.platform;
    return {
      engine: target.engine,
      codec: platform.engine(),
      read: () => facts.readSnapshot(target.dir),
      write: (chunks) => facts.writeSnapshot(target.dir, chunks),
      yieldToHost: () => platform.yieldToHost(),
      // (only local files get keys: the workers index no other)
      stat: async (uri) => (uri.scheme === 'file' ? facts.statFile(uri.fsPath) : undefined),
    };
  }

  /** Where the workers persist facts (the integration tests look inside); undefined when nothing is persisted. */
  persistedFolder(): Promise<string | undefined> {
    return this.persisted.folderPath();
  }

  /** Every article file of the workspace (the include glob), found once and kept until files come or go. */
  articles(): Promise<readonly vscode.Uri[]> {
    return this.articleTree().then((tree) => tree.list());
  }

  /** Whether `uri` is one of the workspace's article files (the include glob, the excludes). */
  async isListed(uri: vscode.Uri): Promise<boolean> {
    return (await this.articleTree()).has(uri.toString());
  }

  private articleTree(): Promise<ArticleTree<vscode.Uri>> {
    return (this.articleList ??= this.findArticles().then((uris) => new ArticleTree(uris)));
  }

  /**
   * Each workspace folder searched with its own exclude: the folders Newsmark always skips and
   * the folder's `files.exclude`. (Any exclude given to findFiles replaces `files.exclude`, so
   * the two are merged here rather than one of them lost.)
   */
  private async findArticles(): Promise<vscode.Uri[]> {
    if (!this.config.settings.enable) return [];
    const started = Date.now();
    const include = this.config.settings.include;
    const lists = await Promise.all(
      (vscode.workspace.workspaceFolders ?? []).map((folder) => {
        const exclude = this.excludeOf(folder);
        if (exclude.leftOut.length > 0)
          this.log.info(
            `index: files.exclude patterns the index cannot apply in ${folder.name} (they depend on sibling files or hold a comma): ${exclude.leftOut.join(', ')}`,
          );
        return vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude.glob);
      }),
    );
    const uris = lists.flat();
    this.log.info(`index: ${uris.length} article file(s) match ${include} (${Date.now() - started} ms)`);
    return uris.sort((a, b) => a.path.localeCompare(b.path));
  }

  private excludeOf(folder: vscode.WorkspaceFolder): ArticleExclude {
    return articleExcludeGlob(
      vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude'),
    );
  }

  /** The open (not closed) document of a uri, if any. */
  openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
  }

  private lookup(
    uri: vscode.Uri,
    key: string,
    isForeground: boolean,
    isRetained: boolean,
    read: () => Promise<{ text: string; version: number | undefined }>,
  ): Promise<AnalysedArticle | undefined> {
    const uriKey = uri.toString();
    const existing = this.entries.get(uriKey);
    if (existing?.key === key) {
      existing.isRetained ||= isRetained;
      return existing.promise;
    }
    let resolve!: (result: AnalysedArticle | undefined) => void;
    const promise = new Promise<AnalysedArticle | undefined>((r) => (resolve = r));
    this.entries.set(uriKey, { key, promise, isRetained });
    this.enqueue({
      uriKey,
      key,
      isForeground,
      resolve,
      run: async () => {
        const { text, version } = await read();
        const lexicon = await this.lexicons.get();
        const path = articlePath(uri);
        const started = Date.now();
        const cache = isForeground ? this.cacheFor(uriKey) : undefined;
        const analysis = this.platform.engine().analyse({ path, text, version }, { lexicon, cache });
        this.log.debug(`index: analysed ${path} (${key}) in ${Date.now() - started} ms`);
        return { uri, path, version, text, analysis };
      },
    });
    return promise;
  }

  private enqueue(job: Job): void {
    if (job.isForeground) {
      const firstBackground = this.queue.findIndex((j) => !j.isForeground);
      this.queue.splice(firstBackground < 0 ? this.queue.length : firstBackground, 0, job);
    } else {
      this.queue.push(job);
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.isRunning) return;
    this.isRunning = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        await this.platform.yieldToHost(); // never on the caller's stack; let the host breathe between articles
        if (this.isDisposed || this.entries.get(job.uriKey)?.key !== job.key) {
          job.resolve(undefined); // superseded by a newer version, forgotten or disposed
          continue;
        }
        let result: AnalysedArticle | undefined;
        try {
          result = await job.run();
        } catch (error) {
          this.log.error(`index: analysis of ${job.uriKey} failed: ${(error as Error).stack ?? error}`);
          this.entries.delete(job.uriKey);
        }
        const entry = this.entries.get(job.uriKey);
        const isCurrent = entry?.key === job.key;
        if (result && isCurrent) {
          if (entry.isRetained) this.latestByUri.set(job.uriKey, result);
          else this.entries.delete(job.uriKey); // the background pass keeps facts, not analyses
          this.analysed.fire(result);
        }
        job.resolve(isCurrent ? result : undefined);
      }
    } finally {
      this.isRunning = false;
    }
  }

  private scheduleAnalysis(doc: vscode.TextDocument): void {
    if (!this.isArticle(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) void this.get(doc);
      }, this.config.settings.analysis.debounceMs),
    );
  }

  private cacheFor(uriKey: string): AnalysisCache {
    let cache = this.cachesByUri.get(uriKey);
    if (!cache) this.cachesByUri.set(uriKey, (cache = new (this.platform.engine().AnalysisCache)()));
    return cache;
  }

  private forget(uri: vscode.Uri): void {
    this.cachesByUri.delete(uri.toString());
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const had = this.entries.delete(key) || this.latestByUri.has(key);
    this.latestByUri.delete(key);
    if (had) this.forgotten.fire(uri);
  }

  /**
   * A file came or went: the list follows without searching the workspace again (that can take
   * seconds), unless the user's files.exclude has a pattern only a search can apply.
   */
  private updateArticleList(uri: vscode.Uri, isCreated: boolean): void {
    const list = this.articleList;
    if (list && !isCreated) void list.then((tree) => tree.remove(uri.toString()), ignore);
    else if (list) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const relative = vscode.workspace.asRelativePath(uri, false);
      const isExcluded =
        !folder || isInExcludedFolder(relative)
          ? true
          : isExcludedByPatterns(relative, this.excludeOf(folder).userPatterns);
      if (isExcluded === undefined) {
        this.invalidateArticleList();
        return;
      }
      // one change of the tree: what costs the list's size (sorting it) waits for the next articles()
      void list.then((tree) => (isExcluded ? tree.remove(uri.toString()) : tree.add(uri)), ignore);
    }
    this.articlesChanged.fire();
  }

  /** The articles listed or indexed inside the folder `uri` (none when it is a file). */
  private async listedUnder(uri: vscode.Uri): Promise<vscode.Uri[]> {
    const key = uri.toString();
    const under = new Map<string, vscode.Uri>();
    for (const u of (await this.articleList)?.under(key) ?? []) under.set(u.toString(), u);
    for (const u of this.seen.under(key)) under.set(u.toString(), u);
    for (const found of under.keys()) this.seen.remove(found);
    return [...under.values()];
  }

  private invalidateArticleList(): void {
    this.articleList = undefined;
    this.articlesChanged.fire();
  }

  /** Drop everything (lexicon or settings changed) and re-analyse the open articles. */
  private reset(reason: string): void {
    this.log.info(`index: cleared (${reason})`);
    this.generation++;
    this.entries.clear();
    this.latestByUri.clear();
    this.sizeLimit.clear(); // checked again against the (maybe new) limit as files are indexed
    this.invalidateArticleList();
    this.wasReset.fire();
    for (const doc of vscode.workspace.textDocuments) if (this.isArticle(doc)) void this.get(doc);
  }

  dispose(): void {
    this.isDisposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    this.pool?.dispose();
    this.watcher.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A failed listing is logged where it is awaited (articles()); a change waiting on it has nothing to change. */
function ignore(): void {}
