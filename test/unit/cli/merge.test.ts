import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CorpusOutput, ExtractLine } from '../../../src/core/schema';
import { articleFiles, writeCorpus } from '../../../bench/lib/corpus.mjs';
import { FIXTURES, REPO } from '../corpus/fixtures';

/**
 * Map and reduce through the shipped command line: `newsmark extract --jsonl` on shards of a
 * generated corpus (the bench's generator, plus three articles that conflict), `newsmark merge`
 * on the shards, against `newsmark merge <folder>` — one run over the whole corpus.
 */
let cliRoot = '';
let workspace = '';
let files: string[] = [];
let oneRun = '';

function run(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(cliRoot, 'bin', 'newsmark.js'), ...args], {
    cwd: workspace,
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `files` split into consecutive shards of `sizes`, each written by `extract --jsonl`; their names. */
function writeShards(name: string, sizes: readonly number[]): string[] {
  let at = 0;
  return sizes.map((size, i) => {
    const shard = `${name}-${i}.jsonl`;
    const result = run(['extract', ...files.slice(at, (at += size)), '--jsonl', '--jobs', '1', '--out', shard]);
    assert.equal(result.status, 0, result.stderr);
    return shard;
  });
}

function even(n: number): number[] {
  return Array.from(
    { length: n },
    (_, i) => Math.floor(((i + 1) * files.length) / n) - Math.floor((i * files.length) / n),
  );
}

suite('cli: newsmark merge — shards of extract --jsonl give the corpus of one run', function () {
  this.timeout(300_000);

  suiteSetup(async () => {
    cliRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-merge-bin-'));
    fs.mkdirSync(path.join(cliRoot, 'bin'));
    fs.copyFileSync(path.join(REPO, 'bin', 'newsmark.js'), path.join(cliRoot, 'bin', 'newsmark.js'));
    await esbuild.build({
      entryPoints: [path.join(REPO, 'src', 'cli', 'main.ts')],
      outfile: path.join(cliRoot, 'dist', 'cli.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'silent',
      define: { VERSION: '"0.0.0-test"' },
    });
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-merge-'));
    writeCorpus(path.join(workspace, 'corpus'), { count: 30, parts: 2, seed: 14, targetBytes: 2500 });
    fs.cpSync(path.join(FIXTURES, 'workspace'), path.join(workspace, 'corpus', 'ws'), { recursive: true });
    // one lexicon for every run, found in the folder the commands run in
    fs.mkdirSync(path.join(workspace, '.newsmark'));
    fs.renameSync(
      path.join(workspace, 'corpus', 'ws', '.newsmark', 'lexicon.json'),
      path.join(workspace, '.newsmark', 'lexicon.json'),
    );
    fs.rmSync(path.join(workspace, 'corpus', 'ws', '.newsmark'), { recursive: true });
    files = articleFiles(path.join(workspace, 'corpus')).map((f) => path.relative(workspace, f));
    const one = run(['merge', 'corpus', '--jobs', '1']);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(one.stderr, '');
    oneRun = one.stdout;
  });

  suiteTeardown(() => {
    for (const dir of [cliRoot, workspace]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('one run should print the corpus document, valid against schemas/corpus.schema.json, with a conflict and deals across sources', () => {
    const document = CorpusOutput.parse(JSON.parse(oneRun));
    assert.equal(document.sources.length, files.length);
    assert.ok(
      document.conflicts.some((c) => c.key.id === 'entity:quarry-capital>entity:nimbrel-ai|investment|cumulative'),
    );
    assert.ok(
      document.deals.some((d) => new Set(d.mentions.map((m) => m.path)).size > 1),
      'a deal merged across sources',
    );
    assert.ok(document.entities.length > 50);
    assert.deepEqual(
      JSON.parse(run(['merge', 'corpus', '--jobs', '1', '--pretty']).stdout),
      document,
      '--pretty: the same document',
    );
  });

  test('should give the deals and conflicts of the last line of extract --jsonl over the whole corpus; every line valid against schemas/jsonl.schema.json', () => {
    const lines = run(['extract', 'corpus', '--jsonl', '--jobs', '1'])
      .stdout.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    for (const line of lines) assert.ok(ExtractLine.safeParse(line).success);
    const last = lines.at(-1) as { deals: unknown; conflicts: unknown };
    const document = JSON.parse(oneRun) as { deals: unknown; conflicts: unknown };
    assert.deepEqual(document.deals, last.deals);
    assert.deepEqual(document.conflicts, last.conflicts);
  });

  for (const [name, sizes] of [
    ['1', () => even(1)],
    ['2', () => even(2)],
    ['3', () => even(3)],
    ['8', () => even(8)],
    ['uneven', () => [1, files.length - 4, 3]],
  ] as const) {
    test(`should merge ${name} shard(s), given in any order, into the bytes of one run`, () => {
      const shards = writeShards(`split${name}`, sizes());
      const merged = run(['merge', ...[...shards].reverse()]);
      assert.equal(merged.status, 0, merged.stderr);
      assert.equal(merged.stderr, '');
      assert.equal(merged.stdout, oneRun);
    });
  }

  test('should read shards from standard input (-), and count a source that two shards hold once, saying so', () => {
    const halves = writeShards('half', even(2));
    const third = writeShards('third', even(3))[0]!; // its sources are in halves[0] too
    const stdin = run(['merge', '-'], halves.map((s) => fs.readFileSync(path.join(workspace, s), 'utf8')).join(''));
    assert.equal(stdin.stdout, oneRun);
    const twice = run(['merge', ...halves, third]);
    assert.equal(twice.status, 0, twice.stderr);
    assert.equal(twice.stdout, oneRun);
    const said = twice.stderr.trimEnd().split('\n');
    assert.equal(said.length, even(3)[0]);
    assert.match(
      said[0]!,
      /^newsmark: third-0\.jsonl:1: corpus\/\S+ was already merged from half-0\.jsonl:1 \(the same content\); counted once$/,
    );
  });

  test('should name the file and line of a corrupt or cut-short line, merge the rest and exit 1', () => {
    const shards = writeShards('bad', even(4));
    const lines = (shard: string) => fs.readFileSync(path.join(workspace, shard), 'utf8').split('\n');
    const corrupt = lines(shards[1]!);
    const lost = [JSON.parse(corrupt[1]!).source.path as string];
    corrupt[1] = '{"source": {"path": "corpus/x.md", "sha256": 12}, "facts": {}}';
    fs.writeFileSync(path.join(workspace, shards[1]!), corrupt.join('\n'));
    const cut = lines(shards[3]!).filter((l) => l !== '');
    cut.pop(); // the shard's own deals and conflicts
    lost.push(JSON.parse(cut.at(-1)!).source.path as string);
    fs.writeFileSync(path.join(workspace, shards[3]!), `${cut.join('\n').slice(0, -40)}`);
    const merged = run(['merge', ...shards]);
    assert.equal(merged.status, 1);
    const said = merged.stderr.trimEnd().split('\n');
    assert.equal(said.length, 2, merged.stderr);
    assert.match(said[0]!, /^newsmark: bad-1\.jsonl:2: not a line of newsmark extract --jsonl; skipped: /);
    assert.match(
      said[1]!,
      new RegExp(
        `^newsmark: bad-3\\.jsonl:${cut.length}: not a complete line of JSON \\(.*the shard may have been cut short\\); skipped$`,
      ),
    );
    const rest = run(['merge', ...files.filter((f) => !lost.includes(f)), '--jobs', '1']);
    assert.equal(rest.status, 0, rest.stderr);
    assert.equal(merged.stdout, rest.stdout, 'every other source merged');
  });

  test('should refuse to write --out over a shard, and reject a source line without its facts', () => {
    const [shard] = writeShards('guard', even(1));
    const refused = run(['merge', shard!, '--out', shard!]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /never writes over what it reads/);
    const old = fs
      .readFileSync(path.join(workspace, shard!), 'utf8')
      .split('\n')
      .map((l) => (l.startsWith('{"source"') ? l.replace(/,"facts":.*\}$/, '}') : l))
      .join('\n');
    fs.writeFileSync(path.join(workspace, 'old.jsonl'), old);
    const merged = run(['merge', 'old.jsonl']);
    assert.equal(merged.status, 1);
    assert.match(
      merged.stderr.split('\n')[0]!,
      /^newsmark: old\.jsonl:1: a source without its facts \(written by an older newsmark\?\); run newsmark extract --jsonl again; skipped$/,
    );
  });
});
