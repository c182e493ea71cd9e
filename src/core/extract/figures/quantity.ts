/**
 * Quantities: an optional approximation mark and currency, a number, a magnitude, a unit —
 * "~$13.5 billion", "US $60 billion", "4.5 GW", "33-gigawatt", "10×", "30 million" — and ranges
 * of two of them ("6–7%", "$20–25 billion", "12 to 18 months", "$500,000 to $1 million").
 */
import { CURRENCY_PREFIXES, CURRENCY_SUFFIXES, UNIT_SPECS, type UnitSpec } from './units';
import { magnitudeAfter, numberAt } from './numbers';
import { matchWords } from './match';
import { HYPHENS, RANGE_DASHES, isGlued, type Token } from './tokens';

export interface Quantity {
  /** First and last token of the figure text. */
  readonly first: number;
  readonly last: number;
  readonly value: number;
  /** The number as written, before its magnitude. */
  readonly raw: number;
  readonly hasMagnitude: boolean;
  readonly currency: string | null;
  readonly unit: UnitSpec | null;
  readonly hasApproxMark: boolean;
  /** A trailing "+": "$400 B+", "120+". */
  readonly hasPlus: boolean;
  readonly isSpelled: boolean;
  /** The unit was joined by a hyphen: "five-year", "33-gigawatt". */
  readonly isAdjectival: boolean;
}

export interface QuantityRange {
  readonly first: number;
  readonly last: number;
  readonly low: Quantity;
  readonly high: Quantity;
}

export function quantityAt(tokens: readonly Token[], i: number): Quantity | undefined {
  let k = i;
  let hasApproxMark = false;
  const mark = tokens[k];
  if (mark && (mark.text === '~' || mark.text === '≈' || mark.text === '+') && isGlued(mark, tokens[k + 1])) {
    hasApproxMark = mark.text !== '+';
    k++;
  }
  let currency: string | null = null;
  for (const prefix of CURRENCY_PREFIXES) {
    const end = matchWords(tokens, k, prefix.words, true);
    if (end >= 0 && (isGlued(tokens[end], tokens[end + 1]) || isCodeThenSpace(tokens, end))) {
      currency = prefix.code;
      k = end + 1;
      if (tokens[k]?.type === 'space') k++;
      break;
    }
  }
  const number = numberAt(tokens, k);
  if (!number) return undefined;
  let last = number.last;
  const magnitude = magnitudeAfter(tokens, last, currency !== null);
  if (magnitude) last = magnitude.index;
  let value = scaled(number.value, magnitude?.factor ?? 1);
  let hasPlus = false;
  if (tokens[last + 1]?.text === '+' && isGlued(tokens[last], tokens[last + 1])) {
    hasPlus = true;
    last++;
  }
  let unit: UnitSpec | null = null;
  let isAdjectival = false;
  const found = unitAfter(tokens, last);
  if (found) {
    unit = found.spec;
    isAdjectival = found.isAdjectival;
    last = found.last;
    value = scaled(value, unit.factor ?? 1);
  } else if (!currency) {
    const suffix = currencySuffixAfter(tokens, last);
    if (suffix) {
      currency = suffix.code;
      last = suffix.last;
    }
  }
  if (hasPlus && tokens[last + 1]?.text === '+' && isGlued(tokens[last], tokens[last + 1])) last++;
  else if (!hasPlus && tokens[last + 1]?.text === '+' && isGlued(tokens[last], tokens[last + 1])) {
    hasPlus = true;
    last++;
  }
  return {
    first: i,
    last,
    value,
    raw: number.value,
    hasMagnitude: !!magnitude,
    currency,
    unit,
    hasApproxMark,
    hasPlus,
    isSpelled: number.isSpelled,
    isAdjectival,
  };
}

/** n × factor without binary noise: 4.1 × 1e9 is 4100000000, not 4099999999.9999995. */
function scaled(n: number, factor: number): number {
  return factor === 1 ? n : Number((n * factor).toPrecision(12));
}

/** "USD 350 million": a letter code, then one space. */
function isCodeThenSpace(tokens: readonly Token[], end: number): boolean {
  const space = tokens[end + 1];
  return space?.type === 'space' && space.text === ' ' && tokens[end]!.type === 'word';
}

function unitAfter(
  tokens: readonly Token[],
  last: number,
): { spec: UnitSpec; last: number; isAdjectival: boolean } | undefined {
  const next = tokens[last + 1];
  if (!next) return undefined;
  const glued = isGlued(tokens[last], next) && next.type !== 'space';
  let start = last + 1;
  let isAdjectival = false;
  if (HYPHENS.has(next.text) && isGlued(next, tokens[last + 2])) {
    start = last + 2;
    isAdjectival = true;
  } else if (next.type === 'space') {
    if (next.text.length > 2) return undefined;
    start = last + 2;
  }
  let best: { spec: UnitSpec; last: number; isAdjectival: boolean } | undefined;
  for (const spec of UNIT_SPECS) {
    if (spec.isGluedOnly && !glued) continue;
    const end = matchWords(tokens, start, spec.words);
    if (end < 0 || !isWordEnd(tokens, end)) continue;
    if (!best || end > best.last) best = { spec, last: end, isAdjectival };
  }
  return best;
}

function currencySuffixAfter(tokens: readonly Token[], last: number): { code: string; last: number } | undefined {
  if (tokens[last + 1]?.type !== 'space') return undefined;
  const word = tokens[last + 2];
  if (word?.type !== 'word' || !isWordEnd(tokens, last + 2)) return undefined;
  const code = CURRENCY_SUFFIXES[word.lower];
  // the ISO codes must be written in capitals; "won" and "yen" are words too, but not after a number
  if (
    !code ||
    (word.lower.length === 3 && word.text !== word.text.toUpperCase() && !['yen', 'won'].includes(word.lower))
  )
    return undefined;
  return { code, last: last + 2 };
}

/** The token at `i` ends a word: what follows is not a letter or digit glued to it. */
function isWordEnd(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (!token || !next || !isGlued(token, next)) return true;
  if (token.type === 'sym') return next.type !== 'num';
  return next.type === 'sym' || next.type === 'space';
}

/**
 * A range starting with the quantity `low`: "6–7%", "12 to 18 months", "between $1 and $2
 * billion". "from X to Y" is a change, not a range, and so is a high end below the low end.
 */
export function rangeFrom(
  tokens: readonly Token[],
  low: Quantity,
  isAfterFrom: boolean,
  isAfterBetween: boolean,
): QuantityRange | undefined {
  let k = low.last + 1;
  const connector = tokens[k];
  if (!connector) return undefined;
  if (RANGE_DASHES.has(connector.text) && isGlued(tokens[low.last], connector) && isGlued(connector, tokens[k + 1])) {
    k++;
  } else {
    if (connector.type !== 'space' || connector.text.length > 2) return undefined;
    const word = tokens[k + 1];
    const isWordConnector = (word?.lower === 'to' && !isAfterFrom) || (word?.lower === 'and' && isAfterBetween);
    const isSpacedDash = word !== undefined && (word.text === '–' || word.text === '—') && low.unit === null;
    if (!word || !(isWordConnector || isSpacedDash) || tokens[k + 2]?.type !== 'space') return undefined;
    k += 3;
  }
  const high = quantityAt(tokens, k);
  if (!high) return undefined;
  if (low.unit && high.unit && low.unit.unit !== high.unit.unit) return undefined;
  // "down 6.8% to $148.20": a percentage and an amount are two figures, not a range
  if ((low.unit && high.currency) || (low.currency && high.unit)) return undefined;
  if (low.currency && high.currency && low.currency !== high.currency) return undefined;
  let lowValue = low.value;
  if (!low.hasMagnitude && high.hasMagnitude && low.raw < 1000 && high.raw > 0) {
    lowValue = scaled(low.raw, high.value / high.raw / (high.unit?.factor ?? 1));
  }
  if (low.unit?.factor && !high.unit) lowValue = low.value;
  const highValue = high.value;
  if (!(lowValue < highValue)) return undefined;
  const merged: Quantity = {
    ...low,
    value: lowValue,
    currency: low.currency ?? high.currency,
    unit: high.unit ?? low.unit,
    hasMagnitude: low.hasMagnitude || high.hasMagnitude,
  };
  return { first: low.first, last: high.last, low: merged, high };
}
