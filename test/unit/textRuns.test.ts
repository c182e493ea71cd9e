import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AMPERSAND,
  APOSTROPHE,
  classesAt,
  DIGIT,
  DOT,
  HYPHEN,
  LETTER,
  OTHER_NUMBER,
  runEnd,
} from '../../src/core/textRuns';

suite('text runs', () => {
  test('should class each code point and give its width', () => {
    const of = (text: string, i = 0) => [classesAt(text, i) & 0xff, classesAt(text, i) >> 8];
    assert.deepEqual(of('a'), [LETTER, 1]);
    assert.deepEqual(of('Ж'), [LETTER, 1]);
    assert.deepEqual(of('𝐀'), [LETTER, 2]);
    assert.deepEqual(of('7'), [DIGIT, 1]);
    assert.deepEqual(of('½'), [OTHER_NUMBER, 1]);
    assert.deepEqual(of('’'), [APOSTROPHE, 1]);
    assert.deepEqual(of('&'), [AMPERSAND, 1]);
    assert.deepEqual(of('😀'), [0, 2]);
    assert.deepEqual(of('a', 1), [0, 0]); // past the end
  });

  test('should end a run where the pattern of its classes ends, for any text', () => {
    const cases: Array<[number, RegExp]> = [
      [LETTER | DOT | HYPHEN, /[\p{L}.\-]*/uy],
      [LETTER | DIGIT | OTHER_NUMBER | APOSTROPHE | AMPERSAND | DOT | HYPHEN, /[\p{L}\p{N}'’&.\-]*/uy],
      [LETTER | APOSTROPHE, /[\p{L}'’]*/uy],
      [LETTER | DIGIT | HYPHEN, /[\p{L}0-9\-]*/uy],
    ];
    const alphabet = [
      'a',
      'Z',
      'é',
      'Ж',
      '中',
      '1',
      '²',
      '٣',
      '-',
      '.',
      "'",
      '’',
      '&',
      ' ',
      '𝐀',
      '😀',
      '\uD835',
      '\u0301',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }).map((cs) => cs.join('')),
        (text) => {
          for (const [classes, pattern] of cases) {
            // from every code-point boundary
            for (let i = 0; i <= text.length; i += Math.max(1, classesAt(text, i) >> 8)) {
              pattern.lastIndex = i;
              const match = pattern.exec(text);
              assert.equal(runEnd(text, i, classes), i + (match?.[0].length ?? 0), `${JSON.stringify(text)} at ${i}`);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
