import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodePersisted, encodePersisted } from '../../../src/core/store/persistedFacts';

/** `newsmark extract --cache DIR` as a user runs it: the built bundle, real files, twice. */
const repo = path.join(__dirname, '..', '..', '..');
const cli = path.join(repo, 'bin', 'newsmark.js');
let workspace = '';

function run(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [cli, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 512 << 20 });
}

/** The output of a run that must succeed. */
function extract(args: string[]): { stdout: string; stderr: string } {
  const result = run(['extract', ...args]);
  assert.equal(result.status, 0, result.stderr);
  return { stdout: result.stdout, stderr: result.stderr };
}

/** The run's last word on the cache: [read from it, analysed]. */
function cacheCounts(stderr: string): [number, number] {
  const match = /cache \S+: (\d+) articles? read from it, (\d+) analysed/.exec(stderr);
  assert.ok(match, `no cache line in: ${stderr}`);
  return [Number(match[1]), Number(match[2])];
}

function entriesIn(cache: string): string[] {
  const facts = path.join(workspace, cache, 'facts');
  return fs
    .readdirSync(facts)
    .flatMap((shard) => fs.readdirSync(path.join(facts, shard)).map((name) => path.join(facts, shard, name)));
}

/** The kept last lines of --jsonl (src/node/runLines.ts). */
function runLinesIn(cache: string): string[] {
  const runs = path.join(workspace, cache, 'runs');
  if (!fs.existsSync(runs) || !fs.statSync(runs).isDirectory()) return [];
  return fs
    .readdirSync(runs)
    .filter((n) => n.endsWith('.nmr'))
    .map((n) => path.join(runs, n));
}

/** `use` run with `text` appended to the first article of articles/`copy`, which is then put back as it was. */
function withAppended(copy: string, text: string, use: () => void): void {
  const folder = path.join(workspace, 'articles', copy);
  const file = path.join(folder, fs.readdirSync(folder)[0]!);
  const before = fs.readFileSync(file, 'utf8');
  try {
    fs.writeFileSync(file, `${before}${text}`);
    use();
  } finally {
    fs.writeFileSync(file, before);
  }
}

function lastLine(jsonl: string): string {
  return jsonl.slice(jsonl.lastIndexOf('\n', jsonl.length - 2) + 1);
}

suite('cli: newsmark extract --cache', function () {
  this.timeout(120_000);
  suiteSetup(function () {
    this.timeout(120_000);
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-cache-'));
    // 20 articles (enough for worker threads): the seeds four times, each copy with other numbers
    for (let copy = 0; copy < 4; copy++) {
      const folder = path.join(workspace, 'articles', `copy-${copy}`);
      fs.mkdirSync(folder, { recursive: true });
      for (const name of fs.readdirSync(path.join(repo, 'seeds'))) {
        const text = fs.readFileSync(path.join(repo, 'seeds', name), 'utf8');
        fs.writeFileSync(
          path.join(folder, name),
          copy === 0 ? text : text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + copy}`),
        );
      }
    }
  });
  suiteTeardown(() => fs.rmSync(workspace, { recursive: true, force: true }));
  setup(() => fs.rmSync(path.join(workspace, 'cache'), { recursive: true, force: true }));

  test('should give byte-identical JSON with and without the cache, cold and warm, in one thread and in workers', () => {
    const plain = extract(['articles', '--json']).stdout;
    assert.ok(JSON.parse(plain).deals.length > 0 && JSON.parse(plain).conflicts.length > 0);
    for (const jobs of ['1', '2']) {
      fs.rmSync(path.join(workspace, 'cache'), { recursive: true, force: true });
      const cold = extract(['articles', '--json', '--jobs', jobs, '--cache', 'cache']);
      assert.deepEqual(cacheCounts(cold.stderr), [0, 20], `--jobs ${jobs}`);
      assert.equal(cold.stdout, plain, `cold, --jobs ${jobs}`);
      const warm = extract(['articles', '--json', '--jobs', jobs, '--cache', 'cache']);
      assert.deepEqual(cacheCounts(warm.stderr), [20, 0], `--jobs ${jobs}`);
      assert.equal(warm.stdout, plain, `warm, --jobs ${jobs}`);
    }
  });

  test('should give the JSON lines of the map step byte for byte from the cache, whichever output filled it', () => {
    const plain = extract(['articles', '--jsonl']).stdout;
    assert.match(plain, /"facts":\{"engine":/);
    for (const filler of [['--json'], ['--jsonl', '--jobs', '2']]) {
      fs.rmSync(path.join(workspace, 'cache'), { recursive: true, force: true });
      const cold = extract(['articles', ...filler, '--cache', 'cache']);
      assert.deepEqual(cacheCounts(cold.stderr), [0, 20], filler.join(' '));
      for (const jobs of ['1', '2']) {
        const warm = extract(['articles', '--jsonl', '--jobs', jobs, '--cache', 'cache']);
        assert.deepEqual(cacheCounts(warm.stderr), [20, 0], `filled by ${filler.join(' ')}, --jobs ${jobs}`);
        assert.equal(warm.stdout, plain, `filled by ${filler.join(' ')}, --jobs ${jobs}`);
      }
    }
  });

  test('should keep the last line of --jsonl (deals and conflicts) and give it back byte for byte while no source changed', () => {
    const plain = extract(['articles', '--jsonl']).stdout;
    const cold = extract(['articles', '--jsonl', '--cache', 'cache']);
    assert.match(
      cold.stderr,
      /0 articles read from it, 20 analysed \(20 new\); the deals and conflicts made and kept\n/,
    );
    assert.equal(cold.stdout, plain);
    assert.equal(runLinesIn('cache').length, 1);
    for (const jobs of ['1', '2']) {
      const warm = extract(['articles', '--jsonl', '--jobs', jobs, '--cache', 'cache']);
      assert.match(warm.stderr, /20 articles read from it, 0 analysed; the deals and conflicts read from it\n/);
      assert.equal(warm.stdout, plain, `--jobs ${jobs}`);
    }
    // one file changed: another run, another line (the first kept too, for when the file goes back)
    withAppended(
      'copy-3',
      '\n\nMeanwhile Quillon agreed to buy Harrow Data for $1.2 billion, the companies said.\n',
      () => {
        const changed = extract(['articles', '--jsonl', '--cache', 'cache']);
        assert.match(
          changed.stderr,
          /19 articles read from it, 1 analysed \(1 changed\); the deals and conflicts made and kept/,
        );
        assert.equal(changed.stdout, extract(['articles', '--jsonl']).stdout);
        assert.notEqual(lastLine(changed.stdout), lastLine(plain));
        assert.equal(runLinesIn('cache').length, 2);
      },
    );
    const back = extract(['articles', '--jsonl', '--cache', 'cache']);
    assert.match(back.stderr, /; the deals and conflicts read from it/);
    assert.equal(back.stdout, plain);
    // the same files under other paths are other sources: their deals name other paths
    const moved = extract(['articles/copy-0', 'articles/copy-1', '--jsonl', '--cache', 'cache']);
    assert.match(moved.stderr, /the deals and conflicts made and kept/);
    assert.equal(moved.stdout, extract(['articles/copy-0', 'articles/copy-1', '--jsonl']).stdout);
  });

  test('should make the last line again, with one line, when the kept one is damaged, cut short or of another run', () => {
    const plain = extract(['articles', '--jsonl']).stdout;
    extract(['articles', '--jsonl', '--cache', 'cache']);
    const [kept] = runLinesIn('cache');
    const good = fs.readFileSync(kept!);
    // to standard output the line is checked whole first; to --out it is written as it is checked,
    // and taken back when a check fails
    const damaged = (bytes: Buffer) => {
      fs.writeFileSync(kept!, bytes);
      const warm = extract(['articles', '--jsonl', '--cache', 'cache']);
      assert.equal(warm.stdout, plain);
      fs.writeFileSync(kept!, bytes);
      const toFile = extract(['articles', '--jsonl', '--cache', 'cache', '--out', 'out.jsonl']);
      assert.equal(fs.readFileSync(path.join(workspace, 'out.jsonl'), 'utf8'), plain, 'the --out file');
      assert.equal(toFile.stderr, warm.stderr);
      return warm.stderr;
    };
    /** The kept file of `line` in one gzip member, its trailer saying `bytes` (its length by default). */
    const keptFileOf = (line: Buffer, bytes = line.length) => {
      const member = gzipSync(line);
      const trailer = Buffer.from(
        JSON.stringify({ newsmarkRunLine: 1, key: path.basename(kept!, '.nmr'), bytes, members: [member.length] }),
      );
      const tail = Buffer.alloc(8);
      tail.writeUInt32LE(trailer.length, 0);
      tail.write('NMRL', 4);
      return Buffer.concat([member, trailer, tail]);
    };
    const flipped = Buffer.from(good);
    flipped[100] ^= 0x10; // inside the first gzip member
    assert.match(
      damaged(flipped),
      /the deals and conflicts it kept were damaged \(a part of it does not read back .*\) and made again and kept/,
    );
    assert.ok(fs.readFileSync(kept!).equals(good), 'the line is kept again as it was');
    assert.match(damaged(good.subarray(0, good.length - 3)), /were damaged \(not a kept line\)/);
    assert.match(damaged(good.subarray(0, 1000)), /were damaged \((not a kept line|truncated)\)/);
    // a trailer edited by hand: members whose lengths still add up, one of them not a length
    const trailerLength = good.readUInt32LE(good.length - 8);
    const trailer = JSON.parse(good.subarray(good.length - 8 - trailerLength, good.length - 8).toString()) as {
      members: number[];
    };
    const total = trailer.members.reduce((n, m) => n + m, 0);
    const edited = Buffer.from(JSON.stringify({ ...trailer, members: [0, total] }));
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(edited.length, 0);
    tail.write('NMRL', 4);
    assert.match(
      damaged(Buffer.concat([good.subarray(0, total), edited, tail])),
      /were damaged \(its length is not what its trailer says\)/,
    );
    // found only once all of it was read (to --out: written, then taken back): a length the
    // trailer misstates, and a sound file whose line is not one of deals and conflicts
    const line = Buffer.from(lastLine(plain));
    fs.writeFileSync(kept!, keptFileOf(line)); // as runLines.ts writes it, bar gzip's level: read back
    assert.match(extract(['articles', '--jsonl', '--cache', 'cache', '--out', 'out.jsonl']).stderr, /read from it\n/);
    assert.equal(fs.readFileSync(path.join(workspace, 'out.jsonl'), 'utf8'), plain);
    assert.match(
      damaged(keptFileOf(line, line.length + 1)),
      /were damaged \(its length is not what its trailer says\)/,
    );
    const notDeals = Buffer.from(`{"source":${'1'.repeat(line.length - 13)}}\n`);
    assert.match(damaged(keptFileOf(notDeals)), /were damaged \(not a line of deals and conflicts\)/);
    // a whole, sound line of another run, under this run's name
    extract(['articles/copy-0', '--jsonl', '--cache', 'cache']);
    const other = runLinesIn('cache').find((f) => f !== kept)!;
    assert.match(damaged(fs.readFileSync(other)), /were damaged \(its trailer names another run\)/);
    assert.match(extract(['articles', '--jsonl', '--cache', 'cache']).stderr, /the deals and conflicts read from it/);
  });

  test('should keep the newest four lines, drop them with another build, and run on when none can be kept', () => {
    const inputs = [['articles'], ['articles/copy-0'], ['articles/copy-1'], ['articles/copy-2'], ['articles/copy-3']];
    for (const input of inputs) extract([...input, '--jsonl', '--cache', 'cache']);
    assert.equal(runLinesIn('cache').length, 4);
    // the oldest (all articles) was pruned: it is made again
    assert.match(extract(['articles', '--jsonl', '--cache', 'cache']).stderr, /the deals and conflicts made and kept/);
    assert.match(extract(['articles/copy-3', '--jsonl', '--cache', 'cache']).stderr, /read from it/);
    fs.writeFileSync(path.join(workspace, 'cache', 'newsmark-cache.json'), '{"format":1,"build":"0000000000000000"}\n');
    extract(['articles/copy-0', '--json', '--cache', 'cache']);
    assert.deepEqual(runLinesIn('cache'), []);
    // no folder for the lines (a file in its place): the output is whole, the line says why nothing was kept
    fs.rmSync(path.join(workspace, 'cache', 'runs'), { recursive: true, force: true });
    fs.writeFileSync(path.join(workspace, 'cache', 'runs'), 'not a folder');
    const plain = extract(['articles', '--jsonl']).stdout;
    const unkept = extract(['articles', '--jsonl', '--cache', 'cache']);
    assert.equal(unkept.stdout, plain);
    assert.match(
      unkept.stderr,
      /the deals and conflicts made; cannot keep the deals and conflicts in cache \((EEXIST|ENOTDIR)\), the next run makes them again/,
    );
  });

  test('should analyse a changed file alone, and the output follows the change', () => {
    extract(['articles', '--json', '--cache', 'cache']);
    withAppended('copy-2', '\nOpenAI agreed to pay Oracle $300 billion over five years, the companies said.\n', () => {
      const warm = extract(['articles', '--json', '--cache', 'cache']);
      assert.deepEqual(cacheCounts(warm.stderr), [19, 1]);
      assert.match(warm.stderr, /1 analysed \(1 changed\)/);
      assert.equal(warm.stdout, extract(['articles', '--json']).stdout);
      assert.ok(JSON.parse(warm.stdout).deals.some((d: { value: number | null }) => d.value === 300e9));
    });
  });

  test('should see a file rewritten with the same size and modification time', () => {
    extract(['articles', '--json', '--cache', 'cache']);
    const file = path.join(
      workspace,
      'articles',
      'copy-1',
      fs.readdirSync(path.join(workspace, 'articles', 'copy-1'))[1]!,
    );
    const before = fs.readFileSync(file, 'utf8');
    const { atime, mtime } = fs.statSync(file);
    try {
      const after = before.replace(/\$(\d)/, (_, d: string) => `$${(Number(d) + 1) % 10}`);
      assert.equal(Buffer.byteLength(after), Buffer.byteLength(before));
      assert.notEqual(after, before);
      fs.writeFileSync(file, after);
      fs.utimesSync(file, atime, mtime);
      assert.equal(Math.round(fs.statSync(file).mtimeMs), mtime.getTime()); // to the millisecond, as a clock tick would leave it
      const warm = extract(['articles', '--json', '--cache', 'cache']);
      assert.deepEqual(cacheCounts(warm.stderr), [19, 1]);
      assert.equal(warm.stdout, extract(['articles', '--json']).stdout);
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  test('should drop a truncated or damaged entry with one line, analyse that article again and repair the entry', () => {
    const plain = extract(['articles', '--json']).stdout;
    extract(['articles', '--json', '--cache', 'cache']);
    const [truncated, flipped] = entriesIn('cache');
    fs.writeFileSync(truncated!, fs.readFileSync(truncated!).subarray(0, 40));
    const raw = gunzipSync(fs.readFileSync(flipped!));
    raw[raw.length - 30] ^= 0x04;
    fs.writeFileSync(flipped!, gzipSync(raw));
    const warm = extract(['articles', '--json', '--cache', 'cache']);
    assert.deepEqual(cacheCounts(warm.stderr), [18, 2]);
    assert.equal(warm.stderr.match(/its cache entry was dropped/g)?.length, 2, warm.stderr);
    assert.match(warm.stderr, /checksum mismatch/);
    assert.equal(warm.stdout, plain);
    assert.deepEqual(cacheCounts(extract(['articles', '--json', '--cache', 'cache']).stderr), [20, 0]);
  });

  test('should find facts made by hand, with a checksum to match, where they are used: once, naming the article', () => {
    const plain = { json: extract(['articles', '--json']).stdout, jsonl: extract(['articles', '--jsonl']).stdout };
    extract(['articles', '--jsonl', '--cache', 'cache']);
    // one entry's facts name another path than its key: sound bytes, a valid CRC-32, facts that do not hold
    const file = entriesIn('cache')[3]!;
    const decoded = decodePersisted(gunzipSync(fs.readFileSync(file)));
    assert.equal(decoded.status, 'ok');
    if (decoded.status !== 'ok') return;
    const article = decoded.entry.key.path;
    const forged = gzipSync(
      encodePersisted({ ...decoded.entry, facts: { ...decoded.entry.facts, path: 'elsewhere.md' } }),
    );
    fs.writeFileSync(file, forged);
    // --jsonl with the last line kept: the facts are never needed, and the output is the same
    const warm = extract(['articles', '--jsonl', '--cache', 'cache']);
    assert.match(warm.stderr, /20 articles read from it, 0 analysed; the deals and conflicts read from it\n/);
    assert.equal(warm.stdout, plain.jsonl);
    // the last line to make again: the run stops there, says which article and removes its entry
    fs.rmSync(path.join(workspace, 'cache', 'runs'), { recursive: true });
    const stopped = run(['extract', 'articles', '--jsonl', '--cache', 'cache', '--out', 'stopped.jsonl']);
    assert.notEqual(stopped.status, 0);
    assert.equal(
      stopped.stderr.trim().split('\n').at(-1),
      `newsmark: ${article}: the facts its cache entry kept do not hold (facts name another path than the key); the entry is removed, and the next run analyses the article again; the output is incomplete`,
    );
    assert.equal(fs.existsSync(path.join(workspace, 'stopped.jsonl')), false, 'no output file');
    assert.equal(fs.existsSync(file), false, 'the entry is gone');
    const again = extract(['articles', '--jsonl', '--cache', 'cache']);
    assert.match(again.stderr, /19 articles read from it, 1 analysed \(1 new\); the deals and conflicts made and kept/);
    assert.equal(again.stdout, plain.jsonl);
    // without --jsonl the facts are read at once: that article is analysed again, with one line
    fs.writeFileSync(file, forged);
    const whole = extract(['articles', '--json', '--cache', 'cache']);
    assert.deepEqual(cacheCounts(whole.stderr), [19, 1]);
    assert.match(
      whole.stderr,
      new RegExp(
        `${article}: its cache entry was dropped \\(facts name another path than the key\\) and the article analysed again`,
      ),
    );
    assert.equal(whole.stdout, plain.json);
  });

  test('should drop every entry of another newsmark build at once, with one line', () => {
    extract(['articles', '--json', '--cache', 'cache']);
    fs.writeFileSync(path.join(workspace, 'cache', 'newsmark-cache.json'), '{"format":1,"build":"0000000000000000"}\n');
    const warm = extract(['articles', '--json', '--cache', 'cache']);
    assert.match(warm.stderr, /cache: 20 persisted entries of another newsmark build dropped/);
    assert.deepEqual(cacheCounts(warm.stderr), [0, 20]);
  });

  test('should analyse everything again under another workspace lexicon', () => {
    extract(['articles', '--json', '--cache', 'cache']);
    const lexicon = path.join(workspace, 'lexicon.json');
    fs.writeFileSync(
      lexicon,
      JSON.stringify({ version: 1, entities: [{ name: 'Vantor Cloud', type: 'org' }], notEntities: [] }),
    );
    try {
      const other = extract(['articles', '--json', '--cache', 'cache', '--lexicon', lexicon]);
      assert.deepEqual(cacheCounts(other.stderr), [0, 20]);
      assert.match(other.stderr, /20 for another lexicon/);
      assert.deepEqual(
        cacheCounts(extract(['articles', '--json', '--cache', 'cache', '--lexicon', lexicon]).stderr),
        [20, 0],
      );
    } finally {
      fs.rmSync(lexicon);
    }
  });

  test('should refuse a folder of other files as the cache, and touch nothing in it', () => {
    const notes = path.join(workspace, 'notes');
    fs.mkdirSync(notes, { recursive: true });
    fs.writeFileSync(path.join(notes, 'thesis.md'), 'my notes');
    const result = run(['extract', 'articles', '--json', '--cache', 'notes']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--cache: notes is not empty and is not a newsmark cache/);
    assert.equal(result.stdout, '');
    assert.deepEqual(fs.readdirSync(notes), ['thesis.md']);
  });

  test('should share the cache with newsmark check, which finds the same conflicts from it', () => {
    const first = run(['check', 'articles', '--cache', 'cache']);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(cacheCounts(first.stderr), [0, 20]);
    const second = run(['check', 'articles', '--cache', 'cache']);
    assert.deepEqual(cacheCounts(second.stderr), [20, 0]);
    assert.equal(second.stdout, first.stdout);
    assert.match(second.stdout, /conflict: /);
  });
});
