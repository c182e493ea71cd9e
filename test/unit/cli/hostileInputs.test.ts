import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  EMPTY_ANNOTATION_FILE,
  newAnnotation,
  serialiseAnnotationFile,
  upsert,
  withTag,
} from '../../../src/core/annotations/index';
import { ClaimsExport } from '../../../src/core/schema';
import { CliHarness, assertOneLine, makeFifo, permissionsApply, seedText, type CliRun } from './cliHarness';

/**
 * One bad input among good ones, for every command: the bad one is one line on stderr (no stack
 * trace) and exit 1, and everything else comes out exactly as it does without it. Inputs are
 * made here, at test time: nothing hostile is committed.
 */
const GOOD = {
  'a-contract.txt': '000_2619ed4e9be0e23f.txt',
  'c-relationship.txt': '002_71c83b9243e01aa3.txt',
  'e-investment.txt': '004_cab57fbbdb23375a.txt',
  'g-stake.txt': '001_45896242951b7f89.txt',
};

/** The extract runs each case is tried in: default, JSON lines, one thread, two worker threads. */
const EXTRACT_MODES: Readonly<Record<string, readonly string[]>> = {
  extract: [],
  'extract --jsonl': ['--jsonl'],
  'extract --jobs 1': ['--jobs', '1'],
  'extract --jobs 2 --jsonl': ['--jobs', '2', '--jsonl'],
};

interface BadInput {
  readonly name: string;
  /** Puts the bad thing into the `good` folder (or names it as an extra argument). */
  setup(h: CliHarness): { readonly extraArgs?: readonly string[]; readonly env?: Record<string, string> };
  readonly message: RegExp;
  readonly needsPermissions?: boolean;
  /** Only where worker threads are (a thread that runs out of memory). */
  readonly onlyInWorkers?: boolean;
  /** Given on the command line, not found in a folder (so not for check, which takes a folder). */
  readonly isArgument?: boolean;
}

const BAD_INPUTS: readonly BadInput[] = [
  {
    name: 'a binary file',
    setup: (h) => (
      fs.writeFileSync(
        h.at('good', 'b-image.md'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      ),
      {}
    ),
    message: /good\/b-image\.md: looks like a binary file/,
  },
  {
    name: 'a named pipe (never opened, so never waited on)',
    setup: (h) => (makeFifo(h.at('good', 'b-pipe.md')), {}),
    message: /good\/b-pipe\.md: is a named pipe \(FIFO\), not a file; skipped/,
  },
  {
    name: 'a broken symbolic link',
    setup: (h) => (fs.symlinkSync('no-such-article.md', h.at('good', 'b-broken.md')), {}),
    message: /good\/b-broken\.md: broken symbolic link/,
  },
  {
    name: 'a symbolic link that points to itself',
    setup: (h) => (fs.symlinkSync('b-self.md', h.at('good', 'b-self.md')), {}),
    message: /good\/b-self\.md: symbolic link loop$/,
  },
  {
    name: 'a symbolic link back to a folder above it (a loop, reported once)',
    setup: (h) => {
      fs.mkdirSync(h.at('good', 'b-loop'));
      fs.symlinkSync('..', h.at('good', 'b-loop', 'up'));
      return {};
    },
    message: /good\/b-loop\/up: symbolic link loop \(it leads back to .*good\); not followed/,
  },
  {
    name: 'an unreadable folder',
    needsPermissions: true,
    setup: (h) => {
      fs.mkdirSync(h.at('good', 'b-locked'));
      fs.writeFileSync(h.at('good', 'b-locked', 'hidden.md'), 'Locked away: $5 million.');
      fs.chmodSync(h.at('good', 'b-locked'), 0o000);
      return {};
    },
    message: /good\/b-locked: cannot be read \(permission denied\); skipped/,
  },
  {
    name: 'a path through a file',
    isArgument: true,
    setup: () => ({ extraArgs: ['good/a-contract.txt/inside.md'] }),
    message: /good\/a-contract\.txt\/inside\.md: no such file or folder \(a part of the path is a file, not a folder\)/,
  },
  {
    name: 'an engine crash on one article (test hook)',
    setup: (h) => (
      fs.writeFileSync(h.at('good', 'b-crash.md'), 'Vexa Robotics raised $5 million.\n'),
      { env: { NEWSMARK_FAULT: 'throw:b-crash.md' } }
    ),
    message: /good\/b-crash\.md: could not be analysed \(RangeError: injected by the test\); skipped/,
  },
  {
    name: "an article that fills a worker's heap (test hook)",
    onlyInWorkers: true,
    setup: (h) => (
      fs.writeFileSync(h.at('good', 'b-hog.md'), 'Vexa Robotics raised $5 million.\n'),
      { env: { NEWSMARK_FAULT: 'oom:b-hog.md', NEWSMARK_TEST_ISOLATED_HEAP_MB: '64' } }
    ),
    message: /good\/b-hog\.md: ran out of memory while being analysed \(with a heap of 64 MB\); skipped/,
  },
];

/** Removes what a case added to `good/` (locked folders unlocked first). */
function resetGood(h: CliHarness): void {
  for (const name of fs.readdirSync(h.at('good'))) {
    if (Object.hasOwn(GOOD, name)) continue;
    const full = h.at('good', name);
    if (fs.lstatSync(full).isDirectory()) fs.chmodSync(full, 0o755);
    fs.rmSync(full, { recursive: true, force: true });
  }
}

suite('cli: hostile inputs — one bad file is one line, the rest is intact', function () {
  this.timeout(120_000);
  const h = new CliHarness();
  const baselines = new Map<string, CliRun>();

  suiteSetup(async function () {
    this.timeout(120_000);
    await h.build();
    fs.mkdirSync(h.at('good'));
    for (const [name, seed] of Object.entries(GOOD)) fs.writeFileSync(h.at('good', name), seedText(seed));
    for (const [mode, args] of Object.entries(EXTRACT_MODES)) {
      const run = h.run(['extract', 'good', ...args]);
      assert.equal(run.status, 0, `${mode}: ${run.stderr}`);
      assert.equal(run.stderr, '');
      baselines.set(mode, run);
    }
  });
  suiteTeardown(() => h.dispose());
  teardown(() => resetGood(h));

  test('the baseline has every good article and a conflict between two of them', () => {
    const output = JSON.parse(baselines.get('extract')!.stdout);
    assert.deepEqual(
      output.sources.map((s: { path: string }) => s.path),
      Object.keys(GOOD).map((n) => `good/${n}`),
    );
    assert.ok(output.conflicts.length > 0);
    assert.equal(baselines.get('extract --jobs 2 --jsonl')!.stdout, baselines.get('extract --jsonl')!.stdout);
  });

  for (const bad of BAD_INPUTS) {
    for (const [mode, modeArgs] of Object.entries(EXTRACT_MODES)) {
      if (bad.onlyInWorkers && !modeArgs.includes('2')) continue;
      test(`${mode}: ${bad.name}`, function () {
        if (bad.needsPermissions && !permissionsApply()) {
          console.log('      (skipped: running as root without a way to switch users, permissions do not apply)');
          this.skip();
        }
        const { extraArgs = [], env } = bad.setup(h);
        const run = h.run(['extract', 'good', ...extraArgs, ...modeArgs], { env });
        assert.equal(run.status, 1, run.stderr);
        assertOneLine(run, bad.message, `${mode}, ${bad.name}`);
        assert.equal(run.stdout, baselines.get(mode)!.stdout, "the other articles' output, byte for byte");
      });
    }
  }

  test('extract: the deep nesting of the issue (20,000 ">", lists 2,000 deep) either analyses or is one line; the rest is intact', function () {
    this.timeout(480_000); // four runs, each overflowing the stack twice today (seconds each on a loaded machine)
    fs.writeFileSync(h.at('good', 'b-quotes.md'), `${'>'.repeat(20_000)} deep\n`);
    fs.writeFileSync(h.at('good', 'd-lists.md'), `${'- '.repeat(2_000)}deep\n`);
    for (const [mode, modeArgs] of Object.entries(EXTRACT_MODES)) {
      const run = h.run(['extract', 'good', ...modeArgs]);
      assert.doesNotMatch(run.stderr, /\n\s+at /, mode);
      const failed = run.stderr.split('\n').filter(Boolean);
      for (const line of failed)
        assert.match(
          line,
          /^newsmark: good\/(b-quotes|d-lists)\.md: could not be analysed \(RangeError: Maximum call stack size exceeded\); skipped/,
          mode,
        );
      assert.equal(run.status, failed.length > 0 ? 1 : 0, mode);
      assert.deepEqual(
        withoutSources(run.stdout, /good\/(b-quotes|d-lists)\.md/),
        withoutSources(baselines.get(mode)!.stdout, /$^/),
        mode,
      );
    }
  });

  test('extract: invalid UTF-8 is read with U+FFFD and one warning; the other articles are unchanged', () => {
    fs.writeFileSync(h.at('good', 'b-latin1.txt'), Buffer.from('Vexa Robotics lev\xe9 $5 million.\n', 'latin1'));
    for (const [mode, modeArgs] of Object.entries(EXTRACT_MODES)) {
      const run = h.run(['extract', 'good', ...modeArgs]);
      assert.equal(run.status, 0, mode);
      assertOneLine(
        run,
        /good\/b-latin1\.txt: is not valid UTF-8: 1 undecodable byte sequence\(s\) replaced by U\+FFFD/,
        mode,
      );
      assert.deepEqual(
        withoutSources(run.stdout, /b-latin1/, true),
        withoutSources(baselines.get(mode)!.stdout, /$^/, true),
        mode,
      );
    }
  });

  test('extract: standard input and a bad file together', () => {
    fs.writeFileSync(h.at('good', 'b-image.md'), Buffer.from([0, 1, 2, 3]));
    const run = h.run(['extract', 'good', '-', '--jsonl'], {
      input: 'Vexa Robotics raised $5 million from Sequoia.\n',
    });
    assert.equal(run.status, 1);
    assertOneLine(run, /b-image\.md: looks like a binary file/, 'stdin');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.slice(0, -1).map((l) => l.source.path),
      [...Object.keys(GOOD).map((n) => `good/${n}`), '-'],
    );
  });

  suite('check', () => {
    let baseline: CliRun;
    suiteSetup(() => {
      baseline = h.run(['check', 'good']);
      assert.equal(baseline.status, 0, baseline.stderr);
      assert.match(baseline.stdout, /conflict/);
    });

    for (const bad of BAD_INPUTS.filter((b) => !b.onlyInWorkers && !b.isArgument)) {
      test(`check: ${bad.name}`, function () {
        if (bad.needsPermissions && !permissionsApply()) {
          console.log('      (skipped: running as root without a way to switch users, permissions do not apply)');
          this.skip();
        }
        const { env } = bad.setup(h);
        const run = h.run(['check', 'good'], { env });
        assert.equal(run.status, 1, run.stderr);
        assertOneLine(run, bad.message, bad.name);
        const [lines, baseLines] = [run.stdout, baseline.stdout].map((o) => o.trimEnd().split('\n'));
        assert.deepEqual(lines!.slice(0, -1), baseLines!.slice(0, -1), 'the same conflicts and findings');
        assert.equal(
          lines!.at(-1),
          baseLines!.at(-1)!.replace(': ', ': 1 file or folder could not be read or analysed (listed on stderr), '),
        );
      });
    }

    test('check: an annotations file that is a named pipe is reported, not waited on', () => {
      fs.mkdirSync(h.at('good', '.newsmark'));
      makeFifo(h.at('good', '.newsmark', 'annotations.json'));
      const run = h.run(['check', 'good']);
      assert.match(run.stdout, /annotations\.json: invalid: cannot be read: is a named pipe/);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    });
  });

  suite('export', () => {
    /** Annotations on two good articles and on `b-bad.md`, which each case makes bad. */
    let baseline: ClaimsExport;
    const EPOCH = { SOURCE_DATE_EPOCH: '1764493200' };
    suiteSetup(() => {
      fs.mkdirSync(h.at('ann', '.newsmark'), { recursive: true });
      fs.chmodSync(h.at('ann'), 0o755);
      const contract = seedText(GOOD['a-contract.txt']);
      fs.writeFileSync(h.at('ann', 'a-contract.txt'), contract);
      const at = (text: string, quote: string) => ({
        start: text.indexOf(quote),
        end: text.indexOf(quote) + quote.length,
      });
      const file = [
        withTag(
          newAnnotation({
            source: 'a-contract.txt',
            text: contract,
            ...at(contract, '$38 billion'),
            now: '2025-11-30T09:00:00.000Z',
            id: 'ann-good',
          }),
          'verified',
          '2025-11-30T09:00:00.000Z',
        ),
        newAnnotation({
          source: 'b-bad.md',
          text: 'Vexa Robotics raised $5 million.',
          start: 0,
          end: 13,
          now: '2025-11-30T09:00:00.000Z',
          id: 'ann-bad',
        }),
      ].reduce(upsert, EMPTY_ANNOTATION_FILE);
      fs.writeFileSync(h.at('ann', '.newsmark', 'annotations.json'), serialiseAnnotationFile(file));
      const run = h.run(['export', 'ann'], { env: EPOCH });
      assert.equal(run.status, 0, run.stderr);
      baseline = ClaimsExport.parse(JSON.parse(run.stdout));
      assert.deepEqual(
        baseline.orphans.map((o) => [o.id, o.reason]),
        [['ann-bad', 'the source file was not found']],
      );
    });
    teardown(() => {
      const bad = h.at('ann', 'b-bad.md');
      if (fs.existsSync(bad) || isLink(bad)) fs.rmSync(bad, { force: true });
    });

    const EXPORT_CASES: ReadonlyArray<{
      name: string;
      make(file: string): Record<string, string> | void;
      message: RegExp;
      reason: RegExp;
    }> = [
      {
        name: 'a binary file',
        make: (f) => fs.writeFileSync(f, Buffer.from([0x50, 0x4b, 3, 4, 0, 0])),
        message: /b-bad\.md: looks like a binary file/,
        reason: /could not be read: looks like a binary file/,
      },
      {
        name: 'a named pipe',
        make: (f) => makeFifo(f),
        message: /b-bad\.md: is a named pipe/,
        reason: /could not be read: is a named pipe/,
      },
      {
        name: 'an engine crash (test hook)',
        make: (f) => (fs.writeFileSync(f, 'Vexa Robotics raised $5 million.\n'), { NEWSMARK_FAULT: 'throw:b-bad.md' }),
        message: /b-bad\.md: could not be analysed \(RangeError: injected by the test\)/,
        reason: /could not be analysed \(RangeError: injected by the test\)/,
      },
    ];
    for (const bad of EXPORT_CASES) {
      test(`export: ${bad.name} as an annotated source`, () => {
        const env = bad.make(h.at('ann', 'b-bad.md')) ?? {};
        const run = h.run(['export', 'ann'], { env: { ...EPOCH, ...env } });
        assert.equal(run.status, 1, run.stderr);
        assertOneLine(run, bad.message, bad.name);
        const output = ClaimsExport.parse(JSON.parse(run.stdout));
        assert.deepEqual(output.claims, baseline.claims, "the other sources' claims");
        assert.deepEqual(output.outsideClaims, baseline.outsideClaims);
        assert.deepEqual(
          output.orphans.map((o) => o.id),
          ['ann-bad'],
          'the annotation is kept, as an orphan',
        );
        assert.match(output.orphans[0]!.reason, bad.reason);
      });
    }
  });
});

/** The output without the sources whose path matches (and, with `isSourcesOnly`, without deals and conflicts). */
function withoutSources(stdout: string, pathPattern: RegExp, isSourcesOnly = false): unknown {
  const trimmed = stdout.trim();
  if (trimmed.startsWith('{"source"')) {
    const lines = trimmed
      .split('\n')
      .filter((l) => !(l.startsWith('{"source"') && pathPattern.test(JSON.parse(l).source.path)));
    return isSourcesOnly ? lines.filter((l) => l.startsWith('{"source"')) : lines;
  }
  const output = JSON.parse(trimmed);
  output.sources = output.sources.filter((s: { path: string }) => !pathPattern.test(s.path));
  return isSourcesOnly ? output.sources : output;
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
