/** Helpers shared by the unit tests: in-memory sources, span markers, odd texts for properties. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { recogniseFigures } from '../../src/core/extract/figures/recognise';
import type { FigureValue } from '../../src/core/extract/figures/figure';

/**
 * "Revenue rose ⟦34%⟧ to ⟦$75 billion⟧" → the text without markers and the marked spans,
 * so tests never count offsets by hand.
 */
export function marked(source: string): { text: string; spans: Array<{ start: number; end: number; text: string }> } {
  let text = '';
  const spans: Array<{ start: number; end: number; text: string }> = [];
  let open = -1;
  for (const ch of source) {
    if (ch === '⟦') open = text.length;
    else if (ch === '⟧') {
      spans.push({ start: open, end: text.length, text: text.slice(open, text.length) });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

export interface FigureSummary {
  text: string;
  kind: string;
  value: FigureValue;
  unit: string | null;
  qualifier?: string | null;
}

/** The figures of one line of prose, as text/kind/value/unit. */
export function figuresOf(text: string): FigureSummary[] {
  return recogniseFigures(text).map((f) => ({
    text: text.slice(f.start, f.end),
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
  }));
}

/**
 * Asserts that `actual` gives what `expected` (its definition: a pattern, a plain rule) gives,
 * for `runs` texts of up to `maxLength` characters drawn from `alphabet` (the characters that
 * could tell them apart: marks, astral and wide ones, odd spaces).
 */
export function assertAgreeOnTexts<T>(
  alphabet: readonly string[],
  options: { readonly maxLength: number; readonly runs: number },
  actual: (text: string) => T,
  expected: (text: string) => T,
): void {
  const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: options.maxLength }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(texts, (text) => assert.deepEqual(actual(text), expected(text))),
    { numRuns: options.runs },
  );
}

/**
 * The same for texts of up to ten `words`, each after one of `separators`: runs of names or of
 * kind nouns, where what tells the two apart is which words meet and how.
 */
export function assertAgreeOnWordTexts<T>(
  words: readonly string[],
  separators: readonly string[],
  runs: number,
  actual: (text: string) => T,
  expected: (text: string) => T,
): void {
  const texts = fc
    .array(fc.tuple(fc.constantFrom(...separators), fc.constantFrom(...words)), { maxLength: 10 })
    .map((parts) => parts.map(([separator, word]) => separator + word).join(''));
  fc.assert(
    fc.property(texts, (text) => assert.deepEqual(actual(text), expected(text))),
    { numRuns: runs },
  );
}
