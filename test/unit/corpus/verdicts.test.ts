import * as assert from 'node:assert/strict';
import { corpusOf, factLines } from './fixtures';

/**
 * Verdicts on small multi-article fixtures (test/fixtures/corpus/<folder>, see its README):
 * every fact two sources state, and whether they agree.
 */
suite('corpus: verdicts across the articles of a folder', () => {
  test('agree: the same contract value, and 31% against "about 31%"', () => {
    assert.deepEqual(factLines(corpusOf('agree')), [
      'agree: Nimbrel AI + Vantor Cloud (cloud-contract): deal-value: blog.md $12 billion; wire.md $12 billion',
      'agree: Quarry Capital → Nimbrel AI: stake: blog.md 31%; wire.md 31%',
    ]);
  });

  test('conflict: two different totals of the same investment', () => {
    const corpus = corpusOf('conflict');
    assert.deepEqual(factLines(corpus), [
      'conflict: Quarry Capital → Nimbrel AI: investment, cumulative: newsletter.md $3.1 billion; wire.md $2.4 billion',
    ]);
    assert.equal(corpus.conflicts()[0]!.reason, '$3.1 billion and $2.4 billion are 23% apart, beyond 1%');
  });

  test('approximations: "about" covers the rounding of the number as written, no more', () => {
    assert.deepEqual(factLines(corpusOf('approximations')), [
      'agree: Harbor Chips → Nimbrel AI: stake: a.md 10%; b.md 9.6%',
      'agree: Nimbrel AI: valuation: a.md $20 billion; b.md $20.4 billion',
      'conflict: Quarry Capital → Nimbrel AI: investment, cumulative: a.md $2.45 billion; b.md $2.4 billion',
    ]);
  });

  test('ranges: a value inside a range agrees, one outside conflicts; "up to" agrees with less', () => {
    const corpus = corpusOf('ranges');
    assert.deepEqual(factLines(corpus), [
      'conflict: Nimbrel AI + Vantor Cloud (cloud-contract): capacity: a.md 1–1.5 GW; b.md 1.2 GW; c.md 2 GW',
      'agree: Harbor Chips → Nimbrel AI: investment, 2026: a.md $10 billion; b.md $8 billion',
    ]);
    const gigawatt = corpus.statementsFor(
      'b.md',
      corpus.conflicts()[0]!.statements.find((s) => s.path === 'b.md')!.figureId,
    )!;
    assert.deepEqual(
      gigawatt.others.map((o) => [o.path, o.text, o.verdict]),
      [
        ['a.md', '1–1.5 GW', 'agree'],
        ['c.md', '2 GW', 'conflict'],
      ],
    );
  });

  test('different currencies: not compared, never a conflict', () => {
    const corpus = corpusOf('currencies');
    assert.deepEqual(factLines(corpus), [
      'incomparable: Nimbrel AI: funding, 2024: eu-desk.md €500 million; us-desk.md $540 million',
    ]);
    assert.deepEqual(corpus.conflicts(), []);
  });

  test('different periods: revenue of two years, and a stake stated two years apart, are not the same fact', () => {
    assert.deepEqual(factLines(corpusOf('periods')), []);
  });

  test('unrelated: the same kinds of figure about different companies share no fact', () => {
    assert.deepEqual(factLines(corpusOf('unrelated')), []);
  });

  test('the seeds: Microsoft\'s total investment in OpenAI conflicts ("~$13.5 billion" vs "$13 billion"); the AWS deal, the stake and the compute plan agree', () => {
    const corpus = corpusOf('seeds');
    assert.deepEqual(factLines(corpus), [
      'agree: Amazon Web Services + OpenAI (cloud-contract): deal-value: 000_2619ed4e9be0e23f.txt $38 billion; 004_cab57fbbdb23375a.txt $38 billion',
      'agree: OpenAI + Oracle (cloud-contract): capacity: 000_2619ed4e9be0e23f.txt 4.5 GW; 002_71c83b9243e01aa3.txt 4.5 GW',
      'conflict: Microsoft → OpenAI: investment, cumulative: 001_45896242951b7f89.txt ~$13.5 billion; 004_cab57fbbdb23375a.txt $13 billion',
      'agree: Microsoft → OpenAI: stake: 000_2619ed4e9be0e23f.txt 27%; 000_2619ed4e9be0e23f.txt 27%; 001_45896242951b7f89.txt ~27%',
      'agree: OpenAI: compute-commitment: 000_2619ed4e9be0e23f.txt $1.4 trillion; 001_45896242951b7f89.txt $1.4 trillion',
    ]);
    assert.equal(
      corpus.conflicts()[0]!.reason,
      '~$13.5 billion and $13 billion are 3.7% apart, beyond 1%; ~$13.5 billion allows ±0.05 billion as written',
    );
  });
});
