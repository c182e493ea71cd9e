/**
 * Tokens for name matching: runs of letters and digits ("OpenAI", "GPT", "4o", "a16z"), with
 * the separator text before each one normalised (spaces → " ", hyphens → "-", ’ → ').
 */
export interface NameToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Normalised separator between the previous token and this one ("" at the start). */
  readonly before: string;
}

/**
 * Letters and digits of one kind of script: "AiToEarn官网" is two tokens. A token is a run of
 * CJK characters (Han, Hiragana, Katakana, Hangul) or a run of other letters, digits and marks
 * (`\p{L}\p{N}\p{M}`); a hand-written scan, since a pattern with a look-ahead per character is
 * the slowest part of name matching.
 */
const CJK_AT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/uy;
const NAME_CHARACTER_AT = /[\p{L}\p{N}\p{M}]/uy;

const NOT_NAME = 0;
const ALPHABETIC = 1;
const CJK = 2;

function characterClass(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
      ? ALPHABETIC
      : NOT_NAME;
  CJK_AT.lastIndex = i;
  if (CJK_AT.test(text)) return CJK;
  NAME_CHARACTER_AT.lastIndex = i;
  return NAME_CHARACTER_AT.test(text) ? ALPHABETIC : NOT_NAME;
}

/** UTF-16 length of the code point at `i`. */
function codePointLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

export function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  let last = 0;
  let i = 0;
  while (i < text.length) {
    const kind = characterClass(text, i);
    if (kind === NOT_NAME) {
      i += codePointLength(text, i);
      continue;
    }
    const start = i;
    i += codePointLength(text, i);
    while (i < text.length && characterClass(text, i) === kind) i += codePointLength(text, i);
    out.push({ text: text.slice(start, i), start, end: i, before: normaliseSeparator(text.slice(last, start)) });
    last = i;
  }
  return out;
}

/** What normaliseSeparator changes: a space other than a lone plain one, a dash, a curly quote. */
const TO_NORMALISE = /(?! )\s|\u200b| {2}|[\u2010\u2011\u2012\u2013’‘]/;

export function normaliseSeparator(separator: string): string {
  // most separators (", ", ". ", "-") are already normal: no copies made for them
  if (separator === ' ' || separator === '' || !TO_NORMALISE.test(separator)) return separator;
  return separator
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .replace(/[\u2010\u2011\u2012\u2013]/g, '-')
    .replace(/[’‘]/g, "'");
}

/** A surface form split the same way: "GPT-4o" → tokens ["GPT", "4o"], separators ["", "-"]. */
export function formTokens(form: string): { tokens: string[]; separators: string[] } {
  const tokens: string[] = [];
  const separators: string[] = [];
  for (const token of nameTokens(form)) {
    tokens.push(token.text);
    separators.push(token.before);
  }
  return { tokens, separators };
}

const STARTS_UPPER = /^\p{Lu}/u;
const LOWER_THEN_UPPER = /^\p{Ll}+\p{Lu}/u;

/** A capital first, or lower-case letters then a capital ("OpenAI", "iPhone"); ASCII is read by hand. */
export function isCapitalisedName(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first >= 65 && first <= 90) return true;
  if (first >= 97 && first <= 122) {
    let i = 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) i++;
      else if (c >= 65 && c <= 90) return true;
      else if (c < 128) return false;
      else break;
    }
    if (i === text.length) return false;
  } else if (first < 128) return false;
  return STARTS_UPPER.test(text) || LOWER_THEN_UPPER.test(text);
}
