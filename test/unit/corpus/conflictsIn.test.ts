import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus } from '../../../src/core/corpus/corpus';
import type { FigureConflicts } from '../../../src/core/facts/index';
import { analyseText } from './fixtures';

/**
 * `conflictsIn` judges a figure against groups of statements that judge alike, not against each
 * statement (issue 14: a fact stated by thousands of sources). It must answer exactly what the
 * figure-by-figure comparison (`statementsFor`) says: the same conflicting statements, in the same
 * order, the same reasons and counts, cut at the limit asked for.
 */
const QUALIFIERS = ['', 'about ', 'more than ', 'up to ', 'nearly '];
const VALUES = [
  '$2.4 billion',
  '$2.45 billion',
  '$2.41 billion',
  '$2.5 billion',
  '$3.1 billion',
  '$2.4 billion',
  '$2.3 billion to $2.5 billion',
  '€2.4 billion',
  '$24 billion',
];
const DATES = ['May 12, 2025', 'June 3, 2025', 'February 2, 2024', 'May 14, 2025'];

interface Source {
  readonly date: number;
  readonly figures: ReadonlyArray<readonly [number, number]>;
}

function textOf(i: number, source: Source): string {
  const lines = source.figures.map(
    ([q, v]) => `Quarry Capital’s cumulative investment in Nimbrel AI now stands at ${QUALIFIERS[q]}${VALUES[v]}.`,
  );
  return `# Notes ${i}\n\n${DATES[source.date]}\n\n${lines.join('\n\n')}\n`;
}

/** What `conflictsIn` must say, from `statementsFor` over every figure of the article. */
function expected(corpus: Corpus, path: string, text: string, limit: number): FigureConflicts[] {
  const out: FigureConflicts[] = [];
  for (const figure of analyseText(text, path).figures) {
    const facts = corpus.statementsFor(path, figure.id);
    const conflicting = facts?.others.filter((o) => o.verdict === 'conflict') ?? [];
    if (!facts || conflicting.length === 0) continue;
    out.push({
      key: facts.key,
      statement: facts.statement,
      conflicting: conflicting.slice(0, limit),
      conflictCount: conflicting.length,
    });
  }
  return out;
}

const source = fc.record({
  date: fc.nat(DATES.length - 1),
  figures: fc.array(fc.tuple(fc.nat(QUALIFIERS.length - 1), fc.nat(VALUES.length - 1)), {
    minLength: 1,
    maxLength: 3,
  }),
});

suite('corpus: conflictsIn judges by groups, and answers as figure by figure', () => {
  test('property: the same conflicts, order, reasons and counts as statementsFor, at any limit', function () {
    this.timeout(20_000);
    fc.assert(
      fc.property(
        fc.array(source, { minLength: 2, maxLength: 7 }),
        fc.integer({ min: 1, max: 4 }),
        (sources, limit) => {
          const corpus = new Corpus();
          const texts = sources.map((s, i) => [`n${i}.md`, textOf(i, s)] as const);
          for (const [path, text] of texts) corpus.update(path, analyseText(text, path));
          for (const [path, text] of texts) {
            assert.deepEqual(corpus.conflictsIn(path), expected(corpus, path, text, Number.POSITIVE_INFINITY));
            assert.deepEqual(corpus.conflictsIn(path, limit), expected(corpus, path, text, limit));
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  test('a fact many sources state: the count is every conflicting statement, the list only the limit', () => {
    const corpus = new Corpus();
    // one source in four says $3.1 billion, the others $2.4 billion
    for (let i = 0; i < 40; i++) {
      const path = `s${String(i).padStart(2, '0')}.md`;
      corpus.update(
        path,
        analyseText(
          textOf(i, { date: 0, figures: [[0, VALUES.indexOf(i % 4 === 0 ? '$3.1 billion' : '$2.4 billion')]] }),
          path,
        ),
      );
    }
    const [found] = corpus.conflictsIn('s00.md', 3);
    assert.equal(found!.statement.text, '$3.1 billion');
    assert.equal(found!.conflictCount, 30);
    assert.deepEqual(
      found!.conflicting.map((o) => [o.path, o.text, o.reason]),
      [
        ['s01.md', '$2.4 billion', '$3.1 billion and $2.4 billion are 23% apart, beyond 1%'],
        ['s02.md', '$2.4 billion', '$3.1 billion and $2.4 billion are 23% apart, beyond 1%'],
        ['s03.md', '$2.4 billion', '$3.1 billion and $2.4 billion are 23% apart, beyond 1%'],
      ],
    );
    assert.equal(corpus.conflictsIn('s01.md', 3)[0]!.conflictCount, 10);
  });
});
