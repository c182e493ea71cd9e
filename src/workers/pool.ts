/**
 * Worker threads that analyse articles beside the thread that asks: the workspace index's
 * background pass (src/editor/indexWorker.ts) and `newsmark extract --jobs` (src/cli/extractWorker.ts).
 * A job goes to the first free worker; each worker keeps the lexicon it was last sent and is
 * sent another only when the key changes. Workers start with the first job and stop after a
 * while without work. A worker that runs out of its (capped) heap answers `tooLarge` for that
 * job; one that dies otherwise is replaced, and after `MAX_CRASHES` the pool reports itself
 * broken so that the caller analyses on its own thread. No `vscode` import: the CLI and the
 * unit tests use it in Node.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { PoolFailure, PoolLexicon, PoolReply, PoolRequest } from './protocol';

export type { PoolFailure, PoolLexicon } from './protocol';

export interface PoolOptions {
  /** The worker script (a bundle that calls `serveJobs`). */
  readonly script: string;
  readonly size: number;
  readonly resourceLimits?: ResourceLimits;
  /** Passed to every worker as `workerData`. */
  readonly workerData?: unknown;
  /** Idle workers stop after this long (default 30 s). */
  readonly idleMs?: number;
  readonly onLog?: (message: string) => void;
}

const MAX_CRASHES = 3;

interface Queued<TJob, TResult> {
  readonly job: TJob;
  readonly lexicon: PoolLexicon;
  resolve(result: TResult | PoolFailure): void;
}

interface Slot<TJob, TResult> {
  readonly worker: Worker;
  /** Set when the worker ran out of heap: its job was too large for a worker, not a crash. */
  isOutOfMemory: boolean;
  running: (Queued<TJob, TResult> & { readonly id: number }) | undefined;
  lexiconKey: string | undefined;
}

export class WorkerPool<TJob, TResult> {
  private readonly slots: Array<Slot<TJob, TResult>> = [];
  private readonly queue: Array<Queued<TJob, TResult>> = [];
  private nextId = 1;
  private crashes = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private isDisposed = false;

  constructor(private readonly options: PoolOptions) {}

  get size(): number {
    return this.options.size;
  }

  /** Too many workers died (or the pool was disposed): callers should analyse on their own thread. */
  get isBroken(): boolean {
    return this.crashes >= MAX_CRASHES || this.isDisposed;
  }

  /** Workers running now (they start with work and stop when idle). */
  get runningCount(): number {
    return this.slots.length;
  }

  /** Runs one job in a worker. Never rejects: a failure is a result. */
  run(job: TJob, lexicon: PoolLexicon): Promise<TResult | PoolFailure> {
    if (this.isBroken) return Promise.resolve(unavailable());
    return new Promise((resolve) => {
      this.queue.push({ job, lexicon, resolve });
      this.pump();
    });
  }

  private pump(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0 && !this.isBroken) {
      const slot =
        this.slots.find((s) => !s.running) ?? (this.slots.length < this.options.size ? this.start() : undefined);
      if (!slot) return;
      const queued = this.queue.shift()!;
      const id = this.nextId++;
      slot.running = { ...queued, id };
      const isNewLexicon = slot.lexiconKey !== queued.lexicon.key;
      slot.lexiconKey = queued.lexicon.key;
      const request: PoolRequest<TJob> = {
        id,
        job: queued.job,
        lexiconKey: queued.lexicon.key,
        ...(isNewLexicon ? { lexicon: queued.lexicon } : {}),
      };
      slot.worker.postMessage(request);
    }
    for (const queued of this.queue.splice(0)) queued.resolve(unavailable()); // broken: nobody will take them
    if (this.slots.every((s) => !s.running))
      this.idleTimer = setTimeout(() => this.stopAll(), this.options.idleMs ?? 30_000);
  }

  private start(): Slot<TJob, TResult> {
    const { script, resourceLimits, workerData } = this.options;
    const worker = new Worker(script, { resourceLimits, workerData });
    const slot: Slot<TJob, TResult> = { worker, isOutOfMemory: false, running: undefined, lexiconKey: undefined };
    this.slots.push(slot);
    worker.on('message', (reply: PoolReply<TResult>) => {
      const running = slot.running;
      if (!running || running.id !== reply.id) return;
      slot.running = undefined;
      running.resolve(reply.result);
      this.pump();
    });
    worker.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') slot.isOutOfMemory = true;
      else this.options.onLog?.(`analysis worker failed: ${error.stack ?? error}`);
    });
    worker.on('exit', (code) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return; // stopped on purpose
      this.slots.splice(index, 1);
      const running = slot.running;
      slot.running = undefined;
      if (slot.isOutOfMemory && running) {
        running.resolve({ status: 'tooLarge', error: "the analysis ran out of the worker's heap" });
      } else {
        this.crashes++;
        this.options.onLog?.(
          `analysis worker exited with code ${code}${this.isBroken ? '; no more workers' : '; starting another'}`,
        );
        running?.resolve({ status: 'failed', error: `the analysis worker exited (code ${code})` });
      }
      this.pump();
    });
    return slot;
  }

  /**
   * Stops the workers now rather than after `idleMs` if none is working (a job asked for later
   * starts them again): the editor calls it once the workspace is indexed, so that the workers'
   * heaps are not held beside the index while the deals are merged and the conflicts judged.
   */
  stopIdle(): void {
    if (this.queue.length > 0 || this.slots.some((s) => s.running)) return;
    clearTimeout(this.idleTimer);
    this.stopAll();
  }

  private stopAll(): void {
    if (this.slots.some((s) => s.running)) return;
    for (const slot of this.slots.splice(0)) void slot.worker.terminate();
  }

  dispose(): void {
    this.isDisposed = true;
    clearTimeout(this.idleTimer);
    for (const slot of this.slots.splice(0)) {
      slot.running?.resolve({ status: 'failed', error: 'the analysis workers were stopped' });
      void slot.worker.terminate();
    }
    for (const queued of this.queue.splice(0)) queued.resolve(unavailable());
  }
}

function unavailable(): PoolFailure {
  return { status: 'failed', error: 'the analysis workers are not available' };
}
