/**
 * Units after a number, per figure kind, as token sequences (lower case, spaces skipped).
 * `glued` units must touch the number ("10x"); `hyphen` units may be joined by a hyphen
 * ("five-year", "33-gigawatt"); others may follow a space.
 */
import type { FigureKind } from './figure';
import { wordTable } from './wordTable';

export interface UnitSpec {
  readonly kind: FigureKind;
  readonly unit: string;
  readonly words: readonly string[];
  /** Multiplies the number: "two decades" → 20 years. */
  readonly factor?: number;
  readonly isGluedOnly?: boolean;
}

const spec = (kind: FigureKind, unit: string, forms: string[], extra: Partial<UnitSpec> = {}): UnitSpec[] =>
  forms.map((form) => ({ kind, unit, words: form.split(' '), ...extra }));

export const UNIT_SPECS: readonly UnitSpec[] = [
  ...spec('percent', '%', ['%', 'percent', 'per cent', 'pct']),
  ...spec('percent', 'pp', ['percentage points', 'percentage point', 'pp', 'pts']),
  ...spec('percent', 'bp', ['basis points', 'basis point', 'bps', 'bp']),
  ...spec('power', 'GW', ['gw', 'gigawatt', 'gigawatts']),
  ...spec('power', 'MW', ['mw', 'megawatt', 'megawatts']),
  ...spec('power', 'kW', ['kw', 'kilowatt', 'kilowatts']),
  ...spec('power', 'TW', ['tw', 'terawatt', 'terawatts']),
  ...spec('power', 'TWh', ['twh', 'terawatt - hours', 'terawatt hours', 'terawatt - hour']),
  ...spec('power', 'GWh', ['gwh', 'gigawatt - hours', 'gigawatt hours']),
  ...spec('power', 'MWh', ['mwh', 'megawatt - hours', 'megawatt hours']),
  ...spec('power', 'kWh', ['kwh', 'kilowatt - hours', 'kilowatt hours']),
  ...spec('rate', 'tokens/sec', [
    'tokens / sec',
    'tokens / s',
    'tokens / second',
    'tokens per second',
    'tokens a second',
    'tok / s',
    'token / s',
    'tokens per sec',
  ]),
  ...spec('rate', 'requests/sec', [
    'requests per second',
    'requests / sec',
    'requests / s',
    'req / s',
    'queries per second',
    'qps',
    'rps',
  ]),
  ...spec('duration', 'years', ['year', 'years', 'yr', 'yrs']),
  ...spec('duration', 'years', ['decade', 'decades'], { factor: 10 }),
  ...spec('duration', 'months', ['month', 'months']),
  ...spec('duration', 'weeks', ['week', 'weeks']),
  ...spec('duration', 'days', ['day', 'days']),
  ...spec('duration', 'hours', ['hour', 'hours', 'hr', 'hrs']),
  ...spec('duration', 'minutes', ['minute', 'minutes', 'min', 'mins']),
  ...spec('multiplier', 'x', ['×', 'x'], { isGluedOnly: true }),
  ...spec('multiplier', 'x', ['times', 'fold']),
];

/** Currency markers before the number, as token sequences (case kept for letters). */
export const CURRENCY_PREFIXES: ReadonlyArray<{ readonly words: readonly string[]; readonly code: string }> = [
  ['US $', 'USD'],
  ['US$', 'USD'],
  ['USD', 'USD'],
  ['$', 'USD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['NT$', 'TWD'],
  ['R$', 'BRL'],
  ['€', 'EUR'],
  ['EUR', 'EUR'],
  ['£', 'GBP'],
  ['GBP', 'GBP'],
  ['¥', 'JPY'],
  ['JPY', 'JPY'],
  ['CNY', 'CNY'],
  ['RMB', 'CNY'],
  ['₹', 'INR'],
  ['INR', 'INR'],
  ['Rs', 'INR'],
  ['₩', 'KRW'],
  ['KRW', 'KRW'],
  ['CHF', 'CHF'],
].map(([form, code]) => ({ words: splitForm(form!), code: code! }));

/** Currency words after the number ("30 billion dollars", "EUR" after the amount). */
export const CURRENCY_SUFFIXES: Readonly<Record<string, string>> = wordTable({
  dollars: 'USD',
  dollar: 'USD',
  usd: 'USD',
  euros: 'EUR',
  euro: 'EUR',
  eur: 'EUR',
  pounds: 'GBP',
  gbp: 'GBP',
  yen: 'JPY',
  jpy: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  won: 'KRW',
  rupees: 'INR',
  francs: 'CHF',
  chf: 'CHF',
});

/** "US$" → ["US", "$"]; "US $" → ["US", " ", "$"]: a space in a form means a space token. */
function splitForm(form: string): string[] {
  return form.match(/\p{L}+|\s|[^\p{L}\s]/gu) ?? [];
}
