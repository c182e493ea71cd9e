import * as assert from 'node:assert/strict';
import { tokenise, type Token } from '../../../../src/core/extract/figures/tokens';
import { assertAgreeOnTexts } from '../../helpers';

/** The definition the hand scan keeps to: each token the longest match of its pattern, else one code point. */
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/y;
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/uy;
const SPACE = /[\s\u00a0\u200b]+/y;

function byPatterns(text: string): Token[] {
  const tokens: Token[] = [];
  const at = (pattern: RegExp, i: number) => {
    pattern.lastIndex = i;
    return pattern.exec(text)?.[0];
  };
  for (let i = 0; i < text.length;) {
    const isDigit = /\d/.test(text[i]!);
    const number = isDigit ? at(NUMBER, i) : undefined;
    const word = isDigit ? undefined : at(WORD, i);
    const space = isDigit || word ? undefined : at(SPACE, i);
    const value = number ?? word ?? space ?? String.fromCodePoint(text.codePointAt(i)!);
    const type = number ? 'num' : word ? 'word' : space ? 'space' : 'sym';
    tokens.push({
      type,
      text: value,
      start: i,
      end: i + value.length,
      lower: type === 'word' ? value.toLowerCase() : value,
    });
    i += value.length;
  }
  return tokens;
}

suite('figures: tokens', () => {
  test('should read numbers with groups and decimals, words with apostrophes and marks, and spaces', () => {
    const kinds = (text: string) => tokenise(text).map((t) => `${t.type}:${t.text}`);
    assert.deepEqual(kinds('$1,400.5m'), ['sym:$', 'num:1,400.5', 'word:m']);
    assert.deepEqual(kinds('1,2345 12,345,678.'), ['num:1,234', 'num:5', 'space: ', 'num:12,345,678', 'sym:.']);
    assert.deepEqual(kinds("OpenAI’s company's"), ['word:OpenAI’s', 'space: ', "word:company's"]);
    assert.deepEqual(kinds('Cafe\u0301 a\u00a0b'), ['word:Cafe\u0301', 'space: ', 'word:a', 'space:\u00a0', 'word:b']);
    assert.deepEqual(kinds('x \u2003y'), ['word:x', 'space: \u2003', 'word:y']);
  });

  test('should find the tokens the patterns define, for any text', () => {
    const alphabet = [..."aZ09,.'’ \t\n$%-–", '\u0301', '\u00a0', '\u2003', '\u200b', 'é', 'ß', '中', '😀', '\u00b2'];
    assertAgreeOnTexts(alphabet, { maxLength: 30, runs: 3000 }, tokenise, byPatterns);
  });
});
