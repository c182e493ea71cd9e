/**
 * A flat tokenisation of prose for the figure recognisers: numbers, words, symbols and
 * spaces, each with its `[start, end)` in the prose text. Linear, no backtracking.
 */
import { isAsciiLetter } from '../../textRuns';

export type TokenType = 'num' | 'word' | 'sym' | 'space';

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Lower-cased text, for words. */
  readonly lower: string;
}

/** A word: letters with inner apostrophes ("company's", "OpenAI’s") and dots in "U.S.". */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/uy;
const SPACE = /[\s\u00a0\u200b]+/y;

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const token = tokenAt(text, i);
    if (token) {
      tokens.push(token);
      i = token.end;
      continue;
    }
    const code = text.codePointAt(i)!;
    const length = code > 0xffff ? 2 : 1;
    const sym = text.slice(i, i + length);
    tokens.push({ type: 'sym', text: sym, start: i, end: i + length, lower: sym });
    i += length;
  }
  return tokens;
}

/**
 * A number, word or space token at `i`; the first character rules out the patterns that cannot
 * match. ASCII runs are scanned by hand (a match per token was a third of the figures' time);
 * where a run meets a character the hand scan does not decide, the pattern reads it whole.
 */
function tokenAt(text: string, i: number): Token | undefined {
  const code = text.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return token('num', text, i, numberEnd(text, i));
  if (code < 0x80) {
    if (isAsciiLetter(code)) {
      const end = asciiWordEnd(text, i);
      return end > 0 ? token('word', text, i, end) : matchAt(WORD, 'word', text, i);
    }
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
      const end = asciiSpaceEnd(text, i);
      return end > 0 ? token('space', text, i, end) : matchAt(SPACE, 'space', text, i);
    }
    return undefined;
  }
  return matchAt(WORD, 'word', text, i) ?? matchAt(SPACE, 'space', text, i);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Where a number at `i` (a digit) ends: digits with optional thousands separators and decimals
 * ("1,400", "13.5", "2025"), as `/\d+(?:,\d{3})*(?:\.\d+)?/` matches them.
 */
function numberEnd(text: string, i: number): number {
  let end = i;
  while (isDigit(text.charCodeAt(end))) end++;
  // a group is a comma and exactly three digits, as many as there are
  while (
    text.charCodeAt(end) === 0x2c &&
    isDigit(text.charCodeAt(end + 1)) &&
    isDigit(text.charCodeAt(end + 2)) &&
    isDigit(text.charCodeAt(end + 3))
  )
    end += 4;
  if (text.charCodeAt(end) === 0x2e && isDigit(text.charCodeAt(end + 1))) {
    end += 2;
    while (isDigit(text.charCodeAt(end))) end++;
  }
  return end;
}

/**
 * Where WORD's match at `i` (an ASCII letter) ends, when ASCII letters alone decide it: -1 when the
 * run meets a non-ASCII character or an apostrophe (a mark, a letter or "’s" may go on; the pattern decides).
 */
function asciiWordEnd(text: string, i: number): number {
  let end = i + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    if (isAsciiLetter(code)) end++;
    else if (code >= 0x80 || code === 0x27) return -1;
    else return end;
  }
}

/** Where SPACE's match at `i` ends when it is ASCII whitespace alone: -1 when a non-ASCII character follows (it may be a space too). */
function asciiSpaceEnd(text: string, i: number): number {
  let end = i + 1;
  for (;;) {
    const code = text.charCodeAt(end);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) end++;
    else if (code >= 0x80) return -1;
    else return end;
  }
}

function token(type: TokenType, text: string, start: number, end: number): Token {
  const value = text.slice(start, end);
  return { type, text: value, start, end, lower: type === 'word' ? value.toLowerCase() : value };
}

function matchAt(pattern: RegExp, type: TokenType, text: string, index: number): Token | undefined {
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  if (!match || match[0].length === 0) return undefined;
  return token(type, text, index, index + match[0].length);
}

/** Hyphen-like characters that glue words ("mid‑2026", "five-year") or join ranges ("6–7%"). */
export const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012']);
export const RANGE_DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '~']);

export function isGlued(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}
