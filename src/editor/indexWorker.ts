/**
 * A worker thread of the background index (src/workers/pool.ts): reads an article file, analyses
 * it and sends back only what the workspace corpus keeps — the compact facts and the line starts —
 * plus the text, for annotations to re-anchor. A file over the size limit is not read at all. Runs in a `worker_threads` Worker of the extension
 * host, so it never imports `vscode`. Bundled on its own as dist/indexWorker.js.
 */
import { readFileSync, statSync } from 'node:fs';
import { analyse } from '../core/analysis';
import { summariseSource } from '../core/corpus/sourceFacts';
import { serveJobs } from '../workers/serve';
import { decodeArticle, type IndexJob, type IndexResult } from './indexProtocol';
import { lineStartsOf } from './lineStarts';

serveJobs<IndexJob, IndexResult>((job, lexicon) => {
  let bytes: Uint8Array;
  try {
    const stats = statSync(job.fsPath);
    if (!stats.isFile()) return { status: 'missing', error: 'not a regular file' }; // a named pipe would block the worker for good
    if (stats.size > job.maxBytes) return { status: 'overLimit', bytes: stats.size }; // not even read
    bytes = readFileSync(job.fsPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = String((error as Error).message ?? error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? { status: 'missing', error: message } : { status: 'failed', error: message };
  }
  if (bytes.length > job.maxBytes) return { status: 'overLimit', bytes: bytes.length };
  const started = performance.now();
  const text = decodeArticle(bytes);
  const facts = summariseSource(job.path, analyse({ path: job.path, text }, { lexicon }));
  return { status: 'ok', text, facts, lineStarts: lineStartsOf(text), ms: performance.now() - started };
});
