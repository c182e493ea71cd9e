import * as assert from 'node:assert/strict';
import { PageWatch, type WatchedPanel } from '../../../src/editor/views/pageWatch';

/** A webview panel as the watch sees it, its events fired by hand; timers run by hand; reopens recorded. */
function harness(options: { visible?: boolean; attempt?: number } = {}) {
  const viewState: (() => void)[] = [];
  const disposed: (() => void)[] = [];
  const panel = {
    visible: options.visible ?? true,
    onDidChangeViewState: (listener: () => void) => {
      viewState.push(listener);
      return { dispose() {} };
    },
    onDidDispose: (listener: () => void) => {
      disposed.push(listener);
      return { dispose() {} };
    },
  };
  const timers = new Map<number, () => void>();
  let nextTimer = 0;
  const warnings: string[] = [];
  const shown: string[] = [];
  const reopened: number[] = [];
  const watch = new PageWatch(panel as unknown as WatchedPanel, {
    what: 'deal map',
    attempt: options.attempt ?? 0,
    reopen: (next) => reopened.push(next),
    warn: (m) => warnings.push(m),
    giveUp: (m) => shown.push(m),
    timeoutMs: 10_000,
    maxReopens: 2,
    setTimer: (run) => {
      timers.set(++nextTimer, run);
      return nextTimer;
    },
    clearTimer: (t) => timers.delete(t as number),
  });
  return {
    watch,
    warnings,
    shown,
    timers,
    reopened,
    /** Runs the timers due now (each is the one timeout). */
    elapse() {
      const due = [...timers.values()];
      timers.clear();
      for (const run of due) run();
    },
    setVisible(value: boolean) {
      panel.visible = value;
      for (const l of viewState) l();
    },
    dispose() {
      for (const l of disposed) l();
    },
  };
}

suite('views: a webview page that never says ready is opened again', () => {
  test('should stop watching a page that says ready, and never reopen it', () => {
    const h = harness();
    assert.equal(h.timers.size, 1);
    h.watch.ready();
    assert.equal(h.timers.size, 0);
    h.elapse();
    assert.deepEqual(h.reopened, []);
    assert.deepEqual(h.warnings, []);
  });

  test('should reopen a silent page as the next attempt, saying why in the log', () => {
    const h = harness();
    h.elapse();
    assert.deepEqual(h.reopened, [1]);
    assert.match(h.warnings[0]!, /deal map: the page did not say it was ready within 10 s; opening it again/);
    assert.deepEqual(h.shown, []);
  });

  test('should tell the user once the reopens are spent, and stop', () => {
    const h = harness({ attempt: 2 });
    h.elapse();
    assert.deepEqual(h.reopened, [], 'no third reopen');
    assert.equal(h.shown.length, 1);
    assert.match(h.shown[0]!, /could not start its page.*Close it and open it again/);
    assert.match(h.warnings[0]!, /did not start after 3 tries/);
    assert.equal(h.timers.size, 0, 'nothing left running');
  });

  test('should not time a hidden page, and watch it again when it is shown (VS Code loads it anew)', () => {
    const h = harness({ visible: false });
    assert.equal(h.timers.size, 0, 'hidden from the start: not timed');
    h.setVisible(true);
    assert.equal(h.timers.size, 1);
    h.watch.ready();
    h.setVisible(false);
    h.setVisible(true);
    assert.equal(h.timers.size, 1, 'shown again: its new page must say ready');
    h.setVisible(false);
    assert.equal(h.timers.size, 0);
    h.elapse();
    assert.deepEqual(h.reopened, []);
  });

  test('should stop when the panel is closed', () => {
    const h = harness();
    h.dispose();
    assert.equal(h.timers.size, 0);
    h.elapse();
    assert.deepEqual(h.reopened, []);
  });
});
