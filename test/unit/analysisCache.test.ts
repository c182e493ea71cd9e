import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse, type Analysis } from '../../src/core/analysis';
import { AnalysisCache, BoundedCache } from '../../src/core/analysisCache';
import { Lexicon } from '../../src/core/extract/entities/lexicon';
import fc from 'fast-check';
import { markdownArticle } from './parse/markdownArbitrary';

const repo = path.join(__dirname, '..', '..');
const lexicon = Lexicon.withAdditions();
const visible = (a: Analysis) =>
  JSON.stringify({
    figures: a.figures,
    entities: a.entities,
    claims: a.claims,
    deals: a.deals,
    sentences: a.sentences,
  });

suite('analysis cache: an edit re-does only what it touched, with the same result', () => {
  test('should give exactly the uncached analysis after random edits, insertions and deletions', function () {
    this.timeout(60_000);
    const seeds = fs
      .readdirSync(path.join(repo, 'seeds'))
      .map((f) => fs.readFileSync(path.join(repo, 'seeds', f), 'utf8'));
    let text = seeds.join('\n\n');
    const cache = new AnalysisCache();
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let step = 0; step < 25; step++) {
      const at = Math.floor(random() * text.length);
      const edit = ['x', '\n\n', '$5 billion ', '', 'OpenAI '][step % 5]!;
      text = edit === '' ? text.slice(0, at) + text.slice(at + 3) : text.slice(0, at) + edit + text.slice(at);
      const cached = analyse({ path: 'a.md', text }, { lexicon, cache });
      const fresh = analyse({ path: 'a.md', text }, { lexicon });
      assert.equal(visible(cached), visible(fresh), `step ${step}: edit at ${at}`);
    }
    assert.ok(cache.sections.size > 1);
  });

  test('should equal the uncached analysis over generated articles and random edits (property)', function () {
    this.timeout(300_000);
    const edit = fc.tuple(
      fc.nat(),
      fc.nat(8),
      fc.constantFrom(
        '',
        'x',
        '\n',
        '\n\n',
        '-->',
        '<!--',
        '```',
        '    ',
        '> ',
        '- ',
        '# ',
        '$5 billion ',
        'OpenAI ',
        '[ref1]: u\n',
      ),
    );
    fc.assert(
      fc.property(markdownArticle, fc.array(edit, { minLength: 1, maxLength: 6 }), (original, edits) => {
        const cache = new AnalysisCache();
        let text = original;
        analyse({ path: 'a.md', text }, { lexicon, cache });
        for (const [at, removed, inserted] of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + inserted + text.slice(start + removed);
          assert.equal(
            visible(analyse({ path: 'a.md', text }, { lexicon, cache })),
            visible(analyse({ path: 'a.md', text }, { lexicon })),
          );
        }
      }),
      { seed: 31, numRuns: 150 },
    );
  });

  test('should start the entity work afresh for a new lexicon', () => {
    const cache = new AnalysisCache();
    const text = 'Vexa signed a $2 million deal.';
    assert.deepEqual(
      analyse({ path: 'a.md', text }, { lexicon, cache }).entities.map((e) => e.name),
      [],
    );
    const custom = Lexicon.withAdditions({ entities: [{ name: 'Vexa', type: 'org' }] });
    assert.deepEqual(
      analyse({ path: 'a.md', text }, { lexicon: custom, cache }).entities.map((e) => e.name),
      ['Vexa'],
    );
  });

  test('should forget the least recently used entries beyond its capacity', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    assert.deepEqual([cache.get('a'), cache.get('b'), cache.get('c')], [1, undefined, 3]);
  });
});
