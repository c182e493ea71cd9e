import * as assert from 'node:assert/strict';
import { keysOf } from '../corpus/fixtures';

/**
 * Fact keys: what a figure measures — subject, metric, period — read from its claim. The
 * companies are the fixtures' fictional ones (test/fixtures/corpus/lexicon.json).
 */
suite('facts: fact keys', () => {
  const KEYED: ReadonlyArray<readonly [string, string, readonly string[]]> = [
    [
      'an investment with its scope, oriented by "in"',
      'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI.',
      ['$2.4 billion → Quarry Capital → Nimbrel AI: investment, cumulative'],
    ],
    [
      'the scope next to the cue, not the figure',
      'Quarry Capital’s cumulative investment in Nimbrel AI now stands at $3.1 billion.',
      ['$3.1 billion → Quarry Capital → Nimbrel AI: investment, cumulative'],
    ],
    [
      'an investment in a year, oriented by "into"',
      'Harbor Chips poured $800 million into Nimbrel AI in 2023.',
      ['$800 million → Harbor Chips → Nimbrel AI: investment, 2023'],
    ],
    [
      '"since" starts a span: not the period',
      'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI since 2021.',
      ['$2.4 billion → Quarry Capital → Nimbrel AI: investment, cumulative'],
    ],
    ['a stake', 'Quarry Capital holds a 31% stake in Nimbrel AI.', ['31% → Quarry Capital → Nimbrel AI: stake']],
    [
      'a stake and what it is worth, in one sentence',
      'Quarry Capital holds a 31% stake in Nimbrel AI worth $6 billion.',
      ['31% → Quarry Capital → Nimbrel AI: stake', '$6 billion → Quarry Capital → Nimbrel AI: stake-value'],
    ],
    [
      'the value of a contract: the deal is the subject',
      'Nimbrel AI signed a $12 billion cloud contract with Vantor Cloud.',
      ['$12 billion → Nimbrel AI + Vantor Cloud (cloud-contract): deal-value'],
    ],
    [
      '"valued at" after a deal noun',
      'Nimbrel AI and Vantor Cloud unveiled a partnership valued at $12 billion.',
      ['$12 billion → Nimbrel AI + Vantor Cloud (cloud-contract): deal-value'],
    ],
    [
      'the capacity of a deal',
      'The Vantor Cloud deal gives Nimbrel AI 1.2 GW of capacity.',
      ['1.2 GW → Nimbrel AI + Vantor Cloud (cloud-contract): capacity'],
    ],
    [
      'a valuation after a label',
      'Nimbrel AI’s valuation: roughly $20 billion.',
      ['$20 billion → Nimbrel AI: valuation'],
    ],
    [
      '"valued at" after a company',
      'Nimbrel AI is valued at $20.4 billion.',
      ['$20.4 billion → Nimbrel AI: valuation'],
    ],
    [
      'revenue in a year',
      'Nimbrel AI reported revenue of $900 million in 2024.',
      ['$900 million → Nimbrel AI: revenue, 2024'],
    ],
    [
      'revenue in a fiscal year',
      'Nimbrel AI’s FY2025 revenue was $1.1 billion.',
      ['$1.1 billion → Nimbrel AI: revenue, FY2025'],
    ],
    [
      'revenue in a quarter',
      'Nimbrel AI’s revenue for Q3 2025 was $310 million.',
      ['$310 million → Nimbrel AI: revenue, 2025-Q3'],
    ],
    [
      'a forecast is a different fact from a report',
      'Nimbrel AI expects revenue to reach $5 billion in 2027.',
      ['$5 billion → Nimbrel AI: revenue, projected 2027'],
    ],
    ['a run rate', 'Nimbrel AI earns about $1.2 billion annually.', ['$1.2 billion → Nimbrel AI: revenue, annual']],
    [
      '"exceed" makes a floor of a forecast',
      'Vantor Cloud’s own models show Nimbrel AI’s annual revenue would need to exceed $60 billion by 2028.',
      ['$60 billion → Nimbrel AI: revenue, projected 2028'],
    ],
    [
      'compute commitments',
      'Nimbrel AI plans $30 billion in compute commitments.',
      ['$30 billion → Nimbrel AI: compute-commitment'],
    ],
    [
      'a funding round',
      'Nimbrel AI raised $540 million in its 2024 funding round.',
      ['$540 million → Nimbrel AI: funding, 2024'],
    ],
    [
      'a revenue share: the taker holds it',
      'Vantor Cloud collects a 15% cut of Nimbrel AI’s revenue.',
      ['15% → Vantor Cloud → Nimbrel AI: revenue-share'],
    ],
    ['a market cap', 'Vantor Cloud’s market cap is $80 billion.', ['$80 billion → Vantor Cloud: market-cap']],
    [
      'year-over-year growth',
      'Vantor Cloud revenue grew 34% year over year in 2025.',
      ['34% → Vantor Cloud: growth, 2025'],
    ],
    ['users, by frequency', 'Nimbrel AI has 40 million weekly users.', ['40 million → Nimbrel AI: weekly-users']],
    ['employees', 'Vantor Cloud has 12,000 employees.', ['12,000 → Vantor Cloud: employees']],
    [
      'the subject from the section title when the claim names none',
      '# Nimbrel AI\n\nValuation: $20 billion.',
      ['$20 billion → Nimbrel AI: valuation'],
    ],
    [
      'the other party from the organisation named most often with the holder',
      'Quarry Capital backs Nimbrel AI. Quarry Capital and Nimbrel AI met in May. Quarry Capital’s stake dropped to 28%.',
      ['28% → Quarry Capital → Nimbrel AI: stake'],
    ],
    [
      'a speaker that says it of itself stays the subject',
      'Nimbrel AI said it plans to invest $30 billion in compute infrastructure.',
      ['$30 billion → Nimbrel AI: compute-commitment'],
    ],
  ];
  for (const [what, text, expected] of KEYED) {
    test(`should key ${what}: "${text.replace(/\n+/g, ' ')}"`, () => assert.deepEqual(keysOf(text), expected));
  }

  const SILENT: ReadonlyArray<readonly [string, string]> = [
    ['a change is not a level', 'Vantor Cloud’s market cap rose by $5 billion.'],
    ['an investment without year or scope could be any tranche', 'Quarry Capital invested $500 million in Nimbrel AI.'],
    ['no company: no subject', 'The market could grow 40% by 2027.'],
    ['"worth" of something no metric measures', 'Developers are collectively worth $3 trillion.'],
    [
      'the organisation cited as the source is not the subject',
      'Lumen Ledger’s analysis estimates $2 trillion in data-centre capital will be needed.',
    ],
    ['energy is not capacity', 'Vantor Cloud’s data centers drew 3 TWh in 2024.'],
    [
      'two companies and nothing to tell them apart',
      'Nimbrel AI and Vantor Cloud together reported revenue of $4 billion in 2024.',
    ],
    ['dates, durations and ranks measure nothing here', 'Nimbrel AI was ranked #2 for five years from 2019.'],
    [
      'a section title naming two companies decides nothing',
      '# Nimbrel AI and Vantor Cloud\n\nValuation: $20 billion.',
    ],
  ];
  for (const [what, text] of SILENT) {
    test(`should give no key: ${what}: "${text.replace(/\n+/g, ' ')}"`, () => assert.deepEqual(keysOf(text), []));
  }

  test('should key only the total when a part of it follows ("$1.1 billion of that")', () => {
    assert.deepEqual(
      keysOf(
        'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI, with $1.1 billion of that paid in 2024.',
      ),
      ['$2.4 billion → Quarry Capital → Nimbrel AI: investment, cumulative'],
    );
  });

  test("should key the same fact the same way whatever the wording (the seeds' Microsoft investment)", () => {
    const a = keysOf(
      'Microsoft has been OpenAI’s largest backer, saying it’s invested a total of $13 billion into OpenAI.',
    );
    const b = keysOf(
      'Microsoft and OpenAI signed a pact in 2019. Microsoft and OpenAI renewed it in 2023.\n\n- Microsoft stake: ~27% equity after ~$13.5 billion cumulative investment.',
    );
    assert.deepEqual(a, ['$13 billion → Microsoft → OpenAI: investment, cumulative']);
    assert.deepEqual(b, [
      '~27% → Microsoft → OpenAI: stake',
      '~$13.5 billion → Microsoft → OpenAI: investment, cumulative',
    ]);
  });

  test('should key a figure of a very long sentence as it keys the same clause in a short one', () => {
    const short =
      'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI, and Harbor Chips poured $800 million into Nimbrel AI in 2023.';
    // "U.S." before a number does not end the sentence: one sentence of ~50,000 characters
    const long = `${'market growth of 5% in the U.S. and '.repeat(1_500)}${short}`;
    assert.deepEqual(
      keysOf(long).filter((k) => !k.startsWith('5%')),
      keysOf(short),
    );
  });
});
