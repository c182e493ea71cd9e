/**
 * A worker thread of the background index (src/workers/pool.ts): reads an article file, analyses
 * it and sends back only what the workspace corpus keeps — the compact facts and the line starts —
 * plus the text, for annotations to re-anchor. A file over the size limit is not read at all.
 * With a persisted index (`job.persisted`, src/node/factCache.ts) the file is still read and
 * hashed, but analysed only when no entry holds facts for its bytes, path, engine and lexicon;
 * the facts analysed are written there for the next start. Runs in a `worker_threads` Worker of
 * the extension host, so it never imports `vscode`. Bundled on its own as dist/indexWorker.js.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { analyse } from '../core/analysis';
import { detachedFacts } from '../core/store/internedFacts';
import { summariseSource, type SourceFacts } from '../core/store/sourceFacts';
import type { Lexicon } from '../core/extract/entities/lexicon';
import type { PersistedKey } from '../core/store/persistedFacts';
import { entryFileOf, lookupEntry, sha256Of, writeEntry, type EntryOutcome } from '../node/factCache';
import { serveJobs } from '../workers/serve';
import { decodeArticle, type IndexJob, type IndexResult } from './indexProtocol';
import { lineStartsOf } from './lineStarts';

serveJobs<IndexJob, IndexResult>((job, lexicon) => {
  let bytes: Uint8Array;
  let stats: Stats;
  const indexedAt = Date.now(); // before the look: a write after it shows in the modification time
  try {
    stats = statSync(job.fsPath);
    if (!stats.isFile()) return { status: 'missing', error: 'not a regular file' }; // a named pipe would block the worker for good
    if (stats.size > job.maxBytes) return { status: 'overLimit', bytes: stats.size }; // not even read
    bytes = readFileSync(job.fsPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = String((error as Error).message ?? error);
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { status: 'missing', error: message }
      : { status: 'failed', error: message };
  }
  if (bytes.length > job.maxBytes) return { status: 'overLimit', bytes: bytes.length };
  const started = performance.now();
  const text = decodeArticle(bytes);
  const { facts, persisted, key } = factsOf(job, lexicon, text, bytes, stats.mtimeMs);
  return {
    status: 'ok',
    text,
    facts,
    lineStarts: lineStartsOf(text),
    ms: performance.now() - started,
    persisted,
    key,
    indexedAt: key === undefined ? undefined : indexedAt,
  };
});

/** The file's facts: read back from its persisted entry when that is for these bytes, else analysed (and persisted). */
function factsOf(
  job: IndexJob,
  lexicon: Lexicon,
  text: string,
  bytes: Uint8Array,
  mtimeMs: number,
): { facts: SourceFacts; persisted?: EntryOutcome; key?: PersistedKey } {
  const target = job.persisted;
  if (!target) return { facts: analysed(job.path, text, lexicon) };
  const file = entryFileOf(target.dir, target.identity);
  const key = { path: job.path, size: bytes.length, mtimeMs, sha256: sha256Of(bytes), engine: target.engine };
  const found = lookupEntry(file, key);
  if (found.status === 'hit') return { facts: found.entry.facts, persisted: { status: 'hit' }, key };
  const facts = analysed(job.path, text, lexicon);
  const writeError = writeEntry(file, { key, facts, sourceJson: null, shardJson: null });
  return { facts, persisted: { status: 'analysed', why: found.why, detail: found.detail, writeError }, key };
}

/**
 * A file's facts, analysed here. Their strings are copied apart from the text before they are
 * posted (`detachedFacts`), so that the host keeps them as they come, each as compact as its
 * characters allow; facts read back from a persisted entry are parsed from JSON, and are so already.
 */
function analysed(path: string, text: string, lexicon: Lexicon): SourceFacts {
  return detachedFacts(summariseSource(path, analyse({ path, text }, { lexicon })));
}
