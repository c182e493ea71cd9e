/**
 * The persisted form of one analysed article file: what the corpus keeps of it (its compact
 * `SourceFacts`) and, for the CLI, its output line and the map step's record of its facts
 * (`extract --jsonl`), with the key that says which bytes, which
 * path and which engine they came from. Kept between runs (the CLI's `--cache DIR`, the editor's
 * workspace storage) so that an unchanged file is not analysed again.
 *
 * Bytes: the magic "NMFC", then little-endian uint32s — the format version, the CRC-32 of all
 * that follows the header, the length of the key, the length of the facts, the length of the
 * output line and the length of the map step's record (0xFFFFFFFF: none) — then the key as UTF-8
 * JSON, the facts as a string table (factsTable.ts) in UTF-8 JSON, then the output line's UTF-8
 * bytes and the record's as they are (not escaped into the JSON: they are most of the entry, and
 * reading them back is then a decode, not a parse). The facts table has its own section so that
 * its bytes can be passed on as they are (a warm `extract --jsonl` holds them in a temp file until
 * the deals are made). Pure: the Node side compresses it (src/node/factCache.ts).
 *
 * `decodePersisted` is total: a truncated entry, a flipped byte, a payload that does not parse or
 * does not hold, an entry of another format — each comes back as a reason, never as facts.
 * `staleness` then says whether the entry is for this file as it is now: same path, same engine
 * and lexicon, same content (sha256 of the bytes). The size and modification time are kept too
 * and reported; the content hash decides, so a file changed within one tick of the clock, or
 * rewritten with the same size, is never mistaken for the one analysed.
 */
import * as z from 'zod';
import { lazySchema } from '../lazySchema';
import type { SourceFacts } from './sourceFacts';
import { crc32 } from './crc32';
import { readFactsTable, tableOf } from './factsTable';

/** Bumped whenever the layout changes: an entry of another format is dropped, never read. */
// 3: deal statuses in the packed deals (five numbers a mention); 4: the map step's record (shardJson);
// 5: the key and the facts table in sections of their own
export const PERSISTED_FORMAT_VERSION = 5;
const MAGIC = [0x4e, 0x4d, 0x46, 0x43]; // "NMFC"
/** magic, version, CRC-32 of what follows the header, then the byte lengths of the key, the facts, the source and the shard record */
const HEADER_BYTES = 28;
const NO_SOURCE = 0xffffffff;

/** Which file, as it was when analysed, and by which engine. */
export const PersistedKey = lazySchema(() =>
  z
    .object({
      /** The path the facts name (workspace-relative in the editor, as given in the CLI). */
      path: z.string(),
      size: z.number().int().nonnegative(),
      mtimeMs: z.number(),
      /** Of the file's bytes, lowercase hex. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** The engine build and the lexicon in use (`engineKeyOf`). */
      engine: z.string().min(1),
    })
    .strict(),
);
export type PersistedKey = z.infer<typeof PersistedKey>;

/** A key parsed from JSON, or where and why it does not hold (`key.sha256: …`). */
export function readPersistedKey(json: unknown): PersistedKey | string {
  const key = PersistedKey.safeParse(json);
  if (key.success) return key.data;
  const issue = key.error.issues[0];
  return `${['key', ...(issue?.path ?? [])].join('.')}: ${issue?.message}`;
}

export interface PersistedEntry {
  readonly key: PersistedKey;
  readonly facts: SourceFacts;
  /** The source's output JSON (`ExtractSource`), for the CLI; null when only facts were kept (the editor). */
  readonly sourceJson: string | null;
  /** The map step's record of the facts (`ShardFacts`) as JSON, for `extract --jsonl`; null in the editor. */
  readonly shardJson: string | null;
}

/**
 * An entry with its facts, its output line and its shard record as the bytes they are kept as
 * (UTF-8 JSON), none of them parsed or decoded: checked by the entry's CRC-32, and the facts
 * parsed and checked only where they are used (`readEntryFacts`).
 */
export interface PersistedBytesEntry {
  readonly key: PersistedKey;
  /** UTF-8 JSON of `tableOf(facts)`. */
  readonly factsTable: Uint8Array;
  readonly source: Uint8Array | null;
  readonly shard: Uint8Array | null;
}

export type DecodeResult<Entry = PersistedEntry> =
  | { readonly status: 'ok'; readonly entry: Entry }
  /** Written by another version of the format: dropped (not an error). */
  | { readonly status: 'otherFormat'; readonly version: number }
  /** Damaged or not ours: `reason` in a few words, for one log line. */
  | { readonly status: 'corrupt'; readonly reason: string };

export function encodePersisted(entry: PersistedEntry): Uint8Array {
  const encoder = new TextEncoder();
  const key = encoder.encode(JSON.stringify(entry.key));
  const facts = encoder.encode(JSON.stringify(tableOf(entry.facts)));
  const source = entry.sourceJson === null ? new Uint8Array(0) : encoder.encode(entry.sourceJson);
  const shard = entry.shardJson === null ? new Uint8Array(0) : encoder.encode(entry.shardJson);
  const bytes = new Uint8Array(HEADER_BYTES + key.length + facts.length + source.length + shard.length);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, PERSISTED_FORMAT_VERSION, true);
  view.setUint32(12, key.length, true);
  view.setUint32(16, facts.length, true);
  view.setUint32(20, entry.sourceJson === null ? NO_SOURCE : source.length, true);
  view.setUint32(24, entry.shardJson === null ? NO_SOURCE : shard.length, true);
  let at = HEADER_BYTES;
  for (const section of [key, facts, source, shard]) {
    bytes.set(section, at);
    at += section.length;
  }
  view.setUint32(8, crc32(bytes.subarray(HEADER_BYTES)), true);
  return bytes;
}

export function decodePersisted(bytes: Uint8Array): DecodeResult {
  const decoded = decodePersistedBytes(bytes);
  if (decoded.status !== 'ok') return decoded;
  const { key, source, shard } = decoded.entry;
  const facts = readEntryFacts(decoded.entry);
  if (typeof facts === 'string') return corrupt(facts);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    const sourceJson = source === null ? null : decoder.decode(source);
    const shardJson = shard === null ? null : decoder.decode(shard);
    return { status: 'ok', entry: { key, facts, sourceJson, shardJson } };
  } catch {
    return corrupt('not UTF-8 JSON');
  }
}

/**
 * `decodePersisted` with the facts, the output line and the shard record left as their bytes:
 * what a warm `extract --jsonl` writes out as they are (decoding 790 MB of lines only to encode
 * them again cost 4 of its 20 s at 10,000 articles), and whose facts it parses only if it must
 * make the deals and conflicts again (1.5 of its 7.5 s). The header, the checksum and the key are
 * checked here; the facts when read (`readEntryFacts`).
 */
export function decodePersistedBytes(bytes: Uint8Array): DecodeResult<PersistedBytesEntry> {
  if (bytes.length < 8) return corrupt(`truncated (${bytes.length} bytes)`);
  if (MAGIC.some((b, i) => bytes[i] !== b)) return corrupt('not a Newsmark facts entry');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== PERSISTED_FORMAT_VERSION) return { status: 'otherFormat', version };
  if (bytes.length < HEADER_BYTES) return corrupt(`truncated (${bytes.length} bytes)`);
  const keyLength = view.getUint32(12, true);
  const factsLength = view.getUint32(16, true);
  const sourceField = view.getUint32(20, true);
  const sourceLength = sourceField === NO_SOURCE ? 0 : sourceField;
  const shardField = view.getUint32(24, true);
  const shardLength = shardField === NO_SOURCE ? 0 : shardField;
  const expected = keyLength + factsLength + sourceLength + shardLength;
  if (bytes.length !== HEADER_BYTES + expected)
    return corrupt(`truncated (${bytes.length - HEADER_BYTES} of ${expected} bytes after the header)`);
  if (crc32(bytes.subarray(HEADER_BYTES)) !== view.getUint32(8, true)) return corrupt('checksum mismatch');
  const factsStart = HEADER_BYTES + keyLength;
  const sourceStart = factsStart + factsLength;
  const shardStart = sourceStart + sourceLength;
  const json = parseUtf8Json(bytes.subarray(HEADER_BYTES, factsStart));
  if (json === NOT_JSON) return corrupt('not UTF-8 JSON');
  const key = readPersistedKey(json);
  if (typeof key === 'string') return corrupt(`payload does not hold (${key})`);
  const factsTable = bytes.subarray(factsStart, sourceStart);
  const source = sourceField === NO_SOURCE ? null : bytes.subarray(sourceStart, shardStart);
  const shard = shardField === NO_SOURCE ? null : bytes.subarray(shardStart);
  return { status: 'ok', entry: { key, factsTable, source, shard } };
}

/** The facts an entry keeps, parsed and checked (they must name the key's path), or why they do not hold. */
export function readEntryFacts(entry: {
  readonly key: { readonly path: string };
  readonly factsTable: Uint8Array;
}): SourceFacts | string {
  const json = parseUtf8Json(entry.factsTable);
  return json === NOT_JSON ? 'not UTF-8 JSON' : factsNaming(json, entry.key.path);
}

/** The facts of a table parsed from its JSON, checked, and naming `path`; or why they do not hold. */
export function factsNaming(json: unknown, path: string): SourceFacts | string {
  const facts = readFactsTable(json);
  if (typeof facts === 'string') return `facts table does not hold (${facts})`;
  if (facts.path !== path) return 'facts name another path than the key';
  return facts;
}

const NOT_JSON = Symbol('not UTF-8 JSON');

function parseUtf8Json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** Why a decoded entry cannot stand for the file as it is now; undefined when it can. */
export type Staleness = 'path' | 'engine' | 'content';

export function staleness(stored: PersistedKey, current: PersistedKey): Staleness | undefined {
  if (stored.path !== current.path) return 'path';
  if (stored.engine !== current.engine) return 'engine';
  if (stored.size !== current.size || stored.sha256 !== current.sha256) return 'content';
  return undefined;
}

function corrupt(reason: string): { readonly status: 'corrupt'; readonly reason: string } {
  return { status: 'corrupt', reason };
}
