/**
 * A file (or standard input) read line by line, a chunk at a time: a shard of JSON lines can be
 * many gigabytes, and only one line of it is ever held. A line longer than MAX_LINE_BYTES is
 * skipped whole (a JavaScript string holds at most ~512 M characters) and said so; a last
 * line without its newline (a shard cut short) is still given, so its reader can say what is wrong.
 */
import * as fs from 'node:fs';

export const MAX_LINE_BYTES = 256 << 20;
const CHUNK_BYTES = 1 << 20;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

export type LineVisit = (line: string, lineNumber: number) => void;

/** Calls `visit` for each line (without its `\n` or `\r\n`); `tooLong` for each line skipped for its length. */
export function forEachLine(fd: number, visit: LineVisit, tooLong: (lineNumber: number, bytes: number) => void): void {
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let parts: Buffer[] = [];
  let partBytes = 0;
  let isSkipping = false;
  let lineNumber = 1;
  const endLine = () => {
    if (isSkipping) tooLong(lineNumber, partBytes);
    else {
      const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
      visit(bytes.toString('utf8', 0, end), lineNumber);
    }
    parts = [];
    partBytes = 0;
    isSkipping = false;
    lineNumber++;
  };
  const keep = (piece: Buffer) => {
    partBytes += piece.length;
    if (partBytes > MAX_LINE_BYTES) {
      isSkipping = true;
      parts = [];
    }
    if (!isSkipping && piece.length > 0) parts.push(Buffer.from(piece)); // a copy: the chunk is reused
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
