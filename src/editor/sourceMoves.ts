/**
 * Articles renamed or moved outside VS Code (`mv`, `git mv`, a parent folder renamed), where no
 * rename event comes: a source that vanished and a file that holds every quote its annotations
 * stood on are a move, and the annotations follow it (a file with the same name is looked at
 * first). A source that is gone with no such file leaves its annotations detached: orphans whose
 * reason is the one `newsmark check` prints, listed in the panel and in Problems, until the file
 * comes back (their next anchoring clears it) or they are removed.
 */
import * as vscode from 'vscode';
import { currentQuote, type AnchorState, type Annotation } from '../core/annotations/index';
import { folderRelativePath } from './articles';
import type { Log } from './log';
import type { WorkspaceIndex } from './workspaceIndex';

/** Why a detached annotation cannot be anchored: the words `newsmark check` prints. */
export const MISSING_SOURCE_REASON = 'the source file was not found';
/** Files read, at most, when looking for where one source went. */
const MAX_CANDIDATES_READ = 2_000;
/** Larger files are not read as candidates. */
const MAX_CANDIDATE_BYTES = 4 * 1024 * 1024;

export interface MoveHost {
  sourcesOf(wf: vscode.WorkspaceFolder): string[];
  annotationsOf(wf: vscode.WorkspaceFolder, source: string): Annotation[];
  /** The source moved: its annotations follow, and anchor in `text` (the file's text). */
  moved(wf: vscode.WorkspaceFolder, from: string, to: string, text: string): Promise<void>;
  detached(wf: vscode.WorkspaceFolder, source: string, states: AnchorState[]): Promise<void>;
  /** A detached source is back: its annotations anchor in `text` again. */
  returned(wf: vscode.WorkspaceFolder, source: string, text: string): Promise<void>;
}

/** The store's own files (annotations, their lock and temp files): their events say nothing of articles. */
const NEWSMARK_FILES = /\/\.newsmark(?:\/|$)/;
/** While annotations are detached, their sources are looked at this often (a watcher can miss a file that comes back). */
const DETACHED_POLL_MS = 5_000;
/** A rename VS Code announced is held at most this long (it may fail, and never be reported done). */
const RENAME_HELD_MS = 60_000;

export class SourceMoves implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private isDisposed = false;
  /** The article files at the last look: a file not among them appeared since (a move's target). */
  private known: Set<string> | undefined;
  /** Missing sources already looked for among these files: looked for again only when files come. */
  private readonly lookedFor = new Set<string>();

  private readonly watcher: vscode.FileSystemWatcher;
  private readonly willRename: vscode.Disposable;
  /**
   * Renames made in VS Code that the store has not applied yet (uri strings): their sources are
   * not missing and their targets are not where another source went. Each is dropped when the
   * store has applied it, or after RENAME_HELD_MS if VS Code never says it happened.
   */
  private readonly editorRenames = new Map<string, { from: string; to: string; until: number }>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly log: Log,
    private readonly host: MoveHost,
  ) {
    // any file or folder that comes or goes (a folder renamed outside VS Code may say nothing of its files)
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const onFile = (uri: vscode.Uri) => {
      if (!NEWSMARK_FILES.test(uri.path)) this.schedule(); // not the store's own writes
    };
    this.watcher.onDidCreate(onFile);
    this.watcher.onDidDelete(onFile);
    // before the files move: a look that runs between the move and the store's rename must not
    // take the renamed file for where another source went
    this.willRename = vscode.workspace.onWillRenameFiles((e) => this.holdRenames(e.files));
  }

  /** Renames in VS Code, from before they happen until the store has applied them (`renamesApplied`). */
  holdRenames(files: ReadonlyArray<{ readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }>): void {
    const until = Date.now() + RENAME_HELD_MS;
    for (const { oldUri, newUri } of files) {
      const [from, to] = [oldUri.toString(), newUri.toString()];
      this.editorRenames.set(`${from}\n${to}`, { from, to, until });
    }
  }

  /** The store has applied these renames: their sources are its sources now. */
  renamesApplied(files: ReadonlyArray<{ readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }>): void {
    for (const { oldUri, newUri } of files) this.editorRenames.delete(`${oldUri.toString()}\n${newUri.toString()}`);
    this.schedule();
  }

  /** Whether `uri` (or a folder holding it) is the `side` of a rename in VS Code not applied yet. */
  private isInEditorRename(uri: vscode.Uri, side: 'from' | 'to'): boolean {
    const key = uri.toString();
    const now = Date.now();
    for (const [id, rename] of this.editorRenames) {
      if (rename.until < now) {
        this.editorRenames.delete(id);
        continue;
      }
      const at = rename[side];
      if (key === at || key.startsWith(`${at}/`)) return true;
    }
    return false;
  }

  /** Looks again soon (files came or went); calls close together are one look. */
  schedule(delayMs = 400): void {
    if (this.isDisposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running
        .then(() => this.check())
        .catch((error) =>
          this.log.error(`store: looking for moved articles failed: ${(error as Error).stack ?? error}`),
        );
    }, delayMs);
  }

  /** Resolves when the looks scheduled so far are done (tests). */
  async settled(): Promise<void> {
    while (this.timer) await new Promise((resolve) => setTimeout(resolve, 50));
    await this.running;
  }

  private async check(): Promise<void> {
    const articles = await this.index.articles();
    const current = new Set(articles.map((u) => u.toString()));
    const isFirstLook = this.known === undefined;
    const appeared = this.known ? new Set([...current].filter((u) => !this.known!.has(u))) : new Set<string>();
    if (this.known && appeared.size > 0) this.lookedFor.clear();
    this.known = current;
    let isAnyDetached = false;
    for (const wf of vscode.workspace.workspaceFolders ?? []) {
      const sources = this.host.sourcesOf(wf);
      const missing: string[] = [];
      for (const source of sources) {
        const uri = vscode.Uri.joinPath(wf.uri, source);
        const annotations = this.host.annotationsOf(wf, source);
        const isDetached = annotations.some((a) => a.orphan?.reason === MISSING_SOURCE_REASON);
        if (!(await exists(uri))) {
          if (this.isInEditorRename(uri, 'from')) continue; // renamed in VS Code: the store moves it
          missing.push(source);
          continue;
        }
        if (!isDetached) continue;
        // back again (a checkout, an undone delete): anchoring it clears the detachment
        const text = await readText(uri);
        if (text !== undefined) {
          this.log.info(`store: ${source} is back; its annotations anchor again`);
          await this.host.returned(wf, source, text);
        }
      }
      const annotated = new Set(sources);
      for (const source of missing) {
        if (this.isDisposed) return;
        // this look awaits the disk: the store may have applied a rename made in VS Code since it
        // began, so the sources are read again before and after each search — a source renamed
        // meanwhile is not missing, and its new name is nobody else's move
        const key = `${wf.uri.toString()}#${source}`;
        let found: { to: string; text: string } | undefined;
        let isGone = false;
        for (let attempt = 0; attempt < 3 && !this.lookedFor.has(key); attempt++) {
          const before = new Set(this.host.sourcesOf(wf));
          if (!before.has(source)) {
            isGone = true;
            break;
          }
          for (const s of before) annotated.add(s);
          found = await this.findMove(wf, source, annotated, articles, appeared, isFirstLook);
          const after = new Set(this.host.sourcesOf(wf));
          if (!found || (after.has(source) && !after.has(found.to))) break;
          found = undefined; // the sources changed during the search: search again
        }
        if (isGone) continue;
        this.lookedFor.add(key);
        if (found) {
          this.log.info(`store: ${source} was moved to ${found.to} outside VS Code; its annotations follow it`);
          annotated.add(found.to);
          await this.host.moved(wf, source, found.to, found.text);
          continue;
        }
        isAnyDetached = true;
        const annotations = this.host
          .annotationsOf(wf, source)
          .filter((a) => a.orphan?.reason !== MISSING_SOURCE_REASON);
        if (annotations.length === 0) continue;
        this.log.warn(
          `store: ${source} is gone; its ${annotations.length} annotation(s) are detached (kept, listed as orphans)`,
        );
        await this.host.detached(
          wf,
          source,
          annotations.map((a) => ({
            id: a.id,
            position: a.anchor.position,
            match: a.match ?? null,
            orphanReason: MISSING_SOURCE_REASON,
          })),
        );
      }
    }
    if (isAnyDetached && !this.timer) this.schedule(DETACHED_POLL_MS);
  }

  /**
   * The one file, not annotated yet, that holds every quote the source's anchored annotations
   * stood on; files with the same name first. Two such files (a copy) is no answer: detached.
   */
  private async findMove(
    wf: vscode.WorkspaceFolder,
    source: string,
    annotated: ReadonlySet<string>,
    articles: readonly vscode.Uri[],
    appeared: ReadonlySet<string>,
    isFirstLook: boolean,
  ): Promise<{ to: string; text: string } | undefined> {
    const annotations = this.host.annotationsOf(wf, source);
    const quotes = annotations
      .filter((a) => !a.orphan || a.orphan.reason === MISSING_SOURCE_REASON)
      .map((a) => currentQuote(a).exact)
      .filter((q) => q.length > 0);
    if (quotes.length === 0) return undefined;
    const name = source.slice(source.lastIndexOf('/') + 1);
    const inFolder = articles.filter(
      (uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === wf.uri.toString(),
    );
    let sameName = inFolder.filter((uri) => uri.path.endsWith(`/${name}`));
    if (sameName.every((uri) => annotated.has(folderRelativePath(uri)))) {
      // the index's list may not have seen a renamed folder's files yet: those it does not know are new
      sameName = await vscode.workspace.findFiles(new vscode.RelativePattern(wf, `**/${name}`), null, 50);
      for (const uri of sameName)
        if (this.known && !this.known.has(uri.toString())) (appeared as Set<string>).add(uri.toString());
    }
    const isNew = (uri: vscode.Uri) => appeared.has(uri.toString());
    const isSameName = (uri: vscode.Uri) => uri.path.endsWith(`/${name}`);
    // A move makes a new file: files that appeared since the last look, the same name first. A
    // file that was there all along is a copy, not where the source went — unless this is the
    // first look (the move happened while VS Code was closed) and it has the source's name.
    // The same name answers first: a folder moved with several files quoting alike ("c.txt" and
    // "d.txt" both hold the quote) still tells which one the source is.
    const groups = [
      sameName.filter(isNew),
      inFolder.filter((u) => isNew(u) && !isSameName(u)),
      isFirstLook ? sameName.filter((u) => !isNew(u)) : [],
    ];
    let read = 0;
    for (const group of groups) {
      const matches: Array<{ to: string; text: string }> = [];
      for (const uri of group) {
        const to = folderRelativePath(uri);
        if (annotated.has(to) || to === source || matches.some((m) => m.to === to)) continue;
        if (this.isInEditorRename(uri, 'to')) continue; // another source's new name, given in VS Code
        if (++read > MAX_CANDIDATES_READ) break;
        const text = await readText(uri);
        if (text !== undefined && quotes.every((q) => text.includes(q))) matches.push({ to, text });
      }
      if (matches.length === 1) return matches[0];
      if (matches.length > 1) {
        this.log.warn(
          `store: ${source} is gone and ${matches.length} files hold its quoted text (${matches.map((m) => m.to).join(', ')}); its annotations stay detached`,
        );
        return undefined;
      }
    }
    return undefined;
  }

  dispose(): void {
    this.isDisposed = true;
    clearTimeout(this.timer);
    this.watcher.dispose();
    this.willRename.dispose();
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

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_CANDIDATE_BYTES) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
