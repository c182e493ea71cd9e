/** The worker's side of a WorkerPool: answers each job with the lexicon it names (built once per key). */
import { parentPort } from 'node:worker_threads';
import { Lexicon } from '../core/extract/entities/lexicon';
import type { PoolFailure, PoolReply, PoolRequest } from './protocol';

export function serveJobs<TJob, TResult>(handle: (job: TJob, lexicon: Lexicon) => TResult | PoolFailure): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs runs in a worker thread');
  let lexicon: { readonly key: string; readonly value: Lexicon } | undefined;
  port.on('message', (request: PoolRequest<TJob>) => {
    let result: TResult | PoolFailure;
    try {
      // first: the pool counts this lexicon as delivered whatever becomes of the job
      if (request.lexicon)
        lexicon = { key: request.lexicon.key, value: Lexicon.withAdditions(request.lexicon.additions) };
      result =
        lexicon?.key === request.lexiconKey
          ? handle(request.job, lexicon.value)
          : { status: 'failed', error: `the worker has no lexicon ${request.lexiconKey}` };
    } catch (error) {
      result = { status: 'failed', error: (error as Error).stack ?? String(error) };
    }
    const reply: PoolReply<TResult> = { id: request.id, result };
    port.postMessage(reply);
  });
}
