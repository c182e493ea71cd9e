import * as assert from 'node:assert/strict';
import { gatherInSlices } from '../../src/core/collections';

suite('gatherInSlices', () => {
  test('should gather every item in order, pausing each time a slice of time has passed, and never between items of a step', async () => {
    const steps = Array.from({ length: 100 }, (_, i) => Array.from({ length: i % 3 }, (__, k) => `${i}.${k}`));
    let clock = 0;
    const now = () => (clock += 7); // every look at the clock finds 7 ms more
    const pausedAt: number[] = [];
    let reached = 0;
    const walk = (function* () {
      for (const step of steps) {
        reached++;
        yield step;
      }
    })();
    const out = await gatherInSlices(walk, async () => void pausedAt.push(reached), 20, now);
    assert.deepEqual(out, steps.flat());
    // a look at the clock after each step and after each pause, 7 ms each: a pause every third step
    assert.deepEqual(
      pausedAt,
      Array.from({ length: 33 }, (_, i) => 3 * (i + 1)),
    );
    assert.deepEqual(
      await gatherInSlices(steps, () => assert.fail('no slice ends'), Number.POSITIVE_INFINITY, now),
      steps.flat(),
    );
  });

  test('should let other work run between slices and take each step as it is when reached', async () => {
    const source = [['a'], ['b'], ['c']];
    let clock = 0;
    const out = await gatherInSlices(
      (function* () {
        for (let i = 0; i < source.length; i++) yield source[i]!;
      })(),
      async () => {
        source[2] = ['C']; // a change between slices: the step not reached yet is read as changed
      },
      1,
      () => (clock += 1),
    );
    assert.deepEqual(out, ['a', 'b', 'C']);
  });
});
