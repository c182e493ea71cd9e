import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { MAX_BROWSER_BUNDLE_BYTES, browserBuildOptions, browserBundleProblems } from '../../scripts/browserBundle.mjs';

const root = path.join(__dirname, '..', '..');

/** The browser build of `contents` (a module beside src/extension.web.ts), in memory. */
async function buildSnippet(contents: string): Promise<string> {
  const { entryPoints: _entry, ...options } = browserBuildOptions({
    absWorkingDir: root,
    write: false,
    logLevel: 'silent',
    sourcemap: false,
  });
  const result = await esbuild.build({
    ...options,
    stdin: { contents, resolveDir: path.join(root, 'src'), sourcefile: 'snippet.ts', loader: 'ts' },
  });
  return result.outputFiles![0]!.text;
}

/** The browser bundle (vscode.dev, github.dev) holds nothing Node-only: esbuild.mjs and package.json "browser". */
suite('browser bundle: src/extension.web.ts for a web worker extension host', () => {
  test('should build for production with no Node built-in, no global a web worker lacks, under 1 MB', async function () {
    this.timeout(120_000);
    const result = await esbuild.build(
      browserBuildOptions({ production: true, absWorkingDir: root, write: false, logLevel: 'silent' }),
    );
    const text = result.outputFiles!.find((f) => f.path.endsWith('extension.js'))!.text;
    assert.deepEqual(browserBundleProblems(text, { production: true }), []);
    assert.ok(text.length > 100_000, 'the bundle holds the engine');
    assert.ok(text.length < MAX_BROWSER_BUNDLE_BYTES);
    assert.match(text, /require\("vscode"\)/, 'vscode stays external');
  });

  test('should refuse an import of a Node built-in, naming the file that imports it', async () => {
    await assert.rejects(
      buildSnippet("import * as os from 'node:os';\nexport const cores = os.cpus().length;"),
      /Node built-in "node:os" \(imported by src\/snippet\.ts\)/,
    );
    await assert.rejects(
      buildSnippet("import { Worker } from 'worker_threads';\nexport const make = () => new Worker('x');"),
      /Node built-in "worker_threads"/,
    );
  });

  test('should refuse the desktop platform, which reaches Node through src/node and the worker pool', async () => {
    await assert.rejects(
      buildSnippet("import { nodePlatform } from './editor/nodePlatform';\nexport const p = nodePlatform();"),
      /Node built-in "node:(crypto|os|fs|path|worker_threads)" \(imported by src\/(editor|node|workers)\//,
    );
  });

  test('should find reads of Node globals and of the DOM, and not a property or a local variable with the same name', async () => {
    const text = await buildSnippet(
      [
        'export const a = process.env.HOME;',
        'export const b = Buffer.from("x");',
        'export const c = () => setImmediate(() => undefined);',
        'export const f = () => document.createElement("i");',
        'export const d = (unified: { process(): void }) => unified.process();',
        'export const e = (process: number) => process + 1;',
      ].join('\n'),
    );
    const problems = browserBundleProblems(text);
    assert.deepEqual(
      problems.map((p) => /`(\w+)`/.exec(p)?.[1]),
      ['process', 'Buffer', 'setImmediate', 'document'],
    );
    assert.match(problems[0]!, /process\.env\.HOME/, 'with the code around it');
    assert.deepEqual(
      browserBundleProblems(
        await buildSnippet('export const d = (unified: { process(): void }) => unified.process();'),
      ),
      [],
    );
  });

  test('should let a read guarded by its own typeof test pass, and still find the same global read unguarded (papaparse picks its global this way)', async () => {
    const guarded = await buildSnippet(
      'export const g = () => typeof self !== "undefined" ? self : typeof window !== "undefined" ? window : {};',
    );
    assert.deepEqual(browserBundleProblems(guarded), []);
    const minified = await buildSnippet('export const g = () => typeof window !== "undefined" ? window : {};');
    assert.deepEqual(browserBundleProblems(minified), []);
    const unguarded = await buildSnippet(
      'export const g = () => typeof window !== "undefined" ? self : window.location;',
    );
    assert.deepEqual(
      browserBundleProblems(unguarded).map((p) => /`(\w+)`/.exec(p)?.[1]),
      ['window'],
    );
  });

  test("should take a package's build for workers, not its build for pages (decode-named-character-reference decodes through `document` there)", async () => {
    const text = await buildSnippet(
      "import { decodeNamedCharacterReference } from 'decode-named-character-reference';\nexport const amp = decodeNamedCharacterReference('amp');",
    );
    assert.deepEqual(browserBundleProblems(text), []);
  });

  test('should refuse a production bundle over 1 MB', () => {
    const problems = browserBundleProblems('x'.repeat(MAX_BROWSER_BUNDLE_BYTES + 1), { production: true });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /over the 1024 KB/);
  });
});
