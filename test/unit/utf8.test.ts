import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { utf8ByteLength } from '../../src/core/utf8';

suite('utf8ByteLength: the size of a text saved as UTF-8, without Buffer', () => {
  const cases: Array<[string, string, number]> = [
    ['an empty text', '', 0],
    ['ASCII', '$38 billion', 11],
    ['a two-byte letter', 'é', 2],
    ['a CJK character (three bytes)', '亿', 3],
    ['an emoji (a surrogate pair, four bytes)', '📈', 4],
    ['a zero-width space', '\u200b', 3],
    ['a lone high surrogate (saved as U+FFFD)', 'a\ud83d', 4],
    ['a lone low surrogate', '\ude00b', 4],
    ['a high surrogate before another high surrogate and a low one', '\ud83d\ud83d\ude00', 7],
    ['CRLF', 'a\r\nb', 4],
  ];
  for (const [what, text, bytes] of cases) {
    test(`should count ${what} as ${bytes} byte(s)`, () => assert.equal(utf8ByteLength(text), bytes));
  }

  test('should agree with Buffer.byteLength on any string of UTF-16 code units, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((u) => String.fromCharCode(u)) }),
        (a, b) => {
          const text = a + b + a;
          assert.equal(utf8ByteLength(text), Buffer.byteLength(text, 'utf8'));
        },
      ),
      { numRuns: 500 },
    );
  });
});
