/**
 * A normalised value in words, as the hover, the deals panel and the fact timeline show it:
 * "38,000,000,000 USD", "6 to 7 percent", "2025-11-03", "2025-12-19 to 2025-12-20". One formatter
 * for all of them, built on first use (an ICU number format takes milliseconds to build, and
 * loading the extension need not wait for it).
 */
import type { Figure } from '../analysis';

let numberFormat: Intl.NumberFormat | undefined;

/** "38,000,000,000", "6.5": up to six decimals, grouped. */
export function numberWords(value: number): string {
  return (numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })).format(value);
}

const UNIT_WORDS: Readonly<Record<string, string>> = {
  '%': 'percent',
  pp: 'percentage points',
  bp: 'basis points',
  x: 'times',
};

export function normalisedValue(figure: {
  readonly value: Figure['value'] | number | readonly [number, number];
  readonly unit: string | null;
}): string {
  const one = (v: number | string) => (typeof v === 'number' ? numberWords(v) : v);
  const v = figure.value;
  const value = typeof v === 'object' ? `${one(v[0])} to ${one(v[1])}` : one(v);
  if (!figure.unit) return value;
  return `${value} ${UNIT_WORDS[figure.unit] ?? figure.unit}`;
}
