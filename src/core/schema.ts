/**
 * Every structure that crosses a boundary — CLI output, the workspace lexicon, (later) the
 * annotation file and the claims export — as a zod schema with its inferred type of the same
 * name. JSON Schemas are generated from these (`jsonSchemaOf`), never written by hand.
 */
import { z } from 'zod';
import { FIGURE_KINDS, QUALIFIERS } from './extract/figures/figure';
import { ENTITY_ROLES, ENTITY_TYPES } from './extract/entities/lexicon';
import { DEAL_KINDS } from './extract/deals/kinds';

export const SCHEMA_VERSION = 1;

const Offset = z.number().int().nonnegative().describe('UTF-16 code units from the start of the file');

export const FigureValueSchema = z.union([
  z.number(),
  z.tuple([z.number(), z.number()]),
  z.string(),
  z.tuple([z.string(), z.string()]),
]).describe('A number, a [low, high] range, an ISO-like date ("2025-11", "--09-25", "2026-H2", "FY2025"), or a range of dates');

export const ExtractEntity = z.object({
  id: z.string(),
  name: z.string().describe('Canonical name'),
  type: z.enum(ENTITY_TYPES),
  aliases: z.array(z.string()).describe('Other surface forms used in this source'),
  mentions: z.array(z.object({ start: Offset, end: Offset, text: z.string() })),
});
export type ExtractEntity = z.infer<typeof ExtractEntity>;

export const ExtractFigure = z.object({
  id: z.string(),
  text: z.string().describe('The exact characters of the file at [start, end)'),
  kind: z.enum(FIGURE_KINDS),
  value: FigureValueSchema,
  unit: z.string().nullable().describe('ISO currency code for money; %, pp, bp; GW, MW, TWh; years, months, days, hours; tokens/sec; x'),
  start: Offset,
  end: Offset,
  approx: z.boolean(),
  qualifier: z.enum(QUALIFIERS).nullable(),
  sentence: z.string().describe('The sentence the figure stands in, as prose'),
});
export type ExtractFigure = z.infer<typeof ExtractFigure>;

export const ExtractAttribution = z.object({
  text: z.string().describe('The cited source or speaker as written'),
  entityId: z.string().nullable(),
  kind: z.enum(['according-to', 'speech', 'quote']),
});

export const ExtractClaim = z.object({
  id: z.string(),
  text: z.string(),
  start: Offset,
  end: Offset,
  figures: z.array(z.string()).describe('Figure ids'),
  entities: z.array(z.string()).describe('Entity ids'),
  deals: z.array(z.string()).describe('Deal ids'),
  attribution: ExtractAttribution.nullable(),
});
export type ExtractClaim = z.infer<typeof ExtractClaim>;

export const ExtractDiagnostic = z.object({
  code: z.string(),
  message: z.string(),
  start: Offset,
  end: Offset,
  severity: z.enum(['error', 'warning', 'info']),
});

export const ExtractSource = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['markdown', 'text']),
  dateline: z.string().nullable(),
  entities: z.array(ExtractEntity),
  figures: z.array(ExtractFigure),
  claims: z.array(ExtractClaim),
  diagnostics: z.array(ExtractDiagnostic),
});
export type ExtractSource = z.infer<typeof ExtractSource>;

export const ExtractDeal = z.object({
  id: z.string(),
  parties: z.array(z.string()).describe('Canonical names in role order: acquirer→target, investor→investee, customer→provider'),
  kind: z.enum(DEAL_KINDS),
  value: z.number().nullable().describe('Headline amount in `currency`; the ceiling for "up to"'),
  currency: z.string().nullable(),
  date: z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD'),
  dateInferred: z.boolean(),
  partyInferred: z.boolean(),
  mentions: z.array(z.object({
    path: z.string(),
    start: Offset,
    end: Offset,
    sentence: z.string(),
    value: z.number().nullable(),
    currency: z.string().nullable(),
    date: z.string().nullable(),
  })),
});
export type ExtractDeal = z.infer<typeof ExtractDeal>;

export const ExtractOutput = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  sources: z.array(ExtractSource),
  deals: z.array(ExtractDeal),
});
export type ExtractOutput = z.infer<typeof ExtractOutput>;

/** `.newsmark/lexicon.json`: the workspace's own entities and aliases, and strings that are not entities. */
export const WorkspaceLexicon = z.object({
  version: z.literal(1),
  entities: z.array(z.object({
    name: z.string().min(1),
    type: z.enum(ENTITY_TYPES),
    aliases: z.array(z.string().min(1)).optional(),
    tickers: z.array(z.string().min(1)).optional(),
    parent: z.string().optional(),
    roles: z.array(z.enum(ENTITY_ROLES)).optional(),
  }).strict()).default([]),
  notEntities: z.array(z.string().min(1)).default([]),
}).strict();
export type WorkspaceLexicon = z.infer<typeof WorkspaceLexicon>;

export const SCHEMAS = { extract: ExtractOutput, lexicon: WorkspaceLexicon } as const;
export type SchemaName = keyof typeof SCHEMAS;

export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  return { $id: `https://newsmark.dev/schemas/${name}.v${SCHEMA_VERSION}.json`, ...z.toJSONSchema(SCHEMAS[name], { io: 'input' }) } as Record<string, unknown>;
}

/** A readable one-paragraph account of what is wrong with a value. */
export function describeIssues(error: z.ZodError): string {
  return z.prettifyError(error);
}
