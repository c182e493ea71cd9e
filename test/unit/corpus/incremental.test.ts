import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse, type Analysis } from '../../../src/core/analysis';
import { Corpus } from '../../../src/core/corpus/corpus';
import type { CorpusChange } from '../../../src/core/facts/index';
import { summariseSource, type SourceFacts } from '../../../src/core/store/sourceFacts';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { seededRandom } from '../seededRandom';
import { FIXTURES, REPO, analyseText, articlesIn } from './fixtures';
import { syntheticArticle, syntheticLexicon } from './syntheticArticles';

/**
 * A corpus kept current one change at a time must answer every query exactly as a corpus built
 * once from the sources it ends with — whatever the order of the changes. The articles below
 * make entity ids resolve differently as they come and go: "Brightwater" is an alias of
 * Brightwater Analytics in one article and of Brightwater Labs in another (ambiguous while both
 * are there), and "Brightwater Analytics" is itself an alias of Brightwater Analytics Group in
 * one more article (two hops: its alias is added by hand, as no sentence makes the engine find
 * it); facts and deals of every article use those ids.
 */
const ALIASING = [
  'Brightwater Analytics Inc. opened an office in Leeds. Brightwater said it would hire 40 engineers. Brightwater Analytics has invested a total of $2.4 billion in Nimbrel AI.',
  'Analysts expect Brightwater to grow. Brightwater has invested a total of $3.1 billion in Nimbrel AI. Brightwater signed a $2 billion cloud contract with Vantor Cloud.',
  'Brightwater Labs (Brightwater) signed a $2 billion cloud contract with Vantor Cloud. Brightwater Labs is valued at $9 billion.',
  'Brightwater Analytics Group (Brightwater Analytics) is valued at $11 billion. Brightwater Analytics Group has invested a total of $2.4 billion in Nimbrel AI.',
  'Brightwater is valued at $9.5 billion. Brightwater signed a $2.5 billion cloud contract with Vantor Cloud in 2025.',
  'Nimbrel AI, also known as Nimbrel, raised $500 million in 2024. Nimbrel AI is valued at $20 billion.',
  'Nimbrel is valued at $22 billion. Quarry Capital holds a 30% stake in Nimbrel. Quarry Capital has invested a total of $2.4 billion in Nimbrel.',
];

interface Article {
  readonly name: string;
  readonly analysis: Analysis;
  readonly facts: (articlePath: string) => SourceFacts;
  readonly figureIds: readonly string[];
  readonly entityIds: readonly string[];
}

function article(
  name: string,
  text: string,
  lexicon?: Lexicon,
  alias?: { readonly of: string; readonly is: string },
): Article {
  const analysis = lexicon ? analyse({ path: name, text }, { lexicon }) : analyseText(text, name);
  if (alias) {
    const entity = analysis.entities.find((e) => e.id === alias.of)!;
    (entity as { aliases: readonly string[] }).aliases = [...entity.aliases, alias.is];
  }
  return {
    name,
    analysis,
    // the analysis does not depend on the path: the facts are made again for each path used
    facts: (articlePath) => summariseSource(articlePath, analysis),
    figureIds: analysis.figures.map((f) => f.id),
    entityIds: analysis.entities.flatMap((e) => [
      e.id,
      ...e.aliases.map((a) => `entity:${a.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`),
    ]),
  };
}

let articles: Article[] = [];

suiteSetup(function () {
  this.timeout(120_000);
  const seeds = Lexicon.withAdditions();
  articles = [
    ...ALIASING.map((text, i) => article(`aliasing-${i}`, text)),
    article(
      'two-hops',
      'Brightwater Analytics Group (BAG) is valued at $11 billion. BAG has invested a total of $2.4 billion in Nimbrel AI.',
      undefined,
      { of: 'entity:brightwater-analytics-group', is: 'Brightwater Analytics' },
    ),
    ...articlesIn(path.join(FIXTURES, 'workspace')).map((a) => article(a.path, a.text)),
    ...articlesIn(path.join(FIXTURES, 'ranges')).map((a) => article(`ranges-${a.path}`, a.text)),
    ...fs
      .readdirSync(path.join(REPO, 'seeds'))
      .slice(0, 3)
      .map((f) => article(f, fs.readFileSync(path.join(REPO, 'seeds', f), 'utf8'), seeds)),
    ...[0, 1, 2, 3].map((i) => article(`synthetic-${i}`, syntheticArticle(i), syntheticLexicon)),
  ];
});

/** Every query of the corpus, over every path, figure and entity id the articles have. */
function answers(corpus: Corpus, held: ReadonlyMap<string, Article>): unknown {
  const ids = [...new Set([...held.values()].flatMap((a) => a.entityIds))].sort();
  return {
    paths: corpus.paths(),
    facts: corpus.facts(),
    conflicts: corpus.conflicts(),
    deals: corpus.deals(),
    entities: ids.map((id) => [id, corpus.canonicalEntityId(id), corpus.entity(id), corpus.entityMentions(id)]),
    statements: [...held].map(([p, a]) => [
      p,
      a.figureIds.map((id) => corpus.statementsFor(p, id)),
      corpus.conflictsIn(p),
    ]),
    retained: corpus.retained(),
  };
}

function builtOnce(held: ReadonlyMap<string, Article>, order: readonly string[]): Corpus {
  const corpus = new Corpus();
  for (const p of order) corpus.updateFacts(held.get(p)!.facts(p));
  return corpus;
}

suite('corpus: kept current one change at a time, it answers as if built once', function () {
  this.timeout(300_000);

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    test(`should answer every query as a corpus built from the final sources (random updates, removes and renames, seed ${seed})`, () => {
      const next = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      const slots = Array.from({ length: 14 }, (_, i) => `${pick(['a', 'b', 'c'])}/${i}.md`);
      const corpus = new Corpus();
      const held = new Map<string, Article>();
      // a batch of changes, as the workspace announces them: their keys, looked up once at the end
      const batch = { keys: new Set<string>(), changed: new Set<string>(), paths: new Set<string>() };
      const note = (change: CorpusChange) => {
        change.affectedPaths.forEach((p) => batch.paths.add(p)); // read at once: the sources of this change
        change.affectedKeys.forEach((k) => batch.keys.add(k));
        change.changedPaths.forEach((p) => batch.changed.add(p));
      };
      for (let step = 1; step <= 60; step++) {
        const r = next();
        const present = [...held.keys()];
        if (r < 0.6 || present.length === 0) {
          const slot = pick(slots);
          const chosen = pick(articles);
          if (next() < 0.5) note(corpus.updateFacts(chosen.facts(slot)));
          else note(corpus.update(slot, chosen.analysis));
          held.set(slot, chosen);
        } else if (r < 0.8) {
          const slot = pick(present);
          note(corpus.remove(slot));
          held.delete(slot);
        } else {
          const from = pick(present);
          const to = pick(slots);
          note(corpus.rename(from, to));
          const moved = held.get(from)!;
          held.delete(from);
          held.set(to, moved);
        }
        if (step % 5 === 0) {
          const looked = new Set(corpus.pathsSharing(batch.keys, batch.changed));
          const missed = [...batch.paths].filter((p) => !looked.has(p));
          assert.deepEqual(
            missed,
            [],
            `a batch's sources, looked up at its end, should hold each change's (step ${step})`,
          );
          batch.keys.clear();
          batch.changed.clear();
          batch.paths.clear();
        }
        if (step % 10 === 0) {
          // a fact at a step, judged as it goes (the verdicts the changes dropped are not cached yet)
          assert.deepEqual(
            [...new Set([...corpus.conflictingPathsInSteps()].flat())].sort(),
            [...new Set(corpus.conflicts().flatMap((f) => f.statements.map((st) => st.path)))].sort(),
            `the sources in conflict, without the views (step ${step})`,
          );
          const sorted = [...held.keys()].sort();
          const expected = answers(builtOnce(held, sorted), held);
          assert.deepEqual(answers(corpus, held), expected, `after step ${step}`);
          assert.deepEqual(answers(builtOnce(held, [...sorted].reverse()), held), expected, 'built in another order');
        }
      }
    });
  }

  test('should keep nothing once every source is removed, after any history', () => {
    const next = seededRandom(9);
    const corpus = new Corpus();
    for (let i = 0; i < 40; i++)
      corpus.updateFacts(articles[Math.floor(next() * articles.length)]!.facts(`x/${i % 9}.md`));
    corpus.rename('x/1.md', 'y/1.md');
    for (const p of corpus.paths()) corpus.remove(p);
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
