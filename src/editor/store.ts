/**
 * `.newsmark/annotations.json`, one per workspace folder: read through the core's
 * `parseAnnotationFile`, written with `serialiseAnnotationFile` atomically (temp file + rename).
 * A file that fails validation is reported and never overwritten: its folder turns read-only
 * until the file is fixed (the file is watched). Changes are kept as pending operations over
 * the file as last read, so an outside edit that lands before a write is merged, not lost.
 * Annotations are re-anchored whenever the index analyses an article (on open and after each
 * edit, saved or not); an annotation that no longer anchors is marked orphan and kept.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  ANNOTATION_FILE_PATH, EMPTY_ANNOTATION_FILE, annotationAt, parseAnnotationFile, reanchorSource, remove, renameSource,
  serialiseAnnotationFile, upsert, type Annotation, type AnnotationFile,
} from '../core/annotations/index';
import type { AnchoredAnnotation, AnnotationView } from './anchored';
import { folderRelativePath } from './articles';
import type { Config } from './config';
import { readTextFile, writeTextFileAtomically } from './files';
import type { Log } from './log';
import type { AnalysedArticle, IndexedFile, WorkspaceIndex } from './workspaceIndex';

type Operation = (file: AnnotationFile) => AnnotationFile;

type FolderState =
  | { readonly status: 'ok'; readonly base: AnnotationFile; readonly diskText: string | undefined }
  | { readonly status: 'invalid'; readonly message: string; readonly diskText: string };

interface Folder {
  readonly folder: vscode.WorkspaceFolder;
  readonly fileUri: vscode.Uri;
  state: FolderState | undefined;
  /** Changes not written yet, applied in order over `state.base`. */
  pending: Operation[];
  /** `pending` applied over `base`, kept to avoid recomputing on every read. */
  current: AnnotationFile;
  loading: Promise<void> | undefined;
  writing: Promise<void>;
  writeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The content that was reported as invalid, so the same file is not reported twice. */
  reported: string | undefined;
}

export interface StoreProblem {
  readonly folder: vscode.WorkspaceFolder;
  readonly fileUri: vscode.Uri;
  readonly message: string;
}

export class ReadOnlyStoreError extends Error {}

export class AnnotationStore implements AnnotationView, vscode.Disposable {
  private readonly folders = new Map<string, Folder>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly written = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.written];
  /** Fires after annotations changed in memory (a user action, re-anchoring, a reload). */
  readonly onDidChange = this.changed.event;
  /** Fires after an annotations file was written. */
  readonly onDidWrite = this.written.event;

  constructor(private readonly index: WorkspaceIndex, private readonly config: Config, private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${ANNOTATION_FILE_PATH}`);
    const onDisk = (uri: vscode.Uri) => {
      const folder = this.folderOf(uri);
      if (folder) void this.reload(folder);
    };
    this.disposables.push(
      watcher, watcher.onDidChange(onDisk), watcher.onDidCreate(onDisk), watcher.onDidDelete(onDisk),
      index.onDidAnalyse((article) => this.reanchor(article)),
      index.onDidIndexFile((file) => this.reanchor(file)),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri, newUri }) => this.rename(oldUri, newUri))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.ready()),
    );
  }

  /** Loads every folder's file (once); later calls wait for loads in progress. */
  async ready(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((wf) => this.load(this.entry(wf))));
  }

  /** Resolves when every change so far is on disk (or refused because a file is invalid). */
  async flush(): Promise<void> {
    await this.ready();
    for (const folder of this.folders.values()) {
      if (folder.writeTimer) {
        clearTimeout(folder.writeTimer);
        folder.writeTimer = undefined;
        folder.writing = folder.writing.then(() => this.write(folder));
      }
    }
    await Promise.all([...this.folders.values()].map((f) => f.writing));
  }

  /** The file contents as the store holds them (pending changes included). */
  fileOf(wf: vscode.WorkspaceFolder): AnnotationFile {
    return this.entry(wf).current;
  }

  fileUri(wf: vscode.WorkspaceFolder): vscode.Uri {
    return this.entry(wf).fileUri;
  }

  /** Folders whose file fails validation: read-only until fixed. */
  problems(): StoreProblem[] {
    return [...this.folders.values()].flatMap((f) => (f.state?.status === 'invalid' ? [{ folder: f.folder, fileUri: f.fileUri, message: f.state.message }] : []));
  }

  anchoredIn(uri: vscode.Uri): AnchoredAnnotation[] {
    const folder = this.folderOf(uri);
    if (!folder) return [];
    const source = folderRelativePath(uri);
    return folder.current.annotations
      .filter((a) => a.source === source)
      .map((annotation) => ({ annotation, uri, span: annotation.orphan ? undefined : annotation.anchor.position }));
  }

  orphans(): AnchoredAnnotation[] {
    return [...this.folders.values()].flatMap((f) => f.current.annotations
      .filter((a) => a.orphan)
      .map((annotation) => ({ annotation, uri: vscode.Uri.joinPath(f.folder.uri, annotation.source), span: undefined })));
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

  /**
   * Changes the annotation file of `uri`'s folder: `change` gets the current file and returns
   * the next one. Throws `ReadOnlyStoreError` while the file fails validation.
   */
  async update(uri: vscode.Uri, change: Operation): Promise<AnnotationFile> {
    const folder = await this.loadedFolderOf(uri);
    if (folder.state?.status === 'invalid') {
      throw new ReadOnlyStoreError(`${vscode.workspace.asRelativePath(folder.fileUri)} is not valid, so annotations are read-only until it is fixed: ${folder.state.message.split('\n')[0]}`);
    }
    this.apply(folder, change);
    return folder.current;
  }

  /** Puts an annotation in (replacing the one with its id). */
  async put(uri: vscode.Uri, annotation: Annotation): Promise<Annotation> {
    await this.update(uri, (file) => upsert(file, annotation));
    return annotation;
  }

  async remove(uri: vscode.Uri, id: string): Promise<void> {
    await this.update(uri, (file) => remove(file, id));
  }

  now(): string {
    return new Date().toISOString();
  }

  newId(): string {
    return `ann-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  }

  author(): string {
    if (this.config.settings.author) return this.config.settings.author;
    try {
      return os.userInfo().username;
    } catch (error) {
      this.log.warn(`store: no user name for corrections (${(error as Error).message}); set newsmark.author`);
      return 'unknown';
    }
  }

  private apply(folder: Folder, change: Operation): void {
    const next = change(folder.current);
    if (next === folder.current) return;
    folder.pending.push(change);
    folder.current = next;
    this.changed.fire();
    this.scheduleWrite(folder);
  }

  private entry(wf: vscode.WorkspaceFolder): Folder {
    const key = wf.uri.toString();
    let folder = this.folders.get(key);
    if (!folder) {
      folder = {
        folder: wf, fileUri: vscode.Uri.joinPath(wf.uri, ANNOTATION_FILE_PATH), state: undefined, pending: [],
        current: EMPTY_ANNOTATION_FILE, loading: undefined, writing: Promise.resolve(), writeTimer: undefined, reported: undefined,
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
    if (!folder) throw new Error(`${uri.fsPath} is not in a workspace folder: annotations live in the folder's ${ANNOTATION_FILE_PATH}`);
    await this.load(folder);
    return folder;
  }

  private load(folder: Folder): Promise<void> {
    return (folder.loading ??= this.reload(folder));
  }

  /** Reads the file; a valid one becomes the base under the pending changes, an invalid one is reported. */
  private async reload(folder: Folder): Promise<void> {
    const diskText = await readTextFile(folder.fileUri);
    if (folder.state && diskText === folder.state.diskText) return; // our own write, or no change
    if (diskText === undefined) {
      this.setState(folder, { status: 'ok', base: EMPTY_ANNOTATION_FILE, diskText });
      return;
    }
    const parsed = parseAnnotationFile(diskText);
    if (parsed.ok) {
      if (folder.state?.status === 'invalid') this.log.info(`store: ${folder.fileUri.fsPath} is valid again; annotations are writable`);
      folder.reported = undefined;
      this.setState(folder, { status: 'ok', base: parsed.file, diskText });
      this.log.info(`store: read ${parsed.file.annotations.length} annotation(s) from ${folder.fileUri.fsPath}`);
      this.reanchorOpenArticles(folder);
      if (folder.pending.length) this.scheduleWrite(folder);
    } else {
      this.setState(folder, { status: 'invalid', message: parsed.message, diskText });
      this.report(folder, parsed.message, diskText);
    }
  }

  private setState(folder: Folder, state: FolderState): void {
    folder.state = state;
    const base = state.status === 'ok' ? state.base : EMPTY_ANNOTATION_FILE;
    folder.current = folder.pending.reduce((file, op) => op(file), base);
    this.changed.fire();
  }

  private report(folder: Folder, message: string, diskText: string): void {
    const where = vscode.workspace.asRelativePath(folder.fileUri);
    this.log.error(`store: ${folder.fileUri.fsPath} is not valid; it is left untouched and annotations in ${folder.folder.name} are read-only until it is fixed:\n${message}`);
    if (folder.reported === diskText) return;
    folder.reported = diskText;
    void vscode.window.showErrorMessage(
      `Newsmark: ${where} is not valid (${message.split('\n')[0]}). It was left untouched; fix it to tag or correct claims again.`,
      'Open File', 'Show Log',
    ).then((choice) => {
      if (choice === 'Open File') void vscode.window.showTextDocument(folder.fileUri);
      if (choice === 'Show Log') this.log.show();
    });
  }

  /** Re-anchors a source's annotations to a text just analysed (an editor's version or a file). */
  private reanchor(article: AnalysedArticle | IndexedFile): void {
    const folder = this.folderOf(article.uri);
    if (!folder) return;
    void this.load(folder).then(() => {
      if (folder.state?.status !== 'ok') return;
      const source = folderRelativePath(article.uri);
      // only if the text is still what the article holds (a newer version re-anchors itself)
      const latest = this.index.latest(article.uri);
      if (latest && latest !== article) return;
      if (!folder.current.annotations.some((a) => a.source === source)) return;
      const now = this.now();
      this.apply(folder, (file) => {
        const { file: next, results } = reanchorSource(file, source, article.text, now);
        for (const [id, result] of results) if (result.status === 'orphan') this.log.warn(`store: ${source}: annotation ${id} is orphaned: ${result.reason}`);
        return next;
      });
    });
  }

  private reanchorOpenArticles(folder: Folder): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (!this.index.isArticle(doc) || vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() !== folder.folder.uri.toString()) continue;
      const latest = this.index.latest(doc.uri);
      if (latest && latest.version === doc.version) this.reanchor(latest);
      else void this.index.get(doc); // its analysis re-anchors
    }
  }

  private rename(oldUri: vscode.Uri, newUri: vscode.Uri): void {
    const folder = this.folderOf(oldUri);
    if (!folder || this.folderOf(newUri) !== folder || folder.state?.status !== 'ok') return;
    const from = folderRelativePath(oldUri);
    const to = folderRelativePath(newUri);
    this.apply(folder, (file) => renameSource(file, from, to));
  }

  private scheduleWrite(folder: Folder): void {
    clearTimeout(folder.writeTimer);
    folder.writeTimer = setTimeout(() => {
      folder.writeTimer = undefined;
      folder.writing = folder.writing.then(() => this.write(folder));
    }, 100);
  }

  /** Writes the pending changes, unless the file on disk changed meanwhile to something invalid. */
  private async write(folder: Folder): Promise<void> {
    if (!folder.pending.length) return;
    try {
      await this.reload(folder); // an outside change becomes the base first, or makes the folder read-only
      if (folder.state?.status !== 'ok' || !folder.pending.length) return;
      const next = folder.current;
      const count = folder.pending.length;
      const text = serialiseAnnotationFile(next);
      await writeTextFileAtomically(folder.fileUri, text);
      // changes made while writing stay pending, now over what was written
      folder.pending = folder.pending.slice(count);
      folder.state = { status: 'ok', base: next, diskText: text };
      folder.current = folder.pending.reduce((file, op) => op(file), next);
      this.log.info(`store: wrote ${next.annotations.length} annotation(s) to ${folder.fileUri.fsPath} (${count} change(s))`);
      this.written.fire(folder.fileUri);
    } catch (error) {
      this.log.error(`store: cannot write ${folder.fileUri.fsPath}: ${(error as Error).message}; the changes stay in memory and are retried on the next change`);
    }
  }

  dispose(): void {
    for (const folder of this.folders.values()) clearTimeout(folder.writeTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}
