import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import {
  EMPTY_ANNOTATION_FILE,
  newAnnotation,
  serialiseAnnotationFile,
  upsert,
} from '../../../src/core/annotations/index';
import { CliHarness, assertOneLine, makeFifo, permissionsApply, seedText } from './cliHarness';

/**
 * `--out` never harms an input and never leaves half a file; the command line is parsed strictly.
 * Each refusal is one line and an exit status, and the inputs are byte for byte what they were.
 */
const ARTICLE = '000_2619ed4e9be0e23f.txt';

suite('cli: --out never harms an input; strict arguments', function () {
  this.timeout(120_000);
  const h = new CliHarness();
  let article: Buffer;

  suiteSetup(async function () {
    this.timeout(120_000);
    await h.build();
    article = Buffer.from(seedText(ARTICLE));
    fs.mkdirSync(h.at('in'));
    fs.mkdirSync(h.at('out'));
    fs.chmodSync(h.at('out'), 0o777);
  });
  suiteTeardown(() => h.dispose());
  setup(() => {
    fs.writeFileSync(h.at('in', 's.md'), article);
    fs.chmodSync(h.at('in', 's.md'), 0o644);
  });
  teardown(() => {
    for (const name of fs.readdirSync(h.at('out'))) fs.rmSync(h.at('out', name), { recursive: true, force: true });
  });

  const assertUntouched = () =>
    assert.ok(fs.readFileSync(h.at('in', 's.md')).equals(article), 'the article is byte for byte what it was');
  const refusedAsInput = /--out .+: is (the input .*s\.md|standard input); newsmark never writes over what it reads/;

  test('should refuse --out that is the input by the same path (the issue: 8,343 bytes → 245, exit 0)', () => {
    const run = h.run(['extract', 'in/s.md', '--out', 'in/s.md']);
    assert.equal(run.status, 2);
    assertOneLine(run, refusedAsInput, 'same path');
    assertUntouched();
  });

  test('should refuse --out that is the input by a ./ path, by a symbolic link, by a hard link, inside a folder argument', () => {
    fs.symlinkSync('../in/s.md', h.at('out', 'link.json'));
    fs.linkSync(h.at('in', 's.md'), h.at('out', 'hard.json'));
    for (const args of [
      ['in/s.md', '--out', './in/../in/s.md'],
      ['in/s.md', '--out', 'out/link.json'],
      ['in/s.md', '--out', 'out/hard.json'],
      ['in', '--out', 'in/s.md'],
      ['in', '--jsonl', '--out=out/link.json'],
    ]) {
      const run = h.run(['extract', ...args]);
      assert.equal(run.status, 2, args.join(' '));
      assertOneLine(run, refusedAsInput, args.join(' '));
      assertUntouched();
    }
    assert.ok(fs.lstatSync(h.at('out', 'link.json')).isSymbolicLink(), 'the link is still a link');
  });

  test('should refuse --out that is the file given as standard input, and standard output redirected into an input', () => {
    const run = h.run(['extract', '-', '--out', 'in/s.md'], { stdinFile: h.at('in', 's.md') });
    assert.equal(run.status, 2);
    assertOneLine(run, refusedAsInput, 'stdin');
    assertUntouched();
  });

  test('should refuse to write export output over the annotations file or an annotated article', () => {
    fs.mkdirSync(h.at('out', 'ws', '.newsmark'), { recursive: true });
    fs.writeFileSync(h.at('out', 'ws', 's.md'), article);
    const annotations = serialiseAnnotationFile(
      upsert(
        EMPTY_ANNOTATION_FILE,
        newAnnotation({
          source: 's.md',
          text: article.toString(),
          start: 0,
          end: 10,
          now: '2025-11-30T09:00:00.000Z',
          id: 'a1',
        }),
      ),
    );
    fs.writeFileSync(h.at('out', 'ws', '.newsmark', 'annotations.json'), annotations);
    for (const [out, what] of [
      ['out/ws/.newsmark/annotations.json', /is the annotations file/],
      ['out/ws/s.md', /is the input .*s\.md/],
      ['out/ws/.newsmark/claims.json', /inside a \.newsmark folder/],
    ] as const) {
      const run = h.run(['export', 'out/ws', '--out', out]);
      assert.equal(run.status, 2, out);
      assertOneLine(run, what, out);
    }
    assert.equal(fs.readFileSync(h.at('out', 'ws', '.newsmark', 'annotations.json'), 'utf8'), annotations);
    assert.ok(fs.readFileSync(h.at('out', 'ws', 's.md')).equals(article));
  });

  test("should write --out atomically: the old file's mode kept, no temporary file left", () => {
    fs.writeFileSync(h.at('out', 'x.json'), 'old');
    fs.chmodSync(h.at('out', 'x.json'), 0o640);
    const run = h.run(['extract', 'in/s.md', '--out', 'out/x.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(h.at('out', 'x.json'), 'utf8')).sources.length, 1);
    assert.equal(fs.statSync(h.at('out', 'x.json')).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(h.at('out')), ['x.json']);
  });

  test('should leave a read-only --out file alone', () => {
    fs.writeFileSync(h.at('out', 'kept.json'), 'old');
    fs.chmodSync(h.at('out', 'kept.json'), 0o444);
    const run = h.run(['extract', 'in/s.md', '--out', 'out/kept.json']);
    assert.equal(run.status, 3);
    assertOneLine(
      run,
      /cannot write --out out\/kept\.json: it is read-only \(mode 444\); it was left as it was/,
      'read-only file',
    );
    assert.equal(fs.readFileSync(h.at('out', 'kept.json'), 'utf8'), 'old');
  });

  test('should write through a symbolic link to the file it names, keeping the link', () => {
    fs.writeFileSync(h.at('out', 'target.json'), 'old');
    fs.symlinkSync('target.json', h.at('out', 'latest.json'));
    const run = h.run(['extract', 'in/s.md', '--out', 'out/latest.json']);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(fs.lstatSync(h.at('out', 'latest.json')).isSymbolicLink());
    assert.equal(JSON.parse(fs.readFileSync(h.at('out', 'target.json'), 'utf8')).sources.length, 1);
  });

  test('should say in one line why --out cannot be written, exit 3, and leave nothing behind', () => {
    const cases: Array<[string[], RegExp, number]> = [
      [
        ['--out', 'out/missing/x.json'],
        /cannot write --out out\/missing\/x\.json: the folder out\/missing does not exist; nothing was written/,
        3,
      ],
      [
        ['--out', 'in/s.md/x.json'],
        /cannot write --out in\/s\.md\/x\.json: a part of the path is a file, not a folder; nothing was written/,
        3,
      ],
      [['--out', 'out'], /--out out: is a folder; give a file name/, 2],
      [['--out', '/dev/full'], /cannot write --out \/dev\/full: no space left on the device/, 3],
    ];
    for (const [args, message, status] of cases) {
      for (const format of [[], ['--jsonl']]) {
        const run = h.run(['extract', 'in/s.md', ...args, ...format]);
        assert.equal(run.status, status, args.join(' '));
        assertOneLine(run, message, args.join(' '));
        assert.equal(run.stdout, '');
      }
    }
    assert.deepEqual(fs.readdirSync(h.at('out')), []);
    assertUntouched();
  });

  test('should say so when --out is in a read-only folder, leaving the old file as it was', function () {
    if (!permissionsApply()) {
      console.log('      (skipped: running as root without a way to switch users, permissions do not apply)');
      this.skip();
    }
    fs.mkdirSync(h.at('out', 'ro'));
    fs.writeFileSync(h.at('out', 'ro', 'x.json'), 'old');
    fs.chmodSync(h.at('out', 'ro', 'x.json'), 0o666);
    fs.chmodSync(h.at('out', 'ro'), 0o555);
    try {
      const run = h.run(['extract', 'in/s.md', '--out', 'out/ro/x.json']);
      assert.equal(run.status, 3);
      assertOneLine(
        run,
        /cannot write --out out\/ro\/x\.json: no permission to create a file in out\/ro; out\/ro\/x\.json was left as it was/,
        'read-only',
      );
      assert.equal(fs.readFileSync(h.at('out', 'ro', 'x.json'), 'utf8'), 'old');
      assert.deepEqual(fs.readdirSync(h.at('out', 'ro')), ['x.json']);
    } finally {
      fs.chmodSync(h.at('out', 'ro'), 0o755);
    }
  });

  test('should leave the old --out file and no temporary file when interrupted mid-run', async () => {
    fs.writeFileSync(h.at('out', 'x.json'), 'old');
    const big = `${article.toString()}\n\n`.repeat(300); // ~2.5 MB: seconds of work
    fs.writeFileSync(h.at('in', 'big.md'), big);
    try {
      const child = h.start(['extract', 'in/big.md', '--out', 'out/x.json']);
      const watcher = fs.watch(h.at('out'));
      // the temporary file appears before the analysis starts; the analysis takes seconds
      await new Promise<void>((resolve) =>
        watcher.on('change', (_event, name) => String(name).endsWith('.tmp') && resolve()),
      );
      watcher.close();
      const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`${code ?? signal}`)));
      child.kill('SIGTERM');
      assert.equal(await exited, '143', 'ended by the signal, through its handler');
      assert.equal(fs.readFileSync(h.at('out', 'x.json'), 'utf8'), 'old');
      assert.deepEqual(fs.readdirSync(h.at('out')), ['x.json'], 'the temporary file is gone');
    } finally {
      fs.rmSync(h.at('in', 'big.md'));
    }
  });

  test('should refuse a named pipe no one reads as --out instead of waiting for a reader', () => {
    makeFifo(h.at('out', 'pipe'));
    fs.chmodSync(h.at('out', 'pipe'), 0o666);
    const unread = h.run(['extract', 'in/s.md', '--out', 'out/pipe']);
    assert.equal(unread.status, 3);
    assertOneLine(unread, /cannot write --out out\/pipe: no program is reading from it/, 'unread pipe');
  });

  test('should stop quietly when standard output is closed early (newsmark extract … | head)', async () => {
    const child = h.start(['extract', 'in', '--jsonl']);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.stdout!.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    assert.ok(status === 141 || status === 0, `exit ${status}`);
    assert.equal(stderr, '');
  });

  suite('arguments (node:util parseArgs, strict)', () => {
    test('should read --out=a=b.json as the file a=b.json', () => {
      const run = h.run(['extract', 'in/s.md', '--out=out/a=b.json']);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(fs.readdirSync(h.at('out')), ['a=b.json']);
    });

    test('should refuse a value on a flag, an unknown short option, a missing value and a repeated option, writing nothing', () => {
      const cases: Array<[string[], RegExp]> = [
        [['--pretty=no'], /--pretty takes no value \(see: newsmark extract --help\)/],
        [
          ['-x'],
          /unknown option '-x' \(a file whose name starts with '-' goes after '--', as in: -- -x\) \(see: newsmark extract --help\)/,
        ],
        [['--jsonl', '--jobs'], /--jobs needs a value/],
        [['--jobs', '-1'], /--jobs needs a value \(a value that starts with '-' is written --jobs=-value\)/],
        [['--out', 'out/one.json', '--out', 'out/two.json'], /--out is given 3 times; give it once/],
        [['--jobs=0'], /--jobs needs a whole number from 1 to 64, not '0'/],
      ];
      for (const [args, message] of cases) {
        const run = h.run(['extract', 'in/s.md', '--out', 'out/x.json', ...args]);
        assert.equal(run.status, 2, args.join(' '));
        assertOneLine(run, message, args.join(' '));
        assert.deepEqual(fs.readdirSync(h.at('out')), [], `${args.join(' ')}: nothing written`);
      }
    });

    test('should read a file named like an option after --', () => {
      fs.writeFileSync(h.at('in', '-x.md'), article);
      try {
        const run = h.run(['extract', '--', 'in/-x.md']);
        assert.equal(run.status, 0, run.stderr);
        assert.equal(JSON.parse(run.stdout).sources[0].path, 'in/-x.md');
      } finally {
        fs.rmSync(h.at('in', '-x.md'));
      }
    });

    test('should refuse a schema name that is only an Object member (the issue: toString crashed)', () => {
      for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        const run = h.run(['schema', name]);
        assert.equal(run.status, 2, name);
        assertOneLine(
          run,
          new RegExp(
            `unknown schema '${name}' \\(known: extract, lexicon, annotations, claims, w3c, jsonl, corpus, deals\\)`,
          ),
          name,
        );
      }
    });

    test('should refuse a named pipe, a device and a socket as input with one line, never reading them', async () => {
      makeFifo(h.at('out', 'p.md'));
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(h.at('out', 'socket.md'), resolve));
      try {
        const cases = [
          ['out/p.md', /out\/p\.md: is a named pipe \(FIFO\), not a file; skipped/],
          ['/dev/zero', /\/dev\/zero: is a device, not a file; skipped/],
          ['out/socket.md', /out\/socket\.md: is a socket, not a file; skipped/],
        ] as const;
        for (const [input, message] of cases) {
          const run = h.run(['extract', input, 'in/s.md']);
          assert.equal(run.status, 1, input);
          assertOneLine(run, message, input);
          assert.equal(JSON.parse(run.stdout).sources.length, 1);
        }
        const walked = h.run(['extract', 'out', 'in/s.md']);
        assert.equal(walked.status, 1);
        assert.deepEqual(
          walked.stderr
            .trim()
            .split('\n')
            .map((l) => l.replace(/: is .*/, '')),
          ['newsmark: out/p.md', 'newsmark: out/socket.md'],
          'found by the walk, refused the same way',
        );
      } finally {
        server.close();
      }
    });
  });
});
