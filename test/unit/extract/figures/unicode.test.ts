import * as assert from 'node:assert/strict';
import { figuresOf } from '../../helpers';
import { analyse } from '../../../../src/core/analysis';
import { Lexicon } from '../../../../src/core/extract/entities/lexicon';

const lexicon = Lexicon.withAdditions();

suite('figures: invisible characters and Unicode digits', () => {
  const cases: Array<[string, string, string, number, string | null]> = [
    ['a zero-width space inside a number', 'raised $4\u200B0 billion', '$4\u200B0 billion', 40e9, 'USD'],
    ['a zero-width joiner inside a number', 'raised $4\u200D0 billion', '$4\u200D0 billion', 40e9, 'USD'],
    ['a zero-width non-joiner inside a magnitude', 'raised $40 bil\u200Clion', '$40 bil\u200Clion', 40e9, 'USD'],
    ['a word joiner inside a number', 'paid $1.2\u20605 million', '$1.2\u20605 million', 1.25e6, 'USD'],
    ['a byte-order mark inside a number', 'paid $3\uFEFF5 million', '$3\uFEFF5 million', 35e6, 'USD'],
    ['a soft hyphen inside a magnitude', 'raised $40 bil\u00ADlion from investors', '$40 bil\u00ADlion', 40e9, 'USD'],
    ['a soft hyphen inside a number', 'a 1\u00AD500 MW plant', '1\u00AD500 MW', 1500, 'MW'],
    ['full-width digits', 'raised $\uFF14\uFF10 billion', '$\uFF14\uFF10 billion', 40e9, 'USD'],
    [
      'full-width digits after curly quotes',
      'a “record” raise of $\uFF14\uFF10 billion',
      '$\uFF14\uFF10 billion',
      40e9,
      'USD',
    ],
    ['a full-width percent', 'rose \uFF11\uFF12\uFF05 in a year', '\uFF11\uFF12\uFF05', 12, '%'],
    ['Arabic-Indic digits', 'spent \u0664\u0660 million dollars', '\u0664\u0660 million dollars', 40e6, 'USD'],
    ['Extended Arabic-Indic digits', 'spent $\u06F2\u06F5 billion', '$\u06F2\u06F5 billion', 25e9, 'USD'],
    ['Devanagari digits', 'raised $\u0967\u096A million', '$\u0967\u096A million', 14e6, 'USD'],
    ['Bengali digits', 'a \u09E9\u09EF% stake', '\u09E9\u09EF%', 39, '%'],
    [
      'mathematical bold digits (two code units each)',
      'worth $\u{1D7D7}\u{1D7CE} million',
      '$\u{1D7D7}\u{1D7CE} million',
      90e6,
      'USD',
    ],
  ];
  for (const [name, sentence, text, value, unit] of cases) {
    test(`should read ${name}: "${sentence}" → ${value} ${unit ?? ''}`, () => {
      const figures = figuresOf(sentence);
      assert.deepEqual(
        figures.map((f) => [f.text, f.value, f.unit]),
        [[text, value, unit]],
      );
    });
  }

  test("should keep the invisible character in the figure's text, which is the file's own characters", () => {
    const text = 'OpenAI raised **$4\u200B0 bil\u00ADlion** in 2025.';
    const analysis = analyse({ path: 'a.md', text }, { lexicon });
    const money = analysis.figures.find((f) => f.kind === 'money')!;
    assert.equal(money.text, '$4\u200B0 bil\u00ADlion');
    assert.equal(text.slice(money.start, money.end), money.text);
    assert.equal(money.value, 40e9);
  });

  test("should leave invisible characters at a figure's edges out of its span", () => {
    assert.deepEqual(
      figuresOf('paid \u200B$40 billion\u00AD today').map((f) => f.text),
      ['$40 billion'],
    );
  });
});
