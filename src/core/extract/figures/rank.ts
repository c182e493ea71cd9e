/** Ranks: "#1", "No. 2", "89th percentile", "top-500", "third-largest", "ranked third". */
import { matchWords, wordsBefore } from './match';
import { HYPHENS, isGlued, type Token } from './tokens';
import { wordTable } from './wordTable';

export interface RankMatch {
  readonly first: number;
  readonly last: number;
  readonly value: number;
}

const ORDINAL_WORDS: Record<string, number> = wordTable({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
});
/** Words that make an ordinal a rank: "third-largest", "second place". */
const RANKING_WORDS = new Set([
  'largest',
  'biggest',
  'highest',
  'most',
  'fastest',
  'best',
  'place',
  'spot',
  'position',
  'ranked',
  'richest',
  'busiest',
  'strongest',
]);
const RANKING_VERBS = new Set(['ranked', 'ranks', 'rank', 'placed', 'finished', 'ranking']);

export function rankAt(tokens: readonly Token[], i: number): RankMatch | undefined {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  // #1
  if (token.text === '#' && next?.type === 'num' && isGlued(token, next) && !next.text.includes(',')) {
    return { first: i, last: i + 1, value: Number(next.text) };
  }
  // No. 1
  if (token.text === 'No' && next?.text === '.' && isGlued(token, next)) {
    const k = tokens[i + 2]?.type === 'space' ? i + 3 : i + 2;
    if (tokens[k]?.type === 'num') return { first: i, last: k, value: Number(tokens[k]!.text) };
  }
  // top-500, top 10
  if (
    token.lower === 'top' &&
    next &&
    (HYPHENS.has(next.text) || next.type === 'space') &&
    tokens[i + 2]?.type === 'num'
  ) {
    const number = tokens[i + 2]!;
    if (
      (isGlued(next, number) && !isGlued(number, tokens[i + 3])) ||
      tokens[i + 3]?.type === 'space' ||
      !tokens[i + 3]
    ) {
      return { first: i, last: i + 2, value: Number(number.text.replace(/,/g, '')) };
    }
  }
  // 89th percentile, 3rd-largest
  const ordinal = ordinalAt(tokens, i);
  if (!ordinal) return undefined;
  const percentile = matchWords(tokens, ordinal.last + 1, [' ', 'percentile']);
  if (percentile >= 0) return { first: i, last: percentile, value: ordinal.value };
  const after = tokens[ordinal.last + 1];
  const word = tokens[ordinal.last + 2];
  const isJoined = after && (after.type === 'space' || HYPHENS.has(after.text)) && word?.type === 'word';
  if (isJoined && RANKING_WORDS.has(word!.lower)) return { first: i, last: ordinal.last, value: ordinal.value };
  const verb = wordsBefore(tokens, i, 1)[0];
  if (verb && RANKING_VERBS.has(verb)) return { first: i, last: ordinal.last, value: ordinal.value };
  return undefined;
}

function ordinalAt(tokens: readonly Token[], i: number): { last: number; value: number } | undefined {
  const token = tokens[i]!;
  const word = ORDINAL_WORDS[token.lower];
  if (word !== undefined) return { last: i, value: word };
  const suffix = tokens[i + 1];
  if (
    token.type === 'num' &&
    /^\d+$/.test(token.text) &&
    suffix &&
    isGlued(token, suffix) &&
    /^(st|nd|rd|th)$/.test(suffix.lower)
  ) {
    return { last: i + 1, value: Number(token.text) };
  }
  return undefined;
}
