import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { dealHeads, forEachPartyId, packDeals, unpackDeals } from '../../../src/core/store/packedDeals';
import { REPO } from '../corpus/fixtures';
import { syntheticArticle, syntheticLexicon } from '../corpus/syntheticArticles';

/** Articles with many deals: the seeds and synthetic ones. */
function dealsOfArticles() {
  const seeds = fs
    .readdirSync(path.join(REPO, 'seeds'))
    .map((f) => fs.readFileSync(path.join(REPO, 'seeds', f), 'utf8'));
  const texts = [...seeds, ...[0, 1, 2, 3, 4, 5].map((i) => syntheticArticle(i))];
  return texts.map((text, i) => analyse({ path: `a${i}.md`, text }, { lexicon: syntheticLexicon }).deals);
}

suite('packed deals', () => {
  test('forEachPartyId should give every deal’s party ids, in order, as unpacking does', () => {
    let total = 0;
    for (const deals of dealsOfArticles()) {
      const packed = packDeals(deals);
      const read: string[] = [];
      forEachPartyId(packed, (id) => read.push(id));
      assert.deepEqual(
        read,
        unpackDeals(packed, 'a.md').flatMap((d) => d.partyIds),
      );
      total += read.length;
    }
    assert.ok(total > 40, `the articles hold deals with parties (${total} party ids)`);
  });

  test('unpackDeals with positions should make just those deals, in the order asked, as unpacking all of them does', () => {
    let asked = 0;
    for (const deals of dealsOfArticles()) {
      const packed = packDeals(deals);
      const all = unpackDeals(packed, 'a.md');
      assert.equal(all.length, deals.length);
      // every position alone, the last and the first together (out of order), one asked twice, none
      const picks: number[][] = [...all.keys()].map((k) => [k]);
      if (all.length > 1) picks.push([all.length - 1, 0], [1, 1], []);
      for (const positions of picks) {
        assert.deepEqual(
          unpackDeals(packed, 'a.md', positions),
          positions.map((k) => all[k]),
          `positions ${positions.join(', ')}`,
        );
        asked += positions.length;
      }
      assert.deepEqual(
        dealHeads(packed),
        all.map((d) => ({ kind: d.kind, partyIds: d.partyIds })),
        'the heads: kind and party ids, in order',
      );
    }
    assert.ok(asked > 40, `deals asked for by position: ${asked}`);
  });
});
