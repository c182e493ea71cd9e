import * as assert from 'node:assert/strict';
import { compareStatements } from '../../../src/core/facts/compare';
import type { DatedStatementView } from '../../../src/core/facts/views';
import { factTimeline, placeInTime } from '../../../src/core/views/factTimeline';
import { FactTimeline } from '../../../src/core/webviewMessages';
import { seededRandom } from '../seededRandom';
import { corpusOf } from '../corpus/fixtures';

const KEY = {
  id: 'entity:a>entity:b|investment|cumulative',
  subject: 'entity:a>entity:b',
  subjectName: 'A → B',
  metric: 'investment' as const,
  period: 'cumulative',
  label: 'A → B: investment, cumulative',
};

function statement(
  path: string,
  text: string,
  value: number | [number, number],
  extra: Partial<DatedStatementView> = {},
): DatedStatementView {
  return {
    path,
    figureId: `figure:${path.length}-${text.length}`,
    start: 0,
    end: text.length,
    text,
    sentence: `They said ${text}.`,
    kind: 'money',
    value,
    unit: 'USD',
    qualifier: null,
    isApprox: false,
    precision: null,
    asOf: null,
    dealDate: null,
    dateline: '2025-11-01',
    ...extra,
  };
}

suite('fact timeline: every statement of a fact, in time and value', () => {
  test('should mark "$13 billion" and "~$13.5 billion" as conflicting, each with the other as the reason', () => {
    const timeline = FactTimeline.parse(
      factTimeline({
        key: KEY,
        statements: [
          statement('a.md', '$13 billion', 13e9, { precision: 1e9 }),
          statement('b.md', '~$13.5 billion', 13.5e9, {
            isApprox: true,
            qualifier: 'about',
            precision: 1e8,
            dateline: '2025-11-08',
          }),
        ],
      }),
    );
    assert.deepEqual(
      timeline.points.map((p) => p.verdict),
      ['conflict', 'conflict'],
    );
    assert.equal(timeline.verdict, 'conflict');
    assert.match(timeline.points[0]!.reason!, /^Conflicts with b\.md \(~\$13\.5 billion\): .*3\.7% apart/);
    assert.deepEqual(
      timeline.points.map((p) => p.date),
      ['2025-11-01', '2025-11-08'],
    );
    assert.deepEqual(
      timeline.points.map((p) => p.dateSource),
      ['dateline', 'dateline'],
    );
  });

  test('should draw ranges as bars, "up to" as a ceiling and "more than" as a floor', () => {
    const timeline = factTimeline({
      key: KEY,
      statements: [
        statement('a.md', '$10-12 billion', [10e9, 12e9]),
        statement('b.md', 'up to $12 billion', 12e9, { qualifier: 'up-to' }),
        statement('c.md', 'more than $10 billion', 10e9, { qualifier: 'more-than' }),
        statement('d.md', '$11 billion', 11e9),
      ],
    });
    assert.deepEqual(
      timeline.points.map((p) => [p.shape, p.low, p.high]),
      [
        ['range', 10e9, 12e9],
        ['ceiling', null, 12e9],
        ['floor', 10e9, null],
        ['point', 11e9, 11e9],
      ],
    );
    assert.deepEqual(
      timeline.points.map((p) => p.verdict),
      ['agree', 'agree', 'agree', 'agree'],
    );
  });

  test('should not judge statements of one source against each other', () => {
    const timeline = factTimeline({
      key: KEY,
      statements: [statement('a.md', '$1 billion', 1e9), statement('a.md', '$5 billion', 5e9)],
    });
    assert.deepEqual(
      timeline.points.map((p) => p.verdict),
      ['alone', 'alone'],
    );
    assert.equal(timeline.verdict, null);
  });

  test('should not compare statements dated years apart, nor different currencies', () => {
    const apart = factTimeline({
      key: KEY,
      statements: [
        statement('a.md', '$1 billion', 1e9, { asOf: '2021-01' }),
        statement('b.md', '$5 billion', 5e9, { asOf: '2025-01' }),
      ],
    });
    assert.deepEqual(
      apart.points.map((p) => p.verdict),
      ['alone', 'alone'],
    );
    const currencies = factTimeline({
      key: KEY,
      statements: [statement('a.md', '$1 billion', 1e9), statement('b.md', '€5 billion', 5e9, { unit: 'EUR' })],
    });
    assert.deepEqual(
      currencies.points.map((p) => p.verdict),
      ['incomparable', 'incomparable'],
    );
  });

  test("should place a statement at its deal date, else its period's year, else its dateline", () => {
    assert.deepEqual(placeInTime(statement('a', '$1', 1, { dealDate: '2024-03' }), '2023'), {
      date: '2024-03',
      dateSource: 'stated',
    });
    assert.deepEqual(placeInTime(statement('a', '$1', 1), '2025-Q3'), { date: '2025-07', dateSource: 'period' });
    assert.deepEqual(placeInTime(statement('a', '$1', 1), 'FY2024'), { date: '2024', dateSource: 'period' });
    assert.deepEqual(placeInTime(statement('a', '$1', 1), 'cumulative'), {
      date: '2025-11-01',
      dateSource: 'dateline',
    });
    assert.deepEqual(placeInTime(statement('a', '$1', 1, { dateline: null }), null), {
      date: null,
      dateSource: 'none',
    });
  });

  test('should find the same verdicts as judging every pair (random statements)', () => {
    const next = seededRandom(7);
    for (let round = 0; round < 40; round++) {
      const statements = Array.from({ length: 2 + Math.floor(next() * 30) }, (_, i) => {
        const base = 10 + Math.floor(next() * 6);
        const qualifier = next() < 0.2 ? ('up-to' as const) : next() < 0.1 ? ('more-than' as const) : null;
        const asOf = next() < 0.5 ? `202${Math.floor(next() * 4)}-0${1 + Math.floor(next() * 9)}` : null;
        return statement(`s${Math.floor(next() * 6)}.md`, `$${base} billion`, base * 1e9, {
          qualifier,
          asOf,
          figureId: `figure:${i}`,
        });
      });
      const timeline = factTimeline({ key: KEY, statements });
      statements.forEach((s, i) => {
        const verdicts = statements.filter((o) => o.path !== s.path).map((o) => compareStatements(s, o).verdict);
        const expected = verdicts.includes('conflict')
          ? 'conflict'
          : verdicts.includes('agree')
            ? 'agree'
            : verdicts.includes('incomparable')
              ? 'incomparable'
              : 'alone';
        assert.equal(timeline.points[i]!.verdict, expected, `round ${round}, statement ${i}`);
      });
    }
  });

  test("should build the timeline of Microsoft's investment in OpenAI from the seeds", () => {
    const corpus = corpusOf('seeds');
    const conflict = corpus.conflicts().find((f) => f.key.label === 'Microsoft → OpenAI: investment, cumulative')!;
    const timeline = factTimeline(corpus.factStatements(conflict.key.id)!);
    assert.deepEqual(timeline.points.map((p) => `${p.text} ${p.verdict}`).sort(), [
      '$13 billion conflict',
      '~$13.5 billion conflict',
    ]);
    assert.deepEqual(timeline.points.map((p) => `${p.text} ${p.date ?? 'undated'} (${p.dateSource})`).sort(), [
      '$13 billion undated (none)',
      '~$13.5 billion 2025-11-01 (dateline)',
    ]);
    assert.equal(corpus.factStatements('entity:nobody|revenue|2020'), undefined);
  });
});
