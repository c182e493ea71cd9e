/**
 * The lexicon every analysis shares: the built-in one plus the workspace's `.newsmark/lexicon.json`
 * (the first workspace folder that has one), built once, rebuilt when that file changes.
 */
import * as vscode from 'vscode';
import { Lexicon } from '../core/extract/entities/lexicon';
import { WorkspaceLexicon, describeIssues } from '../core/schema';
import type { Log } from './log';

const LEXICON_FILE = '.newsmark/lexicon.json';

export class LexiconSource implements vscode.Disposable {
  private lexicon: Promise<Lexicon> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watcher: vscode.FileSystemWatcher;
  /** Fires after the workspace lexicon file was created, changed or deleted: analyses are stale. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: Log) {
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_FILE}`);
    const reset = () => {
      this.lexicon = undefined;
      this.changed.fire();
    };
    this.watcher.onDidChange(reset);
    this.watcher.onDidCreate(reset);
    this.watcher.onDidDelete(reset);
  }

  get(): Promise<Lexicon> {
    return (this.lexicon ??= this.load());
  }

  private async load(): Promise<Lexicon> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, LEXICON_FILE);
      let bytes: Uint8Array;
      try {
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue; // no lexicon in this folder
      }
      try {
        const parsed = WorkspaceLexicon.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
        if (parsed.success) {
          this.log.info(`lexicon: ${uri.fsPath} adds ${parsed.data.entities.length} entities`);
          return Lexicon.withAdditions(parsed.data);
        }
        this.log.error(`lexicon: ${uri.fsPath} is not a valid lexicon; using the built-in one only\n${describeIssues(parsed.error)}`);
      } catch (error) {
        this.log.error(`lexicon: ${uri.fsPath} is not readable JSON (${(error as Error).message}); using the built-in one only`);
      }
      break;
    }
    const started = Date.now();
    const lexicon = Lexicon.withAdditions();
    this.log.info(`lexicon: built-in, built in ${Date.now() - started} ms`);
    return lexicon;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
