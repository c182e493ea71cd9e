/**
 * The last line of `extract --jsonl` (the deals and the conflicts across the run's sources), kept
 * in the CLI's cache folder (`--cache DIR`, beside the per-file entries of factCache.ts) under what
 * it was made of: the engine and lexicon in use, and every source given to the corpus, in order,
 * by the path its facts name and the sha256 of its bytes (`RunKey`). A source's facts are a
 * function of those two and the engine, and the line a function of the facts in that order, so a
 * run over the same files reads the line back instead of merging every deal and judging every
 * fact again: at 10,000 articles that is 18 of the warm run's 35 s.
 *
 * A file: `runs/<key>.nmr`, the line in gzip members of about a megabyte each (written as the
 * line is, never held whole), then a trailer, JSON `{ newsmarkRunLine, key, bytes, members }`
 * (the format, the key, the line's length, each member's length), its length as a uint32 (little
 * endian) and the magic "NMRL". It is written through a temp file and a rename. Read, it is
 * checked whole before a byte of it is given out — the trailer, then every member (gzip's own
 * CRC-32 and length), the line's length and its shape — and given out a member at a time, so a
 * torn, truncated or foreign file is never written out (the line is made again, one line said).
 * Only the newest few are kept (`KEPT_RUN_LINES`): each is the size of a few thousand entries.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { gunzipWhole, RUN_LINES, TEMP_GRACE_MS, tempNameOf } from './factCache';
import { closeQuietly, removeQuietly } from './quietFs';

/** Bumped with the trailer's layout or with what the key covers: a line of another format is never read. */
const RUN_LINE_FORMAT = 1;
/** How many lines a cache folder keeps (the newest): one per set of inputs a user runs over. */
export const KEPT_RUN_LINES = 4;
/** A gzip member is written once this many characters wait. */
const MEMBER_CHARACTERS = 1 << 20;
/** Same as the per-file entries (factCache.ts). */
const GZIP_LEVEL = 3;

/** The digest of what a run's last line is made of; `add` each source in the order the corpus takes it. */
export class RunKey {
  private readonly hash = createHash('sha256');

  constructor(engine: string) {
    this.hash.update(`${JSON.stringify({ format: RUN_LINE_FORMAT, engine })}\n`);
  }

  add(sourcePath: string, sha256: string): void {
    this.hash.update(`${JSON.stringify([sourcePath, sha256])}\n`);
  }

  /** The key as 64 hex digits; the key cannot be added to after. */
  digest(): string {
    return this.hash.digest('hex');
  }
}

export function runLineFileOf(dir: string, key: string): string {
  return path.join(dir, RUN_LINES, `${key}.nmr`);
}

const MAGIC = Buffer.from('NMRL');
/** The trailer's length and the magic, at the very end. */
const TAIL_BYTES = 8;

/** What the end of a kept line says of it. */
interface Trailer {
  readonly newsmarkRunLine: number;
  readonly key: string;
  /** The line's length in bytes. */
  readonly bytes: number;
  /** Each gzip member's length in the file, in order. */
  readonly members: readonly number[];
}

export type RunLineLookup =
  /**
   * Read in two passes (`readRunLine` without `write`): `writeTo` gives the line out, a member at a
   * time, each checked again (`false`: one no longer reads back the same, and what was given is
   * incomplete). In one pass (with `write`): `writeTo` is undefined, as the line was given out.
   */
  | { readonly status: 'hit'; readonly writeTo?: (write: (bytes: Uint8Array) => void) => boolean }
  | { readonly status: 'miss'; readonly why: 'new' | 'corrupt'; readonly detail?: string };

/**
 * The line kept for `key`, checked whole before any of it is given out: the trailer (this key,
 * the members' lengths filling the file), then every gzip member (its CRC-32 and length, and
 * together the line's length), and the line's own shape (`isLine`, given its first and last
 * bytes). Nothing is held but one member at a time.
 *
 * With `write`, each member goes to it as soon as it is checked, in one pass, and the checks of the
 * whole come after: on a miss, `write` has had part of the line or all of it. That is for an
 * output that can take back what it was given (an `--out` file not yet in place), and saves the
 * second inflating of the line (0.4–0.5 s at 10,000 articles).
 */
export function readRunLine(
  dir: string,
  key: string,
  isLine: (first: Buffer, last: Buffer) => boolean,
  write?: (bytes: Uint8Array) => void,
): RunLineLookup {
  const file = runLineFileOf(dir, key);
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // (no folder of lines, or a file in its place: nothing was kept)
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { status: 'miss', why: 'new' }
      : { status: 'miss', why: 'corrupt', detail: `${code}` };
  }
  const members = (): Trailer | string => {
    const size = fs.fstatSync(fd).size;
    if (size < TAIL_BYTES) return 'truncated';
    const tail = readAt(fd, size - TAIL_BYTES, TAIL_BYTES);
    if (!tail.subarray(4).equals(MAGIC)) return 'not a kept line';
    const trailerBytes = tail.readUInt32LE(0);
    if (trailerBytes > size - TAIL_BYTES) return 'truncated';
    let trailer: Trailer;
    try {
      trailer = JSON.parse(readAt(fd, size - TAIL_BYTES - trailerBytes, trailerBytes).toString('utf8')) as Trailer;
    } catch {
      return 'its trailer is not JSON';
    }
    if (trailer.newsmarkRunLine !== RUN_LINE_FORMAT || trailer.key !== key) return 'its trailer names another run';
    const isLengths = Array.isArray(trailer.members) && trailer.members.every((m) => Number.isSafeInteger(m) && m > 0);
    const total = isLengths ? trailer.members.reduce((n, m) => n + m, 0) : Number.NaN;
    if (total + trailerBytes + TAIL_BYTES !== size || !Number.isSafeInteger(trailer.bytes))
      return 'its length is not what its trailer says';
    return trailer;
  };
  const each = (trailer: Trailer, visit: (bytes: Buffer, index: number) => void): string | undefined => {
    let at = 0;
    let bytes = 0;
    for (const [index, length] of trailer.members.entries()) {
      let member: Buffer;
      try {
        member = gunzipWhole(readAt(fd, at, length));
      } catch (error) {
        return `a part of it does not read back (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`;
      }
      visit(member, index);
      at += length;
      bytes += member.length;
    }
    return bytes === trailer.bytes ? undefined : 'its length is not what its trailer says';
  };
  // closed on the way out, unless `writeTo` takes it
  let owned: number | undefined = fd;
  try {
    const trailer = members();
    if (typeof trailer === 'string') return { status: 'miss', why: 'corrupt', detail: trailer };
    let first = Buffer.alloc(0);
    let last = Buffer.alloc(0);
    const broken = each(trailer, (member, index) => {
      if (index === 0) first = Buffer.from(member.subarray(0, 64));
      last = Buffer.from(member.subarray(Math.max(0, member.length - 64)));
      if (write)
        try {
          write(member);
        } catch (error) {
          throw new WriteFailed(error);
        }
    });
    if (broken) return { status: 'miss', why: 'corrupt', detail: broken };
    if (!isLine(first, last)) return { status: 'miss', why: 'corrupt', detail: 'not a line of deals and conflicts' };
    touch(file); // the newest used is the last pruned
    if (write) return { status: 'hit' };
    owned = undefined; // closed by writeTo
    return {
      status: 'hit',
      writeTo: (give) => {
        try {
          return each(trailer, (member) => give(member)) === undefined;
        } finally {
          fs.closeSync(fd);
        }
      },
    };
  } catch (error) {
    if (error instanceof WriteFailed) throw error.cause; // the output's error, not the kept line's
    return { status: 'miss', why: 'corrupt', detail: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  } finally {
    closeQuietly(owned);
  }
}

/** What `write` threw while a kept line was given out in one pass. */
class WriteFailed {
  constructor(readonly cause: unknown) {}
}

function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) throw Object.assign(new Error('truncated'), { code: 'truncated' });
    done += n;
  }
  return bytes;
}

/**
 * Keeps a run's last line as it is written (`add` each piece), under its key once `commit`
 * renames it in place. Nothing here throws: a failure (a full disk, a folder that cannot be
 * made) stops the keeping, and `commit` says it in a few words; the run's output is not touched.
 */
export class RunLineWriter {
  private fd: number | undefined;
  private readonly temp: string;
  private pending: string[] = [];
  private pendingCharacters = 0;
  private bytes = 0;
  private readonly members: number[] = [];
  private error: string | undefined;

  constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {
    const file = runLineFileOf(dir, key);
    this.temp = tempNameOf(file);
    this.attempt(() => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.fd = fs.openSync(this.temp, 'wx');
    });
  }

  add(text: string): void {
    if (this.fd === undefined) return;
    this.pending.push(text);
    this.pendingCharacters += text.length;
    if (this.pendingCharacters >= MEMBER_CHARACTERS) this.flush();
  }

  /** Puts the line in place; undefined when it was kept, else why not (one line's worth). */
  commit(): string | undefined {
    this.flush();
    const trailer: Trailer = {
      newsmarkRunLine: RUN_LINE_FORMAT,
      key: this.key,
      bytes: this.bytes,
      members: this.members,
    };
    const json = Buffer.from(JSON.stringify(trailer));
    const tail = Buffer.alloc(TAIL_BYTES);
    tail.writeUInt32LE(json.length, 0);
    MAGIC.copy(tail, 4);
    this.attempt(() => writeWhole(this.fd!, Buffer.concat([json, tail])));
    this.attempt(() => {
      fs.closeSync(this.fd!);
      this.fd = undefined;
      fs.renameSync(this.temp, runLineFileOf(this.dir, this.key));
    });
    this.abort();
    if (this.error === undefined) pruneRunLines(this.dir);
    return this.error;
  }

  /** Drops what was written (the line was not complete); safe to call more than once. */
  abort(): void {
    this.fd = closeQuietly(this.fd);
    removeQuietly(this.temp);
    this.pending = [];
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingCharacters = 0;
    this.bytes += Buffer.byteLength(text);
    this.writeMember(text);
  }

  private writeMember(text: string): void {
    this.attempt(() => {
      const member = gzipSync(text, { level: GZIP_LEVEL });
      writeWhole(this.fd!, member);
      this.members.push(member.length);
    });
  }

  private attempt(step: () => void): void {
    if (this.error !== undefined) return;
    try {
      step();
    } catch (error) {
      this.error = `cannot keep the deals and conflicts in ${this.dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      this.abort();
    }
  }
}

function writeWhole(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset);
}

function touch(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only cache: it is still read, and may be pruned before another
  }
}

/** Removes all but the newest `KEPT_RUN_LINES` lines, and temp files of writes that never finished (an hour old). */
export function pruneRunLines(dir: string, now = Date.now()): void {
  const folder = path.join(dir, RUN_LINES);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return; // a folder that cannot be listed is pruned another time
  }
  const lines: { readonly file: string; readonly mtimeMs: number }[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    const mtimeMs = mtimeOf(file);
    if (mtimeMs === undefined) continue;
    if (/^[0-9a-f]{64}\.nmr$/.test(name)) lines.push({ file, mtimeMs });
    else if (/^\.[0-9a-f]{64}\.nmr\..*\.tmp$/.test(name) && now - mtimeMs > TEMP_GRACE_MS) removeQuietly(file);
  }
  lines.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of lines.slice(KEPT_RUN_LINES)) removeQuietly(file);
}

function mtimeOf(file: string): number | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}
