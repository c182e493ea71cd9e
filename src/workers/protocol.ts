/** The messages between a WorkerPool and its workers (plain, structured-cloneable data). */
import type { LexiconAdditions } from '../core/extract/entities/lexicon';

export interface PoolLexicon {
  /** Changes whenever the additions change (workers rebuild their lexicon then). */
  readonly key: string;
  readonly additions: LexiconAdditions | undefined;
}

export interface PoolRequest<TJob> {
  readonly id: number;
  readonly job: TJob;
  /** Which lexicon to analyse with; `lexicon` carries it when this worker has not been sent that key yet. */
  readonly lexiconKey: string;
  readonly lexicon?: PoolLexicon;
}

export interface PoolReply<TResult> {
  readonly id: number;
  readonly result: TResult | PoolFailure;
}

/** A job without a result: it failed (logged by the caller), or it is too large for a worker's heap. */
export type PoolFailure =
  { readonly status: 'failed'; readonly error: string } | { readonly status: 'tooLarge'; readonly error: string };

/**
 * The CLI analyses files up to this size in its pool of workers; bigger ones in a thread of their
 * own with a large heap. A worker's heap (WORKER_HEAP) holds the analysis of ~2 MB of text.
 */
export const MAX_WORKER_FILE_BYTES = 1 << 20;
/** The V8 heap of a worker: small, so that it collects often and the process's memory stays low. */
export const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 } as const;
/** Heap per byte of article the analysis needs, with room to spare (96 MB holds ~2 MB of text). */
const HEAP_PER_ARTICLE_BYTE = 48;

/** A worker heap that holds the analysis of an article of `maxFileBytes` (WORKER_HEAP at least). */
export function workerHeapFor(maxFileBytes: number): {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
} {
  const needMb = Math.ceil((maxFileBytes * HEAP_PER_ARTICLE_BYTE) / (1 << 20));
  return { ...WORKER_HEAP, maxOldGenerationSizeMb: Math.max(WORKER_HEAP.maxOldGenerationSizeMb, needMb) };
}
