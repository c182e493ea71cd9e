/**
 * One article for `newsmark extract`, on this thread or in a worker thread (`--jobs`): read it,
 * analyse it, and keep only its output line and its compact facts for the corpus. Results come
 * back in input order whatever finishes first, so the output is the same for any `--jobs`.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { analyse } from '../core/analysis';
import { summariseSource, type SourceFacts } from '../core/corpus/sourceFacts';
import type { Lexicon, LexiconAdditions } from '../core/extract/entities/lexicon';
import { toExtractSource } from '../core/extractOutput';
import { WorkerPool } from '../workers/pool';
import { MAX_WORKER_FILE_BYTES, WORKER_HEAP, type PoolFailure } from '../workers/protocol';
import { serveJobs } from '../workers/serve';
import { readArticle, type InputFile } from './read';

export type ExtractResult =
  | {
      readonly status: 'ok';
      readonly path: string;
      readonly warnings: readonly string[];
      /** The source as compact JSON (`ExtractSource`): made where the work is. */
      readonly sourceJson: string;
      readonly facts: SourceFacts;
    }
  | { readonly status: 'unreadable'; readonly path: string; readonly error: string };

interface ExtractJob {
  readonly path: string;
}

/** `workerData` of the CLI's own bundle when it runs as an extract worker. */
export const EXTRACT_WORKER = 'newsmark-extract-worker';
/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 16;
/** Worker threads when `--jobs` is not given: one per core, at most this many. */
const MAX_AUTO_JOBS = 4;

export function extractArticle(file: InputFile, lexicon: Lexicon, maxBytes = Number.POSITIVE_INFINITY): ExtractResult | PoolFailure {
  const read = readArticle(file);
  if (!read.ok) return { status: 'unreadable', path: read.path, error: read.error };
  if (read.bytes.length > maxBytes) return { status: 'tooLarge', error: `${read.bytes.length} bytes` };
  const analysis = analyse({ path: read.path, text: read.text }, { lexicon });
  const source = toExtractSource(analysis, createHash('sha256').update(read.bytes).digest('hex'));
  return { status: 'ok', path: read.path, warnings: read.warnings, sourceJson: JSON.stringify(source), facts: summariseSource(read.path, analysis) };
}

/** The body of a worker thread started from the CLI's bundle. */
export function serveExtractJobs(): void {
  serveJobs<ExtractJob, ExtractResult>((job, lexicon) => extractArticle({ path: job.path }, lexicon, MAX_WORKER_FILE_BYTES));
}

/** `--jobs`: a positive integer, or the default (one per core, at most 4). */
export function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return Math.max(1, Math.min(MAX_AUTO_JOBS, availableParallelism()));
  const jobs = Number(value);
  return Number.isInteger(jobs) && jobs >= 1 && jobs <= 64 ? jobs : undefined;
}

export interface ExtractAllOptions {
  readonly lexicon: Lexicon;
  readonly additions: LexiconAdditions | undefined;
  readonly jobs: number;
  /** The script a worker runs: the CLI's bundle (started with `workerData` EXTRACT_WORKER). */
  readonly workerScript: string;
}

/**
 * Every file's result, in order, to `accept`. With more than one job, files go to worker threads
 * (standard input, files too large for a worker and files a worker failed on are done here);
 * a window of twice as many files as workers is in flight.
 */
export async function extractAll(files: readonly InputFile[], options: ExtractAllOptions, accept: (result: ExtractResult) => void): Promise<void> {
  const onHere = (file: InputFile) => extractArticle(file, options.lexicon) as ExtractResult;
  if (options.jobs <= 1 || files.length < MIN_FILES_FOR_WORKERS) {
    for (const file of files) accept(onHere(file));
    return;
  }
  let warned = false;
  const pool = new WorkerPool<ExtractJob, ExtractResult>({
    script: options.workerScript, size: options.jobs, resourceLimits: WORKER_HEAP, workerData: EXTRACT_WORKER,
    onLog: (message) => {
      if (!warned) process.stderr.write(`newsmark: ${message}\n`);
      warned = true;
    },
  });
  const lexicon = { key: 'cli', additions: options.additions };
  const start = (file: InputFile) => (file.isStdin ? Promise.resolve(onHere(file)) : pool.run({ path: file.path }, lexicon));
  try {
    const window: Array<{ readonly file: InputFile; readonly result: Promise<ExtractResult | PoolFailure> }> = [];
    let next = 0;
    while (next < files.length || window.length > 0) {
      while (next < files.length && window.length < 2 * options.jobs) {
        const file = files[next++]!;
        window.push({ file, result: start(file) });
      }
      const { file, result } = window.shift()!;
      const done = await result;
      // too large for a worker's heap, or the worker failed: this thread has the whole heap
      accept(done.status === 'tooLarge' || done.status === 'failed' ? onHere(file) : done);
    }
  } finally {
    pool.dispose();
  }
}
