// Integration-test entry, loaded INSIDE the VS Code extension host (code-server's or Electron's).
// Same contract as @vscode/test-electron's `extensionTestsPath`: export run(): Promise<void>;
// resolve = all passed, reject = failures. test/integration/run.mjs compiles this folder to
// out/test/integration/suite/ (CommonJS, `vscode` and `mocha` external: mocha 11 is require()d
// from the repo's node_modules — mocha 12 is ESM-only and cannot be require()d here).
//
// Env (set by run.mjs; inherited by the extension host):
//   NEWSMARK_TEST_RESULTS  file to write {"passed":N,"failed":N,...} to (run.mjs prints its last line from it)
//   NEWSMARK_TEST_GREP     only run tests whose full title matches this regular expression
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Counts {
  passed: number;
  failed: number;
  pending: number;
  tests: number;
  durationMs: number;
  error?: string;
}

function report(counts: Counts): void {
  // A plain closing line that CI log readers understand, whatever the reporter printed before.
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  const file = process.env.NEWSMARK_TEST_RESULTS;
  if (file) {
    try {
      fs.writeFileSync(file, JSON.stringify(counts, null, 2));
    } catch (e) {
      console.error(`newsmark tests: cannot write ${file}: ${(e as Error).message}`);
    }
  }
}

export function run(): Promise<void> {
  const t0 = Date.now();
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.NEWSMARK_TEST_GREP;
  if (grep) mocha.grep(new RegExp(grep));

  return new Promise<void>((resolve, reject) => {
    try {
      const files = fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith('.test.js'))
        .sort();
      if (files.length === 0) throw new Error(`no *.test.js files in ${__dirname}`);
      for (const f of files) mocha.addFile(path.join(__dirname, f));

      const runner = mocha.run((failures) => {
        const s = runner.stats;
        report({
          passed: s?.passes ?? 0,
          failed: s?.failures ?? failures,
          pending: s?.pending ?? 0,
          tests: s?.tests ?? 0,
          durationMs: Date.now() - t0,
        });
        if (failures) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (e) {
      // A test file that throws while loading, or no test files at all.
      console.error(`newsmark tests: could not run the suite: ${e}`); // the host prints the stack
      report({ passed: 0, failed: 1, pending: 0, tests: 0, durationMs: Date.now() - t0, error: String(e) });
      reject(e);
    }
  });
}
