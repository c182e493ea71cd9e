import * as assert from 'node:assert/strict';
import { isTitleCase } from '../../../../src/core/extract/entities/names';
import { assertAgreeOnTexts } from '../../helpers';

/** The definition: the words of a letter pattern, three in four of those that are not function words capitalised. */
function isTitleCasePlainly(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}’']*/gu) ?? [];
  const content = words.filter((w) => !/^(a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|vs|is|are|&)$/i.test(w));
  const upper = content.filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 3 && content.length >= 3 && upper.length / content.length >= 0.75;
}

suite('entities: title case', () => {
  test('should tell a headline from a sentence', () => {
    assert.equal(isTitleCase('Zepto Secures Major Funding Led by Calpers'), true);
    assert.equal(isTitleCase('The Rise and Fall of Ørsted’s Offshore Empire'), true);
    assert.equal(isTitleCase('Regulators cleared the merger of Vodafone and Three on Friday'), false);
    assert.equal(isTitleCase('Big Tech'), false); // too few words
  });

  test('should decide as the plain definition does, for any text', () => {
    const alphabet = [
      'A',
      'a',
      'b',
      'Ж',
      'ж',
      'É',
      'é',
      '中',
      '𝐀',
      '𝐚',
      '\uD835',
      '1',
      ' ',
      ' ',
      '-',
      "'",
      '’',
      'İ',
      'ǅ',
      'of',
      'The',
      'an',
      '\u0301',
      '😀',
    ];
    assertAgreeOnTexts(alphabet, { maxLength: 40, runs: 3000 }, isTitleCase, isTitleCasePlainly);
  });
});
