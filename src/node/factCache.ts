/**
 * A folder of persisted facts (src/core/store/persistedFacts.ts), one gzipped entry per article
 * file: the CLI's `--cache DIR` and the editor's workspace storage. Entries are named by a hash
 * of the file's identity (its absolute path or uri), spread over 256 subfolders, written through
 * a temp file and a rename in the same folder — a reader sees the old entry or the new one — and
 * read only when their file is looked at. No fsync: this is a cache, and an entry torn by a
 * crash fails its checksums and is analysed again.
 *
 * `newsmark-cache.json` at the top says which format and engine build wrote the entries: when
 * another build opens the folder, every entry is dropped at once (one log line) rather than one by
 * one. An entry is still checked against the file (path, content hash) and against the lexicon in
 * use before it is trusted. The folder is tagged with CACHEDIR.TAG, so backup tools skip it. The
 * CLI also keeps the last lines of its `--jsonl` runs there, in `runs/` (runLines.ts), dropped
 * with the entries.
 *
 * Lookups and writes are synchronous, for worker threads and the CLI's own thread; opening
 * (`openFactCache`) is asynchronous, for the extension host. No call throws for a damaged or
 * unwritable cache: a problem comes back as a value, and the facts are analysed again.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LexiconAdditions } from '../core/extract/entities/lexicon';
import { engineKey, lexiconKeyText } from '../core/store/engineBuild';
import { useNativeCrc32 } from './nativeCrc';
import {
  PERSISTED_FORMAT_VERSION,
  decodePersisted,
  decodePersistedBytes,
  encodePersisted,
  staleness,
  type DecodeResult,
  type PersistedBytesEntry,
  type PersistedEntry,
  type PersistedKey,
  type Staleness,
} from '../core/store/persistedFacts';

export { engineBuild } from '../core/store/engineBuild';

/** What an entry is keyed by besides the file: the engine build and the workspace lexicon in use. */
export function engineKeyOf(build: string, additions: LexiconAdditions | undefined): string {
  return engineKey(
    build,
    additions === undefined ? undefined : sha256Of(new TextEncoder().encode(lexiconKeyText(additions))),
  );
}

const STAMP = 'newsmark-cache.json';
/** The folder of the CLI's kept last lines (runLines.ts). */
export const RUN_LINES = 'runs';
const FACTS = 'facts';
const TAG = 'CACHEDIR.TAG';
const TAG_TEXT =
  'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by newsmark (persisted facts of analysed articles).\n# For information about cache directory tags see https://bford.info/cachedir/\n';
/** gzip level: the entries are written once per analysis and read at every start; 6 was barely smaller and twice as slow here. */
const GZIP_LEVEL = 3;

export type OpenedCache =
  | {
      readonly status: 'ok';
      readonly dir: string;
      readonly build: string;
      /** Entries of another build or format were dropped: one line for the log. */ readonly dropped?: string;
    }
  | { readonly status: 'refused'; readonly error: string };

/**
 * Makes `dir` a cache for this build: creates it, or drops what another build wrote there. A
 * folder that holds other things and was never a cache is refused (`isOnlyOurs`: the CLI's
 * `--cache` never takes over a folder of someone's files).
 */
export async function openFactCache(
  dir: string,
  build: string,
  options: { readonly isOnlyOurs?: boolean } = {},
): Promise<OpenedCache> {
  try {
    const stampFile = path.join(dir, STAMP);
    const stamp = await fs.promises.readFile(stampFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (stamp === undefined && options.isOnlyOurs) {
      const entries = await fs.promises.readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      if (entries.length > 0)
        return {
          status: 'refused',
          error: `${dir} is not empty and is not a newsmark cache; give a new or empty folder`,
        };
    }
    let dropped: string | undefined;
    const wanted = stampText(build);
    if (stamp !== undefined && stamp !== wanted) {
      const count = await countEntries(path.join(dir, FACTS));
      await fs.promises.rm(path.join(dir, FACTS), { recursive: true, force: true });
      // and the CLI's kept lines of deals and conflicts (runLines.ts): made by that build too
      await fs.promises.rm(path.join(dir, RUN_LINES), { recursive: true, force: true });
      dropped = `${count} persisted ${count === 1 ? 'entry' : 'entries'} of another newsmark build dropped from ${dir}; they are analysed again`;
    }
    await fs.promises.mkdir(path.join(dir, FACTS), { recursive: true });
    if (stamp !== wanted) {
      await fs.promises.writeFile(path.join(dir, TAG), TAG_TEXT);
      await writeReplacing(stampFile, Buffer.from(wanted));
    }
    return { status: 'ok', dir, build, dropped };
  } catch (error) {
    return {
      status: 'refused',
      error: `${dir} cannot be used as a cache (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
}

function stampText(build: string): string {
  return `${JSON.stringify({ format: PERSISTED_FORMAT_VERSION, build })}\n`;
}

async function countEntries(dir: string): Promise<number> {
  let count = 0;
  const shards = await fs.promises.readdir(dir).catch(() => [] as string[]);
  for (const shard of shards)
    count += (await fs.promises.readdir(path.join(dir, shard)).catch(() => [] as string[])).filter((n) =>
      n.endsWith('.nmf'),
    ).length;
  return count;
}

/** The entry file of an article file, from its identity (absolute path, or uri). */
export function entryFileOf(dir: string, identity: string): string {
  const hash = createHash('sha256').update(identity).digest('hex');
  return path.join(dir, FACTS, hash.slice(0, 2), `${hash.slice(2, 32)}.nmf`);
}

export type Lookup<Entry = PersistedEntry> =
  | { readonly status: 'hit'; readonly entry: Entry }
  /** `why`: no entry yet, or why the one there cannot stand for the file now (`detail` says more for a corrupt one). */
  | { readonly status: 'miss'; readonly why: 'new' | Staleness | 'corrupt' | 'otherFormat'; readonly detail?: string };

/** What became of a file's lookup: its facts came from the entry, or it was analysed (and why), and the entry written (or why not). */
export type EntryOutcome =
  | { readonly status: 'hit' }
  | {
      readonly status: 'analysed';
      readonly why: Exclude<Lookup, { status: 'hit' }>['why'];
      readonly detail?: string;
      readonly writeError?: string;
    };

/** The entry for a file whose key is `current`, if there is one for it as it is now. */
export function lookupEntry(file: string, current: PersistedKey): Lookup {
  return lookupWith(file, current, decodePersisted);
}

/**
 * `lookupEntry` with the facts, the output line and the shard record as their bytes
 * (`decodePersistedBytes`: the facts are parsed where they are used, `readEntryFacts`).
 */
export function lookupEntryBytes(file: string, current: PersistedKey): Lookup<PersistedBytesEntry> {
  return lookupWith(file, current, decodePersistedBytes);
}

function lookupWith<Entry extends { readonly key: PersistedKey }>(
  file: string,
  current: PersistedKey,
  decode: (bytes: Uint8Array) => DecodeResult<Entry>,
): Lookup<Entry> {
  useNativeCrc32();
  let compressed: Buffer;
  try {
    compressed = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? { status: 'miss', why: 'new' }
      : { status: 'miss', why: 'corrupt', detail: `cannot be read (${code})` };
  }
  let bytes: Buffer;
  try {
    bytes = gunzipWhole(compressed);
  } catch (error) {
    return {
      status: 'miss',
      why: 'corrupt',
      detail: `not gzip or truncated (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    };
  }
  const decoded = decode(bytes);
  if (decoded.status === 'corrupt') return { status: 'miss', why: 'corrupt', detail: decoded.reason };
  if (decoded.status === 'otherFormat')
    return { status: 'miss', why: 'otherFormat', detail: `format ${decoded.version}` };
  const stale = staleness(decoded.entry.key, current);
  return stale ? { status: 'miss', why: stale } : { status: 'hit', entry: decoded.entry };
}

/**
 * `gunzipSync` into one buffer of the size the gzip trailer gives (ISIZE, the length mod 2³²):
 * by default zlib inflates into 16 KB pieces and joins them, a copy of every byte; reading
 * 10,000 entries back took 2.0–2.5 s that way and 1.3–1.6 s so. The trailer is only a hint (a
 * damaged one costs pieces, not correctness), bounded to 64 MB a piece.
 */
export function gunzipWhole(compressed: Uint8Array): Buffer {
  const size =
    compressed.length >= 18
      ? new DataView(compressed.buffer, compressed.byteOffset, compressed.byteLength).getUint32(
          compressed.length - 4,
          true,
        )
      : 0;
  return gunzipSync(compressed, { chunkSize: Math.max(64, Math.min(size + 1, 1 << 26)) });
}

/** Writes an entry (atomically); a failure comes back as one line, and the next run analyses again. */
export function writeEntry(file: string, entry: PersistedEntry): string | undefined {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeReplacingSync(file, gzipSync(encodePersisted(entry), { level: GZIP_LEVEL }));
    return undefined;
  } catch (error) {
    return `cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/** Drops the entry of a file that is gone; false when it could not be removed (it stays, harmless). */
export async function removeEntry(file: string): Promise<boolean> {
  return fs.promises.rm(file, { force: true }).then(
    () => true,
    () => false,
  );
}

/** What pruning a cache folder did. */
export interface Pruned {
  readonly removed: number;
  readonly kept: number;
  /** Entries that could not be removed (they stay; the next prune tries again). */
  readonly failed: number;
}

/** A temp file younger than this may be a write in flight (another thread, another window). */
export const TEMP_GRACE_MS = 60 * 60 * 1000;

/**
 * Removes every entry whose file is not in `keep` (entry files, `entryFileOf`), and the temp files
 * of writes that never finished. Only this cache's own files are touched: `*.nmf` entries and
 * `.*.tmp` files in the two-hex-digit folders under `facts/`; anything else there is left alone.
 * An entry written while this runs, for a file not in `keep`, may be removed: its file is then
 * analysed again at the next start, and nothing else is lost.
 */
export async function pruneEntries(dir: string, keep: ReadonlySet<string>, now = Date.now()): Promise<Pruned> {
  let removed = 0;
  let kept = 0;
  let failed = 0;
  const facts = path.join(dir, FACTS);
  const shards = await fs.promises.readdir(facts).catch(() => [] as string[]);
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    const shardDir = path.join(facts, shard);
    const names = await fs.promises.readdir(shardDir).catch(() => [] as string[]);
    for (const name of names) {
      const file = path.join(shardDir, name);
      if (/^[0-9a-f]{30}\.nmf$/.test(name)) {
        if (keep.has(file)) {
          kept++;
          continue;
        }
      } else if (name.startsWith('.') && name.endsWith('.tmp')) {
        const stat = await fs.promises.stat(file).catch(() => undefined);
        if (stat === undefined || now - stat.mtimeMs <= TEMP_GRACE_MS) continue;
      } else continue;
      if (await removeEntry(file)) removed++;
      else failed++;
    }
  }
  return { removed, kept, failed };
}

/** The sha256 of an article's bytes, as its key holds it. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A temp file beside `file`, named for this process and thread, to be renamed over it. */
export function tempNameOf(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`,
  );
}

function writeReplacingSync(file: string, bytes: Uint8Array): void {
  const temp = tempNameOf(file);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

async function writeReplacing(file: string, bytes: Uint8Array): Promise<void> {
  const temp = tempNameOf(file);
  try {
    await fs.promises.writeFile(temp, bytes, { flag: 'wx' });
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}
