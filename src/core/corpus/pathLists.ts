/**
 * Paths by key (an entity id → the sources naming it): an array while a key has a few paths, a
 * set once it has more than ARRAY_LIMIT. Most keys are named by a few sources, and an array takes
 * a third of a set's memory. A key named by most sources (OpenAI in a corpus about AI) gets a
 * set, so that removing a source costs O(1) for it rather than O(sources): removing every source
 * of a large corpus would otherwise be quadratic.
 *
 * A path is added once between removals (a source's keys are added together, each once), so an
 * array never holds it twice.
 */
export type PathList = string[] | Set<string>;

export const ARRAY_LIMIT = 32;

/** Adds `path` under `key`; true when the key is new. */
export function addPath(lists: Map<string, PathList>, key: string, path: string): boolean {
  const paths = lists.get(key);
  if (!paths) {
    lists.set(key, [path]);
    return true;
  }
  if (paths instanceof Set) paths.add(path);
  else if (paths[paths.length - 1] === path) return false;
  else if (paths.length < ARRAY_LIMIT) paths.push(path);
  else lists.set(key, new Set(paths).add(path));
  return false;
}

/** Removes `path` from under `key` (the key goes with its last path); false when it was not there. */
export function removePath(lists: Map<string, PathList>, key: string, path: string): boolean {
  const paths = lists.get(key);
  if (!paths) return false;
  if (paths instanceof Set) {
    if (!paths.delete(path)) return false;
  } else {
    const at = paths.indexOf(path);
    if (at < 0) return false;
    paths.splice(at, 1);
  }
  if (pathCount(paths) === 0) lists.delete(key);
  return true;
}

export function pathCount(paths: PathList): number {
  return paths instanceof Set ? paths.size : paths.length;
}
