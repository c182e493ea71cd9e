/**
 * `.newsmark/annotations.json`, one per workspace folder — a store that cannot lose data:
 *  - every change (tag, untag, correct, remove, rename) is a plain value (core
 *    annotations/changes.ts), applied at once in memory, appended to a write-ahead journal in the
 *    extension's storage before the command returns, and kept pending until a write holds it;
 *  - a write reads the file under a lock shared by every window and process (annotationDisk.ts),
 *    replays the pending changes over what is there — so the changes of another window merge by
 *    annotation and by tag instead of being overwritten — and replaces it atomically;
 *  - a missing file is "not there", never "empty": annotations this window holds that disappeared
 *    from the file without a recorded removal (the file or `.newsmark/` deleted, replaced by an
 *    older copy) are written back, and the user is told;
 *  - a failed write is shown (with Retry), stays pending and journaled, and is retried by itself;
 *    `flush()` runs on deactivate; a journal left by a crashed session is replayed on load;
 *  - a file that fails validation is reported and never overwritten: its folder is read-only
 *    until the file is fixed (changes made before stay pending).
 * Annotations are re-anchored whenever the index analyses an article; one that no longer anchors
 * is marked orphan and kept. Articles renamed or moved outside VS Code are followed (same quotes
 * in a file that appeared); a source that is gone leaves its annotations detached (orphans).
 */
import * as vscode from 'vscode';
import {
  ANNOTATION_FILE_PATH,
  EMPTY_ANNOTATION_FILE,
  annotationAt,
  anchorStateOf,
  applyChange,
  applyChanges,
  findTarget,
  parseAnnotationFile,
  pruneTombstones,
  reanchorSource,
  serialiseAnnotationFile,
  vanishedAnnotations,
  type Anchor,
  type AnchorState,
  type Annotation,
  type AnnotationChange,
  type AnnotationFile,
  type ChangeTarget,
  type Correction,
} from '../core/annotations/index';
import { JournalEntry } from '../core/schema';
import type { AnchoredAnnotation, AnnotationView } from './anchored';
import type { AnnotationFileAccess, ChangeJournal } from './annotationDisk';
import { folderRelativePath } from './articles';
import type { Config } from './config';
import type { Log } from './log';
import { hexOf, type Platform } from './platform';
import { MISSING_SOURCE_REASON, SourceMoves } from './sourceMoves';

export { MISSING_SOURCE_REASON } from './sourceMoves';
import type { AnalysedArticle, IndexedFile, WorkspaceIndex } from './workspaceIndex';

/** Seconds between retries of a failed write, then the last one over and over. */
const RETRY_SECONDS = [1, 2, 5, 10, 30, 60];

interface Pending {
  readonly seq: number;
  readonly change: AnnotationChange;
  readonly isJournaled: boolean;
}

type FolderState =
  /** `base`: the file as last read or written, plus annotations written back that the disk lost (`isBaseAhead`). */
  | {
      readonly status: 'ok';
      readonly base: AnnotationFile;
      readonly diskText: string | undefined;
      readonly isBaseAhead: boolean;
    }
  | {
      readonly status: 'invalid';
      readonly message: string;
      readonly diskText: string;
      readonly lastGood: AnnotationFile | undefined;
    };

interface Folder {
  readonly folder: vscode.WorkspaceFolder;
  readonly fileUri: vscode.Uri;
  readonly access: AnnotationFileAccess;
  readonly journal: ChangeJournal | undefined;
  state: FolderState | undefined;
  pending: Pending[];
  /** `pending` applied over the base: what every feature reads. */
  current: AnnotationFile;
  loading: Promise<void> | undefined;
  /** The write in flight; another is queued when changes arrive meanwhile. */
  writing: Promise<void> | undefined;
  isWriteQueued: boolean;
  writeTimer: ReturnType<typeof setTimeout> | undefined;
  failure: { message: string; attempts: number; isShown: boolean } | undefined;
  /** Journals of earlier sessions replayed into `pending`: removed after the next write. */
  replayedJournals: string[];
  /** The invalid content that was reported, so the same file is not reported twice. */
  reported: string | undefined;
}

export interface StoreProblem {
  readonly folder: vscode.WorkspaceFolder;
  readonly fileUri: vscode.Uri;
  readonly message: string;
}

export interface SaveState {
  /** Changes made but not in the annotations file yet. */
  readonly unsaved: number;
  /** Why the last write failed, while it keeps failing. */
  readonly failure: string | undefined;
}

export class ReadOnlyStoreError extends Error {}

export class AnnotationStore implements AnnotationView, vscode.Disposable {
  private readonly folders = new Map<string, Folder>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly written = new vscode.EventEmitter<vscode.Uri>();
  private readonly saveStateChanged = new vscode.EventEmitter<SaveState>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.written, this.saveStateChanged];
  private seq = 0;
  private isDisposed = false;
  private readonly moves: SourceMoves;
  /** Fires after annotations changed in memory (a user action, re-anchoring, a reload). */
  readonly onDidChange = this.changed.event;
  /** Fires after an annotations file was written. */
  readonly onDidWrite = this.written.event;
  /** Fires when the number of unsaved changes or the write failure changes. */
  readonly onDidChangeSaveState = this.saveStateChanged.event;

  /** `platform`: how the annotations file and the journal are read and written; `storage`: where the write-ahead journal lives (the extension's workspace storage). */
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly config: Config,
    private readonly log: Log,
    private readonly platform: Platform,
    private readonly storage?: vscode.Uri,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ANNOTATION_FILE_PATH}`);
    const onDisk = (uri: vscode.Uri) => {
      const folder = this.folderOf(uri);
      if (folder)
        void this.reload(folder).catch((error) =>
          this.log.error(`store: cannot read ${uri.fsPath}: ${(error as Error).message}`),
        );
    };
    this.moves = new SourceMoves(index, log, {
      sourcesOf: (wf) => [...new Set(this.entry(wf).current.annotations.map((a) => a.source))],
      annotationsOf: (wf, source) => this.entry(wf).current.annotations.filter((a) => a.source === source),
      moved: async (wf, from, to, text) => {
        const folder = this.entry(wf);
        await this.applyTo(folder, { type: 'rename', from, to, isFolder: false }, true);
        void vscode.window.showInformationMessage(
          `Newsmark: ${from} was moved to ${to} outside VS Code; its annotations followed it.`,
        );
        await this.anchorIn(folder, to, text);
      },
      detached: (wf, source, states) =>
        this.applyTo(this.entry(wf), { type: 'anchor', source, states, time: this.now() }, false),
      returned: (wf, source, text) => this.anchorIn(this.entry(wf), source, text),
    });
    this.disposables.push(
      watcher,
      watcher.onDidChange(onDisk),
      watcher.onDidCreate(onDisk),
      watcher.onDidDelete(onDisk),
      this.moves,
      index.onDidAnalyse((article) => this.reanchor(article)),
      index.onDidIndexFile((file) => this.reanchor(file)),
      index.onDidChangeArticleFile(() => this.moves.schedule()),
      vscode.workspace.onDidRenameFiles((e) => void this.renamed(e.files)),
      vscode.workspace.onDidDeleteFiles(() => this.moves.schedule()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.ready()),
    );
  }

  /** Loads every folder's file (once); later calls wait for loads in progress. */
  async ready(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((wf) => this.load(this.entry(wf))));
  }

  /**
   * Resolves when every change so far is in the annotations file — or cannot be, for now (the
   * file is invalid, or writing fails: the changes stay pending and journaled, and are retried).
   */
  async flush(): Promise<SaveState> {
    await this.ready();
    for (const folder of this.folders.values()) {
      for (
        let round = 0;
        round < 5 && this.needsWrite(folder) && !folder.failure && folder.state?.status === 'ok';
        round++
      ) {
        clearTimeout(folder.writeTimer);
        folder.writeTimer = undefined;
        await this.write(folder);
      }
      await folder.writing;
    }
    return this.saveState();
  }

  saveState(): SaveState {
    const folders = [...this.folders.values()];
    return {
      unsaved: folders.reduce((n, f) => n + f.pending.filter((p) => p.change.type !== 'anchor').length, 0),
      failure: folders.find((f) => f.failure)?.failure?.message,
    };
  }

  /** The file contents as the store holds them (pending changes included). */
  fileOf(wf: vscode.WorkspaceFolder): AnnotationFile {
    return this.entry(wf).current;
  }

  fileUri(wf: vscode.WorkspaceFolder): vscode.Uri {
    return this.entry(wf).fileUri;
  }

  /** The folder holding the write-ahead journals of a workspace folder's changes (undefined: no storage). */
  journalLocation(wf: vscode.WorkspaceFolder): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, 'journal', folderKey(wf.uri.toString()));
  }

  /** Resolves when the look for articles moved or deleted outside VS Code, scheduled so far, is done. */
  movesSettled(): Promise<void> {
    return this.moves.settled();
  }

  /** Folders whose file fails validation: read-only until fixed. */
  problems(): StoreProblem[] {
    return [...this.folders.values()].flatMap((f) =>
      f.state?.status === 'invalid' ? [{ folder: f.folder, fileUri: f.fileUri, message: f.state.message }] : [],
    );
  }

  anchoredIn(uri: vscode.Uri): AnchoredAnnotation[] {
    const folder = this.folderOf(uri);
    if (!folder) return [];
    const source = folderRelativePath(uri);
    return folder.current.annotations
      .filter((a) => a.source === source)
      .map((annotation) => ({ annotation, uri, span: annotation.orphan ? undefined : annotation.anchor.position }));
  }

  /**
   * Whether any annotation of `uri`'s article is kept (once the folder's file is read): the
   * workspace corpus reads such an article at a reopen even when it is unchanged, to anchor them.
   */
  async hasAnnotationsIn(uri: vscode.Uri): Promise<boolean> {
    const folder = this.folderOf(uri);
    if (!folder) return false;
    await this.load(folder);
    const source = folderRelativePath(uri);
    return folder.current.annotations.some((a) => a.source === source);
  }

  /** Every orphan; a detached one (its article is gone) with its entry in the annotations file. */
  orphans(): AnchoredAnnotation[] {
    return [...this.folders.values()].flatMap((f) =>
      f.current.annotations
        .filter((a) => a.orphan)
        .map((annotation) => {
          const uri = vscode.Uri.joinPath(f.folder.uri, annotation.source);
          if (annotation.orphan?.reason !== MISSING_SOURCE_REASON) return { annotation, uri, span: undefined };
          return {
            annotation,
            uri,
            span: undefined,
            entry: new vscode.Location(f.fileUri, new vscode.Position(this.lineOfEntry(f, annotation.id), 0)),
          };
        }),
    );
  }

  /** The line of an annotation's `"id"` in the file as last read or written (0 when it is not there yet). */
  private lineOfEntry(folder: Folder, id: string): number {
    const text = folder.state?.diskText ?? '';
    const at = text.indexOf(`"id": ${JSON.stringify(id)}`);
    if (at < 0) return 0;
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    return line;
  }

  /** The annotation on `[start, end)` of an article, if one is anchored there. */
  async annotationAt(uri: vscode.Uri, start: number, end: number): Promise<Annotation | undefined> {
    const folder = await this.loadedFolderOf(uri);
    return annotationAt(folder.current, folderRelativePath(uri), start, end);
  }

  /** Custom tags used in the workspace, most recently used first. */
  recentTags(): string[] {
    const annotations = [...this.folders.values()].flatMap((f) => f.current.annotations);
    const sorted = [...annotations].sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0));
    return [...new Set(sorted.flatMap((a) => [...a.tags].reverse()))];
  }

  /** Tags the claim (joining the annotation that holds it, or making one). Throws `ReadOnlyStoreError` while the file is invalid. */
  async tag(uri: vscode.Uri, target: ChangeTarget, tag: string): Promise<Annotation | undefined> {
    const folder = await this.writableFolderOf(uri);
    await this.applyTo(folder, { type: 'tag', target, tag, time: this.now() }, true);
    return findTarget(folder.current, target);
  }

  /** Removes a tag; the annotation goes when nothing is left on it. */
  async untag(uri: vscode.Uri, id: string, tag: string): Promise<Annotation | undefined> {
    const folder = await this.writableFolderOf(uri);
    await this.applyTo(folder, { type: 'untag', id, tag, time: this.now() }, true);
    return folder.current.annotations.find((a) => a.id === id);
  }

  /** Records a correction; `appliedAnchor` when it was also applied to the article (the annotation then quotes the new text). */
  async correct(
    uri: vscode.Uri,
    target: ChangeTarget,
    correction: Omit<Correction, 'time'>,
    appliedAnchor?: Anchor,
  ): Promise<Annotation | undefined> {
    const folder = await this.writableFolderOf(uri);
    const change: AnnotationChange = {
      type: 'correct',
      target,
      correction: { ...correction, time: this.now() },
      ...(appliedAnchor ? { appliedAnchor } : {}),
    };
    await this.applyTo(folder, change, true);
    return findTarget(folder.current, target);
  }

  async remove(uri: vscode.Uri, id: string): Promise<void> {
    const folder = await this.writableFolderOf(uri);
    await this.applyTo(folder, { type: 'remove', id, time: this.now() }, true);
  }

  now(): string {
    return new Date().toISOString();
  }

  /** `ann-` and 16 random hex digits (`getRandomValues`, unlike `randomUUID`, works on a page that is not https too). */
  newId(): string {
    return `ann-${hexOf(globalThis.crypto.getRandomValues(new Uint8Array(8)))}`;
  }

  /** Who made a correction: `newsmark.author`, else the operating-system user, else "unknown" (in a browser there is none). */
  author(): string {
    if (this.config.settings.author) return this.config.settings.author;
    try {
      return this.platform.userName() ?? 'unknown';
    } catch (error) {
      this.log.warn(`store: no user name for corrections (${(error as Error).message}); set newsmark.author`);
      return 'unknown';
    }
  }

  /** "Save Annotations Now": every pending change written now, a failed write tried again; says how it went. */
  async saveNow(): Promise<SaveState> {
    this.retryNow();
    const state = await this.flush();
    if (state.failure)
      void vscode.window
        .showErrorMessage(
          `Newsmark: ${state.unsaved} annotation change(s) are still not saved: ${state.failure}. They are kept and retried.`,
          'Show Log',
        )
        .then((c) => c && this.log.show());
    else vscode.window.setStatusBarMessage('$(check) Newsmark: annotations saved', 3000);
    return state;
  }

  /** Tries the failed writes again now (the "Retry" of the error message). */
  retryNow(): void {
    for (const folder of this.folders.values()) {
      if (!folder.failure) continue;
      clearTimeout(folder.writeTimer);
      folder.writeTimer = undefined;
      void this.write(folder);
    }
  }

  private async writableFolderOf(uri: vscode.Uri): Promise<Folder> {
    const folder = await this.loadedFolderOf(uri);
    if (folder.state?.status === 'invalid') {
      throw new ReadOnlyStoreError(
        `${vscode.workspace.asRelativePath(folder.fileUri)} is not valid, so annotations are read-only until it is fixed: ${folder.state.message.split('\n')[0]}`,
      );
    }
    return folder;
  }

  /**
   * Applies a change in memory at once and queues it for the file; a journaled one is on disk in
   * the journal when this resolves (a crash from then on loses nothing).
   */
  private async applyTo(folder: Folder, change: AnnotationChange, isJournaled: boolean): Promise<void> {
    const next = applyChange(folder.current, change);
    if (next === folder.current && change.type !== 'restore') return;
    const pending: Pending = { seq: ++this.seq, change, isJournaled: isJournaled && !!folder.journal };
    folder.pending.push(pending);
    folder.current = next;
    this.changed.fire();
    this.fireSaveState();
    if (pending.isJournaled) {
      try {
        await folder.journal!.append([this.journalEntry(folder, pending)]);
      } catch (error) {
        this.log.error(
          `store: cannot write the journal (${(error as Error).message}); the change is kept in memory and written to the annotations file next`,
        );
      }
    }
    this.scheduleWrite(folder, 0);
  }

  private journalEntry(folder: Folder, pending: Pending): JournalEntry {
    return { folder: folder.folder.uri.toString(), seq: pending.seq, change: pending.change } as JournalEntry;
  }

  private entry(wf: vscode.WorkspaceFolder): Folder {
    const key = wf.uri.toString();
    let folder = this.folders.get(key);
    if (!folder) {
      const fileUri = vscode.Uri.joinPath(wf.uri, ANNOTATION_FILE_PATH);
      folder = {
        folder: wf,
        fileUri,
        access: this.platform.annotationFile(fileUri),
        journal: this.storage ? this.platform.changeJournal(this.storage, folderKey(key)) : undefined,
        state: undefined,
        pending: [],
        current: EMPTY_ANNOTATION_FILE,
        loading: undefined,
        writing: undefined,
        isWriteQueued: false,
        writeTimer: undefined,
        failure: undefined,
        replayedJournals: [],
        reported: undefined,
      };
      this.folders.set(key, folder);
    }
    return folder;
  }

  private folderOf(uri: vscode.Uri): Folder | undefined {
    const wf = vscode.workspace.getWorkspaceFolder(uri);
    return wf && this.entry(wf);
  }

  private async loadedFolderOf(uri: vscode.Uri): Promise<Folder> {
    const folder = this.folderOf(uri);
    if (!folder)
      throw new Error(
        `${uri.fsPath} is not in a workspace folder: annotations live in the folder's ${ANNOTATION_FILE_PATH}`,
      );
    await this.load(folder);
    return folder;
  }

  private load(folder: Folder): Promise<void> {
    return (folder.loading ??= this.firstLoad(folder));
  }

  /** The file, then the journals a crashed session left (replayed as pending changes), then a look for detached sources. */
  private async firstLoad(folder: Folder): Promise<void> {
    try {
      await this.reload(folder);
    } catch (error) {
      this.log.error(
        `store: cannot read ${folder.fileUri.fsPath}: ${(error as Error).message}; nothing will be written over it`,
      );
      this.setState(folder, {
        status: 'invalid',
        message: `cannot be read: ${(error as Error).message}`,
        diskText: '',
        lastGood: undefined,
      });
    }
    const removedTemps = await folder.access.cleanUp().catch(() => 0);
    if (removedTemps > 0)
      this.log.info(
        `store: removed ${removedTemps} temp file(s) an interrupted write left in ${folder.fileUri.fsPath}/..`,
      );
    await this.replayJournals(folder);
    this.moves.schedule();
  }

  private async replayJournals(folder: Folder): Promise<void> {
    if (!folder.journal) return;
    const files = await folder.journal.readAll().catch((error: Error) => {
      this.log.error(`store: cannot read the journal: ${error.message}`);
      return [];
    });
    let count = 0;
    for (const file of files) {
      for (const line of file.lines) {
        const parsed = JournalEntry.safeParse(line);
        if (!parsed.success || parsed.data.folder !== folder.folder.uri.toString()) continue;
        const change = parsed.data.change as AnnotationChange;
        folder.pending.push({ seq: ++this.seq, change, isJournaled: false });
        count++;
      }
      if (file.badLines > 0)
        this.log.warn(`store: ${file.path}: ${file.badLines} journal line(s) cut short by a crash were skipped`);
      folder.replayedJournals.push(file.path);
    }
    if (count === 0) return;
    this.recompute(folder);
    this.log.info(
      `store: replayed ${count} change(s) from the journal of an earlier session into ${folder.fileUri.fsPath}`,
    );
    void vscode.window.showInformationMessage(
      `Newsmark restored ${count} annotation change(s) that an earlier session had not saved to ${vscode.workspace.asRelativePath(folder.fileUri)}.`,
    );
    this.scheduleWrite(folder, 0);
  }

  /** Reads the file after a change on disk (or at load) and takes it as the new base; see `baseFromDisk`. */
  private async reload(folder: Folder): Promise<void> {
    const diskText = await folder.access.read();
    if (folder.state && diskText === folder.state.diskText) return; // our own write, or no change
    const parsed = diskText === undefined ? undefined : parseAnnotationFile(diskText);
    if (parsed && !parsed.ok) {
      const lastGood = folder.state?.status === 'ok' ? folder.state.base : folder.state?.lastGood;
      this.setState(folder, { status: 'invalid', message: parsed.message, diskText: diskText!, lastGood });
      this.report(folder, parsed.message, diskText!);
      return;
    }
    if (folder.state?.status === 'invalid')
      this.log.info(`store: ${folder.fileUri.fsPath} is valid again; annotations are writable`);
    folder.reported = undefined;
    const { base, restored } = this.baseFromDisk(folder, parsed?.file);
    this.setState(folder, { status: 'ok', base, diskText, isBaseAhead: restored.length > 0 });
    if (parsed)
      this.log.info(`store: read ${parsed.file.annotations.length} annotation(s) from ${folder.fileUri.fsPath}`);
    if (restored.length > 0) this.announceRestore(folder, restored);
    this.reanchorOpenArticles(folder);
    if (this.needsWrite(folder)) this.scheduleWrite(folder, 0);
  }

  /**
   * The base for a file read from disk (undefined: no file): annotations the store held that the
   * file lacks with no recorded removal were lost outside Newsmark — they stay, to be written back.
   */
  private baseFromDisk(
    folder: Folder,
    disk: AnnotationFile | undefined,
  ): { base: AnnotationFile; restored: Annotation[] } {
    const onDisk = disk ?? EMPTY_ANNOTATION_FILE;
    const held = folder.state?.status === 'ok' ? folder.state.base : folder.state?.lastGood;
    const restored = held ? vanishedAnnotations(held, onDisk) : [];
    return {
      base: restored.length ? applyChange(onDisk, { type: 'restore', annotations: restored }) : onDisk,
      restored,
    };
  }

  private announceRestore(folder: Folder, restored: readonly Annotation[]): void {
    const where = vscode.workspace.asRelativePath(folder.fileUri);
    this.log.warn(
      `store: ${restored.length} annotation(s) disappeared from ${folder.fileUri.fsPath} without being removed in Newsmark (the file or its folder was deleted or replaced); writing them back`,
    );
    void vscode.window
      .showWarningMessage(
        `Newsmark: ${restored.length} annotation(s) had disappeared from ${where} (the file or its folder was deleted or replaced outside Newsmark). They were written back.`,
        'Open File',
        'Show Log',
      )
      .then((choice) => {
        if (choice === 'Open File') void vscode.window.showTextDocument(folder.fileUri);
        if (choice === 'Show Log') this.log.show();
      });
  }

  private setState(folder: Folder, state: FolderState): void {
    folder.state = state;
    this.recompute(folder);
  }

  private recompute(folder: Folder): void {
    const state = folder.state;
    const base = state?.status === 'ok' ? state.base : (state?.lastGood ?? EMPTY_ANNOTATION_FILE);
    folder.current = applyChanges(
      base,
      folder.pending.map((p) => p.change),
    );
    this.changed.fire();
  }

  private report(folder: Folder, message: string, diskText: string): void {
    const where = vscode.workspace.asRelativePath(folder.fileUri);
    this.log.error(
      `store: ${folder.fileUri.fsPath} is not valid; it is left untouched and annotations in ${folder.folder.name} are read-only until it is fixed:\n${message}`,
    );
    if (folder.reported === diskText) return;
    folder.reported = diskText;
    void vscode.window
      .showErrorMessage(
        `Newsmark: ${where} is not valid (${message.split('\n')[0]}). It was left untouched; fix it to tag or correct claims again.`,
        'Open File',
        'Show Log',
      )
      .then((choice) => {
        if (choice === 'Open File') void vscode.window.showTextDocument(folder.fileUri);
        if (choice === 'Show Log') this.log.show();
      });
  }

  /** Re-anchors a source's annotations to a text just analysed (an editor's version or a file). */
  private reanchor(article: AnalysedArticle | IndexedFile): void {
    const folder = this.folderOf(article.uri);
    if (!folder) return;
    void this.load(folder).then(() => {
      // only if the text is still what the article holds (a newer version re-anchors itself)
      const latest = this.index.latest(article.uri);
      if (latest && latest !== article) return;
      return this.anchorIn(folder, folderRelativePath(article.uri), article.text);
    });
  }

  /** Anchors the annotations of `source` in `text`, its current text. */
  private async anchorIn(folder: Folder, source: string, text: string): Promise<void> {
    if (folder.state?.status !== 'ok') return;
    if (!folder.current.annotations.some((a) => a.source === source)) return;
    const { results } = reanchorSource(folder.current, source, text, this.now());
    const states: AnchorState[] = [];
    for (const annotation of folder.current.annotations) {
      const result = annotation.source === source ? results.get(annotation.id) : undefined;
      if (!result) continue;
      if (result.status === 'orphan' && annotation.orphan?.reason !== result.reason)
        this.log.warn(`store: ${source}: annotation ${annotation.id} is orphaned: ${result.reason}`);
      states.push(anchorStateOf(annotation.id, text, result, annotation));
    }
    await this.applyTo(folder, { type: 'anchor', source, states, time: this.now() }, false);
  }

  private reanchorOpenArticles(folder: Folder): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (
        !this.index.isArticle(doc) ||
        vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() !== folder.folder.uri.toString()
      )
        continue;
      const latest = this.index.latest(doc.uri);
      if (latest && latest.version === doc.version) this.reanchor(latest);
      else void this.index.get(doc); // its analysis re-anchors
    }
  }

  /** Renamed or moved in VS Code (files or folders): their annotations follow. */
  private async renamed(
    files: ReadonlyArray<{ readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }>,
  ): Promise<void> {
    this.moves.holdRenames(files); // held already since onWillRenameFiles, unless another extension renamed
    try {
      await this.applyRenames(files);
    } finally {
      this.moves.renamesApplied(files);
    }
  }

  private async applyRenames(
    files: ReadonlyArray<{ readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }>,
  ): Promise<void> {
    for (const { oldUri, newUri } of files) {
      const folder = this.folderOf(oldUri);
      if (!folder || this.folderOf(newUri) !== folder) continue;
      await this.load(folder);
      if (folder.state?.status !== 'ok') continue;
      const isFolder = await vscode.workspace.fs.stat(newUri).then(
        (s) => (s.type & vscode.FileType.Directory) !== 0,
        () => false,
      );
      await this.applyTo(
        folder,
        { type: 'rename', from: folderRelativePath(oldUri), to: folderRelativePath(newUri), isFolder },
        true,
      );
    }
  }

  private needsWrite(folder: Folder): boolean {
    return folder.pending.length > 0 || (folder.state?.status === 'ok' && folder.state.isBaseAhead);
  }

  private scheduleWrite(folder: Folder, delayMs: number): void {
    if (this.isDisposed) return;
    if (folder.writing) {
      folder.isWriteQueued = true;
      return;
    }
    clearTimeout(folder.writeTimer);
    folder.writeTimer = setTimeout(() => {
      folder.writeTimer = undefined;
      void this.write(folder);
    }, delayMs);
  }

  /**
   * One write: under the file's lock, the file as it is now (annotations it lost written back),
   * with the pending changes replayed over it, replaces it atomically. An invalid file is never
   * written over; a failure keeps every change pending and retries later.
   */
  private write(folder: Folder): Promise<void> {
    if (folder.writing) {
      folder.isWriteQueued = true;
      return folder.writing;
    }
    folder.writing = this.writeOnce(folder).finally(() => {
      folder.writing = undefined;
      // changes that came during the write (or a retry asked for) go next; a failed write waits for its timer
      if (folder.isWriteQueued) {
        folder.isWriteQueued = false;
        if (this.needsWrite(folder)) this.scheduleWrite(folder, 0);
      }
    });
    return folder.writing;
  }

  private async writeOnce(folder: Folder): Promise<void> {
    if (!folder.loading) await this.load(folder);
    if (folder.state?.status !== 'ok' || !this.needsWrite(folder)) return;
    const snapshot = folder.pending.slice();
    let restored: Annotation[] = [];
    let invalid: string | undefined;
    let written: AnnotationFile | undefined;
    try {
      const result = await folder.access.update((diskText) => {
        restored = []; // called again when another writer got in first (no lock: platform.ts)
        const state = folder.state;
        if (state?.status !== 'ok') return undefined;
        let base: AnnotationFile;
        if (diskText === state.diskText) {
          base = state.base;
        } else {
          const parsed = diskText === undefined ? undefined : parseAnnotationFile(diskText);
          if (parsed && !parsed.ok) {
            invalid = parsed.message;
            return undefined; // never written over
          }
          ({ base, restored } = this.baseFromDisk(folder, parsed?.file));
        }
        written = pruneTombstones(
          applyChanges(
            base,
            snapshot.map((p) => p.change),
          ),
          this.now(),
        );
        return serialiseAnnotationFile(written);
      });
      if (invalid !== undefined) {
        await this.reload(folder); // reports it and makes the folder read-only
        return;
      }
      const text = result.after;
      folder.pending = folder.pending.slice(snapshot.length);
      folder.state = { status: 'ok', base: written!, diskText: text, isBaseAhead: false };
      this.recompute(folder);
      if (restored.length > 0) this.announceRestore(folder, restored);
      if (result.isWritten) {
        this.log.info(
          `store: wrote ${written!.annotations.length} annotation(s) to ${folder.fileUri.fsPath} (${snapshot.length} change(s))`,
        );
        this.written.fire(folder.fileUri);
      }
      if (folder.failure) {
        if (folder.failure.isShown)
          void vscode.window.showInformationMessage(
            `Newsmark: the annotations are saved to ${vscode.workspace.asRelativePath(folder.fileUri)} again.`,
          );
        folder.failure = undefined;
      }
      await this.trimJournal(folder);
      this.fireSaveState();
    } catch (error) {
      this.writeFailed(folder, error as Error);
    }
  }

  /** After a write: the journal keeps only the changes still pending; replayed journals of earlier sessions go. */
  private async trimJournal(folder: Folder): Promise<void> {
    if (!folder.journal) return;
    try {
      await folder.journal.rewrite(
        folder.pending.filter((p) => p.isJournaled).map((p) => this.journalEntry(folder, p)),
      );
      if (folder.replayedJournals.length) {
        await folder.journal.removeFiles(folder.replayedJournals);
        folder.replayedJournals = [];
      }
    } catch (error) {
      this.log.warn(
        `store: cannot trim the journal (${(error as Error).message}); its changes are in the file already and would be replayed harmlessly`,
      );
    }
  }

  private writeFailed(folder: Folder, error: Error): void {
    const attempts = (folder.failure?.attempts ?? 0) + 1;
    const wasShown = folder.failure?.isShown ?? false;
    folder.failure = { message: error.message, attempts, isShown: true };
    const unsaved = folder.pending.filter((p) => p.change.type !== 'anchor').length;
    const delay = RETRY_SECONDS[Math.min(attempts - 1, RETRY_SECONDS.length - 1)]!;
    this.log.error(
      `store: cannot write ${folder.fileUri.fsPath} (attempt ${attempts}): ${error.message}; ${unsaved} change(s) kept and journaled, retried in ${delay} s`,
    );
    this.fireSaveState();
    if (!wasShown) {
      void vscode.window
        .showErrorMessage(
          `Newsmark could not save annotations to ${vscode.workspace.asRelativePath(folder.fileUri)}: ${error.message}. Your ${unsaved} change(s) are kept and will be saved as soon as the file can be written.`,
          'Retry Now',
          'Show Log',
        )
        .then((choice) => {
          if (choice === 'Retry Now') this.retryNow();
          if (choice === 'Show Log') this.log.show();
        });
    }
    if (!this.isDisposed) {
      clearTimeout(folder.writeTimer);
      folder.writeTimer = setTimeout(() => {
        folder.writeTimer = undefined;
        void this.write(folder);
      }, delay * 1000);
    }
  }

  private fireSaveState(): void {
    this.saveStateChanged.fire(this.saveState());
  }

  dispose(): void {
    this.isDisposed = true;
    for (const folder of this.folders.values()) {
      clearTimeout(folder.writeTimer);
      // a last attempt (deactivate awaits flush() first; the journal covers a window that is killed)
      if (this.needsWrite(folder) && !folder.writing && folder.state?.status === 'ok') void this.write(folder);
    }
    this.disposables.forEach((d) => d.dispose());
  }
}

/** A file-name-safe key for a workspace folder's journal (FNV-1a of its URI). */
function folderKey(uri: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < uri.length; i++) {
    hash ^= uri.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const name = uri
    .replace(/^.*\//, '')
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .slice(0, 40);
  return `${name}-${hash.toString(16).padStart(8, '0')}`;
}
