import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCapitalisedName, nameTokens, normaliseSeparator } from '../../../../src/core/extract/entities/nameTokens';
import { assertAgreeOnTexts } from '../../helpers';

/** What a separator becomes, written the plain way: any run of spaces one space, dashes "-", curly quotes "'". */
function normalisedPlainly(separator: string): string {
  return separator
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/[’‘]/g, "'");
}

suite('name tokens: separators', () => {
  test('should normalise a separator exactly as the plain rule says, whatever its characters', () => {
    const pieces = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u200b', '\u2010', '\u2011', '\u2013', '’', '‘'];
    const others = [',', '.', '-', "'", '"', '(', ')', '\u3000', '\u2028', '\ufeff', ':', '/', '\u2014'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...others), { maxLength: 6 }), (parts) => {
        const separator = parts.join('');
        assert.equal(normaliseSeparator(separator), normalisedPlainly(separator), JSON.stringify(separator));
      }),
      { numRuns: 2000 },
    );
  });

  test('should give each token the separator before it, normalised', () => {
    assert.deepEqual(
      nameTokens('Abu\u00a0Dhabi–based  MGX’s').map((t) => [t.text, t.before]),
      [
        ['Abu', ''],
        ['Dhabi', ' '],
        ['based', '-'],
        ['MGX', ' '],
        ['s', "'"],
      ],
    );
  });
});

suite('name tokens: capitalised names', () => {
  test('should take a capital first, or lower case then a capital, in any script', () => {
    for (const word of ['OpenAI', 'iPhone', 'Ørsted', 'eBay', 'éA', 'xÉ']) assert.ok(isCapitalisedName(word), word);
    for (const word of ['openai', 'ipod', '4o', 'ørsted', '', '中国', 'a1B', 'ǅemal'])
      assert.ok(!isCapitalisedName(word), word);
  });

  test('should decide as the plain patterns do, for any word', () => {
    const plainly = (text: string) => /^\p{Lu}/u.test(text) || /^\p{Ll}+\p{Lu}/u.test(text);
    const alphabet = ['a', 'z', 'A', 'Z', 'é', 'É', 'ß', 'ǅ', '1', '-', '中', '𝐀', '𝐚', '\uD835', '_', '@', '['];
    assertAgreeOnTexts(alphabet, { maxLength: 8, runs: 3000 }, isCapitalisedName, plainly);
  });
});
