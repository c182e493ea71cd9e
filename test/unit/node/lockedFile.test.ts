// The annotations file on a local disk: concurrent writers in several processes lose nothing,
// a writer killed at any moment leaves the old file or the new one (never none, never half),
// modes are kept, a read-only or unreadable file is never written over, stale locks are broken.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Journal } from '../../../src/node/journal';
import {
  FileLockedError,
  ReadOnlyFileError,
  removeStaleTemps,
  updateLocked,
  writeAtomically,
} from '../../../src/node/lockedFile';
import { seededRandom } from '../seededRandom';

const WRITER = path.join(__dirname, 'writer.ts');

function run(args: string[]): { done: Promise<number>; kill: () => void; stdout: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<number>((resolve) =>
    child.on('close', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(err);
      resolve(code ?? -1);
    }),
  );
  return { done, kill: () => child.kill('SIGKILL'), stdout: () => out };
}

function checksum(body: string): number {
  let h = 0;
  for (let i = 0; i < body.length; i++) h = (Math.imul(h, 31) + body.charCodeAt(i)) >>> 0;
  return h;
}

suite('lockedFile: the annotations file shared by windows and processes', function () {
  this.timeout(120_000);
  let dir: string;
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-locked-'));
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('should lose no update when four processes write 25 times each at once', async () => {
    const file = path.join(dir, '.newsmark', 'annotations.json');
    const writers = ['a', 'b', 'c', 'd'].map((name) => run([file, name, '25']));
    const codes = await Promise.all(writers.map((w) => w.done));
    assert.deepEqual(codes, [0, 0, 0, 0]);
    const entries: string[] = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(entries.length, 100);
    assert.equal(new Set(entries).size, 100);
    assert.deepEqual(
      fs.readdirSync(path.dirname(file)).sort(),
      ['annotations.json'],
      'no lock or temp file left behind',
    );
  });

  test('should leave the old file or the new one, whole, whenever a writer is killed — and a reader never finds it missing', async () => {
    const file = path.join(dir, 'annotations.json');
    const random = seededRandom(7);
    let missing = 0;
    let reads = 0;
    for (let round = 0; round < 8; round++) {
      const writer = run([file, '--loop']);
      while (writer.stdout().length === 0) await new Promise((resolve) => setTimeout(resolve, 5)); // its first version is written
      const stopAt = Date.now() + 50 + random() * 300;
      while (Date.now() < stopAt) {
        reads++;
        let text: string | undefined;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch {
          missing++;
        }
        if (text !== undefined) {
          const value = JSON.parse(text) as { body: string; checksum: number };
          assert.equal(checksum(value.body), value.checksum, 'never half a file');
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      writer.kill();
      await writer.done;
      const value = JSON.parse(fs.readFileSync(file, 'utf8')) as { body: string; checksum: number };
      assert.equal(checksum(value.body), value.checksum, `whole after the kill in round ${round}`);
    }
    assert.ok(reads > 50, `the reader looked often (${reads})`);
    assert.equal(missing, 0, 'the file was never missing');
    await removeStaleTemps(file, 0);
    assert.deepEqual(
      fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
      [],
      'temp files of killed writers are cleaned up',
    );
  });

  test('should keep the file mode', async () => {
    const file = path.join(dir, 'annotations.json');
    fs.writeFileSync(file, '[]');
    fs.chmodSync(file, 0o640);
    await updateLocked(file, () => '["x"]');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.equal(fs.readFileSync(file, 'utf8'), '["x"]');
  });

  test('should refuse to write over a read-only file, and leave it as it was', async () => {
    const file = path.join(dir, 'annotations.json');
    fs.writeFileSync(file, '[]');
    fs.chmodSync(file, 0o444);
    await assert.rejects(
      updateLocked(file, () => '["x"]'),
      ReadOnlyFileError,
    );
    assert.equal(fs.readFileSync(file, 'utf8'), '[]');
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  test('should never write when the file cannot be read', async () => {
    const file = path.join(dir, 'annotations.json');
    fs.mkdirSync(file); // a folder where the file should be: reading fails with EISDIR
    let asked = false;
    await assert.rejects(
      updateLocked(file, () => {
        asked = true;
        return 'x';
      }),
      /EISDIR/,
    );
    assert.equal(asked, false);
    assert.ok(fs.statSync(file).isDirectory());
  });

  test('should break the lock of a process that is gone, and wait for a live holder', async () => {
    const file = path.join(dir, 'annotations.json');
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), nonce: 'dead' }));
    await updateLocked(file, () => 'after a crash');
    assert.equal(fs.readFileSync(file, 'utf8'), 'after a crash');
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, host: os.hostname(), nonce: 'live' }));
    await assert.rejects(
      updateLocked(file, () => 'no', { timeoutMs: 300 }),
      FileLockedError,
    );
    assert.equal(fs.readFileSync(file, 'utf8'), 'after a crash');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    await updateLocked(file, () => 'stale broken', { staleMs: 15_000 });
    assert.equal(fs.readFileSync(file, 'utf8'), 'stale broken');
  });

  test('should write a new file atomically, creating its folder', async () => {
    const file = path.join(dir, 'deep', 'folder', 'annotations.json');
    await updateLocked(file, (current) => {
      assert.equal(current, undefined, 'a missing file is undefined, not empty');
      return 'new';
    });
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    await writeAtomically(file, 'newer');
    assert.equal(fs.readFileSync(file, 'utf8'), 'newer');
  });
});

suite('journal: the write-ahead journal of annotation changes', () => {
  let dir: string;
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-journal-'));
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('should keep appended changes across sessions, skip a line cut short, and drop them once written', async () => {
    const first = new Journal(dir, 'session-1');
    await Promise.all([first.append([{ n: 1 }]), first.append([{ n: 2 }, { n: 3 }])]);
    fs.appendFileSync(first.file, '{"n": 4, "cut sho'); // a crash in the middle of a line
    const second = new Journal(dir, 'session-2');
    await second.append([{ n: 5 }]);
    const all = await second.readAll();
    assert.deepEqual(
      all.map((f) => [path.basename(f.path), f.lines, f.badLines]),
      [
        ['session-1.jsonl', [{ n: 1 }, { n: 2 }, { n: 3 }], 1],
        ['session-2.jsonl', [{ n: 5 }], 0],
      ],
    );
    await second.rewrite([]);
    await second.removeFiles(all.map((f) => f.path));
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  test('should keep only the changes still pending after a write', async () => {
    const journal = new Journal(dir, 's');
    await journal.append([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await journal.rewrite([{ n: 3 }]);
    await journal.append([{ n: 4 }]);
    assert.deepEqual((await journal.readAll())[0]!.lines, [{ n: 3 }, { n: 4 }]);
  });
});
