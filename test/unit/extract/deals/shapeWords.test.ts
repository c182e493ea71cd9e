import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { forEachHeadWord, forEachNameWord } from '../../../../src/core/extract/deals/shape';

type Span = [number, number];
type Scan = (text: string, from: number, to: number, visit: (start: number, end: number) => void) => void;

/** The spans a scan visits in `[from, to)`. */
const spansOf =
  (scan: Scan) =>
  (text: string, from: number, to: number): Span[] => {
    const spans: Span[] = [];
    scan(text, from, to, (s, e) => spans.push([s, e]));
    return spans;
  };

/** Any index of the text, or only the boundaries between its code points. */
const anyIndex = (text: string) => Array.from({ length: text.length + 1 }, (_, k) => k);
const codePointBoundaries = (text: string) => [0, ...[...text].map((_, k, all) => all.slice(0, k + 1).join('').length)];

/** `actual` and `expected` give the same spans for every `[from, to)` between `places` of random texts over `alphabet`. */
function assertAgreeOnRanges(
  alphabet: readonly string[],
  places: (text: string) => number[],
  actual: (text: string, from: number, to: number) => Span[],
  expected: (text: string, from: number, to: number) => Span[],
): void {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join('')),
      fc.nat(),
      fc.nat(),
      (text, a, b) => {
        const all = places(text);
        const from = all[a % all.length]!;
        const later = all.filter((p) => p >= from);
        const to = later[b % later.length]!;
        assert.deepEqual(actual(text, from, to), expected(text, from, to));
      },
    ),
    { numRuns: 4000 },
  );
}

suite('deals: the words shaping marks as descriptor heads', () => {
  const byHand = spansOf(forEachHeadWord);
  /** The definition: the matches of a letter pattern in the slice. */
  const byPattern = (text: string, start: number, end: number) =>
    [...text.slice(start, end).matchAll(/[\p{L}][\p{L}.\-]*/gu)].map((m): Span => [
      start + m.index,
      start + m.index + m[0].length,
    ]);

  test('should find the words of a descriptor, hyphenated and dotted ones whole', () => {
    const text = 'the Munich-based U.S. chip maker, Zürich’s 5G-ready firm';
    assert.deepEqual(
      byHand(text, 0, text.length).map(([s, e]) => text.slice(s, e)),
      ['the', 'Munich-based', 'U.S.', 'chip', 'maker', 'Zürich', 's', 'G-ready', 'firm'],
    );
  });

  test('should find the same words as the pattern, in any part of any text', () => {
    const alphabet = ['a', 'Z', 'é', 'Ж', '中', '1', '-', '.', ' ', ',', '’', '𝐀', '😀', '\uD835', '\uDC00', '\u0301'];
    assertAgreeOnRanges(alphabet, anyIndex, byHand, byPattern);
  });
});

suite('deals: the words of the text between known names', () => {
  const byHand = spansOf(forEachNameWord);
  /** The definition: the matches of a word pattern from `from` that start before `to`, cut at `to`. */
  const byPattern = (text: string, from: number, to: number) => {
    const pattern = /[\p{L}\p{N}][\p{L}\p{N}'’&.\-]*/gu;
    const spans: Span[] = [];
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text))
      spans.push([m.index, Math.min(m.index + m[0].length, to)]);
    return spans;
  };

  test('should find the same words as the pattern, between any two places of any text', () => {
    const alphabet = ['a', 'Z', 'é', 'Ж', '中', '1', '²', '½', '-', '.', "'", '’', '&', ' ', ',', '𝐀', '😀', '\u0301'];
    // shaping cuts between code points
    assertAgreeOnRanges(alphabet, codePointBoundaries, byHand, byPattern);
  });
});
