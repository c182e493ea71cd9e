/**
 * The three export formats as text, one function for the editor and the CLI, so both write the
 * same bytes for the same annotations and articles: `claims` (JSON, schemas/claims.schema.json),
 * `w3c` (W3C Web Annotation JSON-LD, schemas/w3c.schema.json) and `csv` (a row per claim ×
 * figure, exportCsv.ts). Each output is checked against its schema before it is turned into text;
 * a mismatch is a bug, reported, and nothing is written.
 */
import * as z from 'zod';
import { exportClaims, exportWebAnnotations, type ExportInput } from './export';
import { claimsCsv } from './exportCsv';
import { ClaimsExport, WebAnnotationExport } from './schema';

export const EXPORT_FORMATS = ['claims', 'w3c', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Readonly<
  Record<ExportFormat, { label: string; detail: string; extension: string; filter: string }>
> = {
  claims: {
    label: 'JSON claims',
    detail: 'every tagged claim with its figures, entities and attribution (schemas/claims.schema.json)',
    extension: 'json',
    filter: 'JSON',
  },
  w3c: {
    label: 'W3C Web Annotation (JSON-LD)',
    detail: 'for annotation tools (Hypothesis and others): an AnnotationCollection',
    extension: 'jsonld',
    filter: 'JSON-LD',
  },
  csv: { label: 'CSV', detail: 'one row per claim and figure, for a spreadsheet', extension: 'csv', filter: 'CSV' },
};

export type RenderedExport =
  | { readonly ok: true; readonly text: string; readonly claimCount: number; readonly orphanCount: number }
  | { readonly ok: false; readonly message: string };

/** The export of `input` in `format`; `base` is the workspace folder's IRI (export.ts fileIri), used by w3c. */
export function renderExport(format: ExportFormat, input: ExportInput, base: string): RenderedExport {
  if (format === 'w3c') {
    const output = exportWebAnnotations(input, base);
    const checked = WebAnnotationExport.safeParse(output);
    if (!checked.success) return { ok: false, message: z.prettifyError(checked.error) };
    return { ok: true, text: `${JSON.stringify(output, null, 2)}\n`, claimCount: output.total, orphanCount: 0 };
  }
  const claims = exportClaims(input);
  const checked = ClaimsExport.safeParse(claims);
  if (!checked.success) return { ok: false, message: z.prettifyError(checked.error) };
  const text = format === 'csv' ? claimsCsv(claims) : `${JSON.stringify(claims, null, 2)}\n`;
  return { ok: true, text, claimCount: claims.claims.length, orphanCount: claims.orphans.length };
}
