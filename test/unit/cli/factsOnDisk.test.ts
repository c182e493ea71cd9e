/**
 * `extract --jsonl` keeps each source's facts on disk while it analyses, then makes the deals
 * from a corpus of the entities and deals only, and the conflicts from one of the entities and
 * statements only. Those two must give the bytes one corpus of everything gives, aliases across
 * sources included; when the temp file cannot be made or the disk fills mid-run, the facts move
 * into memory with one line on stderr, and nothing is lost or left behind.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { Corpus } from '../../../src/core/corpus/corpus';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { movedTo, summariseSource, type SourceFacts } from '../../../src/core/store/sourceFacts';
import { writeConflictsArray, writeDealsAndConflictsLine, writeDealsArray } from '../../../src/cli/extract';
import { writeCorpus } from '../../../src/cli/merge';
import type { CorpusPart, FactStore } from '../../../src/core/corpus/corpusParts';
import { CorpusMerge } from '../../../src/core/merge/corpusMerge';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { FactsOnDisk } from '../../../src/cli/factsOnDisk';
import { OutputError, type Output } from '../../../src/cli/output';
import { SpillFile } from '../../../src/cli/spill';
import { readFactsTable, tableOf } from '../../../src/core/store/factsTable';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARTICLES = path.join(ROOT, 'test', 'fixtures', 'articles');

/**
 * Sources whose deal and whose conflicting valuations join only through an alias (HQS) that other
 * sources give: the second names the company by its initials alone. Made-up companies, so that no
 * lexicon entry joins them first.
 */
const JOINED_BY_ALIASES = [
  'Halvorsen Quantum Systems (HQS) signed a $4 billion supply contract with Corvanta Labs on 25 September 2025.',
  'HQS signed a $4 billion supply contract with Corvanta Labs. HQS was valued at $2 billion in March 2025.',
  'Halvorsen Quantum Systems (HQS) was valued at $3 billion in March 2025.',
];

function fixtureFacts(): SourceFacts[] {
  const lexicon = Lexicon.withAdditions();
  const facts = fs
    .readdirSync(ARTICLES)
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(ARTICLES, name), 'utf8');
      return summariseSource(name, analyse({ path: name, text }, { lexicon }));
    });
  JOINED_BY_ALIASES.forEach((text, i) => {
    const name = `aliases-${i}.md`;
    facts.push(summariseSource(name, analyse({ path: name, text }, { lexicon })));
  });
  return facts;
}

suite('facts on disk (extract --jsonl)', () => {
  let temp = '';
  let stderr: string[] = [];
  let write: typeof process.stderr.write;
  setup(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-facts-test-'));
    stderr = [];
    write = process.stderr.write;
    process.stderr.write = ((text: string) => stderr.push(text) > 0) as typeof process.stderr.write;
  });
  teardown(() => {
    process.stderr.write = write;
    fs.rmSync(temp, { recursive: true, force: true });
  });

  test('should make the deals and the conflicts of one corpus of everything, each from a corpus of one part', () => {
    const facts = fixtureFacts();
    const whole = new Corpus();
    facts.forEach((f) => whole.updateFacts(f));
    const onDisk = FactsOnDisk.open(SpillFile.open(temp));
    // every other source as its table's bytes, as a cache entry gives them (`extract --jsonl --cache`)
    facts.forEach((f, i) => {
      if (i % 2 === 0) onDisk.add(f);
      else onDisk.addKept(keptOf(f));
    });
    assert.ok(onDisk.isOnDisk);
    assert.equal(fs.readdirSync(temp).length, 1, 'the facts are in a temp file');

    const deals = onDisk.corpusOf('deals');
    const dealsKept = deals.retained();
    assert.equal(dealsKept.statements, 0, 'the deals corpus holds no statement');
    assert.equal(dealsKept.entityMentions, 0, 'nor where entities are mentioned');
    assert.equal(dealsKept.deals, whole.retained().deals);
    const expectedDeals = collect((out) => writeDealsArray(out, whole));
    assert.equal(
      collect((out) => writeDealsArray(out, deals)),
      expectedDeals,
    );
    // as the deals panel and `newsmark deals` merge them, too
    assert.deepEqual(deals.deals('join-differing'), whole.deals('join-differing'));

    const conflicts = onDisk.corpusOf('conflicts');
    const conflictsKept = conflicts.retained();
    assert.equal(conflictsKept.deals, 0, 'the conflicts corpus holds no deal');
    assert.equal(conflictsKept.entityMentions, 0);
    assert.equal(conflictsKept.statements, whole.retained().statements);
    const expectedConflicts = collect((out) => writeConflictsArray(out, whole));
    assert.equal(
      collect((out) => writeConflictsArray(out, conflicts)),
      expectedConflicts,
    );

    // what the comparison rests on: a deal and a conflict that only the aliases of other sources join
    const deal = (JSON.parse(expectedDeals) as Array<{ mentions: Array<{ path: string }> }>).find((d) =>
      d.mentions.some((m) => m.path === 'aliases-0.md'),
    );
    assert.deepEqual(
      deal?.mentions.map((m) => m.path),
      ['aliases-0.md', 'aliases-1.md'],
      'the HQS contract is one deal across its two sources',
    );
    const conflict = (
      JSON.parse(expectedConflicts) as Array<{ key: { id: string }; statements: Array<{ path: string }> }>
    ).find((c) => c.key.id === 'entity:halvorsen-quantum-systems|valuation|2025');
    assert.deepEqual(
      conflict?.statements.map((s) => s.path),
      ['aliases-1.md', 'aliases-2.md'],
      "HQS's two valuations conflict",
    );
    assert.deepEqual(stderr, []);
    onDisk.dispose();
    onDisk.dispose();
    assert.deepEqual(fs.readdirSync(temp), [], 'nothing left in the temp directory');
  });

  test('should let the corpus of the deals go before making the corpus of the conflicts (extract --jsonl, merge)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterCollection = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    /** A corpus of the deals with 64 MB of heap beside it, as a large corpus would have. */
    class HeavyCorpus extends Corpus {
      readonly ballast = new Array<number>(8_000_000).fill(0.5);
    }
    const measured = (write: (store: FactStore) => void): number => {
      let before = 0;
      let during = Number.NaN;
      write({
        add: () => {},
        corpusOf: (part: CorpusPart) => {
          if (part === 'deals') {
            before = heapAfterCollection();
            return new HeavyCorpus();
          }
          if (part === 'conflicts') during = heapAfterCollection();
          return new Corpus();
        },
      });
      return during - before;
    };
    const extractGrowth = measured((store) => writeDealsAndConflictsLine(sink(), store));
    assert.ok(extractGrowth < 32e6, `extract: ${(extractGrowth / 1e6).toFixed(1)} MB still held`);
    const mergeGrowth = measured((store) => writeCorpus(sink(), new CorpusMerge(store), false));
    assert.ok(mergeGrowth < 32e6, `merge: ${(mergeGrowth / 1e6).toFixed(1)} MB still held`);
  });

  test('should move the facts into memory, saying why in one line, when the disk fills mid-run', () => {
    // enough copies that the file is written once (a megabyte), then fails: some facts are on disk, some wait
    const facts = fixtureFacts();
    const many = Array.from({ length: 60 }, (_, k) => facts.map((f) => movedTo(f, `copy-${k}/${f.path}`))).flat();
    let writes = 0;
    const fillsUp = (fd: number, text: string | Uint8Array) => {
      if (++writes > 1) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      fs.writeSync(fd, typeof text === 'string' ? Buffer.from(text) : text);
    };
    const onDisk = FactsOnDisk.open(SpillFile.open(temp, fillsUp));
    // every third as a cache entry gives them: parsed from the file when moved, at once after
    many.forEach((f, i) => (i % 3 === 2 ? onDisk.addKept(keptOf(f)) : onDisk.add(f)));
    assert.equal(writes, 2, 'one write went through, the next failed');
    assert.equal(onDisk.isOnDisk, false);
    assert.equal(stderr.length, 1, stderr.join(''));
    assert.match(
      stderr[0]!,
      /^newsmark: cannot write the temp file in .+: no space left on the device; the facts are held in memory instead\n$/,
    );
    assert.deepEqual(fs.readdirSync(temp), [], 'the temp file is gone at once');

    const whole = new Corpus();
    many.forEach((f) => whole.updateFacts(f));
    assert.equal(onDisk.corpusOf('deals').retained().sources, many.length, 'no source lost');
    assert.equal(
      collect((out) => writeDealsArray(out, onDisk.corpusOf('deals'))),
      collect((out) => writeDealsArray(out, whole)),
    );
    assert.equal(
      collect((out) => writeConflictsArray(out, onDisk.corpusOf('conflicts'))),
      collect((out) => writeConflictsArray(out, whole)),
    );
    onDisk.dispose();
  });

  test('should hold the facts in memory, saying so once, when no temp file can be made', () => {
    const onDisk = FactsOnDisk.open(SpillFile.open(path.join(temp, 'no', 'such', 'folder')));
    assert.equal(onDisk.isOnDisk, false);
    assert.deepEqual(stderr, ['newsmark: cannot make a temp file; the facts are held in memory instead\n']);
    const facts = fixtureFacts();
    facts.forEach((f, i) => (i % 2 === 1 ? onDisk.addKept(keptOf(f)) : onDisk.add(f)));
    assert.equal(onDisk.corpusOf('conflicts'), onDisk.corpusOf('deals'), 'one corpus of everything');
    assert.equal(
      onDisk.corpusOf('deals').retained().statements,
      facts.reduce((n, f) => n + f.statements.length, 0),
    );
    onDisk.dispose();
  });

  test('should end the run naming the article, and remove its entry, when facts a cache entry kept do not hold', () => {
    const facts = fixtureFacts();
    const entryFile = path.join(temp, 'entry.nmf');
    // a table with a valid CRC-32 that does not hold: a string it lacks (made by hand)
    const table = tableOf(facts[1]!) as unknown as { statements: unknown[][]; strings: string[] };
    table.statements[0]![3] = table.strings.length + 5;
    const forged = { ...keptOf(facts[1]!, entryFile), factsTable: new TextEncoder().encode(JSON.stringify(table)) };
    for (const where of ['on disk', 'in memory'] as const) {
      fs.writeFileSync(entryFile, 'an entry');
      const file = path.join(temp, where === 'on disk' ? '.' : 'no-such-folder');
      const onDisk = FactsOnDisk.open(SpillFile.open(file));
      const isNamed = (error: Error) =>
        error instanceof OutputError &&
        error.message ===
          `${facts[1]!.path}: the facts its cache entry kept do not hold (facts table does not hold (${String(readFactsTable(table))})); the entry is removed, and the next run analyses the article again; the output is incomplete`;
      onDisk.add(facts[0]!);
      if (where === 'on disk') {
        onDisk.addKept(forged); // taken as it is, not parsed: found when the file is read back
        assert.ok(fs.existsSync(entryFile));
        assert.throws(() => onDisk.corpusOf('deals'), isNamed, where);
      } else assert.throws(() => onDisk.addKept(forged), isNamed, where);
      assert.equal(fs.existsSync(entryFile), false, `${where}: the entry is gone`);
      onDisk.dispose();
    }
    // a sound kept table with another path than its key's is refused too
    const onDisk = FactsOnDisk.open(SpillFile.open(temp));
    onDisk.addKept({ ...keptOf(facts[0]!), factsPath: 'elsewhere.md' });
    assert.throws(() => onDisk.corpusOf('conflicts'), /facts name another path than the key/);
    onDisk.dispose();
  });
});

/** A source's facts as `extract --jsonl --cache` gives a cached line's: its table's bytes. */
function keptOf(facts: SourceFacts, entryFile = path.join(os.tmpdir(), 'newsmark-no-such-entry.nmf')) {
  const factsTable = new TextEncoder().encode(JSON.stringify(tableOf(facts)));
  return { factsPath: facts.path, factsTable, path: facts.path, entryFile };
}

function sink(): Output {
  return { write: () => {}, commit: () => {}, abort: () => {} };
}

function collect(write: (out: Output) => void): string {
  let text = '';
  write({ write: (t: string) => void (text += t), commit: () => {}, abort: () => {} });
  return text;
}
