/**
 * What differs between the desktop build (`main`: src/extension.ts, a Node extension host) and the
 * browser build (`browser`: src/extension.web.ts, the web worker extension host of vscode.dev and
 * github.dev). Each entry builds one `Platform` and hands it to `activateNewsmark`
 * (src/activation.ts); no other editor module imports a Node built-in, so the browser bundle holds
 * none (esbuild.mjs refuses to build one that does, and a unit test checks it).
 *  - desktop (nodePlatform.ts): annotation files under a lock shared by every window and process,
 *    written atomically, with a write-ahead journal through Node fs; worker threads for the index,
 *    which persist each file's facts in the workspace storage; the operating-system user name.
 *  - web (webPlatform.ts): everything through `vscode.workspace.fs`; SHA-256 through `crypto.subtle`;
 *    the index analyses on the host, one article per slice, and persists nothing (every window
 *    analyses the workspace again); no user name (`newsmark.author`).
 */
import type * as vscode from 'vscode';
import type { Pruned } from '../node/factCache';
import type { PoolFailure, PoolLexicon } from '../workers/protocol';
import type { AnnotationFileAccess, ChangeJournal } from './annotationDisk';
import type { IndexJob, IndexResult } from './indexProtocol';

/** The analysis engine (src/core/engine.ts): the analysis, the lexicon and their data. */
export type Engine = typeof import('../core/engine');

export interface Platform {
  /** Which build runs: `desktop` (Node) or `web` (a browser). */
  readonly kind: 'desktop' | 'web';
  /** The extension host, in words, for the log: "a Node 20.18.1 extension host", "a web worker extension host". */
  readonly host: string;
  /** The annotations file at `uri`: read, and updated with no other writer in between where the file system allows it. */
  annotationFile(uri: vscode.Uri): AnnotationFileAccess;
  /** The write-ahead journal of one workspace folder's annotation changes, under the extension's storage. */
  changeJournal(storage: vscode.Uri, folderKey: string): ChangeJournal;
  /** Writes a whole text file (an export, the workspace lexicon) so that a reader never sees half of it where the file system allows it. */
  writeTextFile(uri: vscode.Uri, text: string | Uint8Array): Promise<void>;
  /** The SHA-256 of the parts' bytes, one after the other, in lowercase hex. */
  sha256(parts: readonly Uint8Array[]): Promise<string>;
  /** The operating-system user name (corrections record it when `newsmark.author` is empty); undefined where there is none. Throws when the system fails to say. */
  userName(): string | undefined;
  /** Resolves on a later turn of the event loop, after the I/O and messages waiting: long work yields with it so the host stays responsive. */
  yieldToHost(): Promise<void>;
  /**
   * The engine, loaded on the first call (the first analysis, the first lexicon), so that
   * activation does not wait for it: the desktop requires dist/engine.js, the browser build has it
   * bundled in. Throws when the engine cannot be loaded (a broken installation).
   */
  engine(): Engine;
  /** Worker threads for the index's background pass; undefined: files are analysed on the host, one per slice. */
  readonly indexWorkers: IndexWorkers | undefined;
  /** Where the index's workers persist each file's facts between sessions; undefined: nothing is persisted. */
  readonly persistedFacts: PersistedFacts | undefined;
}

/** The folder of persisted facts (src/node/factCache.ts) that the index's worker threads read and write. */
export interface PersistedFacts {
  /** Makes (or takes over from another build, dropping its entries) the folder under the extension's storage. */
  open(storage: vscode.Uri, build: string): Promise<PersistedFactsFolder>;
  /** Removes the entries of every file but those of `keep` (identities), and writes that never finished. */
  prune(dir: string, keep: readonly string[]): Promise<Pruned>;
  /** Removes the entry of one file (its identity) that is gone. */
  remove(dir: string, identity: string): Promise<void>;
  /** The corpus snapshot's bytes in the folder (src/node/corpusSnapshot.ts), a chunk at a time; undefined when there is none. */
  readSnapshot(dir: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Replaces the corpus snapshot with `chunks`, atomically; throws (the old one stays) when it cannot. */
  writeSnapshot(dir: string, chunks: AsyncIterable<Uint8Array>): Promise<void>;
  /**
   * A local file's size and modification time as the workers' keys hold them (Node's `mtimeMs`, with
   * its fraction), without a round trip through VS Code's file service: a reopen checks every
   * article against the snapshot with it. Undefined when there is no regular file there.
   */
  statFile(fsPath: string): Promise<{ readonly size: number; readonly mtimeMs: number } | undefined>;
}

export type PersistedFactsFolder =
  | {
      readonly status: 'ok';
      readonly dir: string;
      /** Entries of another build were dropped: a line for the log. */ readonly dropped?: string;
    }
  | { readonly status: 'refused'; readonly error: string };

/** Worker threads that analyse article files beside the extension host (desktop only). */
export interface IndexWorkers {
  /** Cores to size the pool by when `newsmark.analysis.workers` is 0. */
  availableCores(): number;
  createPool(options: IndexPoolOptions): IndexWorkerPool;
}

export interface IndexPoolOptions {
  readonly size: number;
  readonly resourceLimits: { readonly maxOldGenerationSizeMb: number; readonly maxYoungGenerationSizeMb: number };
  readonly onLog: (message: string) => void;
}

export interface IndexWorkerPool {
  readonly size: number;
  /** Workers kept crashing: the caller analyses on its own thread. */
  readonly isBroken: boolean;
  run(job: IndexJob, lexicon: PoolLexicon): Promise<IndexResult | PoolFailure>;
  /** Stops the workers now if none is working; the next job starts them again. */
  stopIdle(): void;
  /** Workers running now (for tests). */
  readonly runningCount: number;
  dispose(): void;
}

/** The part of a MessagePort both the browser's and Node's share. */
interface Port {
  onmessage: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/**
 * A yield to the next macrotask through a MessageChannel: unlike `setTimeout(0)`, never clamped
 * to 4 ms after a few nested calls, so a pass over a thousand articles is not slowed by the
 * yields themselves; unlike a microtask, the host's own messages and timers run in between.
 * Each yield has a channel of its own, closed once it has answered (nothing left open).
 */
export function yieldThroughMessageChannel(): Promise<void> {
  return new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel() as unknown as { port1: Port; port2: Port };
    port1.onmessage = () => {
      port1.close();
      port2.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}

/** Lowercase hex of bytes (a digest). */
export function hexOf(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
