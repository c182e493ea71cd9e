/**
 * The deals of a corpus as CSV for a spreadsheet: one row per deal, merged across sources, with
 * its parties in role order (the first two in columns of their own), kind, status, headline value
 * and date, how many sources and sentences mention it, and the first sentence. RFC 4180 through
 * papaparse, CRLF line ends, a UTF-8 byte-order mark; a cell a spreadsheet would run as a formula
 * is prefixed with an apostrophe (article text is data). `newsmark deals --format csv` and the
 * deals panel's "Copy Deals as CSV" write the same text: deals merged as the panel merges them,
 * where sources that state one deal with different values or dates make one row that says so
 * (`sources_differ`). Pure.
 */
import Papa from 'papaparse';
import { dealDifferences } from './corpus/deals';
import type { ExtractDeal } from './schema';

export const DEALS_CSV_COLUMNS = [
  'deal_id',
  'kind',
  'status',
  'parties',
  'party_1',
  'party_2',
  'value',
  'currency',
  'date',
  'date_inferred',
  'party_inferred',
  'sources_differ',
  'source_count',
  'mention_count',
  'sources',
  'first_source',
  'first_sentence',
] as const;

type Row = Record<(typeof DEALS_CSV_COLUMNS)[number], string | number>;

export function dealsCsv(deals: readonly ExtractDeal[]): string {
  const rows = deals.map(rowOf);
  const body = Papa.unparse(
    { fields: [...DEALS_CSV_COLUMNS], data: rows.map((row) => DEALS_CSV_COLUMNS.map((c) => row[c])) },
    {
      newline: '\r\n',
      quotes: false,
      header: true,
      escapeFormulae: true,
    },
  );
  return `\ufeff${body}\r\n`;
}

function rowOf(deal: ExtractDeal): Row {
  const sources = [...new Set(deal.mentions.map((m) => m.path))];
  const first = deal.mentions[0];
  return {
    deal_id: deal.id,
    kind: deal.kind,
    status: deal.status,
    parties: deal.parties.join('; '),
    party_1: deal.parties[0] ?? '',
    party_2: deal.parties[1] ?? '',
    value: deal.value ?? '',
    currency: deal.currency ?? '',
    date: deal.date ?? '',
    date_inferred: deal.dateInferred ? 'yes' : 'no',
    party_inferred: deal.partyInferred ? 'yes' : 'no',
    sources_differ: differsOf(deal),
    source_count: sources.length,
    mention_count: deal.mentions.length,
    sources: sources.join('; '),
    first_source: first?.path ?? '',
    first_sentence: first?.sentence.replace(/\s+/g, ' ').trim() ?? '',
  };
}

/** "value", "date", "value and date" when the deal's mentions state it differently; "" when they agree. */
function differsOf(deal: ExtractDeal): string {
  const { values, dates } = dealDifferences(deal.mentions);
  return [values ? 'value' : '', dates ? 'date' : ''].filter(Boolean).join(' and ');
}
