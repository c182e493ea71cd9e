/**
 * A file (or standard input) read line by line, a chunk at a time: a shard of JSON lines can be
 * many gigabytes, and only one line of it is ever held. A line longer than MAX_LINE_BYTES is
 * skipped whole (a JavaScript string holds at most ~512 M characters) and said so; a last
 * line without its newline (a shard cut short) is still given, so its reader can say what is wrong.
 * A line that starts with `passOver` is read past and never held, whatever its length.
 */
import * as fs from 'node:fs';

export const MAX_LINE_BYTES = 256 << 20;
const CHUNK_BYTES = 1 << 20;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

export type LineVisit = (line: string, lineNumber: number) => void;

export interface LineOptions {
  /** Lines that start with these characters are read past, never held nor given to `visit`. */
  readonly passOver?: string;
  /** Longer lines are skipped and given to `tooLong` (MAX_LINE_BYTES; the tests make it small). */
  readonly maxLineBytes?: number;
}

/** Calls `visit` for each line (without its `\n` or `\r\n`); `tooLong` for each line skipped for its length. */
export function forEachLine(
  fd: number,
  visit: LineVisit,
  tooLong: (lineNumber: number, bytes: number) => void,
  options: LineOptions = {},
): void {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  const passOver = options.passOver === undefined ? undefined : Buffer.from(options.passOver, 'utf8');
  const maxLineBytes = options.maxLineBytes ?? MAX_LINE_BYTES;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let isSkipping = false;
  /** The line starts with `passOver`: its bytes are counted, not kept. */
  let isPassing = false;
  let lineNumber = 1;
  const endLine = () => {
    if (isPassing) {
      // read past, as asked: neither given nor too long
    } else if (isSkipping) tooLong(lineNumber, partBytes);
    else {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
      visit(bytes.toString('utf8', 0, end), lineNumber);
    }
    parts = [];
    partBytes = 0;
    isSkipping = false;
    isPassing = false;
    lineNumber++;
  };
  const keep = (piece: Buffer) => {
    const before = partBytes;
    partBytes += piece.length;
    if (isPassing || isSkipping) return;
    // decided once, when the line first has as many bytes as the prefix
    if (
      passOver &&
      before < passOver.length &&
      partBytes >= passOver.length &&
      startsWith([...parts, piece], passOver)
    ) {
      isPassing = true;
      parts = [];
      return;
    }
    if (partBytes > maxLineBytes) {
      isSkipping = true;
      parts = [];
      return;
    }
    if (piece.length > 0) parts.push(Buffer.from(piece)); // a copy: the chunk is reused
  };
  for (;;) {
    const read = readSome(fd, chunk);
    if (read === 0) break;
    let from = 0;
    for (let newline = chunk.indexOf(0x0a, from); newline >= 0 && newline < read; newline = chunk.indexOf(0x0a, from)) {
      keep(chunk.subarray(from, newline));
      endLine();
      from = newline + 1;
    }
    keep(chunk.subarray(from, read));
  }
  if (partBytes > 0 || isSkipping) endLine();
}

/** Whether the bytes of `parts`, one after the other, start with `prefix` (they hold at least as many). */
function startsWith(parts: readonly Buffer[], prefix: Buffer): boolean {
  let i = 0;
  for (const part of parts) {
    for (let j = 0; j < part.length && i < prefix.length; j++, i++) if (part[j] !== prefix[i]) return false;
    if (i === prefix.length) return true;
  }
  return i === prefix.length;
}

/** Bytes read into `chunk`; 0 at the end. Standard input made non-blocking answers EAGAIN while the writer is behind: wait. */
function readSome(fd: number, chunk: Buffer): number {
  for (;;) {
    try {
      return fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 2);
      else if (code === 'EOF')
        return 0; // Windows: the end of a pipe
      else throw error;
    }
  }
}
