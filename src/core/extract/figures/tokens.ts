/**
 * A flat tokenisation of prose for the figure recognisers: numbers, words, symbols and
 * spaces, each with its `[start, end)` in the prose text. Linear, no backtracking.
 */
export type TokenType = 'num' | 'word' | 'sym' | 'space';

export interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Lower-cased text, for words. */
  readonly lower: string;
}

/** Digits with optional thousands separators and decimals: "1,400", "13.5", "2025". */
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/y;
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

/** A number, word or space token at `i`; the first character rules out the patterns that cannot match. */
function tokenAt(text: string, i: number): Token | undefined {
  const code = text.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return matchAt(NUMBER, 'num', text, i);
  if (code < 0x80) {
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return matchAt(WORD, 'word', text, i);
    return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? matchAt(SPACE, 'space', text, i) : undefined;
  }
  return matchAt(WORD, 'word', text, i) ?? matchAt(SPACE, 'space', text, i);
}

function matchAt(pattern: RegExp, type: TokenType, text: string, index: number): Token | undefined {
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  if (!match || match[0].length === 0) return undefined;
  const value = match[0];
  return {
    type,
    text: value,
    start: index,
    end: index + value.length,
    lower: type === 'word' ? value.toLowerCase() : value,
  };
}

/** Hyphen-like characters that glue words ("mid‑2026", "five-year") or join ranges ("6–7%"). */
export const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u2012']);
export const RANGE_DASHES = new Set(['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '~']);

export function isGlued(a: Token | undefined, b: Token | undefined): boolean {
  return !!a && !!b && a.end === b.start;
}
