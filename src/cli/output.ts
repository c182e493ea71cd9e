/** Output to a file descriptor: standard output may be a pipe that takes only part of a write. */
import * as fs from 'node:fs';

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `text`. A pipe can take fewer bytes than given, and once Node has made it
 * non-blocking (it does when worker threads start) it answers EAGAIN while the reader is behind:
 * a bare `fs.writeSync` would then lose the rest of the output.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(PAUSE, 0, 0, 2); // the reader is behind: wait a moment
    }
  }
}
