/**
 * One article for the CLI (`extract`, `check`), on this thread or in a worker thread: read it,
 * analyse it, and keep only its output line and its compact facts for the corpus. Results come
 * back in input order whatever finishes first, so the output is the same for any `--jobs`.
 *
 * One article can never take the batch down with it. A throw in the engine (a stack overflow on
 * pathological nesting, a bug) is caught and becomes that file's one-line error. Files over
 * MAX_WORKER_FILE_BYTES, and files a worker ran out of heap on or died with, are analysed in a
 * thread of their own with a large heap: if that runs out of memory too, only that file is lost.
 *
 * With a cache (`--cache DIR`, src/node/factCache.ts) a file is still read and hashed, but analysed
 * only when the cache has no entry for it as it is now (path, content, engine and lexicon); the
 * entry gives the same output line and facts the analysis would. With worker threads the file is
 * read and looked up on the asking thread, and only a file to analyse goes to a worker. What
 * became of each lookup comes back with the result (`cache`), for the run's summary line.
 */
import { createHash } from 'node:crypto';
import { isMainThread } from 'node:worker_threads';
import { availableParallelism, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { analyse } from '../core/analysis';
import { summariseSource, type SourceFacts } from '../core/store/sourceFacts';
import type { Lexicon, LexiconAdditions } from '../core/extract/entities/lexicon';
import { toExtractSource } from '../core/extractOutput';
import { shardFactsOf } from '../core/merge/shardFacts';
import { readEntryFacts, type PersistedEntry, type PersistedKey } from '../core/store/persistedFacts';
import { entryFileOf, lookupEntryBytes, writeEntry, type EntryOutcome, type Lookup } from '../node/factCache';
import { WorkerPool } from '../workers/pool';
import { MAX_WORKER_FILE_BYTES, WORKER_HEAP, type PoolFailure } from '../workers/protocol';
import { serveJobs } from '../workers/serve';
import { injectFault, isFaultInjection } from './faults';
import { decodeArticle, readArticle, type InputFile, type ReadResult } from './read';

export type ExtractResult =
  | {
      readonly status: 'ok';
      readonly path: string;
      readonly warnings: readonly string[];
      /** The source as compact JSON (`ExtractSource`), made where the work is; '' when only facts were asked for. */
      readonly sourceJson: string;
      readonly facts: SourceFacts;
      /** sha256 of the file's bytes, hex. */
      readonly sha256: string;
      /** The map step's record of the facts (`ShardFacts`) as JSON, for `extract --jsonl`; '' unless asked for (`shardEngine`). */
      readonly factsJson: string;
      /** With a cache: whether the facts came from it, or why it was analysed. */
      readonly cache?: CacheOutcome;
    }
  /** The file could not be read (missing, binary, not a file…): `error` says why in one line. */
  | { readonly status: 'unreadable'; readonly path: string; readonly error: string }
  /** It was read, but its analysis failed (a throw, or out of memory): one line. */
  | { readonly status: 'notAnalysed'; readonly path: string; readonly error: string };

/**
 * A line of `extract --jsonl` read from the cache, with its facts as the bytes of their table
 * (asked for with `isFactsDeferred`): the line goes out as the entry keeps it, never decoded, and
 * the facts wait on disk as they are. They are parsed only if the run's last line (the deals and
 * conflicts) must be made again: a warm run over unchanged files reads that line from the cache
 * too, and its facts are never needed. The entry's CRC-32 has checked them; should they still not
 * hold when parsed (an entry made by hand), `entryFile` is removed and the run says so.
 */
export interface CachedLine {
  readonly status: 'cachedLine';
  readonly path: string;
  readonly warnings: readonly string[];
  readonly sha256: string;
  /** The path the facts name (the key's). */
  readonly factsPath: string;
  /** UTF-8 JSON of the facts' table (`tableOf`), not parsed. */
  readonly factsTable: Uint8Array;
  /** `{"source":…,"facts":…}` and a newline, as UTF-8, in pieces (`Output.write` takes them in one call). */
  readonly line: readonly Uint8Array[];
  readonly entryFile: string;
  readonly cache: { readonly status: 'hit' };
}

/** A cache folder opened for this run (`openFactCache`) and the key of the engine and lexicon in use. */
export interface CacheTarget {
  readonly dir: string;
  readonly engine: string;
  /** This newsmark's version: the stamp of the map step's record an entry keeps (`extract --jsonl`). */
  readonly version: string;
}

export type CacheOutcome = EntryOutcome;

interface ExtractJob {
  readonly path: string;
  /** The path the analysis and the facts name (default: `path`). */
  readonly sourcePath?: string;
  /** Already read (standard input), so the worker does not read `path`. */
  readonly bytes?: Uint8Array;
  /** Only the facts: no output JSON (for `check`). */
  readonly isFactsOnly?: boolean;
  /** For the isolated thread: analysed whatever its size. */
  readonly isIsolated?: boolean;
  /** Make the shard record of the facts too (`factsJson`), stamped with this version of newsmark. */
  readonly shardEngine?: string;
  readonly cache?: CacheTarget;
  /** A cached line may come back as a `CachedLine`, its facts not parsed (extract --jsonl). */
  readonly isFactsDeferred?: boolean;
  /** With `bytes` of a file read on the asking thread: its modification time when read, for its cache key. */
  readonly mtimeMs?: number;
  /** The asking thread looked the entry up already, and none stands for the file: why. */
  readonly found?: Extract<Lookup, { status: 'miss' }>;
}

/** `workerData` of the CLI's own bundle when it runs as an extract worker. */
export const EXTRACT_WORKER = 'newsmark-extract-worker';
/** Below this many files, starting workers costs more than it saves (unless --jobs asks for them). */
const MIN_FILES_FOR_WORKERS = 16;
/** Worker threads when `--jobs` is not given: one per core, at most this many. */
const MAX_AUTO_JOBS = 4;

/** The heap of the thread that takes large files and retries: half the memory, from 1 to 8 GB. */
function isolatedHeapMb(): number {
  if (isFaultInjection() && process.env['NEWSMARK_TEST_ISOLATED_HEAP_MB'])
    return Number(process.env['NEWSMARK_TEST_ISOLATED_HEAP_MB']);
  return Math.min(8192, Math.max(1024, Math.floor(totalmem() / 2 / (1 << 20))));
}

export function extractArticle(
  job: ExtractJob,
  lexicon: Lexicon,
  maxBytes = Number.POSITIVE_INFINITY,
): ExtractResult | CachedLine | PoolFailure {
  const looked = lookUp(job, maxBytes);
  return looked.status === 'toAnalyse' ? analyseRead(job, looked, lexicon) : looked;
}

/** An article read and hashed, and no cache entry standing for it: what is left is to analyse it. */
interface ToAnalyse {
  readonly status: 'toAnalyse';
  readonly read: Extract<ReadResult, { ok: true }>;
  readonly sha256: string;
  readonly cache: { readonly file: string; readonly key: PersistedKey } | undefined;
  readonly found: Extract<Lookup, { status: 'miss' }> | undefined;
}

/** The file read (or decoded from `job.bytes`) and hashed, and its cache entry looked up (unless `job.found`). */
function lookUp(job: ExtractJob, maxBytes: number): ExtractResult | CachedLine | PoolFailure | ToAnalyse {
  const read = job.bytes
    ? decodeArticle(job.path, Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength))
    : readArticle({ path: job.path });
  if (!read.ok) return { status: 'unreadable', path: read.path, error: read.error };
  if (read.bytes.length > maxBytes) return { status: 'tooLarge', error: `${read.bytes.length} bytes` };
  const sourcePath = job.sourcePath ?? read.path;
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const mtimeMs = job.bytes ? job.mtimeMs : read.mtimeMs;
  // standard input has no file to key an entry by: it is analysed every time
  const cache =
    job.cache && mtimeMs !== undefined
      ? cacheSlot(job.cache, job.path, {
          path: sourcePath,
          size: read.bytes.length,
          mtimeMs,
          sha256,
          engine: job.cache.engine,
        })
      : undefined;
  const found = job.found ?? (cache && lookupEntryBytes(cache.file, cache.key));
  const toAnalyse = (why: ToAnalyse['found']): ToAnalyse => ({ status: 'toAnalyse', read, sha256, cache, found: why });
  if (!cache || found?.status !== 'hit') return toAnalyse(found?.status === 'miss' ? found : undefined);
  // a hit without an output line cannot happen in a CLI cache
  if (found.entry.source === null || found.entry.shard === null)
    return toAnalyse({ status: 'miss', why: 'corrupt', detail: 'no output line' });
  const { key, source, shard, factsTable } = found.entry;
  const isLine = job.shardEngine !== undefined && !job.isFactsOnly;
  if (isLine && job.isFactsDeferred)
    return {
      status: 'cachedLine',
      path: read.path,
      warnings: read.warnings,
      sha256,
      factsPath: key.path,
      // copies of their own: a view would keep the whole entry alive, and a worker would post all of it
      factsTable: factsTable.slice(),
      line: jsonLineOf(isMainThread ? source : source.slice(), isMainThread ? shard : shard.slice()),
      entryFile: cache.file,
      cache: { status: 'hit' },
    };
  const facts = readEntryFacts(found.entry);
  if (typeof facts !== 'string')
    return {
      status: 'ok',
      path: read.path,
      warnings: read.warnings,
      sourceJson: job.isFactsOnly ? '' : new TextDecoder().decode(source),
      facts,
      sha256,
      factsJson: isLine ? new TextDecoder().decode(shard) : '',
      cache: { status: 'hit' },
    };
  // checked by the entry's CRC-32 and still not facts: made by hand, analysed again like a damaged one
  return toAnalyse({ status: 'miss', why: 'corrupt', detail: facts });
}

/** The analysis of an article read (`lookUp`), its cache entry written. */
function analyseRead(job: ExtractJob, looked: ToAnalyse, lexicon: Lexicon): ExtractResult {
  const { read, sha256, cache, found } = looked;
  const sourcePath = job.sourcePath ?? read.path;
  try {
    injectFault(job.path);
    const analysis = analyse({ path: sourcePath, text: read.text }, { lexicon });
    // the cache keeps the output line whatever this run prints: an `extract` after a `check` reads it
    const sourceJson = job.isFactsOnly && !cache ? '' : JSON.stringify(toExtractSource(analysis, sha256));
    const facts = summariseSource(sourcePath, analysis);
    // the cache keeps the map step's record too, so that a warm `extract --jsonl` reads it back
    const shardJson =
      job.shardEngine === undefined && !cache
        ? ''
        : JSON.stringify(shardFactsOf(analysis, facts, job.shardEngine ?? job.cache!.version));
    let outcome: CacheOutcome | undefined;
    if (cache) {
      const entry: PersistedEntry = { key: cache.key, facts, sourceJson, shardJson };
      outcome = {
        status: 'analysed',
        why: found?.why ?? 'new',
        detail: found?.detail,
        writeError: writeEntry(cache.file, entry),
      };
    }
    const factsJson = job.shardEngine === undefined ? '' : shardJson;
    return {
      status: 'ok',
      path: read.path,
      warnings: read.warnings,
      sourceJson: job.isFactsOnly ? '' : sourceJson,
      facts,
      sha256,
      factsJson,
      cache: outcome,
    };
  } catch (error) {
    return { status: 'notAnalysed', path: read.path, error: describeAnalysisFailure(error) };
  }
}

const LINE_PARTS = ['{"source":', ',"facts":', '}\n'].map((part) => new TextEncoder().encode(part));

/**
 * `{"source":…,"facts":…}` and a newline, from the two JSON texts' bytes: a line of `extract
 * --jsonl`, in pieces. Not joined: 10,000 lines of a warm run are 790 MB to copy.
 */
function jsonLineOf(source: Uint8Array, shard: Uint8Array): readonly Uint8Array[] {
  const [open, middle, close] = LINE_PARTS as [Uint8Array, Uint8Array, Uint8Array];
  return [open, source, middle, shard, close];
}

/**
 * With a cache, each file is read, hashed and looked up on the asking thread, in order, before
 * any worker sees it: a file whose entry stands for it is done there (its line read from the
 * entry in a fraction of a millisecond), and only the others go to a worker, with the bytes read
 * and why no entry stood for them. A warm run in workers handed every file to a worker and back
 * (10,000 round trips, each worker idle for much of them): 7.7–10.1 s where one thread took 5 s.
 */
function lookedUpHere(job: ExtractJob): ExtractJob | ExtractResult | CachedLine {
  const looked = lookUp(job, Number.POSITIVE_INFINITY);
  // (lookUp says tooLarge only past a size bound, and never fails)
  if (looked.status === 'tooLarge' || looked.status === 'failed') throw new Error(`lookUp: ${looked.status}`);
  if (looked.status !== 'toAnalyse') return looked;
  const { read, found } = looked;
  return { ...job, bytes: new Uint8Array(read.bytes), mtimeMs: read.mtimeMs, found };
}

/** The entry of a file: named by its absolute path and the path its facts carry (`check` names them otherwise than `extract`). */
function cacheSlot(
  target: CacheTarget,
  filePath: string,
  key: PersistedKey,
): { readonly file: string; readonly key: PersistedKey } {
  return { file: entryFileOf(target.dir, `${resolve(filePath)}\0${key.path}`), key };
}

/** One line: what went wrong, never a stack trace (NEWSMARK_DEBUG=1 adds it, for a bug report). */
export function describeAnalysisFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
  const stack = process.env['NEWSMARK_DEBUG'] && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `could not be analysed (${name}: ${message}); skipped (a bug in newsmark: please report it)${stack}`;
}

/** The body of a worker thread started from the CLI's bundle. */
export function serveExtractJobs(): void {
  serveJobs<ExtractJob, ExtractResult | CachedLine>((job, lexicon) =>
    extractArticle(job, lexicon, job.isIsolated ? Number.POSITIVE_INFINITY : MAX_WORKER_FILE_BYTES),
  );
}

/** `--jobs`: a positive integer, or the default (one per core, at most 4). */
export function jobsOf(value: string | undefined): number | undefined {
  if (value === undefined) return Math.max(1, Math.min(MAX_AUTO_JOBS, availableParallelism()));
  const jobs = Number(value);
  return /^\d+$/.test(value.trim()) && Number.isInteger(jobs) && jobs >= 1 && jobs <= 64 ? jobs : undefined;
}

export interface ExtractAllOptions {
  readonly lexicon: Lexicon;
  readonly additions: LexiconAdditions | undefined;
  readonly jobs: number;
  /** `--jobs` was given: use worker threads even for a few files. */
  readonly isJobsExplicit?: boolean;
  /** The script a worker runs: the CLI's bundle (started with `workerData` EXTRACT_WORKER). */
  readonly workerScript: string;
  /** The path an input's analysis names (default: its path). */
  readonly sourcePathOf?: (file: InputFile) => string;
  readonly isFactsOnly?: boolean;
  /** Make each source's shard record (`factsJson`), stamped with this version of newsmark. */
  readonly shardEngine?: string;
  /** Reads unchanged files' facts from this cache and writes the others'. */
  readonly cache?: CacheTarget;
}

/**
 * Every file's result, in order, to `accept`. With more than one job, files go to worker threads
 * (a window of twice as many files as workers is in flight); with one, they are analysed here.
 * Either way large files, and files a worker failed on, go to the isolated thread. With
 * `isFactsDeferred`, a line read from the cache comes as a `CachedLine`.
 */
export async function extractAll(
  files: readonly InputFile[],
  options: ExtractAllOptions & { readonly isFactsDeferred: boolean },
  accept: (result: ExtractResult | CachedLine) => void,
): Promise<void>;
export async function extractAll(
  files: readonly InputFile[],
  options: ExtractAllOptions,
  accept: (result: ExtractResult) => void,
): Promise<void>;
export async function extractAll(
  files: readonly InputFile[],
  options: ExtractAllOptions & { readonly isFactsDeferred?: boolean },
  acceptAny: ((result: ExtractResult | CachedLine) => void) | ((result: ExtractResult) => void),
): Promise<void> {
  // a CachedLine comes only with isFactsDeferred, and then `acceptAny` takes one (the overloads)
  const accept = acceptAny as (result: ExtractResult | CachedLine) => void;
  const lexicon = { key: 'cli', additions: options.additions };
  const jobOf = (file: InputFile): ExtractJob => ({
    path: file.path,
    sourcePath: options.sourcePathOf?.(file),
    isFactsOnly: options.isFactsOnly,
    shardEngine: options.shardEngine,
    cache: options.cache,
    isFactsDeferred: options.isFactsDeferred,
  });
  let isolated: WorkerPool<ExtractJob, ExtractResult | CachedLine> | undefined;
  const inIsolation = async (job: ExtractJob): Promise<ExtractResult | CachedLine> => {
    const heapMb = isolatedHeapMb();
    isolated ??= new WorkerPool({
      script: options.workerScript,
      size: 1,
      workerData: EXTRACT_WORKER,
      idleMs: 1000,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const result = await isolated.run({ ...job, isIsolated: true }, lexicon);
    if (result.status === 'tooLarge')
      return {
        status: 'notAnalysed',
        path: job.path,
        error: `ran out of memory while being analysed (with a heap of ${heapMb} MB); skipped`,
      };
    if (result.status === 'failed')
      return { status: 'notAnalysed', path: job.path, error: `could not be analysed (${result.error}); skipped` };
    return result;
  };
  /** Here, unless it is large: then in the isolated thread (standard input is read here first). */
  const onThisThread = async (file: InputFile): Promise<ExtractResult | CachedLine> => {
    if (file.isStdin) {
      const read = readArticle(file);
      if (!read.ok) return { status: 'unreadable', path: read.path, error: read.error };
      const job = { ...jobOf(file), bytes: new Uint8Array(read.bytes) };
      return read.bytes.length > MAX_WORKER_FILE_BYTES
        ? inIsolation(job)
        : (extractArticle(job, options.lexicon) as ExtractResult | CachedLine);
    }
    if ((file.size ?? 0) > MAX_WORKER_FILE_BYTES) return inIsolation(jobOf(file));
    return extractArticle(jobOf(file), options.lexicon) as ExtractResult | CachedLine;
  };
  const isInThisThread = options.jobs <= 1 || (!options.isJobsExplicit && files.length < MIN_FILES_FOR_WORKERS);
  let pool: WorkerPool<ExtractJob, ExtractResult | CachedLine> | undefined;
  try {
    if (isInThisThread) {
      for (const file of files) accept(await onThisThread(file));
      return;
    }
    pool = new WorkerPool<ExtractJob, ExtractResult | CachedLine>({
      script: options.workerScript,
      size: options.jobs,
      resourceLimits: WORKER_HEAP,
      workerData: EXTRACT_WORKER,
    });
    const inPool = async (file: InputFile): Promise<ExtractResult | CachedLine> => {
      if (file.isStdin || (file.size ?? 0) > MAX_WORKER_FILE_BYTES) return onThisThread(file);
      const job = options.cache ? lookedUpHere(jobOf(file)) : jobOf(file);
      if ('status' in job) return job;
      const result = await pool!.run(job, lexicon);
      // out of a worker's small heap, or the worker died: once more in a thread of its own
      return result.status === 'tooLarge' || result.status === 'failed' ? inIsolation(job) : result;
    };
    const window: Array<Promise<ExtractResult | CachedLine>> = [];
    let next = 0;
    while (next < files.length || window.length > 0) {
      while (next < files.length && window.length < 2 * options.jobs) window.push(inPool(files[next++]!));
      accept(await window.shift()!);
    }
  } finally {
    pool?.dispose();
    isolated?.dispose();
  }
}
