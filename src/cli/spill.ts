/**
 * Items of JSON held on disk rather than in the heap until they can be written in their final
 * order. The deals of a corpus are merged group by group, in no order, and each is written out
 * in the order of its first mention. At 10,000 articles that is 175,000 deals, hundreds of MB of
 * JSON, and holding it all until the sort was the largest single part of a run's peak memory.
 * Each item is appended to a temporary file as it comes. Only its place in the file and what it
 * sorts by stay in the heap. The items are then read back one by one, in order.
 *
 * The file lives in a private folder of the system's temp directory. It is removed when the run
 * ends, whether it ends normally, by an error, or by SIGINT, SIGTERM or SIGHUP. If no temp file
 * can be made, `SpillFile.open` returns undefined and the caller keeps the items in memory.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeQuietly } from '../node/quietFs';
import { describeWriteError, watchExit, writeAll } from './output';

/** Appended items are written to the file once this many bytes are waiting. */
const FLUSH_BYTES = 1 << 20;

export class SpillFile {
  /** Where each item ends in the file (the next one starts there). */
  private ends: Float64Array = new Float64Array(1024);
  private count = 0;
  /** Bytes appended, and bytes of them in the file (the rest wait in `pending`). */
  private appended = 0;
  private written = 0;
  private pending: Array<string | Uint8Array> = [];
  private pendingBytes = 0;
  private fd: number | undefined;
  /** A write failed: what is in the file past `written` is not known. */
  private isBroken = false;

  private constructor(
    private readonly folder: string,
    fd: number,
    private readonly unwatch: () => void,
    private readonly write: (fd: number, text: string | Uint8Array) => void,
  ) {
    this.fd = fd;
  }

  /**
   * A new, empty spill file; undefined (and nothing left behind) when none can be made. `write`
   * is how bytes reach it (the tests make it fail, as a full disk would).
   */
  static open(
    tempDir: string = os.tmpdir(),
    write: (fd: number, text: string | Uint8Array) => void = writeAll,
  ): SpillFile | undefined {
    let folder: string | undefined;
    let fd: number | undefined;
    let unwatch = () => {};
    try {
      folder = fs.mkdtempSync(path.join(tempDir, 'newsmark-spill-'));
      const made = folder;
      unwatch = watchExit(() => fs.rmSync(made, { recursive: true, force: true }));
      fd = fs.openSync(path.join(folder, 'items'), 'wx+', 0o600);
      return new SpillFile(folder, fd, unwatch, write);
    } catch {
      if (fd !== undefined) fs.closeSync(fd);
      if (folder) fs.rmSync(folder, { recursive: true, force: true });
      unwatch();
      return undefined;
    }
  }

  /**
   * Appends an item (as text, or as its UTF-8 bytes); its index, from 0. Throws SpillError when
   * the file cannot take it: the item is kept all the same (it waits, unwritten), and every item
   * added can still be read back. The file takes no more items after a failed write: its end is
   * not known.
   */
  add(item: string | Uint8Array): number {
    if (this.isBroken) throw new SpillError('the temp file failed before and takes no more items');
    const bytes = typeof item === 'string' ? Buffer.byteLength(item, 'utf8') : item.length;
    if (this.count === this.ends.length) {
      const grown = new Float64Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.appended += bytes;
    this.ends[this.count] = this.appended;
    this.pending.push(item);
    this.pendingBytes += bytes;
    const index = this.count++;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return index;
  }

  /** How many items were added. */
  get size(): number {
    return this.count;
  }

  /**
   * Item `index` as it was added: from the file, or, while it waits to be written, from memory.
   * Throws SpillError when the file cannot give it back.
   */
  read(index: number): string {
    if (index < 0 || index >= this.count) throw new RangeError(`no item ${index} in a spill of ${this.count}`);
    const start = this.end(index - 1);
    const end = this.end(index);
    if (end > this.written) {
      const item = this.pending[index - (this.count - this.pending.length)]!;
      return typeof item === 'string' ? item : Buffer.from(item.buffer, item.byteOffset, item.length).toString('utf8');
    }
    const bytes = Buffer.allocUnsafe(end - start);
    try {
      for (let done = 0; done < bytes.length;) {
        const n = fs.readSync(this.fd!, bytes, done, bytes.length - done, start + done);
        if (n === 0) throw new Error('it is shorter than what was written to it');
        done += n;
      }
    } catch (error) {
      throw new SpillError(`cannot read back the temp file ${this.folder}: ${describeWriteError(error)}`);
    }
    return bytes.toString('utf8');
  }

  /** Writes what is waiting: after it, every item is in the file (throws SpillError when it cannot be). */
  flush(): void {
    if (this.pending.length === 0) return;
    if (this.isBroken) throw new SpillError('the temp file failed before and takes no more items');
    try {
      this.write(this.fd!, joined(this.pending));
    } catch (error) {
      // some of the bytes may be in the file: where the next would go is no longer known
      this.isBroken = true;
      throw new SpillError(`cannot write the temp file in ${path.dirname(this.folder)}: ${describeWriteError(error)}`);
    }
    this.written = this.appended;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Closes and removes the file. It is safe to call more than once. */
  dispose(): void {
    this.fd = closeQuietly(this.fd);
    fs.rmSync(this.folder, { recursive: true, force: true });
    this.unwatch();
  }

  private end(index: number): number {
    return index < 0 ? 0 : this.ends[index]!;
  }
}

/** The spill file failed (a full disk, an I/O error); the message is one line. */
export class SpillError extends Error {}

/** The items waiting, as one text when they are all texts, else as one run of bytes. */
function joined(items: ReadonlyArray<string | Uint8Array>): string | Uint8Array {
  if (items.every((item) => typeof item === 'string')) return items.join('');
  return Buffer.concat(items.map((item) => (typeof item === 'string' ? Buffer.from(item, 'utf8') : item)));
}
