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

/** Letters and digits of one kind of script: "AiToEarn官网" is two tokens. */
const NAME_TOKEN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])[\p{L}\p{N}\p{M}])+/gu;

export function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  let last = 0;
  for (const match of text.matchAll(NAME_TOKEN)) {
    const start = match.index;
    out.push({ text: match[0], start, end: start + match[0].length, before: normaliseSeparator(text.slice(last, start)) });
    last = start + match[0].length;
  }
  return out;
}

export function normaliseSeparator(separator: string): string {
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

export function isCapitalisedName(text: string): boolean {
  return /^\p{Lu}/u.test(text) || /^\p{Ll}+\p{Lu}/u.test(text); // "OpenAI", "iPhone"
}
