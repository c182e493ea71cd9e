import * as assert from 'node:assert/strict';
import { analyse } from '../../../src/core/analysis';
import { Corpus } from '../../../src/core/corpus/corpus';
import { factsOf } from '../../../src/core/facts/factKey';
import type { RetainedCounts } from '../../../src/core/facts/views';
import { syntheticArticle, syntheticLexicon } from './syntheticArticles';

/**
 * The corpus must hold 10,000 articles of ~5 KB in at most 500 MB: 50 KB an article, for
 * everything. It keeps no analysis — only keyed statements, entity spans packed in typed
 * arrays, deals, and the sentences of claims — so what it keeps is counted here on synthetic
 * articles (claim-dense: one claim a paragraph) and priced with a deliberately generous model
 * of V8 object sizes. Measured with --expose-gc on 2,000 such articles: ~21 KB each (~30 KB
 * once every fact and deal has been queried and its verdict cached); on 2,000 copies of the
 * seeds with their numbers varied (~7 KB each, less dense): ~17 KB (~20 KB).
 */
const BYTES = {
  character: 2,
  source: 1_000,
  statement: 250,
  entity: 120,
  entityMention: 12,
  deal: 250,
  dealMention: 120,
} as const;
const BUDGET_PER_ARTICLE = 25_000;

function estimatedBytes(r: RetainedCounts): number {
  return (
    r.characters * BYTES.character +
    r.sources * BYTES.source +
    r.statements * BYTES.statement +
    r.entities * BYTES.entity +
    r.entityMentions * BYTES.entityMention +
    r.deals * BYTES.deal +
    r.dealMentions * BYTES.dealMention
  );
}

suite('corpus: what it keeps per article stays small', function () {
  this.timeout(60_000);
  const COUNT = 150;
  const corpus = new Corpus();
  let textLength = 0;
  let keyedFigures = 0;
  let figures = 0;
  let sentences = 0;

  suiteSetup(() => {
    for (let i = 0; i < COUNT; i++) {
      const text = syntheticArticle(i);
      const analysis = analyse({ path: `articles/${i}.md`, text }, { lexicon: syntheticLexicon });
      textLength += text.length;
      keyedFigures += factsOf(analysis).length;
      figures += analysis.figures.length;
      sentences += analysis.sentences.length;
      corpus.update(`articles/${i}.md`, analysis);
    }
  });

  test('should be fed articles of about 5 KB', () => {
    assert.ok(textLength / COUNT > 4_900 && textLength / COUNT < 5_500, `${textLength / COUNT}`);
  });

  test('should keep one statement per keyed figure, and nothing of the others or of sentences', () => {
    const retained = corpus.retained();
    assert.equal(retained.statements, keyedFigures);
    assert.ok(keyedFigures < figures, 'dates and unkeyed figures are not kept');
    assert.ok(retained.statements < sentences / 2, `${retained.statements} statements for ${sentences} sentences`);
  });

  test('should keep less text than the articles have (claim sentences once, names once)', () => {
    const retained = corpus.retained();
    assert.ok(retained.characters < 0.7 * textLength, `${retained.characters} of ${textLength} characters`);
  });

  test(`should fit 10,000 articles in 500 MB (at most ${BUDGET_PER_ARTICLE / 1000} KB an article by the size model)`, () => {
    const perArticle = estimatedBytes(corpus.retained()) / COUNT;
    assert.ok(perArticle <= BUDGET_PER_ARTICLE, `${Math.round(perArticle)} bytes an article`);
  });

  test('should not grow when articles are analysed again, nor with queries', () => {
    const before = corpus.retained();
    for (let i = 0; i < 10; i++)
      corpus.update(
        `articles/${i}.md`,
        analyse({ path: `articles/${i}.md`, text: syntheticArticle(i) }, { lexicon: syntheticLexicon }),
      );
    corpus.facts();
    corpus.deals();
    assert.deepEqual(corpus.retained(), before);
  });

  test('should keep nothing once every article is removed', () => {
    for (let i = 0; i < COUNT; i++) corpus.remove(`articles/${i}.md`);
    assert.deepEqual(corpus.retained(), {
      sources: 0,
      statements: 0,
      entities: 0,
      entityMentions: 0,
      deals: 0,
      dealMentions: 0,
      characters: 0,
      keys: 0,
      entityIds: 0,
      dealGroups: 0,
      pooledStrings: 0,
      pooledParties: 0,
    });
  });
});
