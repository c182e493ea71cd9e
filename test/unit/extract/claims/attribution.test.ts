import * as assert from 'node:assert/strict';
import { analyse } from '../../../../src/core/analysis';
import { Lexicon } from '../../../../src/core/extract/entities/lexicon';

const lexicon = Lexicon.withAdditions();
const attributionOf = (text: string) =>
  analyse({ path: 'a.txt', text }, { lexicon }).claims[0]?.attribution?.text ?? null;

suite('claims: attribution', () => {
  const cases: Array<[string, string | null]> = [
    ['By 2030, according to The Information, payments could exceed $450 billion.', 'The Information'],
    ['Revenue reached $13 billion, Reuters reported.', 'Reuters'],
    ['“Scaling requires compute,” Sam Altman said of the $38 billion deal.', 'Sam Altman'],
    ['The market will reach $6.7 trillion, said Jensen Huang.', 'Jensen Huang'],
    ['Sales rose 12% in the quarter, the company said.', 'the company'],
    ['Satya Nadella: “We invested $13 billion.”', 'Satya Nadella'],
    ['OpenAI signed a $38 billion contract.', null],
  ];
  for (const [sentence, source] of cases) {
    test(`should attribute "${sentence}" to ${source}`, () => assert.equal(attributionOf(sentence), source));
  }

  test('should make a claim of every sentence with a figure, with its figures and entities', () => {
    const analysis = analyse(
      { path: 'a.txt', text: 'OpenAI signed a $38 billion deal with AWS.\nNo figure here.' },
      { lexicon },
    );
    assert.equal(analysis.claims.length, 1);
    assert.equal(analysis.claims[0]!.figureIds.length, 1);
    assert.deepEqual(analysis.claims[0]!.entityIds, ['entity:openai', 'entity:amazon-web-services']);
  });
});
