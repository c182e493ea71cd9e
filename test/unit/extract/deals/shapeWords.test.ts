import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { forEachHeadWord, forEachNameWord } from '../../../../src/core/extract/deals/shape';

suite('deals: the words shaping marks as descriptor heads', () => {
  const byHand = (text: string, start: number, end: number) => {
    const spans: Array<[number, number]> = [];
    forEachHeadWord(text, start, end, (s, e) => spans.push([s, e]));
    return spans;
  };
  /** The definition: the matches of a letter pattern in the slice. */
  const byPattern = (text: string, start: number, end: number) =>
    [...text.slice(start, end).matchAll(/[\p{L}][\p{L}.\-]*/gu)].map((m): [number, number] => [
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
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = text.length ? a % (text.length + 1) : 0;
          const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
          assert.deepEqual(byHand(text, start, end), byPattern(text, start, end));
        },
      ),
      { numRuns: 4000 },
    );
  });
});

suite('deals: the words of the text between known names', () => {
  const byHand = (text: string, from: number, to: number) => {
    const spans: Array<[number, number]> = [];
    forEachNameWord(text, from, to, (s, e) => spans.push([s, e]));
    return spans;
  };
  /** The definition: the matches of a word pattern from `from` that start before `to`, cut at `to`. */
  const byPattern = (text: string, from: number, to: number) => {
    const pattern = /[\p{L}\p{N}][\p{L}\p{N}'’&.\-]*/gu;
    const spans: Array<[number, number]> = [];
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m && m.index < to; m = pattern.exec(text))
      spans.push([m.index, Math.min(m.index + m[0].length, to)]);
    return spans;
  };

  test('should find the same words as the pattern, between any two places of any text', () => {
    const alphabet = ['a', 'Z', 'é', 'Ж', '中', '1', '²', '½', '-', '.', "'", '’', '&', ' ', ',', '𝐀', '😀', '\u0301'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          // the places shaping cuts at: between code points
          const places = [0, ...[...text].map((_, k, all) => all.slice(0, k + 1).join('').length)];
          const from = places[a % places.length]!;
          const later = places.filter((p) => p >= from);
          const to = later[b % later.length]!;
          assert.deepEqual(byHand(text, from, to), byPattern(text, from, to));
        },
      ),
      { numRuns: 4000 },
    );
  });
});
