/**
 * Numbers as written: digits ("1,400", "13.5") and words ("thirty", "twenty-five",
 * "one hundred"), with magnitudes ("billion", "bn", "B", "K").
 */
import { HYPHENS, isGlued, type Token } from './tokens';
import { wordTable } from './wordTable';

const UNITS: Record<string, number> = wordTable({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
const TENS: Record<string, number> = wordTable({
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});

/** Magnitude words and letters; letters only count glued to a number or after a currency. */
const MAGNITUDE_WORDS: Record<string, number> = wordTable({
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  // the Indian numbering system: "₹1,250 crore" (12.5 billion), "Rs 50 lakh" (5 million)
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  bln: 1e9,
  tn: 1e12,
  trn: 1e12,
});
const MAGNITUDE_LETTERS: Record<string, number> = wordTable({ k: 1e3, m: 1e6, mm: 1e6, b: 1e9, t: 1e12 });

export interface NumberPhrase {
  /** Token index range `[first, last]` of the number itself (without magnitude). */
  readonly first: number;
  readonly last: number;
  readonly value: number;
  readonly isSpelled: boolean;
}

export interface Magnitude {
  readonly factor: number;
  /** Index of the magnitude token. */
  readonly index: number;
  readonly isLetter: boolean;
}

const NUMBER_WORDS: ReadonlySet<string> = new Set([...Object.keys(UNITS), ...Object.keys(TENS), 'hundred']);

export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

/** Parses a number starting at token `i`: digits, or number words up to "hundred". */
export function numberAt(tokens: readonly Token[], i: number): NumberPhrase | undefined {
  const token = tokens[i];
  if (!token) return undefined;
  if (token.type === 'num') {
    return { first: i, last: i, value: Number(token.text.replace(/,/g, '')), isSpelled: false };
  }
  if (token.type !== 'word') return undefined;
  let value = UNITS[token.lower] ?? TENS[token.lower];
  if (value === undefined) return undefined;
  let last = i;
  // "twenty-five"
  if (TENS[token.lower] !== undefined && HYPHENS.has(tokens[i + 1]?.text ?? '') && isGlued(token, tokens[i + 1])) {
    const unit = tokens[i + 2];
    if (unit && isGlued(tokens[i + 1], unit) && UNITS[unit.lower] !== undefined && UNITS[unit.lower]! < 10) {
      value += UNITS[unit.lower]!;
      last = i + 2;
    }
  }
  // "one hundred", "two hundred fifty"
  if (tokens[last + 1]?.type === 'space' && tokens[last + 2]?.lower === 'hundred' && value < 10) {
    value *= 100;
    last += 2;
  }
  return { first: i, last, value, isSpelled: true };
}

/** A magnitude right after the number at `last` (spaced word, or glued word/letter). */
export function magnitudeAfter(
  tokens: readonly Token[],
  last: number,
  allowSpacedLetter: boolean,
): Magnitude | undefined {
  const next = tokens[last + 1];
  if (!next) return undefined;
  const glued = next.type === 'word';
  const candidate = glued ? next : next.type === 'space' && next.text.length <= 2 ? tokens[last + 2] : undefined;
  if (!candidate || candidate.type !== 'word') return undefined;
  const index = glued ? last + 1 : last + 2;
  if (!endsWord(tokens, index)) return undefined;
  const word = MAGNITUDE_WORDS[candidate.lower];
  if (word !== undefined) return { factor: word, index, isLetter: false };
  const letter = MAGNITUDE_LETTERS[candidate.lower];
  if (letter !== undefined && (glued || allowSpacedLetter)) {
    // "3 M" after a currency is a magnitude; a lower-case "m" spaced is metres: only glued
    if (!glued && candidate.text === candidate.lower) return undefined;
    return { factor: letter, index, isLetter: true };
  }
  return undefined;
}

/** True when the token at `i` is not glued to a following letter or digit. */
export function endsWord(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (!next || !isGlued(tokens[i], next)) return true;
  return next.type === 'sym' || next.type === 'space';
}
