import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { Corpus } from '../../../src/core/corpus/corpus';
import { summariseSource, type SourceFacts } from '../../../src/core/store/sourceFacts';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { crc32 } from '../../../src/core/store/crc32';
import { tableOf } from '../../../src/core/store/factsTable';
import {
  PERSISTED_FORMAT_VERSION,
  decodePersisted,
  decodePersistedBytes,
  readEntryFacts,
  encodePersisted,
  staleness,
  type PersistedEntry,
  type PersistedKey,
} from '../../../src/core/store/persistedFacts';
import { articlesIn, REPO } from '../corpus/fixtures';
import { syntheticArticle, syntheticLexicon } from '../corpus/syntheticArticles';

/** The bytes before the key: magic, version, checksum and four lengths (format 5). */
const HEADER = 28;

const lexicon = Lexicon.withAdditions();
const seeds = articlesIn(path.join(REPO, 'seeds'));

function factsOfText(articlePath: string, text: string, withLexicon = lexicon): SourceFacts {
  return summariseSource(articlePath, analyse({ path: articlePath, text }, { lexicon: withLexicon }));
}

function keyOf(facts: SourceFacts, overrides: Partial<PersistedKey> = {}): PersistedKey {
  return {
    path: facts.path,
    size: 1234,
    mtimeMs: 1_700_000_000_123.5,
    sha256: 'a'.repeat(64),
    engine: 'build+built-in',
    ...overrides,
  };
}

function entryOf(
  facts: SourceFacts,
  sourceJson: string | null = null,
  shardJson: string | null = null,
): PersistedEntry {
  return { key: keyOf(facts), facts, sourceJson, shardJson };
}

function decodedFacts(bytes: Uint8Array): SourceFacts {
  const decoded = decodePersisted(bytes);
  assert.equal(decoded.status, 'ok', JSON.stringify(decoded));
  return (decoded as { entry: PersistedEntry }).entry.facts;
}

suite('store: the persisted form of an article file’s facts', () => {
  test('should give back every seed’s facts exactly (statements, keys, entities, spans, deals)', () => {
    for (const seed of seeds) {
      const facts = factsOfText(seed.path, seed.text);
      assert.ok(facts.statements.length > 0 && facts.deals.count > 0, `${seed.path} has statements and deals`);
      assert.deepStrictEqual(decodedFacts(encodePersisted(entryOf(facts))), facts, seed.path);
    }
  });

  test('should give back claim-dense synthetic articles with a workspace lexicon', () => {
    for (let i = 0; i < 20; i++) {
      const facts = factsOfText(`synthetic-${i}.md`, syntheticArticle(i), syntheticLexicon);
      assert.deepStrictEqual(decodedFacts(encodePersisted(entryOf(facts))), facts);
    }
  });

  test('should keep UTF-16 offsets, emoji, CJK and zero-width characters as they were', () => {
    const text =
      '# 新闻 🚀\n\nMicrosoft invested \u200b$13 billion in OpenAI in 2023, the company said. 🚀 Nvidia said its revenue rose 12% to $30 billion in 2024.\n';
    const facts = factsOfText('unicode.md', text);
    const back = decodedFacts(encodePersisted(entryOf(facts)));
    assert.deepStrictEqual(back, facts);
    for (const s of back.statements) assert.equal(text.slice(s.start, s.end), s.text);
  });

  test("should keep the CLI's output line and the map step's record byte for byte, and the key", () => {
    const facts = factsOfText(seeds[0]!.path, seeds[0]!.text);
    const sourceJson = JSON.stringify({ path: seeds[0]!.path, note: 'é 🚀 "quoted" \u2028' });
    const shardJson = JSON.stringify({ engine: '0.1.0', statements: [], deals: [], note: '東京 \u0000' });
    for (const empty of ['', null])
      for (const other of ['', null]) {
        const entry = (decodePersisted(encodePersisted(entryOf(facts, empty, other))) as { entry: PersistedEntry })
          .entry;
        assert.equal(entry.sourceJson, empty);
        assert.equal(entry.shardJson, other);
      }
    const decoded = decodePersisted(encodePersisted(entryOf(facts, sourceJson, shardJson)));
    assert.equal(decoded.status, 'ok');
    if (decoded.status !== 'ok') return;
    assert.equal(decoded.entry.sourceJson, sourceJson);
    assert.equal(decoded.entry.shardJson, shardJson);
    assert.deepEqual(decoded.entry.key, keyOf(facts));
    const cut = encodePersisted(entryOf(facts, sourceJson, shardJson)).subarray(0, -3);
    assert.equal(decodePersisted(cut).status, 'corrupt', 'a record cut short');
    // as bytes (a warm extract --jsonl): the same sections, never decoded
    const raw = decodePersistedBytes(encodePersisted(entryOf(facts, sourceJson, shardJson)));
    assert.equal(raw.status, 'ok');
    if (raw.status !== 'ok') return;
    const utf8 = (bytes: Uint8Array | null) => bytes && Buffer.from(bytes).toString('utf8');
    assert.equal(utf8(raw.entry.source), sourceJson);
    assert.equal(utf8(raw.entry.shard), shardJson);
    assert.equal(utf8(raw.entry.factsTable), JSON.stringify(tableOf(facts)));
    assert.deepEqual(readEntryFacts(raw.entry), decoded.entry.facts, 'the facts parsed where they are used');
    assert.equal(decodePersistedBytes(cut).status, 'corrupt');
  });

  test('should make the same corpus from decoded facts as from the analyses', () => {
    const direct = new Corpus();
    const persisted = new Corpus();
    for (const seed of seeds) {
      const facts = factsOfText(seed.path, seed.text);
      direct.updateFacts(facts);
      persisted.updateFacts(decodedFacts(encodePersisted(entryOf(facts))));
    }
    assert.deepStrictEqual(persisted.deals(), direct.deals());
    assert.deepStrictEqual(persisted.facts(), direct.facts());
    assert.ok(direct.conflicts().length > 0, 'the seeds have a conflict');
    assert.deepStrictEqual(persisted.conflicts(), direct.conflicts());
  });

  test('should write a string once however often the facts use it', () => {
    const facts = factsOfText(seeds[0]!.path, seeds[0]!.text);
    const table = (sectionsOf(encodePersisted(entryOf(facts))).facts as { strings: string[] }).strings;
    assert.equal(new Set(table).size, table.length);
  });
});

suite('store: a damaged or foreign entry is never trusted', () => {
  const facts = factsOfText(seeds[1]!.path, seeds[1]!.text);
  const bytes = encodePersisted(entryOf(facts));

  test('should call a truncated entry corrupt, at any length', () => {
    for (const length of [0, 3, 8, HEADER - 1, HEADER, HEADER + 1, bytes.length >> 1, bytes.length - 1]) {
      const decoded = decodePersisted(bytes.subarray(0, length));
      assert.equal(decoded.status, 'corrupt', `${length} bytes`);
    }
  });

  test('should call an entry with any one byte flipped corrupt', () => {
    const step = Math.max(1, Math.floor(bytes.length / 300));
    for (let at = 0; at < bytes.length; at += step) {
      if (at >= 4 && at < 8) continue; // the format version: another format, tested below
      const damaged = bytes.slice();
      damaged[at] ^= 0x20;
      const decoded = decodePersisted(damaged);
      assert.equal(decoded.status, 'corrupt', `byte ${at}`);
    }
  });

  test('should drop an entry of another format without reading it', () => {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, PERSISTED_FORMAT_VERSION + 1, true);
    assert.deepEqual(decodePersisted(other), { status: 'otherFormat', version: PERSISTED_FORMAT_VERSION + 1 });
  });

  test('should refuse a payload with a valid checksum that does not hold (a hand-made entry)', () => {
    const payload = sectionsOf(bytes) as { key: unknown; facts: { statements: unknown[][]; strings: string[] } };
    payload.facts.statements[0]![3] = payload.facts.strings.length + 5; // a string the table lacks
    const forged = withPayload(payload);
    const decoded = decodePersisted(forged);
    assert.equal(decoded.status, 'corrupt');
    assert.match((decoded as { reason: string }).reason, /facts table/);
    // as bytes, the facts are checked where they are read: the key holds, the facts do not
    const raw = decodePersistedBytes(forged);
    assert.equal(raw.status, 'ok');
    if (raw.status === 'ok') assert.match(String(readEntryFacts(raw.entry)), /^facts table does not hold/);
  });

  test('should refuse an unknown figure kind or deal kind', () => {
    const payload = sectionsOf(bytes) as { key: unknown; facts: { strings: string[] } };
    payload.facts.strings = payload.facts.strings.map((s) => (s === 'money' ? 'monies' : s));
    assert.equal(decodePersisted(withPayload(payload)).status, 'corrupt');
    const raw = decodePersistedBytes(withPayload(payload));
    assert.equal(raw.status === 'ok' && typeof readEntryFacts(raw.entry), 'string', 'nor as bytes, once read');
  });

  test('should compute the standard CRC-32', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
    assert.equal(crc32(new Uint8Array(0)), 0);
  });
});

suite('store: an entry stands for a file only as it is now', () => {
  const facts = factsOfText(seeds[2]!.path, seeds[2]!.text);
  const stored = keyOf(facts);

  test('should accept the same path, engine and content, whatever the modification time', () => {
    assert.equal(staleness(stored, { ...stored }), undefined);
    assert.equal(staleness(stored, { ...stored, mtimeMs: stored.mtimeMs + 5000 }), undefined);
  });

  test('should refuse a file changed within the same modification time: another size, or another hash', () => {
    assert.equal(staleness(stored, { ...stored, size: stored.size + 1 }), 'content');
    assert.equal(staleness(stored, { ...stored, sha256: 'b'.repeat(64) }), 'content');
  });

  test('should refuse another engine build or another workspace lexicon, and another path', () => {
    assert.equal(staleness(stored, { ...stored, engine: 'build+0123456789abcdef' }), 'engine');
    assert.equal(staleness(stored, { ...stored, path: 'other.md' }), 'path');
  });
});

/** The key and the facts table of an entry, parsed (no output line, no shard record). */
function sectionsOf(bytes: Uint8Array): { key: unknown; facts: unknown } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keyLength = view.getUint32(12, true);
  const factsLength = view.getUint32(16, true);
  const text = (from: number, to: number) => JSON.parse(new TextDecoder().decode(bytes.subarray(from, to))) as unknown;
  return {
    key: text(HEADER, HEADER + keyLength),
    facts: text(HEADER + keyLength, HEADER + keyLength + factsLength),
  };
}

/** An entry of this key and facts table (no output line, no shard record) with a correct header and checksum. */
function withPayload(payload: { key: unknown; facts: unknown }): Uint8Array {
  const key = new TextEncoder().encode(JSON.stringify(payload.key));
  const facts = new TextEncoder().encode(JSON.stringify(payload.facts));
  const bytes = new Uint8Array(HEADER + key.length + facts.length);
  bytes.set([0x4e, 0x4d, 0x46, 0x43], 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, PERSISTED_FORMAT_VERSION, true);
  view.setUint32(12, key.length, true);
  view.setUint32(16, facts.length, true);
  view.setUint32(20, 0xffffffff, true);
  view.setUint32(24, 0xffffffff, true);
  bytes.set(key, HEADER);
  bytes.set(facts, HEADER + key.length);
  view.setUint32(8, crc32(bytes.subarray(HEADER)), true);
  return bytes;
}
