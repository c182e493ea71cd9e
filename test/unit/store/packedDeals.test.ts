import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { forEachPartyId, packDeals, unpackDeals } from '../../../src/core/store/packedDeals';
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
});
