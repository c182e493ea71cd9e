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
}

export class SourceMoves implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private isDisposed = false;

  constructor(private readonly index: WorkspaceIndex, private readonly log: Log, private readonly host: MoveHost) {}

  /** Looks again soon (files came or went); calls close together are one look. */
  schedule(delayMs = 400): void {
    if (this.isDisposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.running.then(() => this.check()).catch((error) => this.log.error(`store: looking for moved articles failed: ${(error as Error).stack ?? error}`));
    }, delayMs);
  }

  /** Resolves when the looks scheduled so far are done (tests). */
  async settled(): Promise<void> {
    while (this.timer) await new Promise((resolve) => setTimeout(resolve, 50));
    await this.running;
  }

  private async check(): Promise<void> {
    for (const wf of vscode.workspace.workspaceFolders ?? []) {
      const sources = this.host.sourcesOf(wf);
      const missing: string[] = [];
      for (const source of sources) {
        const uri = vscode.Uri.joinPath(wf.uri, source);
        if (await exists(uri)) {
          const annotations = this.host.annotationsOf(wf, source);
          // back again (a checkout, an undone delete): anchoring it clears the detachment
          if (annotations.some((a) => a.orphan?.reason === MISSING_SOURCE_REASON)) void this.index.getUri(uri, undefined, false);
        } else {
          missing.push(source);
        }
      }
      if (missing.length === 0) continue;
      const annotated = new Set(sources);
      for (const source of missing) {
        if (this.isDisposed) return;
        const found = await this.findMove(wf, source, annotated);
        if (found) {
          this.log.info(`store: ${source} was moved to ${found.to} outside VS Code; its annotations follow it`);
          annotated.add(found.to);
          await this.host.moved(wf, source, found.to, found.text);
          continue;
        }
        const annotations = this.host.annotationsOf(wf, source).filter((a) => a.orphan?.reason !== MISSING_SOURCE_REASON);
        if (annotations.length === 0) continue;
        this.log.warn(`store: ${source} is gone; its ${annotations.length} annotation(s) are detached (kept, listed as orphans)`);
        await this.host.detached(wf, source, annotations.map((a) => ({ id: a.id, position: a.anchor.position, match: a.match ?? null, orphanReason: MISSING_SOURCE_REASON })));
      }
    }
  }

  /**
   * The one file, not annotated yet, that holds every quote the source's anchored annotations
   * stood on; files with the same name first. Two such files (a copy) is no answer: detached.
   */
  private async findMove(wf: vscode.WorkspaceFolder, source: string, annotated: ReadonlySet<string>): Promise<{ to: string; text: string } | undefined> {
    const annotations = this.host.annotationsOf(wf, source);
    const quotes = annotations
      .filter((a) => !a.orphan || a.orphan.reason === MISSING_SOURCE_REASON)
      .map((a) => currentQuote(a).exact)
      .filter((q) => q.length > 0);
    if (quotes.length === 0) return undefined;
    const name = source.slice(source.lastIndexOf('/') + 1);
    const inFolder = (await this.index.articles()).filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === wf.uri.toString());
    let sameName = inFolder.filter((uri) => uri.path.endsWith(`/${name}`));
    if (sameName.length === 0) {
      // the index's list may not have seen a renamed folder's files yet
      sameName = await vscode.workspace.findFiles(new vscode.RelativePattern(wf, `**/${name}`), null, 50);
    }
    const others = inFolder.filter((uri) => !uri.path.endsWith(`/${name}`));
    let read = 0;
    for (const group of [sameName, others]) {
      const matches: Array<{ to: string; text: string }> = [];
      for (const uri of group) {
        const to = folderRelativePath(uri);
        if (annotated.has(to) || to === source) continue;
        if (++read > MAX_CANDIDATES_READ) break;
        const text = await readText(uri);
        if (text !== undefined && quotes.every((q) => text.includes(q))) matches.push({ to, text });
      }
      if (matches.length === 1) return matches[0];
      if (matches.length > 1) {
        this.log.warn(`store: ${source} is gone and ${matches.length} files hold its quoted text (${matches.map((m) => m.to).join(', ')}); its annotations stay detached`);
        return undefined;
      }
    }
    return undefined;
  }

  dispose(): void {
    this.isDisposed = true;
    clearTimeout(this.timer);
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
