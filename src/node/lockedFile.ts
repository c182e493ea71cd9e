/**
 * A small text file that several processes update (the annotations file, written by every
 * VS Code window on a folder and by test writers): read-compute-write under an exclusive lock,
 * written atomically (npm/write-file-atomic's recipe: a temp file in the same folder with the
 * old file's mode, fsync, `rename(2)` over the target, fsync of the folder). The target is never
 * deleted or truncated first, so a reader — or a crash at any moment — sees the old file or the
 * new one, never none. Node only (the editor uses it for local files; the browser build cannot).
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The lock could not be taken in time: another process holds it. */
export class FileLockedError extends Error {}
/** The target exists but is not writable by its mode: it is left alone. */
export class ReadOnlyFileError extends Error {}

export interface LockedUpdateOptions {
  /** A lock older than this is left over from a crash and broken (default 15 s; holders take milliseconds). */
  readonly staleMs?: number;
  /** How long to wait for another holder (default 10 s). */
  readonly timeoutMs?: number;
}

export interface LockedUpdate {
  /** The file's text before (undefined: there was no file). */
  readonly before: string | undefined;
  /** The file's text now. */
  readonly after: string | undefined;
  readonly isWritten: boolean;
}

/** The file's text, or undefined when there is no such file; any other failure is thrown. */
export async function readTextOrMissing(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Under the lock `<file>.lock`: reads the file, asks `next` for its new text (undefined: leave it
 * as it is) and writes that atomically. A failure to read (other than "no such file") is thrown
 * before anything is written: a file that could not be read is never written over.
 */
export async function updateLocked(
  file: string,
  next: (current: string | undefined) => string | undefined,
  options: LockedUpdateOptions = {},
): Promise<LockedUpdate> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const release = await acquireLock(`${file}.lock`, options.staleMs ?? 15_000, options.timeoutMs ?? 10_000);
  try {
    const before = await readTextOrMissing(file);
    const after = next(before);
    if (after === undefined || after === before) return { before, after: before, isWritten: false };
    await writeAtomically(file, after);
    return { before, after, isWritten: true };
  } finally {
    await release();
  }
}

/** Writes `text` to `file` through a temp file and a rename; keeps the old file's mode (and owner, as root). */
export async function writeAtomically(file: string, text: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stat && (stat.mode & 0o222) === 0) {
    throw new ReadOnlyFileError(
      `${file} is read-only (mode ${(stat.mode & 0o777).toString(8)}); make it writable to save`,
    );
  }
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(
    temp,
    constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
    stat ? stat.mode & 0o7777 : 0o666,
  );
  try {
    try {
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      if (stat) {
        await handle.chmod(stat.mode & 0o7777);
        if (process.getuid?.() === 0 && (stat.uid !== 0 || stat.gid !== 0)) await handle.chown(stat.uid, stat.gid);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

/** Makes the rename durable; some file systems cannot open or fsync a folder, which is fine. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported here (e.g. some network file systems): the rename itself is still atomic
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly nonce: string;
}

/** Takes `lockFile` (created exclusively), waiting for a live holder and breaking a stale lock. */
async function acquireLock(lockFile: string, staleMs: number, timeoutMs: number): Promise<() => Promise<void>> {
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), nonce: randomBytes(8).toString('hex') };
  const content = JSON.stringify(owner);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.writeFile(lockFile, content, { flag: 'wx' });
      return async () => {
        // only our own lock: one broken as stale meanwhile belongs to someone else now
        if ((await readTextOrMissing(lockFile).catch(() => undefined)) === content)
          await fs.unlink(lockFile).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await breakIfStale(lockFile, staleMs)) continue;
    if (Date.now() > deadline) {
      const holder = await readTextOrMissing(lockFile).catch(() => undefined);
      throw new FileLockedError(
        `${lockFile} is held by another process (${describeOwner(holder)}) for more than ${Math.round(timeoutMs / 1000)} s`,
      );
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random())),
    );
  }
}

/**
 * A lock whose holder is a process of this machine that is gone, or older than `staleMs`, is
 * moved aside and removed. Moving it first means that of two processes breaking the same stale
 * lock, one moves it and the other finds nothing to move; a fresh lock moved by mistake is put back.
 */
async function breakIfStale(lockFile: string, staleMs: number): Promise<boolean> {
  let text: string | undefined;
  let mtimeMs: number;
  try {
    text = await readTextOrMissing(lockFile);
    mtimeMs = (await fs.stat(lockFile)).mtimeMs;
  } catch {
    return true; // gone meanwhile: try again at once
  }
  if (text === undefined) return true;
  const owner = parseOwner(text);
  const isDead = owner !== undefined && owner.host === os.hostname() && !isAlive(owner.pid);
  if (!isDead && Date.now() - mtimeMs < staleMs) return false;
  const aside = `${lockFile}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(lockFile, aside);
  } catch {
    return true; // someone else moved it
  }
  const moved = await readTextOrMissing(aside).catch(() => undefined);
  if (moved !== text) await fs.link(aside, lockFile).catch(() => undefined); // a fresh lock: give it back
  await fs.unlink(aside).catch(() => undefined);
  return true;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.nonce === 'string'
      ? (value as LockOwner)
      : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeOwner(text: string | undefined): string {
  const owner = text === undefined ? undefined : parseOwner(text);
  return owner ? `process ${owner.pid} on ${owner.host}` : 'unknown holder';
}

/**
 * Temp files of `file` left by a crash between their write and the rename (never the target):
 * removed when older than `olderThanMs`, so a write in progress in another process is left alone.
 */
export async function removeStaleTemps(file: string, olderThanMs = 60_000): Promise<number> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    const full = path.join(dir, name);
    const stat = await fs.stat(full).catch(() => undefined);
    if (
      stat &&
      Date.now() - stat.mtimeMs > olderThanMs &&
      (await fs.unlink(full).then(
        () => true,
        () => false,
      ))
    )
      removed++;
  }
  return removed;
}
