import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { writeCorpus } from '../../../bench/lib/corpus.mjs';
import { FIXTURES, REPO } from '../corpus/fixtures';

/**
 * docs/scale.md's recipe for one machine, scripts/parallel-extract.sh, run as a user runs it: the
 * map step in parallel processes (GNU parallel, and xargs -P, its fallback), then the reduce
 * step; its corpus.json must be the bytes of `newsmark merge <corpus>`, one run.
 */
const SCRIPT = path.join(REPO, 'scripts', 'parallel-extract.sh');
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const HAS_BASH = has('bash');
const HAS_PARALLEL = has('parallel');
const HAS_XARGS = has('xargs');

let cliRoot = '';
let workspace = '';
let oneRun = '';

function newsmark(): string {
  return `node ${path.join(cliRoot, 'bin', 'newsmark.js')}`;
}

function runScript(out: string, env: Record<string, string> = {}) {
  return spawnSync('bash', [SCRIPT, 'corpus', out, '2', '7'], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...process.env, NEWSMARK: newsmark(), ...env },
  });
}

suite('scripts/parallel-extract.sh: map in parallel processes, reduce with newsmark merge', function () {
  this.timeout(300_000);

  suiteSetup(async function () {
    if (!HAS_BASH) this.skip();
    cliRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-parallel-bin-'));
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
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-parallel-'));
    const corpus = path.join(workspace, 'corpus');
    writeCorpus(corpus, { count: 24, parts: 2, seed: 7, targetBytes: 2500 });
    // articles that conflict, their lexicon where newsmark extract corpus/ finds it, and a folder newsmark skips
    fs.cpSync(path.join(FIXTURES, 'workspace'), path.join(corpus, 'ws'), { recursive: true });
    fs.mkdirSync(path.join(corpus, '.newsmark'));
    fs.renameSync(path.join(corpus, 'ws', '.newsmark', 'lexicon.json'), path.join(corpus, '.newsmark', 'lexicon.json'));
    fs.rmSync(path.join(corpus, 'ws', '.newsmark'), { recursive: true });
    fs.mkdirSync(path.join(corpus, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(corpus, 'node_modules', 'pkg', 'README.md'), 'Acme Corp raised $5 million.\n');
    fs.writeFileSync(
      path.join(corpus, 'ws', 'Field Notes (draft).MD'),
      'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI.\n',
    );
    const one = spawnSync('node', [path.join(cliRoot, 'bin', 'newsmark.js'), 'merge', 'corpus', '--jobs', '1'], {
      cwd: workspace,
      encoding: 'utf8',
    });
    assert.equal(one.status, 0, one.stderr);
    oneRun = one.stdout;
    assert.match(oneRun, /Field Notes \(draft\)\.MD/);
    assert.doesNotMatch(oneRun, /node_modules/);
    assert.match(oneRun, /"conflicts":\[\{/);
  });

  suiteTeardown(() => {
    for (const dir of [cliRoot, workspace]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const parallelTitle = HAS_PARALLEL
    ? 'with GNU parallel'
    : 'with GNU parallel (skipped: parallel is not installed here; the xargs -P test below runs the same recipe)';
  test(`${parallelTitle}: should write a shard per job and a corpus.json equal to one run`, function () {
    if (!HAS_PARALLEL) this.skip();
    const run = runScript('out-parallel');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^map: GNU parallel, 2 jobs, 7 articles per shard$/m);
    const shards = fs.readdirSync(path.join(workspace, 'out-parallel')).filter((f) => f.endsWith('.jsonl'));
    assert.deepEqual(shards.sort(), ['shard-1.jsonl', 'shard-2.jsonl', 'shard-3.jsonl', 'shard-4.jsonl']);
    assert.equal(fs.readFileSync(path.join(workspace, 'out-parallel', 'corpus.json'), 'utf8'), oneRun);
  });

  test(`with xargs -P, the fallback${HAS_XARGS ? '' : ' (skipped: xargs is not installed here)'}: should give the same corpus.json`, function () {
    if (!HAS_XARGS) this.skip();
    const run = runScript('out-xargs', { NEWSMARK_PARALLEL: 'xargs' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /^map: xargs -P \(NEWSMARK_PARALLEL=xargs\), 2 jobs, 7 articles per shard$/m);
    assert.equal(
      fs.readdirSync(path.join(workspace, 'out-xargs')).filter((f) => /^shard-\w+\.jsonl$/.test(f)).length,
      4,
    );
    assert.equal(fs.readFileSync(path.join(workspace, 'out-xargs', 'corpus.json'), 'utf8'), oneRun);
  });

  test('should refuse a folder that already has shards, and say when an article cannot be read but merge the rest (exit 1)', function () {
    if (!HAS_XARGS) this.skip();
    const again = runScript('out-xargs', { NEWSMARK_PARALLEL: 'xargs' });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already has shards/);
    const binary = path.join(workspace, 'corpus', 'part-0', 'broken.txt');
    fs.writeFileSync(binary, Buffer.from([0, 1, 2, 0, 255, 0]));
    try {
      const run = runScript('out-broken', { NEWSMARK_PARALLEL: 'xargs' });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /corpus\/part-0\/broken\.txt: /);
      assert.equal(fs.readFileSync(path.join(workspace, 'out-broken', 'corpus.json'), 'utf8'), oneRun);
    } finally {
      fs.rmSync(binary);
    }
  });
});
