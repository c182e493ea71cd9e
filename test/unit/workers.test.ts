import { build } from 'esbuild';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyse } from '../../src/core/analysis';
import { summariseSource } from '../../src/core/store/sourceFacts';
import { Lexicon } from '../../src/core/extract/entities/lexicon';
import { decodeArticle, type IndexJob, type IndexResult } from '../../src/editor/indexProtocol';
import { WorkerPool, type PoolLexicon } from '../../src/workers/pool';
import { WORKER_HEAP, workerHeapFor } from '../../src/workers/protocol';
import { lineStartsOf } from '../../src/editor/lineStarts';

const ROOT = resolve(__dirname, '../..');
const BUILTIN: PoolLexicon = { key: 'builtin', additions: undefined };
/** newsmark.analysis.maxFileSizeKB's default. */
const LIMIT = 2048 * 1024;

function articles(): string[] {
  const dirs = [join(ROOT, 'seeds'), join(ROOT, 'test/fixtures/articles')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => /\.(md|txt)$/.test(f))
      .map((f) => join(dir, f)),
  );
}

suite("workers: the index's worker pool", () => {
  let tmp: string;
  /** The worker bundled as the extension ships it (dist/indexWorker.js), into the temp folder. */
  let worker: string;
  const pools: Array<WorkerPool<IndexJob, IndexResult>> = [];
  const pool = (size: number, script = worker) => {
    const p = new WorkerPool<IndexJob, IndexResult>({ script, size, idleMs: 60_000 });
    pools.push(p);
    return p;
  };

  suiteSetup(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'newsmark-pool-'));
    worker = join(tmp, 'indexWorker.js');
    await build({
      entryPoints: [join(ROOT, 'src/editor/indexWorker.ts')],
      outfile: worker,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
    });
  });
  suiteTeardown(() => {
    pools.forEach((p) => p.dispose());
    rmSync(tmp, { recursive: true, force: true });
  });

  test('should give, for every article, exactly the facts and line starts an analysis on this thread gives', async () => {
    const workers = pool(2);
    const lexicon = Lexicon.withAdditions();
    const files = articles();
    assert.ok(files.length >= 10);
    const replies = await Promise.all(
      files.map((file, i) => workers.run({ fsPath: file, path: `a/${i}.md`, maxBytes: LIMIT }, BUILTIN)),
    );
    assert.equal(workers.runningCount, 2, 'both workers took jobs');
    replies.forEach((reply, i) => {
      assert.equal(reply.status, 'ok', files[i]);
      if (reply.status !== 'ok') return;
      const text = decodeArticle(readFileSync(files[i]!));
      assert.equal(reply.text, text);
      assert.deepEqual(
        reply.facts,
        summariseSource(`a/${i}.md`, analyse({ path: `a/${i}.md`, text }, { lexicon })),
        files[i],
      );
      assert.deepEqual(reply.lineStarts, lineStartsOf(text));
    });
  });

  test('should read a missing file as missing, decode invalid UTF-8 and drop a byte-order mark', async () => {
    const workers = pool(1);
    const missing = await workers.run({ fsPath: join(tmp, 'gone.md'), path: 'gone.md', maxBytes: LIMIT }, BUILTIN);
    assert.equal(missing.status, 'missing');
    const odd = join(tmp, 'odd.txt');
    writeFileSync(
      odd,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('Microsoft invested $13 billion '),
        Buffer.from([0xff, 0xfe]),
        Buffer.from(' in OpenAI.\n'),
      ]),
    );
    const reply = await workers.run({ fsPath: odd, path: 'odd.txt', maxBytes: LIMIT }, BUILTIN);
    assert.equal(reply.status, 'ok');
    if (reply.status !== 'ok') return;
    assert.equal(reply.text, 'Microsoft invested $13 billion \uFFFD\uFFFD in OpenAI.\n');
    assert.deepEqual(reply.facts.entities.map((e) => e.name).sort(), ['Microsoft', 'OpenAI'], 'the text was analysed');
  });

  test('should analyse with the workspace lexicon of each request, and rebuild it when its key changes', async () => {
    const workers = pool(1);
    const file = join(tmp, 'lexicon.md');
    writeFileSync(file, 'Zorblat Quux signed a deal with Microsoft. Zorblat Quux will pay $2 billion.\n');
    const names = async (lexicon: PoolLexicon) => {
      const reply = await workers.run({ fsPath: file, path: 'lexicon.md', maxBytes: LIMIT }, lexicon);
      assert.equal(reply.status, 'ok');
      return reply.status === 'ok' ? reply.facts.entities.map((e) => `${e.name}:${e.type}`).sort() : [];
    };
    const withProduct: PoolLexicon = { key: '1', additions: { entities: [{ name: 'Zorblat Quux', type: 'product' }] } };
    const withPlace: PoolLexicon = { key: '2', additions: { entities: [{ name: 'Zorblat Quux', type: 'place' }] } };
    assert.ok((await names(withProduct)).includes('Zorblat Quux:product'));
    assert.ok((await names(withPlace)).includes('Zorblat Quux:place'));
    assert.ok((await names(withProduct)).includes('Zorblat Quux:product'), 'back to the first lexicon');
  });

  test('should replace a worker that dies, then report itself broken and answer failed', async () => {
    const crashing = join(tmp, 'crash.mjs');
    writeFileSync(
      crashing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const workers = pool(1, crashing);
    for (let i = 0; i < 3; i++) {
      assert.equal(workers.isBroken, false);
      const reply = await workers.run({ fsPath: join(tmp, 'x.md'), path: 'x.md', maxBytes: LIMIT }, BUILTIN);
      assert.equal(reply.status, 'failed');
      assert.match(reply.status === 'failed' ? reply.error : '', /exited \(code 3\)/);
    }
    assert.equal(workers.isBroken, true);
    assert.equal(
      (await workers.run({ fsPath: join(tmp, 'x.md'), path: 'x.md', maxBytes: LIMIT }, BUILTIN)).status,
      'failed',
    );
  });

  test('should leave out a file over the size limit without reading it, and send back one that runs out of its heap, without counting a crash', async () => {
    const big = join(tmp, 'big.md');
    writeFileSync(big, 'Microsoft invested $13 billion in OpenAI.\n\n'.repeat(2000)); // 86 KB
    const over = await pool(1).run({ fsPath: big, path: 'big.md', maxBytes: 64 << 10 }, BUILTIN);
    assert.deepEqual(over, { status: 'overLimit', bytes: statSync(big).size });
    assert.equal(
      (await pool(1).run({ fsPath: big, path: 'big.md', maxBytes: 128 << 10 }, BUILTIN)).status,
      'ok',
      'under a higher limit it is analysed',
    );
    const medium = join(tmp, 'medium.md');
    writeFileSync(medium, 'Microsoft invested $13 billion in OpenAI, according to The Information.\n\n'.repeat(6000)); // ~430 KB
    const starved = new WorkerPool<IndexJob, IndexResult>({
      script: worker,
      size: 1,
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 },
    });
    pools.push(starved);
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await starved.run({ fsPath: medium, path: 'medium.md', maxBytes: LIMIT }, BUILTIN)).status,
        'tooLarge',
      );
    assert.equal(starved.isBroken, false, 'running out of heap is not a crash');
  });

  test('should give workers a heap that holds the largest article the limit lets in', () => {
    assert.deepEqual(workerHeapFor(LIMIT), WORKER_HEAP, 'the default limit fits the default heap');
    assert.equal(workerHeapFor(10 << 20).maxOldGenerationSizeMb, 480);
    assert.equal(workerHeapFor(64 << 10).maxOldGenerationSizeMb, WORKER_HEAP.maxOldGenerationSizeMb);
  });

  test('should stop idle workers and start them again with new work', async () => {
    const workers = new WorkerPool<IndexJob, IndexResult>({ script: worker, size: 1, idleMs: 50 });
    pools.push(workers);
    const file = articles()[0]!;
    assert.equal((await workers.run({ fsPath: file, path: 'a.md', maxBytes: LIMIT }, BUILTIN)).status, 'ok');
    assert.equal(workers.runningCount, 1);
    for (let i = 0; i < 100 && workers.runningCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(workers.runningCount, 0, 'the idle worker stopped');
    assert.equal((await workers.run({ fsPath: file, path: 'a.md', maxBytes: LIMIT }, BUILTIN)).status, 'ok');
  });

  test('should stop its workers at once when asked while idle, never under a job, and start them again with new work', async () => {
    const workers = pool(1); // idle for a minute before stopping on its own
    const file = articles()[0]!;
    const job = workers.run({ fsPath: file, path: 'a.md', maxBytes: LIMIT }, BUILTIN);
    workers.stopIdle();
    assert.equal(workers.runningCount, 1, 'a worker with a job is not stopped');
    assert.equal((await job).status, 'ok');
    workers.stopIdle();
    assert.equal(workers.runningCount, 0, 'the idle worker stopped at once');
    assert.equal((await workers.run({ fsPath: file, path: 'a.md', maxBytes: LIMIT }, BUILTIN)).status, 'ok');
    assert.equal(workers.runningCount, 1, 'started again');
  });

  test('should answer every job in flight when disposed', async () => {
    const workers = pool(1);
    const file = articles()[0]!;
    const jobs = [1, 2, 3].map(() => workers.run({ fsPath: file, path: 'a.md', maxBytes: LIMIT }, BUILTIN));
    workers.dispose();
    const replies = await Promise.all(jobs);
    assert.ok(replies.every((r) => r.status === 'failed'));
  });
});
