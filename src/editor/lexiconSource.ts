/**
 * The lexicon every analysis shares: the built-in one plus the workspace's `.newsmark/lexicon.json`
 * (the first workspace folder that has one), built once, rebuilt when that file's text changes —
 * on disk (watched) or through `update`. A file that is not valid JSON or fails the schema is
 * reported (the log and the Problems view), ignored, and never overwritten: `update` refuses
 * until it is fixed. `update` re-reads the file, applies a change, and writes it sorted
 * (lexiconEdits.ts), validated and atomically; every article is then analysed again.
 */
import * as vscode from 'vscode';
import type { Lexicon } from '../core/extract/entities/lexicon';
import { WorkspaceLexicon, describeIssues } from '../core/schema';
import { readTextFile } from './files';
import { EMPTY_LEXICON, serialiseLexicon } from './lexiconEdits';
import type { Log } from './log';
import type { Platform } from './platform';

export const LEXICON_FILE = '.newsmark/lexicon.json';
export const INVALID_LEXICON_CODE = 'newsmark.invalidLexicon';

export interface LexiconState {
  readonly lexicon: Lexicon;
  /** The file in use (valid or not); undefined when no workspace folder has one. */
  readonly fileUri: vscode.Uri | undefined;
  readonly diskText: string | undefined;
  /** The file's contents when valid. */
  readonly file: WorkspaceLexicon | undefined;
  /** Why the file is not used, when it is not valid. */
  readonly problem: string | undefined;
}

export class LexiconSource implements vscode.Disposable {
  private state: Promise<LexiconState> | undefined;
  private builtin: Lexicon | undefined;
  private writing: Promise<unknown> = Promise.resolve();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly problems = vscode.languages.createDiagnosticCollection('newsmark.lexicon');
  /** Fires after the workspace lexicon's text changed (created, edited, deleted, updated): analyses are stale. */
  readonly onDidChange = this.changed.event;

  /** `platform` writes the file (atomically on the desktop). */
  constructor(
    private readonly log: Log,
    private readonly platform: Platform,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_FILE}`);
    const reload = () => void this.reload();
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  get(): Promise<Lexicon> {
    return this.current().then((s) => s.lexicon);
  }

  current(): Promise<LexiconState> {
    return (this.state ??= this.load());
  }

  /**
   * Applies `change` to the file as it is on disk now and writes the result, in the first folder
   * that has a lexicon, else in `folder` (default: the first workspace folder). Updates run one
   * at a time. Throws, leaving the file alone, when it is not valid.
   */
  update(
    change: (file: WorkspaceLexicon) => WorkspaceLexicon,
    folder?: vscode.WorkspaceFolder,
  ): Promise<WorkspaceLexicon> {
    const run = async () => {
      const previous = await this.current();
      const state = await (this.state = this.load());
      if (state.problem) {
        throw new Error(
          `${vscode.workspace.asRelativePath(state.fileUri!)} is not valid, so Newsmark leaves it untouched; fix it first (${state.problem.split('\n')[0]})`,
        );
      }
      const home = folder ?? vscode.workspace.workspaceFolders?.[0];
      const target = state.fileUri ?? (home && vscode.Uri.joinPath(home.uri, LEXICON_FILE));
      if (!target) throw new Error('open a folder first: the workspace lexicon lives in its .newsmark/lexicon.json');
      const text = serialiseLexicon(change(state.file ?? EMPTY_LEXICON));
      if (text !== state.diskText) {
        await this.platform.writeTextFile(target, text);
        const file = WorkspaceLexicon.parse(JSON.parse(text));
        this.state = Promise.resolve({
          lexicon: this.platform.engine().Lexicon.withAdditions(file),
          fileUri: target,
          diskText: text,
          file,
          problem: undefined,
        });
        this.log.info(
          `lexicon: wrote ${target.fsPath} (${file.entities.length} entities, ${file.notEntities.length} non-entities)`,
        );
      }
      if (text !== previous.diskText) this.changed.fire();
      return WorkspaceLexicon.parse(JSON.parse(text));
    };
    const result = this.writing.then(run, run);
    this.writing = result.catch(() => undefined);
    return result;
  }

  /** The file changed on disk: reload, and announce it only if its text is not what is in use. */
  private async reload(): Promise<void> {
    const previous = this.state && (await this.state);
    const state = await (this.state = this.load());
    if (previous?.diskText !== state.diskText || previous?.fileUri?.toString() !== state.fileUri?.toString())
      this.changed.fire();
  }

  private async load(): Promise<LexiconState> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, LEXICON_FILE);
      let text: string | undefined;
      try {
        text = await readTextFile(uri);
      } catch (error) {
        this.log.error(`lexicon: cannot read ${uri.fsPath}: ${(error as Error).message}`);
        continue;
      }
      if (text === undefined) continue; // no lexicon in this folder
      const checked = this.validate(text);
      if (typeof checked !== 'string') {
        this.problems.clear();
        this.log.info(
          `lexicon: ${uri.fsPath} adds ${checked.entities.length} entities and ${checked.notEntities.length} non-entities`,
        );
        return {
          lexicon: this.platform.engine().Lexicon.withAdditions(checked),
          fileUri: uri,
          diskText: text,
          file: checked,
          problem: undefined,
        };
      }
      const problem = checked;
      this.log.error(
        `lexicon: ${uri.fsPath} is not valid; it is left untouched and the built-in lexicon is used alone until it is fixed\n${problem}`,
      );
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `This lexicon is not valid, so Newsmark uses the built-in lexicon alone and leaves this file untouched until it is fixed: ${problem}`,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.code = INVALID_LEXICON_CODE;
      diagnostic.source = 'Newsmark';
      this.problems.set(uri, [diagnostic]);
      return { lexicon: this.builtinLexicon(), fileUri: uri, diskText: text, file: undefined, problem };
    }
    this.problems.clear();
    return {
      lexicon: this.builtinLexicon(),
      fileUri: undefined,
      diskText: undefined,
      file: undefined,
      problem: undefined,
    };
  }

  /** The parsed file, or what is wrong with it. */
  private validate(text: string): WorkspaceLexicon | string {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return `not readable JSON (${(error as Error).message})`;
    }
    const parsed = WorkspaceLexicon.safeParse(raw);
    return parsed.success ? parsed.data : describeIssues(parsed.error);
  }

  private builtinLexicon(): Lexicon {
    if (!this.builtin) {
      const started = Date.now();
      this.builtin = this.platform.engine().Lexicon.withAdditions();
      this.log.info(`lexicon: built-in, built in ${Date.now() - started} ms`);
    }
    return this.builtin;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
    this.problems.dispose();
  }
}
