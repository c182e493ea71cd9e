import * as assert from 'node:assert/strict';
import { isTitleCase } from '../../../../src/core/extract/deals/index';
import { assertAgreeOnTexts } from '../../helpers';

/** The definition: the words between spaces, trimmed to their letters; no long one in lower case, and four or more with a lower-case letter that are not function words. */
function isTitleCasePlainly(text: string): boolean {
  let words = 0;
  for (const token of text.match(/\S+/g) ?? []) {
    const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (!/\p{Ll}/u.test(word) || /^(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|vs|is|are)$/i.test(word))
      continue;
    if (word.length >= 4 && /^\p{Ll}/u.test(word)) return false;
    words++;
  }
  return words >= 4;
}

suite('deals: headlines in title case', () => {
  test('should tell a headline from a sentence full of names', () => {
    assert.equal(isTitleCase('Zepto Secures Major Funding Led by Calpers'), true);
    assert.equal(isTitleCase('“Kestrel Orbital” Wins $30M Deal (Reuters)'), true);
    assert.equal(isTitleCase('Regulators cleared a JV of Vodafone and CK Hutchison'), false);
  });

  test('should decide as the plain definition does, for any text', () => {
    const alphabet = [
      'A',
      'a',
      'Ab',
      'abcd',
      'Word',
      'with',
      'From',
      'Ж',
      'ж',
      'é',
      '中',
      '𝐚',
      '\uD835',
      '1',
      ' ',
      ' ',
      ' ',
      '\u00a0',
      '\u2028',
      '\t',
      '(',
      '”',
      '-',
      'of',
      'The',
      'ABC',
      'x.',
    ];
    assertAgreeOnTexts(alphabet, { maxLength: 14, runs: 6000 }, isTitleCase, isTitleCasePlainly);
  });
});
