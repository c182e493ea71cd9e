import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { extractAll, type CachedLine, type CacheTarget, type ExtractResult } from '../../../src/cli/extractJobs';
import { engineKeyOf, openFactCache } from '../../../src/node/factCache';

const SEEDS = path.join(__dirname, '..', '..', '..', 'seeds');

/**
 * extractAll with a cache and worker threads: each file is read and looked up on the asking
 * thread, and only a file no entry stands for goes to a worker. The workers here cannot start
 * (their script does not exist), so a file that reached one fails, and one that did not succeeds.
 */
suite('cli: extractAll serves cached files on its own thread, with workers', function () {
  this.timeout(60_000);
  let temp = '';
  let files: { path: string; size: number }[] = [];
  let target: CacheTarget;
  setup(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-jobs-'));
    files = fs.readdirSync(SEEDS).map((name) => {
      const file = path.join(temp, name);
      fs.copyFileSync(path.join(SEEDS, name), file);
      return { path: file, size: fs.statSync(file).size };
    });
    const opened = await openFactCache(path.join(temp, 'cache'), 'test-build');
    assert.equal(opened.status, 'ok');
    target = { dir: path.join(temp, 'cache'), engine: engineKeyOf('test-build', undefined), version: 'test' };
  });
  teardown(() => fs.rmSync(temp, { recursive: true, force: true }));

  async function run(jobs: number): Promise<Array<ExtractResult | CachedLine>> {
    const results: Array<ExtractResult | CachedLine> = [];
    await extractAll(
      files,
      {
        lexicon: Lexicon.withAdditions(),
        additions: undefined,
        jobs,
        isJobsExplicit: true,
        workerScript: path.join(temp, 'no-such-worker.js'),
        shardEngine: 'test',
        cache: target,
        isFactsDeferred: true,
      },
      (result) => results.push(result),
    );
    return results;
  }

  test('should give every unchanged file from the cache without a worker, and send a changed one to a worker', async () => {
    const cold = await run(1); // on this thread: fills the cache
    assert.deepEqual(
      cold.map((r) => r.status),
      files.map(() => 'ok'),
    );
    const warm = await run(2);
    assert.deepEqual(
      warm.map((r) => [r.path, r.status]),
      files.map((f) => [f.path, 'cachedLine']),
      'every file from the cache, none through a worker',
    );
    fs.appendFileSync(files[2]!.path, '\n\nOne more sentence, with $5 million in it.\n');
    const changed = await run(2);
    assert.deepEqual(
      changed.map((r) => r.status),
      files.map((_, i) => (i === 2 ? 'notAnalysed' : 'cachedLine')),
      'the changed file went to a worker (which cannot start here), the others did not',
    );
  });
});
