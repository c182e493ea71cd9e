import * as assert from 'node:assert/strict';
import { Foreground, gatherInSlices } from '../../src/core/collections';

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

suite('Foreground (background work gives way to work someone waits on)', () => {
  /** A promise and the function that settles it. */
  function gate(): { promise: Promise<void>; open: () => void } {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    return { promise, open };
  }

  test('should let background work through at once when nothing runs in the foreground', async () => {
    const foreground = new Foreground();
    assert.equal(foreground.isRunning, false);
    await foreground.whenClear(); // (a hang here fails the test by its timeout)
  });

  test('should hold background work until the last of overlapping foreground runs has ended, failed ones too', async () => {
    const foreground = new Foreground();
    const first = gate();
    const second = gate();
    const order: string[] = [];
    const a = foreground.run(async () => {
      await first.promise;
      order.push('first');
    });
    const b = foreground.run(async () => {
      await second.promise;
      order.push('second');
      throw new Error('a merge that failed');
    });
    const waited = foreground.whenClear().then(() => order.push('background'));
    first.open();
    await a;
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['first'], 'one run still going: the background waits');
    assert.equal(foreground.isRunning, true);
    second.open();
    await assert.rejects(b, /a merge that failed/);
    await waited;
    assert.deepEqual(order, ['first', 'second', 'background']);
    assert.equal(foreground.isRunning, false);
  });

  test('should give back what the foreground work returns, and let waiters go when released (disposal)', async () => {
    const foreground = new Foreground();
    assert.equal(await foreground.run(async () => 42), 42);
    const never = gate();
    void foreground.run(() => never.promise);
    let isReleased = false;
    const waited = foreground.whenClear().then(() => (isReleased = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(isReleased, false);
    foreground.release();
    await waited;
    assert.equal(isReleased, true);
  });
});
