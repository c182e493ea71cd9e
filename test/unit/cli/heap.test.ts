/**
 * The CLI bounds how far its heap grows between full collections (heap.ts): the shipped bundle,
 * its main thread and its worker threads, as V8 itself reports the limit it sets after each full
 * collection (`--trace-gc-verbose`: "Limit: old size: …, new limit: … (factor)"). A value given
 * on node's command line is kept.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HEAP_GROWING_PERCENT } from '../../../src/cli/heap';
import { CliHarness, SEEDS } from './cliHarness';

suite('CLI heap growth (heap.ts)', () => {
  const h = new CliHarness();
  suiteSetup(async function () {
    this.timeout(120_000);
    await h.build();
    fs.mkdirSync(h.at('in'));
    // enough text for several full collections: the seeds, forty times over
    const seeds = fs.readdirSync(SEEDS).map((name) => fs.readFileSync(path.join(SEEDS, name), 'utf8'));
    for (let i = 0; i < 40; i++) fs.writeFileSync(h.at('in', `copy-${i}.md`), seeds.join('\n\n'));
  });
  suiteTeardown(() => h.dispose());

  /** The growth factor of each limit V8 set in the run, main thread and workers alike. */
  function factors(nodeFlags: string[]): { factors: number[]; threads: number } {
    const r = spawnSync(
      process.execPath,
      [
        ...nodeFlags,
        '--trace-gc-verbose',
        ...h.cliArgs(['extract', 'in', '--jsonl', '--jobs', '2', '--out', 'out.jsonl']),
      ],
      { cwd: h.workspace, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 },
    );
    assert.equal(r.status, 0, r.stderr);
    const limits = [...r.stdout.matchAll(/\[\d+:(0x[0-9a-f]+)\][^\n]*\[HeapController\] Limit: [^\n]*\(([\d.]+)\)/g)];
    return { factors: limits.map((m) => Number(m[2])), threads: new Set(limits.map((m) => m[1])).size };
  }

  test('should grow the heap by at most the bound, in every thread', function () {
    this.timeout(120_000);
    const { factors: seen, threads } = factors([]);
    assert.ok(seen.length > 0, 'no full collection happened: the input is too small to show anything');
    assert.ok(threads >= 2, `limits seen in ${threads} thread(s); the workers should collect too`);
    assert.deepEqual([...new Set(seen)], [1 + HEAP_GROWING_PERCENT / 100]);
  });

  test("should keep a value given on node's command line", function () {
    this.timeout(120_000);
    const { factors: seen } = factors(['--heap-growing-percent=100']);
    assert.ok(seen.length > 0);
    assert.deepEqual([...new Set(seen)], [2]);
  });
});
