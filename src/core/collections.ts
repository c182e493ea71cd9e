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
