/**
 * The tagged claims as CSV for a spreadsheet: one row per claim × figure (a claim with no figure
 * is one row with the figure columns empty), RFC 4180 through papaparse — fields quoted where
 * needed, CRLF line ends — with a UTF-8 byte-order mark so that spreadsheets read it as UTF-8.
 * A cell that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
 * apostrophe: article text is data. Built from the claims export, so the editor and the CLI write
 * the same bytes. Pure.
 */
import Papa from 'papaparse';
import type { ClaimsExport, ClaimsExportClaim } from './schema';

export const CSV_COLUMNS = [
  'source',
  'source_sha256',
  'claim_id',
  'claim_start',
  'claim_end',
  'claim',
  'said_by',
  'tags',
  'corrections',
  'latest_correction',
  'figure',
  'figure_kind',
  'value',
  'value_low',
  'value_high',
  'unit',
  'qualifier',
  'figure_start',
  'figure_end',
  'annotations',
] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string | number>;

export function claimsCsv(claims: ClaimsExport): string {
  const rows: Row[] = claims.claims.flatMap(rowsOf);
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows.map((row) => CSV_COLUMNS.map((c) => row[c])) },
    {
      newline: '\r\n',
      quotes: false,
      header: true,
      escapeFormulae: true,
    },
  );
  return `\ufeff${body}\r\n`;
}

function rowsOf(claim: ClaimsExportClaim): Row[] {
  const latest = claim.corrections.at(-1);
  const common = {
    source: claim.source.path,
    source_sha256: claim.source.sha256,
    claim_id: claim.claimId,
    claim_start: claim.span.start,
    claim_end: claim.span.end,
    claim: claim.text,
    said_by: claim.attribution?.text ?? '',
    tags: claim.tags.join('; '),
    corrections: claim.corrections.length,
    latest_correction: latest ? latest.corrected : '',
    annotations: claim.annotations.map((a) => a.id).join('; '),
  };
  const empty = {
    figure: '',
    figure_kind: '',
    value: '',
    value_low: '',
    value_high: '',
    unit: '',
    qualifier: '',
    figure_start: '',
    figure_end: '',
  };
  if (claim.figures.length === 0) return [{ ...common, ...empty }];
  return claim.figures.map((f) => {
    const range = Array.isArray(f.value) ? f.value : undefined;
    return {
      ...common,
      figure: f.text,
      figure_kind: f.kind,
      value: range ? '' : (f.value as string | number),
      value_low: range ? range[0] : '',
      value_high: range ? range[1] : '',
      unit: f.unit ?? '',
      qualifier: f.qualifier ?? (f.approx ? 'approx' : ''),
      figure_start: f.start,
      figure_end: f.end,
    } as Row;
  });
}
