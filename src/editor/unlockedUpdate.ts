/**
 * A read-modify-write of a small text file where there is no lock between writers (a file system
 * reached through `vscode.workspace.fs`: a browser, a remote or virtual folder). The file is read
 * once more just before the write; when another writer changed it since the first read, the update
 * starts over from what that writer left, so its change is merged rather than written over. What
 * remains is the instant between that second read and the write. No `vscode` import: unit-tested
 * with a fake file (test/unit/editor/unlockedUpdate.test.ts).
 */

export interface UnlockedFile {
  /** The text; undefined when there is no file. Any other failure is thrown (and nothing is written). */
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

export interface UnlockedUpdate {
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly isWritten: boolean;
  /** Reads of a changed file that made the update start over. */
  readonly restarts: number;
}

/** Times an update starts over before it gives up (another writer that keeps writing). */
export const MAX_UPDATE_ATTEMPTS = 5;

/** `next` gets the file's text and returns the new text (undefined or the same text: nothing to write); it may be called again. */
export async function updateWithoutLock(
  file: UnlockedFile,
  next: (current: string | undefined) => string | undefined,
): Promise<UnlockedUpdate> {
  for (let attempt = 1; ; attempt++) {
    const before = await file.read();
    const after = next(before);
    if (after === undefined || after === before)
      return { before, after: before, isWritten: false, restarts: attempt - 1 };
    const now = await file.read();
    if (now === before) {
      await file.write(after);
      return { before, after, isWritten: true, restarts: attempt - 1 };
    }
    if (attempt >= MAX_UPDATE_ATTEMPTS)
      throw new Error(
        `another writer changed the file ${attempt} times between a read and the write; nothing was written`,
      );
  }
}
