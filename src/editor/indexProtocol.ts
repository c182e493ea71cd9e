/** The jobs of the index's worker threads (src/workers/pool.ts): one article file each. */
import type { SourceFacts } from '../core/corpus/sourceFacts';

export interface IndexJob {
  /** The file to read, on the local file system. */
  readonly fsPath: string;
  /** Workspace-relative path, as in `analysis.path`. */
  readonly path: string;
  /** A larger file is not analysed (`newsmark.analysis.maxFileSizeKB`): the answer is 'overLimit'. */
  readonly maxBytes: number;
}

/** What became of one file: its facts, 'missing' (the file is gone) or 'overLimit' (left out for its size). */
export type IndexResult =
  | {
      readonly status: 'ok';
      /** The decoded text (offsets point into it). */
      readonly text: string;
      readonly facts: SourceFacts;
      readonly lineStarts: Uint32Array;
      /** Time to decode and analyse, in the worker. */
      readonly ms: number;
    }
  | { readonly status: 'missing'; readonly error: string }
  | { readonly status: 'overLimit'; readonly bytes: number };

/** An article file's bytes as text: UTF-8 (invalid sequences become U+FFFD), without a byte-order mark. */
export function decodeArticle(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
