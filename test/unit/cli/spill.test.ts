/**
 * The CLI's large arrays, written in pieces. The spill file holds the deals' JSON on disk until
 * they are sorted: it must give back each item byte for byte, whatever its characters or size and
 * whether or not it has been flushed yet, and leave nothing in the temp directory, even when the
 * run is interrupted. The deals and conflicts arrays written in pieces must be the same bytes as
 * the ones built in memory.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { analyse } from '../../../src/core/analysis';
import { Corpus } from '../../../src/core/corpus/corpus';
import {
  CHARACTERS_PER_WRITE,
  dealsAsJson,
  writeConflictsArray,
  writeDealsArray,
  writeJsonArray,
} from '../../../src/cli/extract';
import { toExtractConflict, toExtractDeal } from '../../../src/core/extractOutput';
import { watchExit, type Output } from '../../../src/cli/output';
import { SpillError, SpillFile } from '../../../src/cli/spill';

const ROOT = path.resolve(__dirname, '..', '..', '..');

suite('spill file (deals held on disk until sorted)', () => {
  let temp = '';
  setup(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-spill-test-'));
  });
  teardown(() => fs.rmSync(temp, { recursive: true, force: true }));

  test('should give back every item byte for byte, in any order, flushed or not', () => {
    const spill = SpillFile.open(temp)!;
    assert.ok(spill);
    const items = [
      '',
      '{"a":1}',
      '"naïve café"',
      '"😀 emoji, 中文, zero\u200bwidth, \r\n CRLF"',
      'x'.repeat((1 << 20) + 17), // past a flush on its own
      '"\uFFFD"',
    ];
    for (let i = 0; i < 300; i++) items.push(`{"n":${i},"s":"${'é'.repeat(i)}"}`);
    // every other item as its UTF-8 bytes (a cache entry's facts table): mixed with texts in one write
    const indexes = items.map((item, i) => spill.add(i % 2 === 1 ? new TextEncoder().encode(item) : item));
    assert.deepEqual(
      indexes,
      items.map((_, i) => i),
    );
    // the last items are still waiting to be written: they are read from memory
    for (const i of [items.length - 1, 0, 4, 3, 2, 150, 1, 5]) assert.equal(spill.read(i), items[i], `item ${i}`);
    spill.add('after reads');
    assert.equal(spill.read(items.length), 'after reads');
    assert.throws(() => spill.read(items.length + 1), /no item/);
    spill.dispose();
    spill.dispose(); // twice is fine
    assert.deepEqual(fs.readdirSync(temp), [], 'nothing left in the temp directory');
  });

  test('should keep a private folder and say undefined when the temp directory cannot be used', () => {
    const spill = SpillFile.open(temp)!;
    const [folder] = fs.readdirSync(temp);
    assert.match(folder!, /^newsmark-spill-/);
    assert.equal(fs.statSync(path.join(temp, folder!, 'items')).mode & 0o777, 0o600);
    spill.dispose();
    assert.equal(SpillFile.open(path.join(temp, 'no', 'such', 'folder')), undefined);
    fs.writeFileSync(path.join(temp, 'a-file'), '');
    assert.equal(SpillFile.open(path.join(temp, 'a-file')), undefined);
    assert.deepEqual(fs.readdirSync(temp), ['a-file'], 'a failed open leaves nothing');
  });

  test('should remove its file when the run is ended by a signal', async () => {
    const script = path.join(temp, 'child.mts');
    fs.writeFileSync(
      script,
      [
        `import { SpillFile } from ${JSON.stringify(path.join(ROOT, 'src', 'cli', 'spill.ts'))};`,
        `const spill = SpillFile.open(${JSON.stringify(path.join(temp, 'spills'))});`,
        `for (let i = 0; i < 5000; i++) spill.add('x'.repeat(1000));`,
        `process.stdout.write('ready\\n');`,
        `setInterval(() => {}, 1000);`,
      ].join('\n'),
    );
    fs.mkdirSync(path.join(temp, 'spills'));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('ready') && resolve()));
    assert.equal(fs.readdirSync(path.join(temp, 'spills')).length, 1, 'the spill folder exists while it runs');
    const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`${code ?? signal}`)));
    child.kill('SIGTERM');
    assert.equal(await exited, '143', 'ended as the signal would, through the handler');
    assert.deepEqual(fs.readdirSync(path.join(temp, 'spills')), [], 'the spill folder is gone');
  });

  test('should say why in one line when the disk is full, and fall back to memory before writing a byte', () => {
    const full = (): never => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const spill = SpillFile.open(temp, full)!;
    spill.add('small: waits in memory');
    assert.throws(
      () => spill.add('x'.repeat(1 << 20)),
      (error: Error) => {
        assert.ok(error instanceof SpillError);
        assert.match(error.message, /^cannot write the temp file in .+: no space left on the device$/);
        return true;
      },
    );
    spill.dispose();
    assert.deepEqual(fs.readdirSync(temp), []);

    const corpus = dealCorpus();
    const lines: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((text: string) => lines.push(text) > 0) as typeof process.stderr.write;
    let written: string;
    try {
      written = collect((out) => writeDealsArray(out, corpus, SpillFile.open(temp, full)));
    } finally {
      process.stderr.write = write;
    }
    assert.equal(written, inMemoryDeals(corpus), 'the same bytes, from memory');
    assert.equal(lines.length, 1, lines.join(''));
    assert.match(
      lines[0]!,
      /^newsmark: cannot write the temp file in .+: no space left on the device; the deals are held in memory instead\n$/,
    );
    assert.deepEqual(fs.readdirSync(temp), [], 'the failed spill file is gone');
  });

  test('should give back every item added after a write fails, and take no more', () => {
    let writes = 0;
    const fillsUp = (fd: number, text: string | Uint8Array) => {
      const bytes = typeof text === 'string' ? Buffer.from(text) : text;
      // the second write puts part of its bytes in the file before the disk fills
      if (++writes === 2) fs.writeSync(fd, bytes.subarray(0, 1000));
      if (writes > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      fs.writeSync(fd, bytes);
    };
    const spill = SpillFile.open(temp, fillsUp)!;
    const items = Array.from({ length: 40 }, (_, i) => `{"n":${i},"s":"${'é'.repeat(40_000)}"}`);
    let failedAt = -1;
    items.forEach((item, i) => {
      try {
        assert.equal(spill.add(item), i);
      } catch (error) {
        assert.ok(error instanceof SpillError);
        if (failedAt < 0) failedAt = i;
      }
    });
    assert.ok(failedAt > 0, 'a write went through, a later one failed');
    assert.equal(spill.size, failedAt + 1, 'the item whose write failed is kept; none after it');
    for (let i = 0; i <= failedAt; i++) assert.equal(spill.read(i), items[i], `item ${i}`);
    assert.throws(() => spill.add('more'), /takes no more items/);
    assert.throws(() => spill.flush(), /takes no more items/);
    assert.equal(writes, 2, 'no write tried after the failed one');
    spill.dispose();
    assert.deepEqual(fs.readdirSync(temp), []);
  });

  test("should stop watching once, never taking away another watcher's signal handler", () => {
    const before = ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((e) => process.listenerCount(e));
    const count = () => ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit'].map((e) => process.listenerCount(e));
    const first = watchExit(() => {});
    const second = watchExit(() => {});
    first();
    first(); // a second stop (an output aborted after a failed commit) changes nothing
    assert.deepEqual(
      count(),
      before.map((n) => n + 1),
      "the second watcher's handlers are still there",
    );
    second();
    assert.deepEqual(count(), before);
  });

  test('should write the deals and conflicts arrays in pieces as the same bytes as in memory', () => {
    const corpus = dealCorpus();
    const deals = JSON.parse(inMemoryDeals(corpus)) as Array<{
      mentions: Array<{ path: string; start: number }>;
    }>;
    const places = deals.map((d) => `${d.mentions[0]!.path}@${d.mentions[0]!.start}`);
    assert.ok(new Set(places).size < places.length, `no two deals first told at one place: ${places.join(' ')}`);
    assert.equal(
      collect((out) => writeDealsArray(out, corpus)),
      inMemoryDeals(corpus),
    );
    assert.equal(`[${dealsAsJson(corpus).join(',')}]`, inMemoryDeals(corpus), 'held in memory (merge --pretty)');
    const conflicts = () => collect((out) => writeConflictsArray(out, corpus));
    const inMemory = () => JSON.stringify(corpus.conflicts().map(toExtractConflict));
    assert.ok((JSON.parse(conflicts()) as unknown[]).length >= 1, conflicts());
    assert.equal(conflicts(), inMemory(), 'before any verdict is cached');
    assert.equal(conflicts(), inMemory(), 'after');
  });

  test('should write an array of large items a million characters at a time, not a thousand items at a time', () => {
    // a conflict stated by hundreds of sources is hundreds of KB of JSON: a thousand of them made one string of many MB
    const large = Array.from({ length: 40 }, (_, i) => `{"n":${i},"s":"${'é'.repeat(300_000 + i)}"}`);
    const small = Array.from({ length: 2500 }, (_, i) => `{"n":${i}}`);
    for (const items of [large, small, [...small.slice(0, 10), ...large.slice(0, 5), ...small.slice(10)], []]) {
      const writes: string[] = [];
      writeJsonArray({ write: (t) => void writes.push(String(t)), commit: () => {}, abort: () => {} }, items);
      assert.equal(writes.join(''), `[${items.join(',')}]`);
      const biggest = Math.max(...items.map((item) => item.length), 0);
      for (const w of writes)
        // under the bound before its last item, then that item, and the commas between items
        assert.ok(w.length <= CHARACTERS_PER_WRITE + biggest + 1000, `a write of ${w.length} characters`);
      for (const w of writes) assert.ok(w.split('{"n":').length - 1 <= 1000, 'at most a thousand items a write');
    }
    assert.ok(large.join(',').length > 10 * CHARACTERS_PER_WRITE, 'the large items are many megabytes in all');
  });
});

/** Six short articles with deals (two first told in one sentence) and conflicting valuations. */
function dealCorpus(): Corpus {
  const lexicon = Lexicon.withAdditions();
  const corpus = new Corpus();
  const texts = [
    'Microsoft will invest $10 billion in OpenAI, the companies said on 23 January 2023.',
    'OpenAI said Microsoft invested $13 billion. Oracle signed a $30 billion cloud contract with OpenAI.',
    // two deals first told in one sentence: their order is decided by their ids
    'Nvidia agreed to invest up to $100 billion in OpenAI, and AMD signed a chip supply deal with OpenAI.',
    'SoftBank agreed to buy Ampere Computing for $6.5 billion. Oracle signed a $300 billion deal with OpenAI.',
    'OpenAI was valued at $300 billion, one report said.',
    'OpenAI was valued at $157 billion in October.',
  ];
  texts.forEach((text, i) => corpus.update(`src-${i}.md`, analyse({ path: `src-${i}.md`, text }, { lexicon })));
  return corpus;
}

/** The deals as `corpus.deals()` sorts them (byFirstMention), stringified at once: the reference the pieces must equal. */
function inMemoryDeals(corpus: Corpus): string {
  return JSON.stringify(corpus.deals('same-value').map(toExtractDeal));
}

function collect(write: (out: Output) => void): string {
  let text = '';
  const out: Output = {
    write: (t: string) => void (text += t),
    commit: () => {},
    abort: () => {},
  };
  write(out);
  return text;
}
