/**
 * Words for what the core computed: normalised values, qualifiers, deals, corrections. Display
 * only; these never look at article text. `escapeMarkdown` is the one way article text enters a
 * MarkdownString (hovers, tooltips): every ASCII punctuation character is backslash-escaped, so
 * nothing in an article can become a link, an image, HTML, an entity or a theme icon.
 */
import type { Correction } from '../core/annotations/model';
import type { Deal } from '../core/extract/deals/deal';
import { QUALIFIER_WORDS, type Qualifier } from '../core/extract/figures/figure';
import { numberWords } from '../core/views/valueWords';

export { normalisedValue } from '../core/views/valueWords';

export function qualifierWords(qualifier: Qualifier | null): string | undefined {
  return qualifier ? QUALIFIER_WORDS[qualifier] : undefined;
}

/** "38,000,000,000 USD" or undefined when the deal states no amount. */
export function dealValue(deal: Pick<Deal, 'value' | 'currency'>): string | undefined {
  if (deal.value === null) return undefined;
  return `${numberWords(deal.value)}${deal.currency ? ` ${deal.currency}` : ''}`;
}

/** Compact amount for tree descriptions: "$38B", "€1.2M", "27,000". */
export function compactAmount(value: number, currency: string | null): string {
  const symbol = currency
    ? ({ USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥' } as Record<string, string>)[currency]
    : undefined;
  const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 }).format(value);
  if (symbol) return `${symbol}${compact}`;
  return currency ? `${compact} ${currency}` : compact;
}

export function dealKindWords(kind: string): string {
  return kind.replace(/-/g, ' ');
}

/** "OpenAI → Amazon Web Services": the parties in role order. */
export function dealParties(deal: Pick<Deal, 'parties'>): string {
  return deal.parties.length ? deal.parties.join(' → ') : '(parties not named)';
}

export function correctionSummary(c: Correction): string {
  return `${c.isApplied ? 'applied' : 'recorded'} by ${c.author || 'unknown'} on ${c.time.slice(0, 10)}`;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/**
 * "a, b, c and 12 others": the items shown, then how many of `total` are not, so that a message
 * about a fact stated by thousands of sources stays one readable line (and costs what it shows).
 */
export function listWithMore(shown: readonly string[], total: number, noun = 'others'): string {
  const first = shown.join(', ');
  return total > shown.length ? `${first} and ${total - shown.length} ${noun}` : first;
}

/** Shorten to `max` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
