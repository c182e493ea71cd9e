/** Small token-sequence matchers shared by the recognisers. */
import { HYPHENS, type Token } from './tokens';

/** Starts with a capital letter. (Unicode-property patterns stay at module level: bundled for node20 they become `new RegExp` per use.) */
const STARTS_UPPER = /^\p{Lu}/u;

/**
 * Matches `words` (lower case; '-' stands for any hyphen; ' ' for a space token) at token `i`,
 * allowing one short space between words that are not written with ' '. Returns the index of
 * the last matched token, or -1.
 */
export function matchWords(
  tokens: readonly Token[],
  i: number,
  words: readonly string[],
  caseSensitive = false,
): number {
  let k = i;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word === ' ') {
      if (tokens[k]?.type !== 'space') return -1;
      k++;
      continue;
    }
    if (w > 0 && tokens[k]?.type === 'space' && tokens[k]!.text.length <= 2 && words[w - 1] !== ' ') k++;
    const token = tokens[k];
    if (!token) return -1;
    const same =
      word === '-' ? HYPHENS.has(token.text) : caseSensitive ? token.text === word : token.lower === word.toLowerCase();
    if (!same) return -1;
    k++;
  }
  return k - 1;
}

/** Index of the next non-space token after `i`, or -1. */
export function nextSolid(tokens: readonly Token[], i: number): number {
  let k = i + 1;
  while (tokens[k]?.type === 'space') k++;
  return k < tokens.length ? k : -1;
}

/** Index of the previous non-space token before `i`, or -1. */
export function previousSolid(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.type === 'space') k--;
  return k;
}

/** The lower-cased words before token `i` (nearest last), at most `count`, stopping at punctuation. */
export function wordsBefore(tokens: readonly Token[], i: number, count: number): string[] {
  const out: string[] = [];
  let k = i - 1;
  while (k >= 0 && out.length < count) {
    const token = tokens[k]!;
    if (token.type === 'space') {
      k--;
      continue;
    }
    if (token.type !== 'word') break;
    out.unshift(token.lower);
    k--;
  }
  return out;
}

export function isCapitalised(token: Token | undefined): boolean {
  return !!token && token.type === 'word' && STARTS_UPPER.test(token.text);
}
