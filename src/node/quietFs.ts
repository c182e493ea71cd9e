/**
 * Steps on files whose failure changes nothing worth saying: closing a file that is being given
 * up, and removing a file of Newsmark's own (a temp file, a cache file) that may already be gone.
 */
import * as fs from 'node:fs';

/** Closes `fd` if it is open; a failure (it was closed, or its writes failed) is ignored. Always undefined, for the field that held it. */
export function closeQuietly(fd: number | undefined): undefined {
  if (fd === undefined) return undefined;
  try {
    fs.closeSync(fd);
  } catch {
    // already closed, or a file that failed to write: nothing more to do
  }
  return undefined;
}

/** Removes `file` if it is there; false when it could not be (a read-only folder: it stays, harmless). */
export function removeQuietly(file: string): boolean {
  try {
    fs.rmSync(file, { force: true });
    return true;
  } catch {
    return false;
  }
}
