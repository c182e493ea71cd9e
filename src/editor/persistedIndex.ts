/**
 * The index's facts kept between sessions (issue 14): where the workers read and write each file's
 * persisted facts (src/node/factCache.ts, under `<workspace storage>/facts-index`), and with which
 * key — the engine build and the workspace lexicon in use. A reopened workspace gets its hovers,
 * conflicts and deals from these entries without analysing an unchanged file; a changed file is
 * analysed alone. The folder is opened once, on the first file indexed (off activation); entries
 * of another build are dropped then, with one log line. A corrupt entry is one warning and the
 * file is analysed again. Only on the desktop, with worker threads and a local storage folder
 * (platform.ts); elsewhere nothing is persisted and every file is analysed.
 */
import type * as vscode from 'vscode';
import { engineBuild, engineKey, lexiconKeyText } from '../core/store/engineBuild';
import type { EntryOutcome, Pruned } from '../node/factCache';
import type { PersistedTarget } from './indexProtocol';
import type { LexiconState } from './lexiconSource';
import type { Log } from './log';
import type { Platform } from './platform';

export class PersistedIndex {
  private folder: Promise<string | undefined> | undefined;
  private readonly engines = new WeakMap<LexiconState, Promise<string>>();
  private hasReportedWriteError = false;

  constructor(
    private readonly platform: Platform,
    private readonly storage: vscode.Uri | undefined,
    private readonly log: Log,
  ) {}

  /** Where a file's persisted facts are, or undefined when this window persists none. */
  async targetFor(uri: vscode.Uri, lexicon: LexiconState): Promise<PersistedTarget | undefined> {
    const dir = await (this.folder ??= this.open());
    if (dir === undefined) return undefined;
    return { dir, identity: uri.toString(), engine: await this.engineOf(lexicon) };
  }

  /**
   * Removes the persisted facts of every file that is not among `listed` (the articles of a full
   * listing, and the open ones): files deleted, renamed or excluded while no window watched them.
   * The folder would otherwise keep them for ever.
   */
  async prune(listed: readonly vscode.Uri[]): Promise<Pruned | undefined> {
    const dir = await (this.folder ??= this.open());
    if (dir === undefined || !this.platform.persistedFacts) return undefined;
    return this.platform.persistedFacts.prune(
      dir,
      listed.map((uri) => uri.toString()),
    );
  }

  /**
   * Where the corpus snapshot is read and written (the folder of persisted facts), with the
   * engine key it must be of for `lexicon`; undefined when this window persists nothing.
   */
  async snapshotTarget(lexicon: LexiconState): Promise<{ readonly dir: string; readonly engine: string } | undefined> {
    const dir = await (this.folder ??= this.open());
    if (dir === undefined || !this.platform.persistedFacts) return undefined;
    return { dir, engine: await this.engineOf(lexicon) };
  }

  /** The folder of persisted facts, once opened (undefined: nothing is persisted in this window). */
  folderPath(): Promise<string | undefined> {
    return (this.folder ??= this.open());
  }

  /** Removes the persisted facts of a file that was deleted (or renamed: its new name is analysed). */
  async forget(uri: vscode.Uri): Promise<void> {
    const dir = await this.folder; // never opened: nothing was persisted in this session to forget yet
    if (dir === undefined || !this.platform.persistedFacts) return;
    await this.platform.persistedFacts.remove(dir, uri.toString());
  }

  /** Logs what needs a word: a corrupt entry (one line each), a failed write (once). */
  note(path: string, outcome: EntryOutcome | undefined): void {
    if (outcome?.status !== 'analysed') return;
    if (outcome.why === 'corrupt' || outcome.why === 'otherFormat')
      this.log.warn(
        `index: the persisted facts of ${path} were dropped (${outcome.detail ?? outcome.why}); analysed again`,
      );
    if (outcome.writeError !== undefined && !this.hasReportedWriteError) {
      this.hasReportedWriteError = true;
      this.log.warn(`index: cannot persist facts: ${outcome.writeError}; files are analysed again at the next start`);
    }
  }

  private async open(): Promise<string | undefined> {
    const build = engineBuild();
    if (!this.platform.persistedFacts || !this.storage || build === '') {
      this.log.info(
        `index: facts are not persisted between sessions (${!this.platform.persistedFacts ? 'not on this platform' : !this.storage ? 'no workspace storage' : 'an unstamped development build'})`,
      );
      return undefined;
    }
    const opened = await this.platform.persistedFacts.open(this.storage, build);
    if (opened.status === 'refused') {
      this.log.warn(`index: facts are not persisted between sessions: ${opened.error}`);
      return undefined;
    }
    if (opened.dropped) this.log.info(`index: ${opened.dropped}`);
    return opened.dir;
  }

  private engineOf(state: LexiconState): Promise<string> {
    let engine = this.engines.get(state);
    if (!engine) {
      const build = engineBuild();
      engine =
        state.file === undefined
          ? Promise.resolve(engineKey(build, undefined))
          : this.platform
              .sha256([new TextEncoder().encode(lexiconKeyText(state.file))])
              .then((sha) => engineKey(build, sha));
      this.engines.set(state, engine);
    }
    return engine;
  }
}
