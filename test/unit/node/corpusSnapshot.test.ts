import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readSnapshot, snapshotFileOf, writeSnapshot } from '../../../src/node/corpusSnapshot';

async function* chunksOf(parts: readonly Uint8Array[], failAfter?: number): AsyncGenerator<Uint8Array> {
  for (const [i, part] of parts.entries()) {
    if (i === failAfter) throw new Error('abandoned');
    yield part;
  }
}

async function bytesOf(read: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of read) parts.push(chunk);
  return Buffer.concat(parts);
}

function randomParts(count: number, size: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => Uint8Array.from({ length: size }, (_, j) => (i * 31 + j * 7) % 251));
}

suite('Corpus snapshot file (src/node/corpusSnapshot.ts)', () => {
  let dir: string;
  setup(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-snapshot-'))));
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('should give back the bytes written, in chunks, and nothing when there is no snapshot', async () => {
    assert.equal(await readSnapshot(dir), undefined);
    const parts = randomParts(50, 70_000);
    await writeSnapshot(dir, chunksOf(parts));
    const read = await readSnapshot(dir);
    assert.ok(read);
    assert.deepEqual(await bytesOf(read), Buffer.concat(parts));
    assert.deepEqual(fs.readdirSync(dir), ['corpus.nms'], 'no temp file left');
  });

  test('should leave the old snapshot whole when a write is abandoned halfway', async () => {
    const old = randomParts(3, 1000);
    await writeSnapshot(dir, chunksOf(old));
    await assert.rejects(writeSnapshot(dir, chunksOf(randomParts(10, 5000), 4)), /abandoned/);
    assert.deepEqual(await bytesOf((await readSnapshot(dir))!), Buffer.concat(old));
    assert.deepEqual(fs.readdirSync(dir), ['corpus.nms'], 'the temp file of the abandoned write is gone');
  });

  test('should end the read with an error for a damaged or truncated file, after the chunks before it', async () => {
    const whole = gzipSync(Buffer.concat(randomParts(20, 10_000)));
    fs.writeFileSync(snapshotFileOf(dir), whole.subarray(0, whole.length - 100));
    await assert.rejects(bytesOf((await readSnapshot(dir))!), /unexpected end of file/);
    fs.writeFileSync(snapshotFileOf(dir), Buffer.from('not gzip at all'));
    await assert.rejects(bytesOf((await readSnapshot(dir))!), /incorrect header check/);
  });

  test('should remove the temp files of writes a crash left, once they are old', async () => {
    const stale = path.join(dir, '.corpus.nms.123-abcd.tmp');
    const fresh = path.join(dir, '.corpus.nms.456-ef01.tmp');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(fresh, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, old, old);
    await writeSnapshot(dir, chunksOf(randomParts(1, 10)));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.corpus.nms.456-ef01.tmp', 'corpus.nms']);
  });
});
