import * as assert from 'node:assert/strict';
import { searchApproximate } from '../../../src/core/anchor/fuzzy';
import { findMatchEnds, type MatchEnd } from '../../../src/core/anchor/myers';
import { seededRandom as randomSource } from '../seededRandom';

function randomText(next: () => number, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** The textbook dynamic programme: fewest edits of `pattern` into a substring ending at each offset. */
function bruteForceEnds(text: string, pattern: string, maxErrors: number): MatchEnd[] {
  let column = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const distances: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const next = [0];
    for (let i = 1; i <= pattern.length; i++) {
      next[i] = Math.min(column[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1), column[i]! + 1, next[i - 1]! + 1);
    }
    column = next;
    distances[j] = column[pattern.length]!;
  }
  const runs: MatchEnd[] = [];
  let current: MatchEnd | null = null;
  for (let end = 1; end <= text.length; end++) {
    const errors = distances[end]!;
    if (errors > maxErrors) {
      if (current) runs.push(current);
      current = null;
    } else if (!current || errors < current.errors) {
      current = { end, errors };
    }
  }
  if (current) runs.push(current);
  return runs.sort((a, b) => a.errors - b.errors || a.end - b.end);
}

suite('fuzzy: bounded approximate search', () => {
  test('should agree with the textbook dynamic programme on random texts, for patterns of one to four 32-row blocks', () => {
    const next = randomSource(20251130);
    for (let round = 0; round < 300; round++) {
      const alphabet = round % 3 === 0 ? 'ab' : round % 3 === 1 ? 'abcd' : 'abcdefghij ';
      const patternLength = 1 + Math.floor(next() * 120);
      const pattern = randomText(next, patternLength, alphabet);
      const text =
        randomText(next, 50 + Math.floor(next() * 300), alphabet) +
        pattern +
        randomText(next, Math.floor(next() * 50), alphabet);
      const maxErrors = Math.floor(next() * Math.min(40, patternLength));
      const label = `round ${round}: pattern ${JSON.stringify(pattern)}, k=${maxErrors}`;
      assert.deepEqual(
        findMatchEnds(text, pattern, maxErrors, Number.MAX_SAFE_INTEGER),
        bruteForceEnds(text, pattern, maxErrors),
        label,
      );
    }
  });

  test('should keep only the best runs when a limit is given', () => {
    const ends = findMatchEnds('cat bat hat cat rat', 'cat', 1, 2);
    assert.deepEqual(ends, [
      { end: 3, errors: 0 },
      { end: 15, errors: 0 },
    ]);
  });

  test('should find start, end and errors of each approximate occurrence', () => {
    const text = 'OpenAI will pay $38bn over seven years; Amazon will pay nothing.'; // "pay $38bn over": 6 letters of " billion" gone
    assert.deepEqual(searchApproximate(text, 'pay $38 billion over', { maxErrors: 8, limit: 4 })[0], {
      start: 12,
      end: 26,
      errors: 6,
    });
  });

  test('should find nothing in an empty text or for an empty quote', () => {
    assert.deepEqual(searchApproximate('', 'quote', { maxErrors: 2, limit: 4 }), []);
    assert.deepEqual(searchApproximate('text', '', { maxErrors: 2, limit: 4 }), []);
  });
});

suite('fuzzy: bounded edit distance', () => {
  function levenshtein(a: string, b: string): number {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++)
        next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
      row = next;
    }
    return row[b.length]!;
  }

  test('should equal the Levenshtein distance within the bound, and bound + 1 beyond it', async () => {
    const { boundedEditDistance } = await import('../../../src/core/anchor/fuzzy');
    const next = randomSource(7);
    for (let round = 0; round < 500; round++) {
      const a = randomText(next, Math.floor(next() * 40), 'abc');
      const b = randomText(next, Math.floor(next() * 40), 'abc');
      const bound = Math.floor(next() * 12);
      const exact = levenshtein(a, b);
      assert.equal(boundedEditDistance(a, b, bound), exact <= bound ? exact : bound + 1, `${a} / ${b} / ${bound}`);
    }
  });
});
