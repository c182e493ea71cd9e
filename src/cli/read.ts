/**
 * Reading articles for the CLI. Folders are walked for articles (src/core/articleFiles.ts: the
 * same extensions and excluded folders as the editor), symbolic links followed, a link back to a
 * folder above it reported once as a loop, unreadable folders reported; the same file reached
 * twice is read once. Named pipes, sockets and devices are refused without being opened for
 * reading (a pipe would wait forever). Files are decoded as VS Code does (UTF-8, a BOM dropped,
 * undecodable bytes replaced by U+FFFD and reported); binary files are refused. Every problem is
 * a value with one line of text, never thrown at the caller.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTICLE_EXTENSIONS, isArticleFileName, isExcludedFolderName } from '../core/articleFiles';

export type ReadResult =
  | {
      readonly ok: true;
      readonly path: string;
      readonly text: string;
      readonly bytes: Buffer;
      readonly warnings: readonly string[];
      /** The file's modification time when it was opened (not for standard input). */
      readonly mtimeMs?: number;
    }
  | { readonly ok: false; readonly path: string; readonly error: string };

export interface InputFile {
  /** As given or found by the walk; "-" for standard input. */
  readonly path: string;
  /** Read from standard input ("-"). */
  readonly isStdin?: boolean;
  /** Device and inode ("dev:ino"): the same file by any path (a link, `./`, a hard link). */
  readonly identity?: string;
  /** Bytes, when known before reading. */
  readonly size?: number;
}

/** Something given on the command line or found by the walk that is not read, with why. */
export interface InputProblem {
  readonly path: string;
  readonly error: string;
}

/** Bigger files are refused: a JavaScript string holds at most ~512 M characters, and the analysis needs room. */
export const MAX_ARTICLE_BYTES = 256 << 20;

const EXTENSIONS_TEXT = ARTICLE_EXTENSIONS.map((e) => `.${e}`).join(', ');

/** Expands the command's arguments into article files, in order, each file once; the rest are problems. */
export function expandInputs(args: readonly string[]): { files: InputFile[]; problems: InputProblem[] } {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const seenFiles = new Set<string>();
  const seenFolders = new Set<string>();
  const addFile = (filePath: string, stats: fs.Stats) => {
    const identity = identityOf(stats);
    if (seenFiles.has(identity)) return;
    seenFiles.add(identity);
    files.push({ path: filePath, identity, size: stats.size });
  };
  for (const arg of args) {
    if (arg === '-') {
      files.push({ path: '-', isStdin: true, identity: stdinIdentity() });
      continue;
    }
    const stat = statFollowing(arg);
    if (!stat.ok) {
      problems.push({ path: arg, error: stat.error });
      continue;
    }
    if (stat.stats.isDirectory()) {
      const [filesBefore, problemsBefore] = [files.length, problems.length];
      const isWalked = walkFolder(arg, stat.stats, seenFolders, addFile, (p, error) =>
        problems.push({ path: p, error }),
      );
      // "no articles" only when nothing else was said about the folder
      if (isWalked && files.length === filesBefore && problems.length === problemsBefore) {
        problems.push({ path: arg, error: `no articles (${EXTENSIONS_TEXT}) in this folder` });
      }
    } else if (stat.stats.isFile()) {
      addFile(arg, stat.stats);
    } else {
      problems.push({ path: arg, error: notAFile(stat.stats) });
    }
  }
  return { files, problems };
}

interface Frame {
  readonly dir: string;
  readonly identity: string;
  readonly entries: fs.Dirent[];
  next: number;
}

/**
 * Depth first, entries in name order, without recursion (a deep tree cannot overflow the stack).
 * A folder already read (through another link) is not read again; one that is its own ancestor
 * is a loop, reported once. False when the folder was already read (given twice, or inside another).
 */
function walkFolder(
  root: string,
  rootStats: fs.Stats,
  seenFolders: Set<string>,
  addFile: (filePath: string, stats: fs.Stats) => void,
  report: (filePath: string, error: string) => void,
): boolean {
  const stack: Frame[] = [];
  const enter = (dir: string, stats: fs.Stats) => {
    const identity = identityOf(stats);
    seenFolders.add(identity);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      report(dir, `${describeFsError(error, 'folder')}; skipped`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    stack.push({ dir, identity, entries, next: 0 });
  };
  if (seenFolders.has(identityOf(rootStats))) return false;
  enter(root, rootStats);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const entry = frame.entries[frame.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    const full = path.join(frame.dir, entry.name);
    const isLink = entry.isSymbolicLink();
    if (!isLink && !entry.isDirectory() && !isArticleFileName(entry.name)) continue; // not an article: not even looked at
    const stat = statFollowing(full);
    if (!stat.ok) {
      // a broken link that could have been an article, or a loop of links, is worth a line; other names are not
      if (isArticleFileName(entry.name) || /loop/.test(stat.error)) report(full, stat.error);
      continue;
    }
    const { stats } = stat;
    if (stats.isDirectory()) {
      if (isExcludedFolderName(entry.name)) continue;
      const identity = identityOf(stats);
      const ancestor = stack.find((f) => f.identity === identity);
      if (ancestor) report(full, `symbolic link loop (it leads back to ${ancestor.dir}); not followed`);
      else if (!seenFolders.has(identity)) enter(full, stats);
    } else if (isArticleFileName(entry.name)) {
      if (stats.isFile()) addFile(full, stats);
      else report(full, notAFile(stats));
    }
  }
  return true;
}

/** A path as an input, with its identity, if it names a file that exists. */
export function existingFile(filePath: string): InputFile | undefined {
  try {
    const stats = fs.statSync(filePath);
    return { path: filePath, identity: identityOf(stats), size: stats.size };
  } catch {
    return undefined;
  }
}

export function isFolder(filePath: string): boolean {
  try {
    return fs.statSync(filePath).isDirectory();
  } catch {
    return false;
  }
}

type StatResult = { readonly ok: true; readonly stats: fs.Stats } | { readonly ok: false; readonly error: string };

/** `stat` through symbolic links, with a broken link told apart from a missing file. */
function statFollowing(filePath: string): StatResult {
  try {
    return { ok: true, stats: fs.statSync(filePath) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && isSymbolicLink(filePath)) {
      return { ok: false, error: 'broken symbolic link (what it points to does not exist)' };
    }
    return { ok: false, error: describeFsError(error, 'file') };
  }
}

function isSymbolicLink(filePath: string): boolean {
  try {
    return fs.lstatSync(filePath).isSymbolicLink();
  } catch {
    return false;
  }
}

/** One line for a failed file-system call on a user's path. */
export function describeFsError(error: unknown, what: 'file' | 'folder'): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'no such file or folder (a part of the path is a file, not a folder)';
    case 'EACCES':
    case 'EPERM':
      return what === 'folder' ? 'cannot be read (permission denied)' : 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EISDIR':
      return 'is a folder';
    case 'EMFILE':
    case 'ENFILE':
      return 'cannot be opened (too many open files)';
    case 'EIO':
      return 'cannot be read (input/output error)';
    case 'EFBIG':
      return `is too large (articles up to ${formatBytes(MAX_ARTICLE_BYTES)} are read)`;
    default:
      return `cannot be read (${code ?? String((error as Error).message ?? error)})`;
  }
}

/** Why something that is not a regular file or a folder is refused. */
function notAFile(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a file; skipped';
  if (stats.isSocket()) return 'is a socket, not a file; skipped';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a file; skipped';
  return 'is not a regular file; skipped';
}

export function identityOf(stats: fs.Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

/** Standard input's identity when it is a file (`< s.md`): it must not be the output either. */
function stdinIdentity(): string | undefined {
  try {
    const stats = fs.fstatSync(0);
    return stats.isFile() ? identityOf(stats) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads one article. A path is opened non-blocking and checked to be a regular file before a
 * byte is read: a named pipe that took the place of a file after the walk is refused, not waited on.
 */
export function readArticle(file: InputFile): ReadResult {
  let bytes: Buffer;
  if (file.isStdin) {
    try {
      bytes = readAll(0);
    } catch (error) {
      return { ok: false, path: file.path, error: `standard input ${describeFsError(error, 'file')}` };
    }
    return decodeArticle(file.path, bytes);
  }
  let fd: number;
  try {
    fd = fs.openSync(file.path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (error) {
    return { ok: false, path: file.path, error: describeFsError(error, 'file') };
  }
  let mtimeMs: number;
  try {
    const stats = fs.fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, path: file.path, error: 'is a folder' };
    if (!stats.isFile()) return { ok: false, path: file.path, error: notAFile(stats) };
    if (stats.size > MAX_ARTICLE_BYTES)
      return {
        ok: false,
        path: file.path,
        error: `is too large (${formatBytes(stats.size)}; articles up to ${formatBytes(MAX_ARTICLE_BYTES)} are read); skipped`,
      };
    mtimeMs = stats.mtimeMs;
    bytes = readAll(fd);
  } catch (error) {
    return { ok: false, path: file.path, error: describeFsError(error, 'file') };
  } finally {
    fs.closeSync(fd);
  }
  const read = decodeArticle(file.path, bytes);
  return read.ok ? { ...read, mtimeMs } : read;
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Every byte until the end; a non-blocking pipe (standard input) that has nothing yet is waited on. */
function readAll(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let count: number;
    try {
      count = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 2);
      continue;
    }
    if (count === 0) break;
    total += count;
    if (total > MAX_ARTICLE_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
  }
  return Buffer.concat(chunks, total);
}

export function decodeArticle(filePath: string, bytes: Buffer): ReadResult {
  if (looksBinary(bytes))
    return { ok: false, path: filePath, error: 'looks like a binary file (it contains NUL bytes); skipped' };
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
    const count = [...text.matchAll(/\ufffd/g)].length;
    warnings.push(
      `is not valid UTF-8: ${count} undecodable byte sequence(s) replaced by U+FFFD, as VS Code shows them`,
    );
  }
  if (bytes.length === 0) warnings.push('is empty');
  return { ok: true, path: filePath, text, bytes, warnings };
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  return sample.includes(0);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  if (bytes >= 1 << 10) return `${Math.round(bytes / (1 << 10))} KB`;
  return `${bytes} bytes`;
}
