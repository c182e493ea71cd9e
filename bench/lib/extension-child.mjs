// Row 5 (stub measurement): loads the production extension bundle with a minimal fake
// `vscode` module and times require() and activate(). The fake answers every property with a
// callable, constructible stub, so activate() runs its wiring but nothing real happens: no
// files are read, no extension host is involved. The real measurement is the VS Code harness
// (test/integration). Usage: node extension-child.mjs <extension.js> <package.json>
import { createRequire } from 'node:module';
import Module from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

const [bundle, packageJsonPath] = process.argv.slice(2);
const packageJSON = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
const calls = new Set();

function stub(path, isResult = false) {
  const cache = new Map();
  const self = new Proxy(function vscodeStub() {}, {
    set(target, prop, value) {
      cache.set(prop, value); // fields the extension sets on vscode objects (item.label = …)
      return true;
    },
    get(target, prop) {
      if (cache.has(prop)) return cache.get(prop);
      // what a call returns may be a Thenable (showErrorMessage, findFiles…): it resolves to nothing
      if (prop === 'then') return isResult ? (resolve) => resolve?.(undefined) : undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* empty() {};
      if (typeof prop === 'symbol') return undefined;
      if (!cache.has(prop)) cache.set(prop, stub(`${path}.${prop}`));
      return cache.get(prop);
    },
    apply() {
      calls.add(path);
      return stub(`${path}()`, true);
    },
    construct(target, args, newTarget) {
      calls.add(`new ${path}`);
      // `new vscode.EventEmitter()`: a stub; `super()` of a class extending a vscode class: its own instance
      return newTarget === self ? stub(`new ${path}`) : Object.create(newTarget.prototype);
    },
  });
  return self;
}

/** The module's value exports (classes, namespaces, enums, functions), read from @types/vscode. */
function fakeVscode() {
  const typings = readFileSync(createRequire(import.meta.url).resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set(
    [
      ...typings.matchAll(
        /^(?:\t| {4})export (?:declare )?(?:class|namespace|enum|function|const|let) ([A-Za-z_]\w*)/gm,
      ),
    ].map((m) => m[1]),
  );
  return Object.fromEntries([...names].map((name) => [name, stub(`vscode.${name}`)]));
}

const vscode = fakeVscode();
// settings as in a fresh install: none set, so every reader takes its default (a stub value
// would be an invalid setting, and activate() would spend its time reporting it)
vscode.workspace.getConfiguration = () => ({
  get: () => undefined,
  has: () => false,
  inspect: () => undefined,
  update: async () => undefined,
});
const load = Module._load;
Module._load = function loadWithFakeVscode(request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const memento = {
  get: (_key, fallback) => fallback,
  update: async () => undefined,
  keys: () => [],
  setKeysForSync: () => undefined,
};
const context = new Proxy(
  {
    subscriptions: [],
    extension: {
      id: `${packageJSON.publisher}.${packageJSON.name}`,
      packageJSON,
      extensionPath: dirname(packageJsonPath),
    },
    extensionPath: dirname(packageJsonPath),
    asAbsolutePath: (p) => `${dirname(packageJsonPath)}/${p}`,
    globalState: memento,
    workspaceState: memento,
  },
  { get: (target, prop) => (prop in target ? target[prop] : stub(`context.${String(prop)}`)) },
);

const result = { requireMs: null, evaluationMs: null, activateMs: null, settledMs: null, error: null, asyncErrors: [] };
process.on('unhandledRejection', (error) => result.asyncErrors.push(String(error?.message ?? error)));
process.on('uncaughtException', (error) => result.asyncErrors.push(String(error?.message ?? error)));
try {
  const t0 = performance.now();
  const extension = createRequire(import.meta.url)(bundle);
  result.requireMs = performance.now() - t0;
  // the bench's copy of the bundle marks when its code starts and ends running (bench/lib/build.mjs):
  // the rest of the require is reading and compiling it
  const { __newsmarkBenchBundleStarted: started, __newsmarkBenchBundleEvaluated: evaluated } = globalThis;
  result.evaluationMs = started !== undefined && evaluated !== undefined ? evaluated - started : null;
  const t1 = performance.now();
  const returned = extension.activate(context);
  result.activateMs = performance.now() - t1;
  if (returned && typeof returned.then === 'function') {
    await returned;
    result.settledMs = performance.now() - t1;
  }
  result.subscriptions = context.subscriptions.length;
} catch (error) {
  result.error = String(error?.stack ?? error)
    .split('\n')
    .slice(0, 4)
    .join(' | ');
}
await new Promise((resolve) => setTimeout(resolve, 50)); // let next-tick work surface its errors
result.vscodeCalls = calls.size;
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0); // timers the stubbed extension left behind do not keep the process alive
