import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { CorpusOutput } from '../../../src/core/schema';
import { FIXTURES, articlesIn, lexicon as fixtureLexicon } from '../corpus/fixtures';
import { seededRandom } from '../seededRandom';
import { generatedArticles, mergeLines, shardLineOf } from './shardLines';

/**
 * The reduce step's promise: any split of the corpus into shards, in any order, merges into the
 * same corpus document — sources, entity index, deals, conflicts — byte for byte.
 */
suite('merge: shards of one corpus give the document of one run', function () {
  this.timeout(120_000);
  let lines: string[] = [];
  let oneRun = '';

  suiteSetup(() => {
    const builtIn = Lexicon.withAdditions();
    // the bench's generated articles, and three that disagree on a fact (a conflict to merge)
    lines = [
      ...generatedArticles(60).map((a) => shardLineOf(a, builtIn)),
      ...articlesIn(path.join(FIXTURES, 'workspace')).map((a) =>
        shardLineOf({ path: `ws/${a.path}`, text: a.text }, fixtureLexicon),
      ),
    ];
    oneRun = mergeLines(lines).json;
  });

  /** The lines split into `sizes` consecutive shards, the shards merged in `order`. */
  const merged = (sizes: readonly number[], order: readonly number[]) => {
    const shards: string[][] = [];
    let at = 0;
    for (const size of sizes) shards.push(lines.slice(at, (at += size)));
    assert.equal(at, lines.length);
    return mergeLines(order.flatMap((i) => shards[i]!)).json;
  };
  const even = (n: number) =>
    Array.from({ length: n }, (_, i) => Math.floor(((i + 1) * lines.length) / n) - Math.floor((i * lines.length) / n));

  test('should have something to merge: entities, deals across sources and a conflict', () => {
    const document = CorpusOutput.parse(JSON.parse(oneRun));
    assert.equal(document.sources.length, lines.length);
    assert.ok(document.entities.length > 100, `${document.entities.length} entities`);
    assert.ok(
      document.deals.some((d) => new Set(d.mentions.map((m) => m.path)).size > 1),
      'a deal merged across sources',
    );
    assert.ok(document.conflicts.length > 0, 'a conflict between sources');
    assert.ok(
      document.entities.some((e) => e.sources.length > 1),
      'an entity named by several sources',
    );
  });

  for (const shards of [1, 2, 3, 8]) {
    test(`should give the same bytes from ${shards} shard(s), in order and in reverse`, () => {
      const sizes = even(shards);
      const order = sizes.map((_, i) => i);
      assert.equal(merged(sizes, order), oneRun);
      assert.equal(merged(sizes, [...order].reverse()), oneRun);
    });
  }

  test('should give the same bytes from uneven shards (1, most, the rest) and from every line shuffled', () => {
    assert.equal(merged([1, lines.length - 4, 3], [2, 0, 1]), oneRun);
    const random = seededRandom(14);
    const shuffled = [...lines];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    assert.equal(mergeLines(shuffled).json, oneRun);
  });

  test('should count a source that two shards hold once', () => {
    const twice = [...lines.slice(0, 10), ...lines, ...lines.slice(-3)];
    const { json, merge } = mergeLines(twice);
    assert.equal(json, oneRun);
    assert.equal(merge.size, lines.length);
  });

  test('should keep, of two different contents under one path, the one whose sha256 sorts first, in either order', () => {
    const a = JSON.parse(lines[0]!) as { source: { path: string; sha256: string } };
    const b = JSON.parse(lines[1]!) as { source: { path: string; sha256: string } };
    b.source.path = a.source.path; // another version of the same article
    const other = JSON.stringify(b);
    const forward = mergeLines([lines[0]!, other]);
    const backward = mergeLines([other, lines[0]!]);
    assert.equal(forward.json, backward.json);
    const kept = [a.source.sha256, b.source.sha256].sort()[0];
    assert.deepEqual(forward.merge.sourceList(), [{ path: a.source.path, sha256: kept }]);
  });
});
