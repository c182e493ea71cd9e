// The integration suites in the browser's web worker extension host — what vscode.dev and
// github.dev run: test/web/run.mjs bundles this file for the browser (mocha's browser build,
// `node:assert/strict` on chai: strictAssert.ts) and loads it as `extensionTestsPath` next to the
// extension running its `browser` entry. Same contract as test/integration/suite/index.ts: export
// run(), resolve = all passed. The suites that need Node (durability: Node fs and a second writer
// process; large files: the CLI and worker threads; walkthrough: os.tmpdir) stay on the desktop;
// webHost.test.ts checks what only the browser build does.
// Its last line is `N passed, N failed` (the console reaches run.mjs through the workbench).
import 'mocha/mocha.js';

declare const mocha: BrowserMocha;

interface BrowserMocha {
  setup(options: { ui: 'tdd'; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}

export function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 60_000 });
  // required here, after setup, so that their suite() and test() are mocha's (bundled lazily); in
  // the desktop run's order (by file name), as they share one workspace; the browser's own last
  require('../../integration/suite/activation.test');
  require('../../integration/suite/annotations.test');
  require('../../integration/suite/contract.test');
  require('../../integration/suite/crossSource.test');
  require('../../integration/suite/deals.test');
  require('../../integration/suite/hover.test');
  require('../../integration/suite/lexicon.test');
  require('./webHost.test');
  return new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      console.log(`${stats?.passes ?? 0} passed, ${stats?.failures ?? failures} failed`);
      if (failures) reject(new Error(`${failures} test(s) failed in the web worker extension host.`));
      else resolve();
    });
  });
}
