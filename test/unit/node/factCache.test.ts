import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { analyse } from '../../../src/core/analysis';
import { summariseSource } from '../../../src/core/store/sourceFacts';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import type { PersistedEntry, PersistedKey } from '../../../src/core/store/persistedFacts';
import {
  engineKeyOf,
  entryFileOf,
  gunzipWhole,
  lookupEntry,
  openFactCache,
  pruneEntries,
  sha256Of,
  writeEntry,
} from '../../../src/node/factCache';
import { articlesIn, REPO } from '../corpus/fixtures';

const seed = articlesIn(path.join(REPO, 'seeds'))[0]!;
const bytes = new TextEncoder().encode(seed.text);
const facts = summariseSource(
  seed.path,
  analyse({ path: seed.path, text: seed.text }, { lexicon: Lexicon.withAdditions() }),
);
const ENGINE = engineKeyOf('build-a', undefined);
const key: PersistedKey = {
  path: seed.path,
  size: bytes.length,
  mtimeMs: 1_700_000_000_000,
  sha256: sha256Of(bytes),
  engine: ENGINE,
};
const entry: PersistedEntry = { key, facts, sourceJson: '{"path":"x"}', shardJson: '{"engine":"0"}' };

suite('node: gunzip into one buffer', () => {
  test('should give what gunzip gives, whatever the size, the members and the trailer say', () => {
    const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24);
    for (const size of [0, 1, 63, 64, 16_383, 16_385, 200_000]) {
      const text = random(size);
      assert.deepEqual(gunzipWhole(gzipSync(text)), Buffer.from(text), `${size} bytes`);
    }
    // two members: the trailer gives the last one's size only, a hint that falls short
    const two = Buffer.concat([gzipSync(random(100_000)), gzipSync(random(10))]);
    assert.deepEqual(gunzipWhole(two), gunzipSync(two));
    // a trailer that lies is a damaged entry, as gunzip says
    const lying = Buffer.from(gzipSync(random(5_000)));
    lying.writeUInt32LE(1 << 30, lying.length - 4);
    assert.throws(() => gunzipSync(lying));
    assert.throws(() => gunzipWhole(lying));
    assert.throws(() => gunzipWhole(new Uint8Array([1, 2, 3])));
  });
});

suite('node: a folder of persisted facts', () => {
  let dir = '';
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-facts-'));
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('should say "new" for a file never written, then give back what was written', async () => {
    assert.equal((await openFactCache(dir, 'build-a')).status, 'ok');
    const file = entryFileOf(dir, '/articles/a.md');
    assert.deepEqual(lookupEntry(file, key), { status: 'miss', why: 'new' });
    assert.equal(writeEntry(file, entry), undefined);
    const found = lookupEntry(file, key);
    assert.equal(found.status, 'hit');
    assert.deepStrictEqual(found.status === 'hit' && found.entry, entry);
  });

  test('should leave no temp file behind and tag the folder for backup tools', async () => {
    await openFactCache(dir, 'build-a');
    const file = entryFileOf(dir, '/articles/a.md');
    writeEntry(file, entry);
    writeEntry(file, entry); // replaced in place
    assert.deepEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)]);
    assert.match(
      fs.readFileSync(path.join(dir, 'CACHEDIR.TAG'), 'utf8'),
      /^Signature: 8a477f597d28d172789f06886806bc55/,
    );
  });

  test('should call a truncated entry, a flipped byte and a file that is not gzip corrupt', async () => {
    await openFactCache(dir, 'build-a');
    const file = entryFileOf(dir, '/articles/a.md');
    writeEntry(file, entry);
    const good = fs.readFileSync(file);
    const cases: Array<[string, Buffer]> = [
      ['truncated', good.subarray(0, good.length - 9)],
      ['empty', Buffer.alloc(0)],
      ['not gzip', Buffer.from('{"facts": []}')],
      // a byte flipped inside the entry, gzipped again: only the entry's own checksum sees it
      [
        'flipped',
        (() => {
          const raw = gunzipSync(good);
          raw[raw.length >> 1] ^= 0x01;
          return gzipSync(raw);
        })(),
      ],
    ];
    for (const [name, damaged] of cases) {
      fs.writeFileSync(file, damaged);
      const found = lookupEntry(file, key);
      assert.equal(found.status === 'miss' && found.why, 'corrupt', name);
    }
  });

  test('should not stand for a file changed with the same modification time but another size or hash', async () => {
    await openFactCache(dir, 'build-a');
    const file = entryFileOf(dir, '/articles/a.md');
    writeEntry(file, entry);
    const edited = new TextEncoder().encode(seed.text.replace('billion', 'bn'));
    assert.equal(edited.length, bytes.length - 5);
    const sameSize = new TextEncoder().encode(seed.text.replace(/\d/, (d) => String((Number(d) + 1) % 10))); // one digit changed
    assert.equal(sameSize.length, bytes.length);
    for (const changed of [edited, sameSize]) {
      const found = lookupEntry(file, { ...key, size: changed.length, sha256: sha256Of(changed) });
      assert.equal(found.status === 'miss' && found.why, 'content');
    }
  });

  test('should not stand for facts analysed with another workspace lexicon', async () => {
    await openFactCache(dir, 'build-a');
    const file = entryFileOf(dir, '/articles/a.md');
    writeEntry(file, entry);
    const withLexicon = engineKeyOf('build-a', { entities: [{ name: 'Vantor Cloud', type: 'org' }] } as never);
    assert.notEqual(withLexicon, ENGINE);
    const found = lookupEntry(file, { ...key, engine: withLexicon });
    assert.equal(found.status === 'miss' && found.why, 'engine');
  });

  test('should drop every entry of another build when it opens, with one line', async () => {
    await openFactCache(dir, 'build-a');
    for (const name of ['a.md', 'b.md', 'c.md']) writeEntry(entryFileOf(dir, `/articles/${name}`), entry);
    const again = await openFactCache(dir, 'build-a');
    assert.equal(again.status === 'ok' && again.dropped, undefined);
    const other = await openFactCache(dir, 'build-b');
    assert.equal(other.status, 'ok');
    assert.match(
      other.status === 'ok' ? (other.dropped ?? '') : '',
      /^3 persisted entries of another newsmark build dropped/,
    );
    assert.deepEqual(
      lookupEntry(entryFileOf(dir, '/articles/a.md'), { ...key, engine: engineKeyOf('build-b', undefined) }),
      { status: 'miss', why: 'new' },
    );
  });

  test('should refuse a folder of other files that was never a cache, and leave it untouched', async () => {
    fs.writeFileSync(path.join(dir, 'thesis.md'), 'my notes');
    const opened = await openFactCache(dir, 'build-a', { isOnlyOurs: true });
    assert.equal(opened.status, 'refused');
    assert.deepEqual(fs.readdirSync(dir), ['thesis.md']);
  });

  test('should refuse a path that is a file', async () => {
    const file = path.join(dir, 'plain-file');
    fs.writeFileSync(file, 'x');
    const opened = await openFactCache(file, 'build-a', { isOnlyOurs: true });
    assert.equal(opened.status, 'refused');
    assert.equal(fs.readFileSync(file, 'utf8'), 'x');
  });

  test("should prune the entries of files not kept and unfinished writes, and nothing that is not the cache's", async () => {
    await openFactCache(dir, 'build-a');
    const fileOf = (name: string) => entryFileOf(dir, `/articles/${name}`);
    for (const name of ['a.md', 'b.md', 'c.md']) writeEntry(fileOf(name), entry);
    const shard = path.dirname(fileOf('a.md'));
    const oldTemp = path.join(shard, '.abc.nmf.1-0-deadbeef.tmp');
    const youngTemp = path.join(shard, '.abc.nmf.2-0-feedbeef.tmp');
    const notes = path.join(shard, 'notes.txt');
    const foreign = path.join(dir, 'facts', 'not-a-shard', `${'0'.repeat(30)}.nmf`);
    for (const file of [oldTemp, youngTemp, notes]) fs.writeFileSync(file, 'x');
    fs.mkdirSync(path.dirname(foreign));
    fs.writeFileSync(foreign, 'x');
    const now = Date.now();
    const twoHoursAgo = new Date(now - 2 * 60 * 60 * 1000);
    fs.utimesSync(oldTemp, twoHoursAgo, twoHoursAgo);

    const pruned = await pruneEntries(dir, new Set([fileOf('a.md')]), now);
    assert.deepEqual(pruned, { removed: 3, kept: 1, failed: 0 });
    assert.equal(lookupEntry(fileOf('a.md'), key).status, 'hit');
    for (const gone of ['b.md', 'c.md'])
      assert.deepEqual(lookupEntry(fileOf(gone), key), { status: 'miss', why: 'new' });
    assert.ok(!fs.existsSync(oldTemp), 'a write that never finished, an hour ago');
    for (const kept of [youngTemp, notes, foreign]) assert.ok(fs.existsSync(kept), `${kept} is left alone`);
    assert.deepEqual(await pruneEntries(dir, new Set([fileOf('a.md')]), now), { removed: 0, kept: 1, failed: 0 });
  });

  test('should prune nothing, and not fail, in a folder that is not there', async () => {
    assert.deepEqual(await pruneEntries(path.join(dir, 'missing'), new Set()), { removed: 0, kept: 0, failed: 0 });
  });
});
