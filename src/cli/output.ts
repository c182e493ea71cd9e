/**
 * Where a command's output goes: standard output, or `--out FILE`. A file is checked before any
 * input is read — never an input (same file by any path: `./`, a symbolic or hard link), never a
 * folder, never inside a `.newsmark` folder — and written atomically: a temporary file in the
 * same folder, flushed to disk, given the old file's mode, then renamed over it. A failed run
 * leaves the old file as it was and no temporary file behind. A named pipe or a device
 * (`/dev/null`) is written directly.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeQuietly } from '../node/quietFs';
import { UsageError } from './args';
import { describeFsError, identityOf, type InputFile } from './read';

/** The output could not be written (exit status 3); the message is one line. */
export class OutputError extends Error {}

/** Whoever read standard output has gone (`newsmark extract … | head`): stop quietly. */
export class BrokenPipeError extends Error {}

export interface Output {
  /** Writes all of `text`, or of its pieces one after the other (throws OutputError or BrokenPipeError). */
  write(text: string | Uint8Array | readonly Uint8Array[]): void;
  /** The output is complete: flushed and, for a file, put in place. */
  commit(): void;
  /** Gives up: a temporary file is removed and the target keeps what it had. */
  abort(): void;
  /**
   * Takes back what was written since `mark` (its number), when the output can: an `--out` file
   * not yet in place can, standard output cannot (undefined).
   */
  readonly rewind?: { mark(): number; to(mark: number): void };
}

/** A file `--out` must not be, with what it is ("the annotations file"). */
export interface ProtectedFile {
  readonly path: string;
  readonly what: string;
}

/** One line on standard error, `newsmark: ` first. */
export function report(message: string): void {
  process.stderr.write(`newsmark: ${message}\n`);
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text`. A pipe can take fewer bytes than given, and once Node has made it
 * non-blocking (it does when worker threads start) it answers EAGAIN while the reader is behind:
 * a bare `fs.writeSync` would then lose the rest of the output. Pieces go in one call
 * (`writev`), not joined first: a cached line of `extract --jsonl` is written from its entry so.
 */
export function writeAll(fd: number, text: string | Uint8Array | readonly Uint8Array[]): void {
  let pieces = typeof text === 'string' ? [Buffer.from(text, 'utf8')] : isPieces(text) ? [...text] : [text];
  while ((pieces = pieces.filter((piece) => piece.length > 0)).length > 0) {
    let written: number;
    try {
      written = pieces.length === 1 ? fs.writeSync(fd, pieces[0]!) : fs.writevSync(fd, pieces);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 2); // the reader is behind: wait a moment
      continue;
    }
    // drop what was written: whole pieces, then the start of the next
    for (let i = 0; i < pieces.length && written > 0; i++) {
      const piece = pieces[i]!;
      pieces[i] = piece.subarray(Math.min(written, piece.length));
      written -= piece.length - pieces[i]!.length;
    }
  }
}

function isPieces(text: Uint8Array | readonly Uint8Array[]): text is readonly Uint8Array[] {
  return Array.isArray(text);
}

/** Standard output, or `--out` checked against the inputs and opened; a refusal is a UsageError, a failure an OutputError. */
export function openOutput(
  out: string | undefined,
  inputs: readonly InputFile[],
  protectedFiles: readonly ProtectedFile[] = [],
): Output {
  if (out === undefined || out === '-') {
    const input = stdoutIdentity() && inputs.find((i) => i.identity === stdoutIdentity());
    if (input)
      throw new UsageError(
        `standard output is redirected into ${input.isStdin ? 'standard input' : `the input ${input.path}`}; newsmark never writes over what it reads`,
        false,
      );
    return new StandardOutput();
  }
  if (out === '') throw new UsageError('--out needs a file name');
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && isSymbolicLink(out))
      throw new UsageError(`--out ${out}: is a broken symbolic link; give a file name`, false);
    if (code === 'ENOTDIR')
      throw new OutputError(
        `cannot write --out ${out}: a part of the path is a file, not a folder; nothing was written`,
      );
    if (code !== 'ENOENT')
      throw new OutputError(`cannot write --out ${out}: ${describeFsError(error, 'file')}; nothing was written`);
  }
  if (stats?.isDirectory()) throw new UsageError(`--out ${out}: is a folder; give a file name`, false);
  if (stats) {
    const identity = identityOf(stats);
    const input = inputs.find((i) => i.identity === identity);
    if (input)
      throw new UsageError(
        `--out ${out}: is ${input.isStdin ? 'standard input' : `the input ${input.path}`}; newsmark never writes over what it reads (choose another --out)`,
        false,
      );
    const guarded = protectedFiles.find((p) => sameFile(p.path, identity));
    if (guarded)
      throw new UsageError(`--out ${out}: is ${guarded.what} (${guarded.path}); choose another --out`, false);
  }
  const target = stats ? fs.realpathSync(out) : path.resolve(out);
  if (path.basename(path.dirname(realFolderOf(target))) === '.newsmark') {
    throw new UsageError(
      `--out ${out}: is inside a .newsmark folder, where Newsmark keeps annotations and lexicons; choose another --out`,
      false,
    );
  }
  if (stats && !stats.isFile()) return new DirectOutput(out, stats);
  if (stats && (stats.mode & 0o222) === 0)
    throw new OutputError(
      `cannot write --out ${out}: it is read-only (mode ${(stats.mode & 0o777).toString(8)}); it was left as it was`,
    );
  return new AtomicFileOutput(out, target, stats);
}

/** The real path of the folder that holds `file` (the folder may be reached through a link). */
function realFolderOf(file: string): string {
  try {
    return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    return file;
  }
}

function stdoutIdentity(): string | undefined {
  try {
    const stats = fs.fstatSync(1);
    return stats.isFile() ? identityOf(stats) : undefined;
  } catch {
    return undefined;
  }
}

function sameFile(filePath: string, identity: string): boolean {
  try {
    return identityOf(fs.statSync(filePath)) === identity;
  } catch {
    return false;
  }
}

function isSymbolicLink(filePath: string): boolean {
  try {
    return fs.lstatSync(filePath).isSymbolicLink();
  } catch {
    return false;
  }
}

class StandardOutput implements Output {
  write(text: string | Uint8Array | readonly Uint8Array[]): void {
    try {
      writeAll(1, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new BrokenPipeError('standard output was closed');
      throw new OutputError(`cannot write to standard output: ${describeWriteError(error)}`);
    }
  }

  commit(): void {}

  abort(): void {}
}

/** A named pipe or a device: written as it is, opened without waiting for a reader. */
class DirectOutput implements Output {
  private readonly fd: number;

  constructor(
    private readonly out: string,
    stats: fs.Stats,
  ) {
    const flags = fs.constants.O_WRONLY | fs.constants.O_NOCTTY | (stats.isFIFO() ? fs.constants.O_NONBLOCK : 0);
    try {
      this.fd = fs.openSync(out, flags);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENXIO')
        throw new OutputError(`cannot write --out ${out}: no program is reading from it; nothing was written`);
      throw new OutputError(`cannot write --out ${out}: ${describeWriteError(error)}; nothing was written`);
    }
  }

  write(text: string | Uint8Array | readonly Uint8Array[]): void {
    try {
      writeAll(this.fd, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') throw new BrokenPipeError(`${this.out} was closed`);
      throw new OutputError(`cannot write --out ${this.out}: ${describeWriteError(error)}`);
    }
  }

  commit(): void {
    fs.closeSync(this.fd);
  }

  abort(): void {
    fs.closeSync(this.fd);
  }
}

/** A temporary file beside the target, renamed over it once complete; removed if the run ends any other way. */
class AtomicFileOutput implements Output {
  private readonly temporary: string;
  private fd: number | undefined;
  private unwatch: () => void = () => {};
  /** Opened to append: cut back (`ftruncate`), the file is written on from its new end. */
  readonly rewind = {
    mark: (): number => fs.fstatSync(this.fd!).size,
    to: (mark: number): void => {
      try {
        fs.ftruncateSync(this.fd!, mark);
      } catch (error) {
        throw this.failed(error);
      }
    },
  };

  constructor(
    private readonly out: string,
    private readonly target: string,
    existing: fs.Stats | undefined,
  ) {
    const folder = path.dirname(target);
    // beside the target (a rename within one file system is atomic); the name kept short of NAME_MAX
    this.temporary = path.join(
      folder,
      `.${path.basename(target).slice(0, 200)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
    );
    const left = existing ? `; ${out} was left as it was` : '; nothing was written';
    // watched before the file exists: an interruption at any moment after this removes it
    this.unwatch = watchExit(() => this.removeTemporary());
    try {
      this.fd = fs.openSync(this.temporary, 'ax', existing ? existing.mode & 0o7777 : 0o666);
    } catch (error) {
      this.stopWatching();
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT'
          ? `the folder ${path.dirname(out)} does not exist`
          : code === 'ENOTDIR'
            ? `${path.dirname(out)} is not a folder`
            : code === 'EACCES' || code === 'EPERM'
              ? `no permission to create a file in ${path.dirname(out)}`
              : describeWriteError(error);
      throw new OutputError(`cannot write --out ${out}: ${why}${left}`);
    }
    if (existing) {
      try {
        fs.fchmodSync(this.fd, existing.mode & 0o7777); // the mode it had, whatever the umask
        if (process.getuid?.() === 0) fs.fchownSync(this.fd, existing.uid, existing.gid);
      } catch {
        // a file system without modes or owners (FAT, some network shares): the content is what matters
      }
    }
  }

  write(text: string | Uint8Array | readonly Uint8Array[]): void {
    try {
      writeAll(this.fd!, text);
    } catch (error) {
      throw this.failed(error);
    }
  }

  commit(): void {
    try {
      fs.fsyncSync(this.fd!);
      fs.closeSync(this.fd!);
      this.fd = undefined;
      fs.renameSync(this.temporary, this.target);
    } catch (error) {
      throw this.failed(error);
    }
    this.stopWatching();
    syncFolder(path.dirname(this.target));
  }

  abort(): void {
    this.removeTemporary();
    this.stopWatching();
  }

  /** Gives up after `error` (`abort`), and the one line that says so. */
  private failed(error: unknown): OutputError {
    this.abort();
    return new OutputError(
      `cannot write --out ${this.out}: ${describeWriteError(error)}; ${fs.existsSync(this.target) ? `${this.out} was left as it was` : 'nothing was written'}`,
    );
  }

  private removeTemporary(): void {
    this.fd = closeQuietly(this.fd);
    fs.rmSync(this.temporary, { force: true });
  }

  private stopWatching(): void {
    this.unwatch();
  }
}

/**
 * Runs `cleanup` when the process exits, also by SIGINT, SIGTERM or SIGHUP (exiting then as the
 * signal would); the function returned stops watching. It acts once: each watcher adds one signal
 * listener and takes away one, so that stopping twice never takes away another watcher's.
 */
export function watchExit(cleanup: () => void): () => void {
  process.on('exit', cleanup);
  for (const signal of EXIT_SIGNALS) process.on(signal, onSignal);
  let isWatching = true;
  return () => {
    if (!isWatching) return;
    isWatching = false;
    process.off('exit', cleanup);
    for (const signal of EXIT_SIGNALS) process.off(signal, onSignal);
  };
}

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** Interrupted while writing: exit as the signal would (the 'exit' handlers remove the temporary file). */
function onSignal(signal: NodeJS.Signals): void {
  process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
}

/** The rename is on disk too (best effort: not every file system can sync a folder). */
function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows and some network file systems cannot open or sync a folder
  }
}

/** A write or read error of the file system in a few words (the errno's meaning, else its message). */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EFBIG':
      return 'the file would be too large for the file system';
    case 'EIO':
      return 'input/output error';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code ?? String((error as Error).message ?? error);
  }
}
