/** The jobs of the index's worker threads (src/workers/pool.ts): one article file each. */
import type { SourceFacts } from '../core/store/sourceFacts';
import type { EntryOutcome } from '../node/factCache';
import type { PersistedKey } from '../core/store/persistedFacts';

/** Where the persisted facts of a file are (src/node/factCache.ts), and the engine and lexicon they must be from. */
export interface PersistedTarget {
  /** The folder (`openFactCache`), under the extension's workspace storage. */
  readonly dir: string;
  /** What names the entry: the file's uri. */
  readonly identity: string;
  /** `engineKey` of the build and the lexicon in use. */
  readonly engine: string;
}

export interface IndexJob {
  /** The file to read, on the local file system. */
  readonly fsPath: string;
  /** Workspace-relative path, as in `analysis.path`. */
  readonly path: string;
  /** A larger file is not analysed (`newsmark.analysis.maxFileSizeKB`): the answer is 'overLimit'. */
  readonly maxBytes: number;
  /** Facts persisted for the file as it is now are read back instead of analysed; new ones are written there. */
  readonly persisted?: PersistedTarget;
}

/** What became of one file: its facts, 'missing' (the file is gone) or 'overLimit' (left out for its size). */
export type IndexResult =
  | {
      readonly status: 'ok';
      /** The decoded text (offsets point into it). */
      readonly text: string;
      readonly facts: SourceFacts;
      readonly lineStarts: Uint32Array;
      /** Time to decode and analyse (or read back), in the worker. */
      readonly ms: number;
      /** With `persisted`: whether the facts were read back, or why the file was analysed. */
      readonly persisted?: EntryOutcome;
      /** With `persisted`: the key of the bytes read, and when they were looked at (the corpus snapshot keeps both). */
      readonly key?: PersistedKey;
      readonly indexedAt?: number;
    }
  | { readonly status: 'missing'; readonly error: string }
  | { readonly status: 'overLimit'; readonly bytes: number };

/** An article file's bytes as text: UTF-8 (invalid sequences become U+FFFD), without a byte-order mark. */
export function decodeArticle(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
