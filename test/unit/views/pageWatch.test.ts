import * as assert from 'node:assert/strict';
import { PageWatch, type WatchedPanel } from '../../../src/editor/views/pageWatch';

/** A webview panel as the watch sees it, with its events fired by hand, and timers run by hand. */
function harness(visible = true) {
  const viewState: (() => void)[] = [];
  const disposed: (() => void)[] = [];
  const htmls: string[] = [];
  let html = '';
  const panel = {
    visible,
    webview: {
      get html() {
        return html;
      },
      set html(value: string) {
        html = value;
        htmls.push(value);
      },
    },
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
  let loads = 0;
  const watch = new PageWatch(panel as unknown as WatchedPanel, {
    what: 'deal map',
    html: () => `<html>load ${++loads}</html>`,
    warn: (m) => warnings.push(m),
    giveUp: (m) => shown.push(m),
    timeoutMs: 10_000,
    maxReloads: 2,
    setTimer: (run) => {
      timers.set(++nextTimer, run);
      return nextTimer;
    },
    clearTimer: (t) => timers.delete(t as number),
  });
  return {
    watch,
    htmls,
    warnings,
    shown,
    timers,
    /** Runs the timers due now (all of them: each is the one timeout). */
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

suite('views: a webview page that never says ready is loaded again', () => {
  test('should load the page once and stop watching when it says ready', () => {
    const h = harness();
    assert.deepEqual(h.htmls, ['<html>load 1</html>']);
    assert.equal(h.timers.size, 1);
    h.watch.ready();
    assert.equal(h.timers.size, 0);
    h.elapse();
    assert.deepEqual(h.htmls, ['<html>load 1</html>'], 'a ready page is never loaded again');
    assert.deepEqual(h.warnings, []);
  });

  test('should load a silent page again with new HTML, twice, then tell the user once and stop', () => {
    const h = harness();
    h.elapse();
    assert.deepEqual(h.htmls, ['<html>load 1</html>', '<html>load 2</html>']);
    assert.match(h.warnings[0]!, /deal map: the page did not say it was ready within 10 s; loading it again/);
    h.elapse();
    assert.equal(h.htmls.length, 3);
    assert.equal(h.watch.reloadCount, 2);
    h.elapse();
    assert.equal(h.htmls.length, 3, 'no third reload');
    assert.equal(h.shown.length, 1);
    assert.match(h.shown[0]!, /could not load its page.*Close it and open it again/);
    assert.equal(h.timers.size, 0, 'nothing left running');
  });

  test('should be satisfied by the page loaded again', () => {
    const h = harness();
    h.elapse();
    h.watch.ready();
    assert.equal(h.watch.reloadCount, 0);
    h.elapse();
    assert.equal(h.htmls.length, 2);
    assert.deepEqual(h.shown, []);
  });

  test('should not time a hidden page, and watch it again when it is shown (VS Code loads it anew)', () => {
    const h = harness(false);
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
    assert.equal(h.htmls.length, 1);
  });

  test('should stop when the panel is closed', () => {
    const h = harness();
    h.dispose();
    assert.equal(h.timers.size, 0);
    h.elapse();
    assert.equal(h.htmls.length, 1);
  });
});
