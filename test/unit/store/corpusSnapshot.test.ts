import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyse } from '../../../src/core/analysis';
import { concatBytes } from '../../../src/core/bytes';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import {
  SNAPSHOT_FORMAT_VERSION,
  SnapshotReader,
  encodeSnapshotEnd,
  encodeSnapshotHeader,
  encodeSnapshotRecord,
  type SnapshotItem,
  type SnapshotRecord,
} from '../../../src/core/store/corpusSnapshot';
import { crc32 } from '../../../src/core/store/crc32';
import { NO_SHARED_STRINGS, sharedStrings } from '../../../src/core/store/factsTable';
import { Corpus } from '../../../src/core/corpus/corpus';
import { summariseSource } from '../../../src/core/store/sourceFacts';
import { lineStartsOf } from '../../../src/editor/lineStarts';
import { articlesIn, REPO } from '../corpus/fixtures';

const ENGINE = 'build-1+built-in';
const lexicon = Lexicon.withAdditions();
const seeds = articlesIn(path.join(REPO, 'seeds'));

const records: SnapshotRecord[] = seeds.map(({ path: articlePath, text }, i) => ({
  identity: `file:///home/reader/articles/${articlePath}`,
  key: {
    path: articlePath,
    size: new TextEncoder().encode(text).length,
    mtimeMs: 1_700_000_000_000 + i * 1000.25,
    sha256: String(i).repeat(64).slice(0, 64),
    engine: ENGINE,
  },
  indexedAt: 1_700_000_100_000,
  length: text.length,
  lineStarts: lineStartsOf(text),
  facts: summariseSource(articlePath, analyse({ path: articlePath, text }, { lexicon })),
}));

/** The strings the records share, as a corpus holding their facts gives them (what the editor writes). */
const SHARED = (() => {
  const corpus = new Corpus();
  for (const record of records) corpus.updateFacts(record.facts);
  return sharedStrings(corpus.sharedStrings());
})();

function snapshotOf(items: readonly SnapshotRecord[], engine = ENGINE, shared = SHARED): Uint8Array {
  return concatBytes([
    encodeSnapshotHeader(engine, 1, shared),
    ...items.map((record) => encodeSnapshotRecord(record, shared)),
    encodeSnapshotEnd(items.length),
  ]);
}

/** Feeds `bytes` in chunks cut at `cuts` (offsets), and finishes. */
function readIn(bytes: Uint8Array, cuts: readonly number[] = [], engine = ENGINE) {
  const reader = new SnapshotReader(engine);
  const items: SnapshotItem[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b).concat(bytes.length)) {
    items.push(...reader.feed(bytes.subarray(from, cut)));
    from = cut;
  }
  return { items, stop: reader.finish(), reader };
}

function goodRecords(items: readonly SnapshotItem[]): SnapshotRecord[] {
  return items.flatMap((item) => (item.type === 'record' ? [item.record] : []));
}

/** Offsets of each record's frame (after the header). */
function frameStarts(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts: number[] = [];
  let at = 16 + view.getUint32(8, true);
  for (;;) {
    const length = view.getUint32(at, true);
    if (length === 0xffffffff) return starts;
    starts.push(at);
    at += 8 + length;
  }
}

suite('Corpus snapshot (the warm reopen, issue 14)', () => {
  test('should give back every record as it was written', () => {
    assert.ok(records.length >= 5 && records.every((r) => r.facts.statements.length > 0));
    const { items, stop } = readIn(snapshotOf(records));
    assert.equal(stop, undefined);
    assert.deepEqual(goodRecords(items), records);
  });

  test('should write the strings records share once, in the header, and give every record its strings back', () => {
    const shared = snapshotOf(records);
    const alone = snapshotOf(records, ENGINE, NO_SHARED_STRINGS);
    assert.deepEqual(goodRecords(readIn(alone).items), records, 'without shared strings, as the per-file entries are');
    assert.deepEqual(goodRecords(readIn(shared).items), records);
    const recordBytes = (bytes: Uint8Array) => bytes.length - (16 + new DataView(bytes.buffer).getUint32(8, true));
    assert.ok(
      recordBytes(shared) < 0.9 * recordBytes(alone),
      `records of ${recordBytes(shared)} bytes with the shared strings, ${recordBytes(alone)} without`,
    );
    // an entity id every seed names is in the header, not in a record's own strings
    const first = JSON.parse(
      new TextDecoder().decode(shared.subarray(frameStarts(shared)[0]! + 8, frameStarts(shared)[1]!)),
    );
    const id = records[0]!.facts.entities[0]!.id;
    assert.ok(SHARED.indexOf.has(id));
    assert.ok(!(first.facts.strings as string[]).includes(id), `${id} is written once`);
  });

  test("should refuse a snapshot whose header does not match its checksum: its strings are every record's", () => {
    const bytes = snapshotOf(records);
    const damaged = bytes.slice();
    damaged[16 + 60]! ^= 0x02; // a byte inside the header's JSON (its strings)
    const { items, stop } = readIn(damaged);
    assert.equal(stop?.status, 'damaged');
    assert.match(stop!.reason, /header does not match its checksum/);
    assert.deepEqual(items, []);
  });

  test('should read the same records however the bytes are cut into chunks', () => {
    const bytes = snapshotOf(records.slice(0, 3));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), (cuts) => {
        const { items, stop } = readIn(bytes, cuts);
        assert.equal(stop, undefined);
        assert.deepEqual(goodRecords(items), records.slice(0, 3));
      }),
      { numRuns: 200 },
    );
  });

  test('should keep chunks aside until a frame is whole, without copying them per chunk', () => {
    // one byte at a time: a record of many kilobytes is copied once when whole (linear), never per byte
    const bytes = snapshotOf(records.slice(0, 1));
    const reader = new SnapshotReader(ENGINE);
    const items: SnapshotItem[] = [];
    const started = performance.now();
    for (let i = 0; i < bytes.length; i++) items.push(...reader.feed(bytes.subarray(i, i + 1)));
    assert.equal(reader.finish(), undefined);
    assert.deepEqual(goodRecords(items), records.slice(0, 1));
    assert.ok(bytes.length > 5_000, `a record of ${bytes.length} bytes`);
    // the property is linearity; a quadratic reader takes seconds here (tens of thousands of copies of kilobytes)
    assert.ok(performance.now() - started < 2_000);
  });

  test('should drop a damaged record alone, and say so', () => {
    const bytes = snapshotOf(records);
    const starts = frameStarts(bytes);
    const damaged = bytes.slice();
    damaged[starts[2]! + 8 + 40]! ^= 0x04; // a byte inside the third record's JSON
    const { items, stop } = readIn(damaged);
    assert.equal(stop, undefined, 'the snapshot is whole; one record is bad');
    assert.deepEqual(items[2], { type: 'bad', reason: 'checksum mismatch' });
    assert.deepEqual(goodRecords(items), [...records.slice(0, 2), ...records.slice(3)]);
  });

  test('should drop a record whose checksum holds but whose content does not (hand-made)', () => {
    const bad = (json: unknown): Uint8Array => {
      const body = new TextEncoder().encode(JSON.stringify(json));
      const frame = new Uint8Array(8 + body.length);
      new DataView(frame.buffer).setUint32(0, body.length, true);
      new DataView(frame.buffer).setUint32(4, crc32(body), true);
      frame.set(body, 8);
      return frame;
    };
    const good = JSON.parse(new TextDecoder().decode(encodeSnapshotRecord(records[0]!).subarray(8)));
    const variants = [
      { ...good, facts: { ...good.facts, path: 9999 } }, // an index the table lacks
      { ...good, key: { ...good.key, engine: 'another' } },
      { ...good, lineStarts: [0, 5, 3] },
      { ...good, key: { ...good.key, path: 'elsewhere.md' } },
      { ...good, extra: 1 },
      'not an object',
      // each field the reader checks by hand
      { ...good, identity: '' },
      { ...good, identity: 7 },
      { ...good, indexedAt: '1700000100000' },
      { ...good, length: -1 },
      { ...good, length: 1.5 },
      { ...good, lineStarts: 'x' },
      { ...good, lineStarts: [-1] },
      { ...good, lineStarts: [0, '5'] },
      { ...good, lineStarts: [0, good.length + 1] },
      { ...good, key: { ...good.key, sha256: 'xyz' } },
      { ...good, key: undefined },
      { ...good, facts: undefined },
      { ...good, facts: { ...good.facts, statements: [[0, 0, 1]] } },
    ];
    const bytes = concatBytes([
      encodeSnapshotHeader(ENGINE, 1),
      ...variants.map(bad),
      encodeSnapshotEnd(variants.length),
    ]);
    const { items, stop } = readIn(bytes);
    assert.equal(stop, undefined);
    assert.equal(items.length, variants.length);
    assert.ok(
      items.every((item) => item.type === 'bad'),
      JSON.stringify(items),
    );
    const reasons = items.map((item) => (item.type === 'bad' ? item.reason : ''));
    assert.match(reasons[0]!, /facts table does not hold/);
    assert.match(reasons[variants.length - 4]!, /^does not hold \(key\.sha256: /);
    assert.match(reasons[variants.length - 1]!, /^facts table does not hold \(statements\.0\)$/);
    // and the record it was made from reads
    assert.equal(readIn(snapshotOf([records[0]!])).items[0]?.type, 'record');
  });

  test('should say a snapshot cut short is, and keep the records before the cut', () => {
    const bytes = snapshotOf(records);
    const starts = frameStarts(bytes);
    const { items, stop } = readIn(bytes.subarray(0, starts[3]! + 20));
    assert.equal(stop?.status, 'damaged');
    assert.match(stop!.reason, /cut short after 3 records/);
    assert.deepEqual(goodRecords(items), records.slice(0, 3));
    assert.equal(readIn(bytes.subarray(0, 7)).stop?.reason, 'cut short in its header');
  });

  test('should refuse a snapshot of another engine or lexicon, another format, or not one at all', () => {
    const bytes = snapshotOf(records);
    const other = readIn(bytes, [], 'build-2+built-in');
    assert.equal(other.stop?.status, 'otherEngine');
    assert.deepEqual(other.items, []);
    const format = bytes.slice();
    new DataView(format.buffer).setUint32(4, SNAPSHOT_FORMAT_VERSION + 1, true);
    assert.equal(readIn(format).stop?.status, 'otherFormat');
    assert.equal(readIn(new TextEncoder().encode('{"hello": "world"}')).stop?.status, 'notSnapshot');
  });

  test('should say so when the end does not count the records read, or bytes follow it', () => {
    const bytes = snapshotOf(records.slice(0, 2));
    const miscounted = bytes.slice();
    new DataView(miscounted.buffer).setUint32(miscounted.length - 4, 5, true);
    assert.match(readIn(miscounted).stop!.reason, /5 records written, 2 read/);
    const trailing = new Uint8Array(bytes.length + 3);
    trailing.set(bytes);
    assert.equal(readIn(trailing).stop?.reason, 'bytes after its end');
    assert.equal(readIn(trailing, [bytes.length]).stop?.reason, 'bytes after its end');
  });
});
