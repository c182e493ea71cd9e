/** Small collection helpers shared by the core. */

/** Appends `value` to the list at `key`, creating it (no copying: linear in the number of calls). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A list held as its single item while it has one (a path, a statement), else as an array: as an array either way. */
export function listOf<T>(held: T | readonly T[]): readonly T[] {
  return Array.isArray(held) ? (held as readonly T[]) : [held as T];
}

/**
 * Every item of `steps`, gathered into one list, awaiting `pause()` whenever `sliceMs` have passed
 * (by `now`) since the walk started or last paused: a long synchronous walk cut into slices, so
 * that the thread it runs on answers other work between them (the editor's host: hovers, typing).
 */
export async function gatherInSlices<T>(
  steps: Iterable<readonly T[]>,
  pause: () => Promise<void>,
  sliceMs: number,
  now: () => number = Date.now,
): Promise<T[]> {
  const out: T[] = [];
  let sliceStarted = now();
  for (const step of steps) {
    for (const item of step) out.push(item);
    if (now() - sliceStarted >= sliceMs) {
      await pause();
      sliceStarted = now();
    }
  }
  return out;
}

/**
 * Work someone waits on (the deals panel's merge) beside work nobody waits on (writing the corpus
 * snapshot), both in slices of one thread: the background gives way while foreground work runs
 * (`whenClear`) rather than taking every other slice. At 10,000 articles the snapshot's write,
 * which starts 3 s after indexing ends, made the panel take 14.2 s to open then instead of 7.8 s.
 */
export class Foreground {
  private running = 0;
  private waiters: Array<() => void> = [];

  /** Runs `work` as foreground work: `whenClear` waits until it (and any other) has ended. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      if (--this.running === 0) this.release();
    }
  }

  get isRunning(): boolean {
    return this.running > 0;
  }

  /** Resolves once no foreground work runs: at once when none does, else when the last ends (or `release`). */
  whenClear(): Promise<void> {
    return this.running === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Lets every waiter go (when the owner is disposed; also when the last run ends). */
  release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
