/**
 * The workspace corpus as one file (issue 14's warm reopen): every indexed article's compact facts
 * with the key of the file they came from, so that a reopened window has its hovers, conflicts
 * and deals from one read instead of a worker round trip per file, and then checks each file
 * against its key (size and modification time; a changed one is indexed again through the
 * per-file entries of src/node/factCache.ts, whose content hash decides).
 *
 * Bytes (the Node side gzips them, src/node/corpusSnapshot.ts): the magic "NMCS", then
 * little-endian uint32s — the format version, the length of the header and its CRC-32 — and the
 * header, UTF-8 JSON `{ engine, written, strings }`; then one frame a record: its length, its
 * CRC-32, and the record as UTF-8 JSON (`identity`, `key`, `indexedAt`, `length`, `lineStarts`,
 * `facts` as a string table, factsTable.ts); then the end: 0xFFFFFFFF and the number of records.
 *
 * The header's `strings` are the strings the records share (entity ids and names, figure texts,
 * units, dates: what the corpus's string pool holds), written once: a record's table refers to
 * them by index and holds only its own (its path, its sentences). At 10,000 articles of the
 * bench's corpus that is 112,888 strings, and the snapshot goes from 150 to 119 MB before gzip;
 * every record read gets the same string objects, which the corpus interns without comparing
 * their characters (`SharedStrings`): reading it all back takes 6.7–7.6 s in node, 7.6–8.3 s
 * without the shared strings.
 *
 * Reading is a push parser over chunks of any size (`SnapshotReader`), so that a large snapshot is
 * never held whole: each record is checked on its own (checksum, JSON, schema, the facts table,
 * the engine of its key) and a bad one is dropped alone; a wrong magic, version or engine stops
 * the read. A snapshot cut short lacks the end, and the reader says so: the records before the
 * cut were each checked and stand, the rest are indexed again.
 */
import * as z from 'zod';
import { concatBytes } from '../bytes';
import { lazySchema } from '../lazySchema';
import { crc32 } from './crc32';
import { isJsonObject, NO_SHARED_STRINGS, readFactsTable, tableOf, type SharedStrings } from './factsTable';
import { readPersistedKey, type PersistedKey } from './persistedFacts';
import type { SourceFacts } from './sourceFacts';

/** Bumped whenever the layout changes: a snapshot of another format is dropped, never read (2: the shared strings). */
export const SNAPSHOT_FORMAT_VERSION = 2;
const MAGIC = [0x4e, 0x4d, 0x43, 0x53]; // "NMCS"
const END = 0xffffffff;
/** A frame longer than this is not a record of ours (a damaged length): the read stops. */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

/** One indexed article file as the snapshot keeps it. */
export interface SnapshotRecord {
  /** What names the file: its uri. */
  readonly identity: string;
  /** Which bytes, path and engine the facts came from (`PersistedKey`, as the per-file entry holds it). */
  readonly key: PersistedKey;
  /** When the file was looked at (ms since the epoch): a file modified that close to it is checked by content. */
  readonly indexedAt: number;
  /** The text's length in UTF-16 code units, and where its lines start (ranges for problems and hovers). */
  readonly length: number;
  readonly lineStarts: Uint32Array;
  readonly facts: SourceFacts;
}

const Header = lazySchema(() =>
  z.object({ engine: z.string().min(1), written: z.number(), strings: z.array(z.string()) }).strict(),
);
/** Magic, version, header length, header CRC-32. */
const HEADER_START = 16;

/** The start of a snapshot: magic, version, the header with the strings its records share (`shared`, as they will be encoded with). */
export function encodeSnapshotHeader(
  engine: string,
  written: number,
  shared: SharedStrings = NO_SHARED_STRINGS,
): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ engine, written, strings: shared.strings }));
  const bytes = new Uint8Array(HEADER_START + json.length);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, SNAPSHOT_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  view.setUint32(12, crc32(json), true);
  bytes.set(json, HEADER_START);
  return bytes;
}

/** One record's frame: length, CRC-32, JSON; `shared`: the header's strings. */
export function encodeSnapshotRecord(record: SnapshotRecord, shared: SharedStrings = NO_SHARED_STRINGS): Uint8Array {
  const json = new TextEncoder().encode(
    JSON.stringify({
      identity: record.identity,
      key: record.key,
      indexedAt: record.indexedAt,
      length: record.length,
      lineStarts: Array.from(record.lineStarts),
      facts: tableOf(record.facts, shared),
    }),
  );
  const bytes = new Uint8Array(8 + json.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, crc32(json), true);
  bytes.set(json, 8);
  return bytes;
}

/** The end of a snapshot of `count` records. */
export function encodeSnapshotEnd(count: number): Uint8Array {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, END, true);
  view.setUint32(4, count, true);
  return bytes;
}

/** What the reader met in the bytes fed so far, in order. */
export type SnapshotItem =
  | { readonly type: 'record'; readonly record: SnapshotRecord }
  /** A record that does not hold (damaged, hand-made, of another engine): dropped alone. */
  | { readonly type: 'bad'; readonly reason: string };

/** Why a snapshot is not read at all, or not to its end. */
export type SnapshotStop = {
  readonly status: 'otherEngine' | 'otherFormat' | 'notSnapshot' | 'damaged';
  readonly reason: string;
};

/**
 * Reads a snapshot fed in chunks (`feed`), for the engine `engine` (`engineKey`: the build and the
 * lexicon in use). `stopped` says why it stopped reading, if it did; `finish()` after the last
 * chunk says whether the snapshot was whole.
 */
export class SnapshotReader {
  /** Bytes fed and not read yet, kept as they came until a whole frame is there (never copied per chunk). */
  private parts: Uint8Array[] = [];
  private partsLength = 0;
  /** The bytes needed before anything more can be read. */
  private need = HEADER_START;
  private hasHeader = false;
  /** The header's strings, which every record's table refers to first. */
  private shared: readonly string[] = [];
  private count = 0;
  private dropped = 0;
  private isEnded = false;
  stopped: SnapshotStop | undefined;

  constructor(private readonly engine: string) {}

  feed(chunk: Uint8Array): SnapshotItem[] {
    if (this.stopped || this.isEnded) {
      if (this.isEnded && chunk.length > 0 && !this.stopped)
        this.stopped = { status: 'damaged', reason: 'bytes after its end' };
      return [];
    }
    if (chunk.length === 0) return [];
    this.parts.push(chunk);
    this.partsLength += chunk.length;
    if (this.partsLength < this.need) return [];
    const bytes = concatBytes(this.parts);
    const items: SnapshotItem[] = [];
    const at = this.read(bytes, items);
    const rest = at === bytes.length ? undefined : bytes.subarray(at);
    this.parts = rest ? [rest] : [];
    this.partsLength = rest?.length ?? 0;
    return items;
  }

  /** Reads what `bytes` holds whole; returns where it stopped, with `need` set for the next frame. */
  private read(bytes: Uint8Array, items: SnapshotItem[]): number {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    if (!this.hasHeader) {
      if (MAGIC.some((b, i) => bytes[i] !== b))
        return this.stop('notSnapshot', 'not a Newsmark corpus snapshot', bytes);
      const version = view.getUint32(4, true);
      if (version !== SNAPSHOT_FORMAT_VERSION) return this.stop('otherFormat', `format ${version}`, bytes);
      const length = view.getUint32(8, true);
      if (length > MAX_RECORD_BYTES) return this.stop('damaged', 'a header of impossible length', bytes);
      if (bytes.length < HEADER_START + length) {
        this.need = HEADER_START + length;
        return 0;
      }
      const body = bytes.subarray(HEADER_START, HEADER_START + length);
      if (crc32(body) !== view.getUint32(12, true))
        return this.stop('damaged', 'its header does not match its checksum', bytes);
      const json = parseJson(body);
      const header = json.ok ? Header.safeParse(json.value) : undefined;
      if (!header?.success)
        return this.stop(
          'damaged',
          `its header does not hold (${header ? schemaReason(header.error) : 'not UTF-8 JSON'})`,
          bytes,
        );
      if (header.data.engine !== this.engine)
        return this.stop('otherEngine', 'written by another engine build or with another lexicon', bytes);
      this.hasHeader = true;
      this.shared = header.data.strings;
      at = HEADER_START + length;
    }
    for (;;) {
      if (bytes.length - at < 8) {
        this.need = 8;
        return at;
      }
      const length = view.getUint32(at, true);
      if (length === END) {
        const count = view.getUint32(at + 4, true);
        this.isEnded = true;
        if (count !== this.count + this.dropped)
          this.stopped = { status: 'damaged', reason: `${count} records written, ${this.count + this.dropped} read` };
        else if (at + 8 < bytes.length) this.stopped = { status: 'damaged', reason: 'bytes after its end' };
        return bytes.length;
      }
      if (length > MAX_RECORD_BYTES) return this.stop('damaged', 'a record of impossible length', bytes);
      if (bytes.length - at < 8 + length) {
        this.need = 8 + length;
        return at;
      }
      const expected = view.getUint32(at + 4, true);
      const item = this.record(bytes.subarray(at + 8, at + 8 + length), expected);
      at += 8 + length;
      if (item.type === 'record') this.count++;
      else this.dropped++;
      items.push(item);
    }
  }

  /** After the last chunk: undefined when the snapshot was whole, else why not. */
  finish(): SnapshotStop | undefined {
    if (this.stopped) return this.stopped;
    if (!this.hasHeader) return (this.stopped = { status: 'damaged', reason: 'cut short in its header' });
    if (!this.isEnded)
      return (this.stopped = { status: 'damaged', reason: `cut short after ${this.count + this.dropped} records` });
    return undefined;
  }

  private record(json: Uint8Array, expected: number): SnapshotItem {
    if (crc32(json) !== expected) return { type: 'bad', reason: 'checksum mismatch' };
    const parsed = parseJson(json);
    if (!parsed.ok) return { type: 'bad', reason: parsed.reason };
    const data = parsed.value;
    if (!isJsonObject(data) || Object.keys(data).some((name) => !RECORD_FIELDS.has(name)))
      return { type: 'bad', reason: 'does not hold (root: not a record)' };
    const { identity, indexedAt, length } = data;
    if (typeof identity !== 'string' || identity.length === 0)
      return { type: 'bad', reason: 'does not hold (identity)' };
    if (typeof indexedAt !== 'number' || !Number.isFinite(indexedAt))
      return { type: 'bad', reason: 'does not hold (indexedAt)' };
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0)
      return { type: 'bad', reason: 'does not hold (length)' };
    const key = readPersistedKey(data.key);
    if (typeof key === 'string') return { type: 'bad', reason: `does not hold (${key})` };
    if (key.engine !== this.engine) return { type: 'bad', reason: 'of another engine' };
    if (!Array.isArray(data.lineStarts)) return { type: 'bad', reason: 'does not hold (lineStarts)' };
    const lines = data.lineStarts as unknown[];
    const lineStarts = new Uint32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const start = lines[i];
      if (
        typeof start !== 'number' ||
        !Number.isSafeInteger(start) ||
        start < 0 ||
        start > length ||
        (i > 0 && start <= lineStarts[i - 1]!)
      )
        return { type: 'bad', reason: 'line starts do not hold' };
      lineStarts[i] = start;
    }
    const facts = readFactsTable(data.facts, this.shared);
    if (typeof facts === 'string') return { type: 'bad', reason: `facts table does not hold (${facts})` };
    if (facts.path !== key.path) return { type: 'bad', reason: 'facts name another path than the key' };
    return {
      type: 'record',
      record: { identity, key, indexedAt, length, lineStarts, facts },
    };
  }

  private stop(status: SnapshotStop['status'], reason: string, bytes: Uint8Array): number {
    this.stopped = { status, reason };
    return bytes.length;
  }
}

/** The fields of a record's JSON (see the top of this file). */
const RECORD_FIELDS: ReadonlySet<string> = new Set(['identity', 'key', 'indexedAt', 'length', 'lineStarts', 'facts']);

function parseJson(
  bytes: Uint8Array,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string } {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, reason: 'not UTF-8 JSON' };
  }
}

function schemaReason(error: z.ZodError): string {
  return `does not hold (${error.issues[0]?.path.join('.') || 'root'}: ${error.issues[0]?.message})`;
}
