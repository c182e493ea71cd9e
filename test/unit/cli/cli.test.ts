import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExtractOutput } from '../../../src/core/schema';

/** The `newsmark` command as a user runs it: the built bundle, real files, exit codes. */
const repo = path.join(__dirname, '..', '..', '..');
const cli = path.join(repo, 'bin', 'newsmark.js');
let workspace = '';

function run(args: string[], input?: string | Buffer): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { cwd: workspace, input, encoding: 'utf8', maxBuffer: 512 << 20 });
}

suite('cli: newsmark extract', function () {
  this.timeout(60_000);
  suiteSetup(function () {
    this.timeout(60_000);
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cli-'));
    fs.cpSync(path.join(repo, 'seeds'), path.join(workspace, 'seeds'), { recursive: true });
  });
  suiteTeardown(() => fs.rmSync(workspace, { recursive: true, force: true }));

  test('should extract every seed, valid against the schema, with deals merged across sources', () => {
    const result = run(['extract', 'seeds']);
    assert.equal(result.status, 0, result.stderr);
    const output = ExtractOutput.parse(JSON.parse(result.stdout));
    assert.equal(output.sources.length, 5);
    const aws = output.deals.find(
      (d) => d.kind === 'cloud-contract' && d.parties.join() === 'OpenAI,Amazon Web Services' && d.value === 38e9,
    );
    assert.ok(aws, 'the $38 billion OpenAI–AWS contract');
    // seed 003 names "OpenAI's new AWS deal" without its amount: the same contract
    assert.deepEqual([...new Set(aws.mentions.map((m) => path.basename(m.path)))].sort(), [
      '000_2619ed4e9be0e23f.txt',
      '003_2cdb283614b34690.txt',
      '004_cab57fbbdb23375a.txt',
    ]);
  });

  test('should report a missing path on stderr, exit 1 and still process the rest', () => {
    const result = run(['extract', 'no-such-file.md', 'seeds/000_2619ed4e9be0e23f.txt']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no-such-file\.md: no such file or folder/);
    assert.equal(JSON.parse(result.stdout).sources.length, 1);
  });

  test('should report a folder without articles', () => {
    fs.mkdirSync(path.join(workspace, 'empty-folder'), { recursive: true });
    const result = run(['extract', 'empty-folder']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no articles/);
  });

  test('should read an empty file, say so and give an empty source', () => {
    fs.writeFileSync(path.join(workspace, 'empty.md'), '');
    const result = run(['extract', 'empty.md']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /empty\.md: is empty/);
    assert.deepEqual(JSON.parse(result.stdout).sources[0].figures, []);
  });

  test('should refuse a binary file with a clear line and no stack trace', () => {
    fs.writeFileSync(path.join(workspace, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const result = run(['extract', 'image.txt', 'seeds/001_45896242951b7f89.txt']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /image\.txt: looks like a binary file/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(JSON.parse(result.stdout).sources.length, 1);
  });

  test('should decode invalid UTF-8 with replacement characters, as VS Code does, and say so', () => {
    fs.writeFileSync(
      path.join(workspace, 'latin1.txt'),
      Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' raised $5 million.')]),
    );
    const result = run(['extract', 'latin1.txt']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /not valid UTF-8/);
    const source = JSON.parse(result.stdout).sources[0];
    assert.equal(source.figures[0].text, '$5 million');
    assert.equal(source.diagnostics[0].code, 'invalid-utf8');
  });

  test('should drop a byte-order mark so offsets match the editor', () => {
    fs.writeFileSync(path.join(workspace, 'bom.md'), '\ufeffIt raised $5 million.');
    const figure = JSON.parse(run(['extract', 'bom.md']).stdout).sources[0].figures[0];
    assert.deepEqual([figure.start, figure.text], [10, '$5 million']);
  });

  test('should read standard input for "-"', () => {
    const result = run(['extract', '-'], 'OpenAI signed a $38 billion deal with AWS.');
    assert.equal(result.status, 0);
    assert.equal(JSON.parse(result.stdout).sources[0].figures[0].value, 38e9);
  });

  test('should stream one source per line with --jsonl, then the deals', () => {
    const lines = run(['extract', 'seeds', '--jsonl'])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.filter((l) => l.source).length, 5);
    assert.ok(Array.isArray(lines[lines.length - 1].deals));
  });

  test('should write to --out and print nothing', () => {
    const result = run(['extract', 'seeds', '--out', 'out.json']);
    assert.equal(result.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(workspace, 'out.json'), 'utf8')).sources.length, 5);
  });

  test('should use the workspace lexicon, and report an invalid one without losing the output', () => {
    fs.mkdirSync(path.join(workspace, 'ws', '.newsmark'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'ws', 'a.md'), 'Vexa signed a $2 million deal with Oracle.');
    fs.writeFileSync(
      path.join(workspace, 'ws', '.newsmark', 'lexicon.json'),
      JSON.stringify({ version: 1, entities: [{ name: 'Vexa Robotics', type: 'org', aliases: ['Vexa'] }] }),
    );
    const good = run(['extract', 'ws']);
    assert.equal(good.status, 0, good.stderr);
    assert.ok(JSON.parse(good.stdout).sources[0].entities.some((e: { name: string }) => e.name === 'Vexa Robotics'));
    fs.writeFileSync(path.join(workspace, 'ws', '.newsmark', 'lexicon.json'), '{"version": 2}');
    const bad = run(['extract', 'ws']);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /not a valid lexicon/);
    assert.equal(JSON.parse(bad.stdout).sources.length, 1);
  });

  test('should exit 2 with usage on a usage error, never a stack trace', () => {
    for (const args of [['extract'], ['extract', '--bogus', 'seeds'], ['frobnicate'], ['schema', 'nope'], []]) {
      const result = run(args);
      assert.equal(result.status, 2, `newsmark ${args.join(' ')}`);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });

  test('should give the same output and messages with --jobs 1 and in worker threads, in input order', () => {
    // a folder big enough for workers: the seeds and fixtures under several names, a binary
    // file, invalid UTF-8, a file too large for a worker's heap, and standard input
    const folder = path.join(workspace, 'many');
    fs.mkdirSync(folder, { recursive: true });
    const articles = [
      ...fs.readdirSync(path.join(repo, 'seeds')).map((f) => path.join(repo, 'seeds', f)),
      ...fs
        .readdirSync(path.join(repo, 'test', 'fixtures', 'articles'))
        .map((f) => path.join(repo, 'test', 'fixtures', 'articles', f)),
    ].filter((f) => /\.(md|txt)$/.test(f));
    for (let copy = 0; copy < 3; copy++)
      for (const file of articles) fs.copyFileSync(file, path.join(folder, `${copy}-${path.basename(file)}`));
    fs.writeFileSync(path.join(folder, '1-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    fs.writeFileSync(
      path.join(folder, '2-latin1.txt'),
      Buffer.from('Microsoft invested $13 billion in OpenAI \xe9t\xe9.\n', 'latin1'),
    );
    const seed = fs.readFileSync(articles[0]!, 'utf8');
    fs.writeFileSync(path.join(folder, '2-large.md'), `${seed}\n\n`.repeat(Math.ceil(1.2e6 / seed.length)));
    const outputs = ['1', '3'].map((jobs) => run(['extract', 'many', '-', '--jsonl', '--jobs', jobs], seed));
    for (const result of outputs) assert.equal(result.status, 1, result.stderr); // the binary file
    assert.ok(outputs[1]!.stdout.length > 1_000_000);
    assert.equal(outputs[1]!.stdout, outputs[0]!.stdout);
    assert.equal(outputs[1]!.stderr, outputs[0]!.stderr);
    assert.match(outputs[1]!.stderr, /1-binary\.md: looks like a binary file[\s\S]*2-latin1\.txt: is not valid UTF-8/);
    const paths = outputs[1]!.stdout
      .trim()
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line).source.path);
    assert.equal(paths.length, 3 * articles.length + 3);
    assert.deepEqual(paths.slice(0, -1), [...paths.slice(0, -1)].sort(), 'in the order the folder is walked');
    assert.equal(paths.at(-1), '-');
  });

  test('should refuse a --jobs that is not a whole number from 1 to 64', () => {
    for (const jobs of ['0', '-2', 'two', '1.5', '65']) {
      const result = run(['extract', 'seeds', `--jobs=${jobs}`]);
      assert.equal(result.status, 2, `--jobs ${jobs}`);
      assert.match(result.stderr, /--jobs needs a whole number from 1 to 64/);
    }
  });

  test('should print the JSON Schema generated from the zod schema', () => {
    const schema = JSON.parse(run(['schema', 'extract']).stdout);
    assert.match(schema.$id, /extract/);
    assert.ok(schema.properties.sources);
  });

  test('should process a 10 MB article', function () {
    this.timeout(300_000);
    const block = `${fs.readFileSync(path.join(workspace, 'seeds', '000_2619ed4e9be0e23f.txt'), 'utf8').trim()}\n\n`;
    const big = block.repeat(Math.ceil(10_000_000 / block.length));
    fs.writeFileSync(path.join(workspace, 'big.md'), big);
    const one = JSON.parse(run(['extract', '-'], block).stdout).sources[0].figures.length;
    const started = Date.now();
    const result = run(['extract', 'big.md', '--jsonl']);
    console.log(`      (10 MB extracted in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    assert.equal(result.status, 0, result.stderr);
    const source = JSON.parse(result.stdout.split('\n')[0]!).source;
    assert.equal(source.figures.length, one * Math.ceil(10_000_000 / block.length));
  });
});
