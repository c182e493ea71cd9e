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
