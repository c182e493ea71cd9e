import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { nameTokens, normaliseSeparator } from '../../../../src/core/extract/entities/nameTokens';

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
