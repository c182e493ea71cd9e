/**
 * `newsmark extract` for a person at a terminal: per article, what was found and the deals it
 * mentions; then the deals across articles and the facts two sources state differently. The JSON
 * stays what a pipe gets (`--json` asks for it at a terminal too, `--summary` for this anywhere).
 */
import type { Conflict, ExtractDeal, ExtractSource } from '../core/schema';

/** What the summary keeps of an article while the others are analysed: counts, not the analysis. */
export interface ArticleCounts {
  readonly path: string;
  readonly entityCount: number;
  readonly figureCount: number;
  readonly claimCount: number;
  /** Its notable diagnostics, one line each (invalid UTF-8 and the like). */
  readonly notes: readonly string[];
}

export function countsOf(source: ExtractSource): ArticleCounts {
  return {
    path: source.path,
    entityCount: source.entities.length,
    figureCount: source.figures.length,
    claimCount: source.claims.length,
    notes: source.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message),
  };
}

/** A summary stays short: the rest is in the JSON. */
const MAX_DEALS_PER_ARTICLE = 5;
const MAX_SHARED_DEALS = 10;

export interface SummaryStyle {
  /** Bold and dim, for a terminal that shows colours (not when NO_COLOR is set). */
  readonly isStyled: boolean;
}

/** The whole summary, ending with a newline. */
export function formatSummary(
  articles: readonly ArticleCounts[],
  deals: readonly ExtractDeal[],
  conflicts: readonly Conflict[],
  style: SummaryStyle,
): string {
  const bold = (text: string) => (style.isStyled ? `\x1b[1m${text}\x1b[22m` : text);
  const dim = (text: string) => (style.isStyled ? `\x1b[2m${text}\x1b[22m` : text);
  const lines: string[] = [];
  for (const article of articles) {
    const own = deals.filter((d) => d.mentions.some((m) => m.path === article.path));
    lines.push(bold(article.path));
    lines.push(
      `  ${[plural(article.entityCount, 'entity', 'entities'), plural(article.figureCount, 'figure'), plural(article.claimCount, 'claim'), plural(own.length, 'deal')].join(' · ')}`,
    );
    for (const deal of own.slice(0, MAX_DEALS_PER_ARTICLE)) lines.push(`  ${describeDeal(deal)}`);
    if (own.length > MAX_DEALS_PER_ARTICLE)
      lines.push(dim(`  and ${plural(own.length - MAX_DEALS_PER_ARTICLE, 'more deal')} (--json lists them all)`));
    for (const note of article.notes) lines.push(dim(`  note: ${note}`));
  }
  if (articles.length === 0) lines.push('No article was analysed.');
  lines.push('');
  const sharedDeals = deals.filter((d) => new Set(d.mentions.map((m) => m.path)).size > 1);
  lines.push(
    bold(
      `${plural(articles.length, 'article')}, ${plural(deals.length, 'deal')} (${sharedDeals.length} in more than one article), ${conflicts.length === 0 ? 'no conflict between sources' : plural(conflicts.length, 'conflict') + ' between sources'}`,
    ),
  );
  for (const deal of sharedDeals.slice(0, MAX_SHARED_DEALS)) {
    const paths = [...new Set(deal.mentions.map((m) => m.path))];
    lines.push(`  ${describeDeal(deal)} ${dim(`— in ${paths.join(', ')}`)}`);
  }
  if (sharedDeals.length > MAX_SHARED_DEALS)
    lines.push(dim(`  and ${plural(sharedDeals.length - MAX_SHARED_DEALS, 'more deal')} in more than one article`));
  for (const conflict of conflicts) {
    lines.push(`  conflict: ${conflict.key.label}`);
    for (const statement of conflict.statements) lines.push(`    ${statement.text} in ${statement.path}`);
    lines.push(dim(`    ${conflict.reason}`));
  }
  return `${lines.join('\n')}\n`;
}

/** "OpenAI → Amazon Web Services: cloud contract, $38 billion, November 2025". */
export function describeDeal(deal: ExtractDeal): string {
  const details = [deal.kind.replace(/-/g, ' ')];
  if (deal.value !== null) details.push(formatAmount(deal.value, deal.currency));
  if (deal.date !== null) details.push(deal.dateInferred ? `${deal.date} (date inferred)` : deal.date);
  return `deal: ${deal.parties.join(' → ')}: ${details.join(', ')}`;
}

/** 38e9 USD → "$38 billion"; 1.2e6 EUR → "€1.2 million"; no currency → "7 billion". */
export function formatAmount(value: number, currency: string | null): string {
  const amount = new Intl.NumberFormat('en-US', {
    notation: 'compact',
    compactDisplay: 'long',
    maximumFractionDigits: 2,
  }).format(value);
  if (currency === null) return amount;
  let symbol: string | undefined;
  try {
    symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value;
  } catch {
    symbol = undefined; // not an ISO currency code
  }
  return symbol && symbol !== currency ? `${symbol}${amount}` : `${amount} ${currency}`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
