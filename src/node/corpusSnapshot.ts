/**
 * The corpus snapshot's file (src/core/store/corpusSnapshot.ts holds its bytes): `corpus.nms` in
 * the folder of persisted facts, gzipped. Written as a stream through a temp file and a rename in
 * the same folder — a reader sees the old snapshot or the new one, never half of one — and read
 * as a stream, so that neither side holds the whole snapshot in memory. No fsync: like the
 * per-file entries it is a cache; a snapshot torn by a crash is read to its first bad record and
 * the rest is indexed again. Asynchronous throughout: the extension host reads and writes it.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { useNativeCrc32 } from './nativeCrc';

const SNAPSHOT = 'corpus.nms';
/**
 * Bytes a stream step handles at once: each step is a turn of the extension host's event loop and
 * a trip through libuv's thread pool, and at 16–64 KB (the defaults) a large snapshot took tens of
 * thousands of them — a 10,000-article read or write spent most of its time between steps.
 */
const STREAM_CHUNK = 1024 * 1024;
/** gzip level: the snapshot is written again whenever enough of the corpus changed; 1 is several times faster than 6 and little larger here. */
const GZIP_LEVEL = 1;

export function snapshotFileOf(dir: string): string {
  return path.join(dir, SNAPSHOT);
}

/**
 * Writes the snapshot from `chunks` (its bytes in order; large ones are best, see STREAM_CHUNK)
 * atomically. A failure — of the disk, or of `chunks` itself (the write was abandoned) — leaves the
 * old snapshot as it was and no temp file.
 */
export async function writeSnapshot(dir: string, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  const file = snapshotFileOf(dir);
  const temp = path.join(dir, `.${SNAPSHOT}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await pipeline(
      Readable.from(chunks, { objectMode: false }),
      createGzip({ level: GZIP_LEVEL, chunkSize: STREAM_CHUNK }),
      fs.createWriteStream(temp, { flags: 'wx', highWaterMark: STREAM_CHUNK }),
    );
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await removeStaleTemps(dir);
}

/** A temp file younger than this may be a write in flight (another window on the same storage). */
const TEMP_GRACE_MS = 60 * 60 * 1000;

/** The temp files of snapshot writes that never finished (a crash, a killed host). */
async function removeStaleTemps(dir: string, now = Date.now()): Promise<void> {
  const names = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(`.${SNAPSHOT}.`) || !name.endsWith('.tmp')) continue;
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && now - stat.mtimeMs > TEMP_GRACE_MS) await fs.promises.rm(file, { force: true }).catch(() => undefined);
  }
}

/**
 * The snapshot's bytes, decompressed, a chunk at a time; undefined when there is none. A damaged
 * gzip stream ends the iteration with an error (the chunks before it were its own).
 */
export async function readSnapshot(dir: string): Promise<AsyncIterable<Uint8Array> | undefined> {
  useNativeCrc32(); // the reader checks every record's CRC-32
  const file = snapshotFileOf(dir);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const source = handle.createReadStream({ highWaterMark: STREAM_CHUNK });
  const stream = createGunzip({ chunkSize: STREAM_CHUNK });
  source.on('error', (error) => stream.destroy(error));
  source.pipe(stream);
  return (async function* () {
    try {
      for await (const chunk of stream) yield chunk as Uint8Array;
    } finally {
      stream.destroy();
      await handle.close().catch(() => undefined);
    }
  })();
}
