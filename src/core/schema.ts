/**
 * Every structure that crosses a boundary — CLI output, the workspace lexicon, (later) the
 * annotation file and the claims export — as a zod schema with its inferred type of the same
 * name. JSON Schemas are generated from these (`jsonSchemaOf`), never written by hand.
 */
import * as z from 'zod';
import { buildLazySchemas, lazySchema } from './lazySchema';
import { FIGURE_KINDS, QUALIFIERS } from './extract/figures/figure';
import { ENTITY_ROLES, ENTITY_TYPES } from './extract/entities/entityTypes';
import { EVIDENCE_RULES } from './extract/entities/evidence';
import { DEAL_KINDS } from './extract/deals/kinds';
import { DEAL_STATUSES } from './extract/deals/status';
import { METRICS } from './facts/index';

/** Version of the annotation file, the lexicon and the claims exports. */
export const SCHEMA_VERSION = 1;
/**
 * Version of the `newsmark extract` output. 2: a figure names its claim by index (`claim`)
 * instead of repeating its sentence (`sentence`), so the output grows with the input, not with
 * the square of a sentence's figures.
 */
export const EXTRACT_SCHEMA_VERSION = 2;

const Offset = lazySchema(() =>
  z.number().int().nonnegative().describe('UTF-16 code units from the start of the file'),
);

export const FigureValueSchema = lazySchema(() =>
  z
    .union([z.number(), z.tuple([z.number(), z.number()]), z.string(), z.tuple([z.string(), z.string()])])
    .describe(
      'A number, a [low, high] range, an ISO-like date ("2025-11", "--09-25", "2026-H2", "FY2025"), or a range of dates',
    ),
);

export const ExtractEntity = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string().describe('Canonical name'),
    type: z.enum(ENTITY_TYPES),
    aliases: z.array(z.string()).describe('Other surface forms used in this source'),
    mentions: z.array(z.object({ start: Offset, end: Offset, text: z.string() })),
    evidence: z
      .object({
        rule: z
          .enum(EVIDENCE_RULES)
          .describe("The rule that decided the type (see the enum; 'lexicon' for a lexicon entry)"),
        phrase: z
          .string()
          .describe('The words of the source that show it ("chipmaker Zeta Labs"), at most about 80 characters'),
      })
      .describe('Why this is an entity of this type: the strongest evidence among its mentions'),
  }),
);
export type ExtractEntity = z.infer<typeof ExtractEntity>;

export const ExtractFigure = lazySchema(() =>
  z.object({
    id: z.string(),
    text: z.string().describe('The exact characters of the file at [start, end)'),
    kind: z.enum(FIGURE_KINDS),
    value: FigureValueSchema,
    unit: z
      .string()
      .nullable()
      .describe('ISO currency code for money; %, pp, bp; GW, MW, TWh; years, months, days, hours; tokens/sec; x'),
    start: Offset,
    end: Offset,
    approx: z.boolean(),
    qualifier: z.enum(QUALIFIERS).nullable(),
    claim: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe(
        "Index in this source's `claims` of the claim whose sentence the figure stands in (its `text` is the sentence as prose); null for a figure outside any sentence",
      ),
  }),
);
export type ExtractFigure = z.infer<typeof ExtractFigure>;

export const ExtractAttribution = lazySchema(() =>
  z.object({
    text: z.string().describe('The cited source or speaker as written'),
    entityId: z.string().nullable(),
    kind: z.enum(['according-to', 'speech', 'quote']),
  }),
);

export const ExtractClaim = lazySchema(() =>
  z.object({
    id: z.string(),
    text: z.string(),
    start: Offset,
    end: Offset,
    figures: z.array(z.string()).describe('Figure ids'),
    entities: z.array(z.string()).describe('Entity ids'),
    deals: z.array(z.string()).describe('Deal ids'),
    attribution: ExtractAttribution.nullable(),
  }),
);
export type ExtractClaim = z.infer<typeof ExtractClaim>;

export const ExtractDiagnostic = lazySchema(() =>
  z.object({
    code: z.string(),
    message: z.string(),
    start: Offset,
    end: Offset,
    severity: z.enum(['error', 'warning', 'info']),
  }),
);

export const ExtractSource = lazySchema(() =>
  z.object({
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(['markdown', 'text']),
    dateline: z.string().nullable(),
    entities: z.array(ExtractEntity),
    figures: z.array(ExtractFigure),
    claims: z.array(ExtractClaim),
    diagnostics: z.array(ExtractDiagnostic),
  }),
);
export type ExtractSource = z.infer<typeof ExtractSource>;

export const DealStatusSchema = lazySchema(() =>
  z
    .enum(DEAL_STATUSES)
    .describe(
      'rumoured: talks, reports, unnamed sources; announced: agreed; pending: awaiting approval or closing; completed: closed; terminated: called off, blocked or abandoned',
    ),
);

export const ExtractDeal = lazySchema(() =>
  z.object({
    id: z.string(),
    parties: z
      .array(z.string())
      .describe(
        'Names in role order (acquirer→target, investor→investee, customer→provider), as the first source writes them without legal forms; the id is built from the canonical entities',
      ),
    kind: z.enum(DEAL_KINDS),
    value: z.number().nullable().describe('Headline amount in `currency`; the ceiling for "up to"'),
    currency: z.string().nullable(),
    date: z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD'),
    dateInferred: z.boolean(),
    partyInferred: z.boolean(),
    status: DealStatusSchema,
    mentions: z.array(
      z.object({
        path: z.string(),
        start: Offset,
        end: Offset,
        sentence: z.string(),
        value: z.number().nullable(),
        currency: z.string().nullable(),
        date: z.string().nullable(),
        status: DealStatusSchema.describe('What this mention says of the deal'),
      }),
    ),
  }),
);
export type ExtractDeal = z.infer<typeof ExtractDeal>;

/** `newsmark deals --format json`: the deals of a corpus, merged across its sources, as `extract` gives them. */
export const DealsExport = lazySchema(() =>
  z.object({
    schemaVersion: z.literal(EXTRACT_SCHEMA_VERSION),
    sources: z.number().int().nonnegative().describe('How many articles were read'),
    deals: z.array(ExtractDeal),
  }),
);
export type DealsExport = z.infer<typeof DealsExport>;

// ---------------------------------------------------------------------------------------------
// Cross-source conflicts (src/core/corpus): the same fact stated differently by two sources

/** A fact's period, in a conflict's key and in the map step's fact keys alike. */
const FactPeriod = lazySchema(() =>
  z
    .string()
    .nullable()
    .describe(
      '"2023", "FY2025", "2025-Q3", "cumulative", "annual", "initial", "projected 2026"; null: as of the article',
    ),
);

export const ConflictKey = lazySchema(() =>
  z.object({
    id: z.string().describe('subject|metric|period, entity ids canonical across the workspace'),
    subject: z
      .string()
      .describe(
        'An entity id ("entity:openai"), a holder and what it holds ("entity:microsoft>entity:openai"), or a deal ("deal:cloud-contract:amazon-web-services+openai")',
      ),
    subjectName: z.string().describe('"OpenAI", "Microsoft → OpenAI", "OpenAI + Amazon Web Services (cloud-contract)"'),
    metric: z.enum(METRICS),
    period: FactPeriod,
    label: z.string().describe('"Microsoft → OpenAI: investment, cumulative"'),
  }),
);
export type ConflictKey = z.infer<typeof ConflictKey>;

export const ConflictStatement = lazySchema(() =>
  z.object({
    path: z.string(),
    start: Offset,
    end: Offset,
    text: z.string().describe('The figure as written: the exact characters of the file at [start, end)'),
    value: z
      .union([z.number(), z.tuple([z.number(), z.number()])])
      .describe('A number or a [low, high] range, in `unit`'),
    unit: ExtractFigure.shape.unit,
    qualifier: z.enum(QUALIFIERS).nullable(),
    approx: z.boolean(),
    sentence: z.string().describe('The claim sentence as prose, shortened around the figure when long'),
  }),
);
export type ConflictStatement = z.infer<typeof ConflictStatement>;

export const Conflict = lazySchema(() =>
  z.object({
    key: ConflictKey,
    verdict: z.literal('conflict'),
    reason: z
      .string()
      .describe('Why the statements conflict: the first conflicting pair, its difference and the allowance used'),
    statements: z
      .array(ConflictStatement)
      .min(2)
      .describe('Every statement of the fact that was compared, by path then position'),
  }),
);
export type Conflict = z.infer<typeof Conflict>;

export const ExtractOutput = lazySchema(() =>
  z.object({
    schemaVersion: z.literal(EXTRACT_SCHEMA_VERSION),
    sources: z.array(ExtractSource),
    deals: z.array(ExtractDeal),
    conflicts: z
      .array(Conflict)
      .optional()
      .describe('Facts that two sources state differently, by key; `newsmark extract` always writes it'),
  }),
);
export type ExtractOutput = z.infer<typeof ExtractOutput>;

// ---------------------------------------------------------------------------------------------
// Map and reduce over shards: `newsmark extract --jsonl` (the map step) writes each source with
// its facts, `newsmark merge` (the reduce step) merges any split of them into the corpus document

/**
 * Version of `newsmark merge`'s output (the corpus document). The JSON lines of
 * `newsmark extract --jsonl` carry the sources of EXTRACT_SCHEMA_VERSION.
 */
export const CORPUS_SCHEMA_VERSION = 1;

const FactParty = lazySchema(() =>
  z.object({
    id: z.string().describe('Entity id as this source names it ("entity:openai")'),
    name: z.string(),
  }),
);

export const FactSubject = lazySchema(() =>
  z
    .discriminatedUnion('shape', [
      z.object({ shape: z.literal('entity'), parties: z.tuple([FactParty]) }),
      z.object({
        shape: z.literal('pair'),
        parties: z.tuple([FactParty, FactParty]).describe('The holder first: the investor, the shareholder'),
      }),
      z.object({
        shape: z.literal('deal'),
        dealKind: z.enum(DEAL_KINDS),
        parties: z.array(FactParty).describe('Sorted by id: a deal has no holder'),
      }),
    ])
    .describe('Whose figure it is: one entity, a holder and what it holds, or a deal'),
);

export const FactKeyRecord = lazySchema(() =>
  z.object({
    id: z
      .string()
      .describe(
        'subject|metric|period with the entity ids of this source ("entity:microsoft>entity:openai|investment|cumulative"); the column to group statements of one fact by',
      ),
    subject: FactSubject,
    metric: z.enum(METRICS),
    period: FactPeriod,
  }),
);

export const ShardStatement = lazySchema(() =>
  z.object({
    figure: z
      .number()
      .int()
      .nonnegative()
      .describe("Index in the source's `figures` of the figure that states the fact (its text, value, unit, offsets)"),
    key: FactKeyRecord,
    qualifier: z
      .enum(QUALIFIERS)
      .nullable()
      .describe(
        'The qualifier as the clause reads it ("exceed $60 billion": more-than); may differ from the figure\'s own',
      ),
    asOf: z
      .string()
      .nullable()
      .describe("For a key without a year: the article's dateline, so that statements years apart are not compared"),
    dealDate: z.string().nullable().describe("For a deal's figure: the deal's date as this source states it"),
    sentenceOffset: z
      .number()
      .int()
      .nonnegative()
      .describe("Where the figure stands in its claim's sentence (UTF-16 code units into the claim's `text`)"),
  }),
);
export type ShardStatement = z.infer<typeof ShardStatement>;

export const ShardDeal = lazySchema(() =>
  z
    .object({
      parties: z
        .array(z.string())
        .describe('Names in role order: acquirer→target, investor→investee, customer→provider'),
      partyIds: z.array(z.string()).describe('Entity ids of the parties, as this source names them'),
      kind: z.enum(DEAL_KINDS),
      value: z.number().nullable(),
      currency: z.string().nullable(),
      date: z.string().nullable(),
      dateInferred: z.boolean(),
      partyInferred: z.boolean(),
      status: z.enum(DEAL_STATUSES).describe('Where the deal stands by the latest news its mentions give'),
      mentions: z.array(
        z.object({
          claim: z
            .number()
            .int()
            .nonnegative()
            .describe("Index in the source's `claims` of the sentence that mentions the deal"),
          sentenceIndex: z
            .number()
            .int()
            .nonnegative()
            .describe("The sentence's index among all sentences of the article"),
          start: Offset,
          end: Offset,
          value: z.number().nullable(),
          currency: z.string().nullable(),
          date: z.string().nullable(),
          status: z.enum(DEAL_STATUSES).describe("What this mention says of the deal's status"),
        }),
      ),
    })
    .describe("One of the article's own deals, before deals are merged across sources"),
);
export type ShardDeal = z.infer<typeof ShardDeal>;

export const ShardFacts = lazySchema(() =>
  z
    .object({
      engine: z
        .string()
        .describe(
          'The version of newsmark that made these facts: shards from different versions may key facts differently',
        ),
      statements: z.array(ShardStatement).describe('Every figure with a fact key, in figure order'),
      deals: z.array(ShardDeal),
    })
    .describe('What the reduce step needs of a source beyond `source`: the fact keys of its figures and its own deals'),
);
export type ShardFacts = z.infer<typeof ShardFacts>;

export const ExtractSourceLine = lazySchema(() =>
  z.object({ source: ExtractSource, facts: ShardFacts }).describe('One line per source'),
);
export type ExtractSourceLine = z.infer<typeof ExtractSourceLine>;

export const ExtractCorpusLine = lazySchema(() =>
  z
    .object({
      deals: z.array(ExtractDeal),
      conflicts: z.array(Conflict),
    })
    .describe('The last line: the deals merged across the sources of this run and the facts they state differently'),
);

export const ExtractLine = lazySchema(() =>
  z.union([ExtractSourceLine, ExtractCorpusLine]).describe('One line of `newsmark extract --jsonl`'),
);

export const CorpusEntityRecord = lazySchema(() =>
  z.object({
    id: z.string().describe("The workspace's id: an alias that articles use for exactly one entity resolves to it"),
    name: z.string().describe('The name the first source (by path) gives it'),
    type: z.enum(ENTITY_TYPES),
    ids: z.array(z.string()).describe('Every id the articles use for it, this one included, sorted'),
    mentionCount: z.number().int().nonnegative(),
    sources: z
      .array(z.object({ path: z.string(), mentionCount: z.number().int().nonnegative() }))
      .describe('The sources that name it, by path'),
  }),
);
export type CorpusEntityRecord = z.infer<typeof CorpusEntityRecord>;

export const CorpusOutput = lazySchema(() =>
  z
    .object({
      schemaVersion: z.literal(CORPUS_SCHEMA_VERSION),
      sources: z
        .array(z.object({ path: z.string(), sha256: ExtractSource.shape.sha256 }))
        .describe('Every source merged, by path'),
      entities: z.array(CorpusEntityRecord).describe('The entity index: every entity of the corpus, by id'),
      deals: z.array(ExtractDeal).describe('Deals merged across sources, by first mention'),
      conflicts: z.array(Conflict).describe('Facts that two sources state differently, by key'),
    })
    .describe('`newsmark merge`: the corpus of every source, whether read from shards or analysed in the run'),
);
export type CorpusOutput = z.infer<typeof CorpusOutput>;

/** `.newsmark/lexicon.json`: the workspace's own entities and aliases, and strings that are not entities. */
export const WorkspaceLexicon = lazySchema(() =>
  z
    .object({
      version: z.literal(1),
      entities: z
        .array(
          z
            .object({
              name: z.string().min(1),
              type: z.enum(ENTITY_TYPES),
              aliases: z.array(z.string().min(1)).optional(),
              tickers: z.array(z.string().min(1)).optional(),
              parent: z.string().optional(),
              roles: z.array(z.enum(ENTITY_ROLES)).optional(),
            })
            .strict(),
        )
        .default([]),
      notEntities: z.array(z.string().min(1)).default([]),
    })
    .strict(),
);
export type WorkspaceLexicon = z.infer<typeof WorkspaceLexicon>;

// ---------------------------------------------------------------------------------------------
// Annotations: `.newsmark/annotations.json` (the model is src/core/annotations/model.ts)

const IsoTime = lazySchema(() =>
  z.iso.datetime({ offset: true }).describe('ISO 8601 date and time, e.g. 2025-11-30T09:15:00.000Z'),
);

/**
 * A workspace-relative path: forward slashes, not absolute (no leading "/" or drive letter),
 * no ".." segment — so a hand-edited file can never point outside its workspace.
 */
const WORKSPACE_PATH = /^(?![A-Za-z]:)(?!\/)(?!(?:.*\/)?\.\.(?:\/|$))[^\\]+$/;
const WorkspacePath = lazySchema(() =>
  z
    .string()
    .regex(WORKSPACE_PATH, 'must be a workspace-relative path with forward slashes and no ".." segment')
    .describe('Workspace-relative path of the article, with forward slashes'),
);

/** A normalised tag (see annotations/tags.ts): lower-case, no spaces, 1–40 characters. */
export const Tag = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(40)
    .regex(/^\S+$/, 'must not contain spaces (use "-")')
    .refine((tag) => tag === tag.toLowerCase(), 'must be lower-case')
    .describe('verified, disputed, needs-source, or a custom tag: lower-case, "-" for spaces, at most 40 characters'),
);

export const QuoteSelector = lazySchema(() =>
  z
    .object({
      exact: z.string().describe('The annotated text'),
      prefix: z.string().describe('Up to 32 UTF-16 code units just before it'),
      suffix: z.string().describe('Up to 32 UTF-16 code units just after it'),
    })
    .strict(),
);

export const PositionSelector = lazySchema(() =>
  z
    .object({ start: Offset, end: Offset })
    .strict()
    .refine((position) => position.start <= position.end, { message: 'start must not be after end', path: ['end'] }),
);

export const AnchorSchema = lazySchema(() =>
  z
    .object({ quote: QuoteSelector, position: PositionSelector })
    .strict()
    .describe('W3C-style selectors: the quote as annotated, with its context, and its last known position'),
);

export const AnchorMatch = lazySchema(() =>
  z
    .object({
      quote: QuoteSelector.describe('The text found at the position, with its context then'),
      score: z.number().min(0).max(1),
    })
    .strict()
    .describe(
      'Present while the text at the position differs from the quote: an edit inside it was followed. The quote itself is kept as annotated',
    ),
);

export const Correction = lazySchema(() =>
  z
    .object({
      original: z.string().describe('The claim text as it stood when corrected'),
      corrected: z.string(),
      note: z.string(),
      author: z.string(),
      time: IsoTime,
      isApplied: z.boolean().describe('True when the correction was also applied to the article text'),
    })
    .strict(),
);
export type Correction = z.infer<typeof Correction>;

export const Annotation = lazySchema(() =>
  z
    .object({
      id: z.string().min(1).describe('Stable id, never reused'),
      source: WorkspacePath,
      anchor: AnchorSchema,
      match: AnchorMatch.optional(),
      tags: z
        .array(Tag)
        .refine((tags) => new Set(tags).size === tags.length, 'must not repeat a tag')
        .describe('In the order they were added'),
      corrections: z.array(Correction),
      created: IsoTime,
      modified: IsoTime,
      orphan: z
        .object({ reason: z.string(), since: IsoTime })
        .strict()
        .optional()
        .describe('Present while the annotation cannot be anchored: kept and listed, never dropped'),
    })
    .strict(),
);
export type Annotation = z.infer<typeof Annotation>;

export const Tombstone = lazySchema(() => z.object({ id: z.string().min(1), time: IsoTime }).strict());

export const AnnotationFile = lazySchema(() =>
  z
    .object({
      version: z.literal(1),
      annotations: z.array(Annotation),
      removed: z
        .array(Tombstone)
        .optional()
        .describe(
          'Annotations removed on purpose (recent ones): an annotation missing without one was lost outside Newsmark and is written back',
        ),
    })
    .strict()
    .superRefine((file, context) => {
      const firstIndexOf = new Map<string, number>();
      file.annotations.forEach((annotation, index) => {
        const first = firstIndexOf.get(annotation.id);
        if (first === undefined) firstIndexOf.set(annotation.id, index);
        else
          context.addIssue({
            code: 'custom',
            path: ['annotations', index, 'id'],
            message: `duplicate id "${annotation.id}" (also used by annotations[${first}])`,
          });
      });
    }),
);
export type AnnotationFile = z.infer<typeof AnnotationFile>;

/**
 * A change to the annotation file as the editor's write-ahead journal records it (one JSON line
 * each, in the workspace storage): replayed over the file after a crash (annotations/changes.ts).
 */
const ChangeTarget = lazySchema(() =>
  z.object({ id: z.string().min(1), source: WorkspacePath, anchor: AnchorSchema }).strict(),
);
const AnchorStateSchema = lazySchema(() =>
  z
    .object({
      id: z.string().min(1),
      position: PositionSelector,
      match: AnchorMatch.nullable(),
      orphanReason: z.string().nullable(),
    })
    .strict(),
);
export const AnnotationChange = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('tag'), target: ChangeTarget, tag: Tag, time: IsoTime }).strict(),
    z.object({ type: z.literal('untag'), id: z.string().min(1), tag: Tag, time: IsoTime }).strict(),
    z
      .object({
        type: z.literal('correct'),
        target: ChangeTarget,
        correction: Correction,
        appliedAnchor: AnchorSchema.optional(),
      })
      .strict(),
    z.object({ type: z.literal('remove'), id: z.string().min(1), time: IsoTime }).strict(),
    z.object({ type: z.literal('rename'), from: WorkspacePath, to: WorkspacePath, isFolder: z.boolean() }).strict(),
    z
      .object({ type: z.literal('anchor'), source: WorkspacePath, states: z.array(AnchorStateSchema), time: IsoTime })
      .strict(),
    z.object({ type: z.literal('restore'), annotations: z.array(Annotation) }).strict(),
  ]),
);
export type AnnotationChange = z.infer<typeof AnnotationChange>;

export const JournalEntry = lazySchema(() =>
  z
    .object({
      /** Which annotation file the change is for: the workspace folder's URI. */
      folder: z.string().min(1),
      seq: z.number().int().nonnegative(),
      change: AnnotationChange,
    })
    .strict(),
);
export type JournalEntry = z.infer<typeof JournalEntry>;

// ---------------------------------------------------------------------------------------------
// The claims export (`newsmark export`, export.ts)

const Sha256 = lazySchema(() => z.string().regex(/^[0-9a-f]{64}$/));
const Span = lazySchema(() => z.object({ start: Offset, end: Offset }));
const AnchoredBy = lazySchema(() =>
  z.enum(['position', 'exact', 'fuzzy']).describe('How the annotation was found in the current text'),
);
const Score = lazySchema(() =>
  z.number().min(0).max(1).describe('How well the text fits the stored quote, context and position (1 = unchanged)'),
);

export const ClaimsExportFigure = lazySchema(() =>
  z.object({
    id: z.string(),
    text: z.string(),
    kind: z.enum(FIGURE_KINDS),
    value: FigureValueSchema,
    unit: ExtractFigure.shape.unit,
    qualifier: z.enum(QUALIFIERS).nullable(),
    approx: z.boolean(),
    start: Offset,
    end: Offset,
  }),
);

export const ClaimsExportClaim = lazySchema(() =>
  z.object({
    source: z.object({ path: z.string(), sha256: Sha256 }),
    claimId: z.string(),
    text: z.string().describe('The claim sentence as prose (markup left out)'),
    span: Span.describe('The sentence in the file'),
    figures: z.array(ClaimsExportFigure),
    entities: z.array(z.object({ id: z.string(), name: z.string(), type: z.enum(ENTITY_TYPES) })),
    attribution: ExtractAttribution.nullable(),
    tags: z.array(Tag).describe('Every tag of the annotations on this claim, without repeats'),
    corrections: z.array(Correction.extend({ annotationId: z.string() })).describe('Oldest first'),
    annotations: z
      .array(
        z.object({
          id: z.string(),
          anchor: AnchorSchema.describe('Re-anchored to the current text'),
          anchoredBy: AnchoredBy,
          score: Score,
          tags: z.array(Tag),
          created: IsoTime,
          modified: IsoTime,
        }),
      )
      .min(1),
  }),
);
export type ClaimsExportClaim = z.infer<typeof ClaimsExportClaim>;

export const ClaimsExportOutsideClaim = lazySchema(() =>
  z
    .object({
      id: z.string(),
      source: z.object({ path: z.string(), sha256: Sha256 }),
      text: z.string().describe('The annotated text as it now stands in the file'),
      anchor: AnchorSchema,
      anchoredBy: AnchoredBy,
      score: Score,
      tags: z.array(Tag),
      corrections: z.array(Correction),
      created: IsoTime,
      modified: IsoTime,
    })
    .describe('An annotation that anchors but overlaps no claim of the analysis'),
);
export type ClaimsExportOutsideClaim = z.infer<typeof ClaimsExportOutsideClaim>;

export const ClaimsExportOrphan = lazySchema(() =>
  z.object({
    id: z.string(),
    source: z.object({
      path: z.string(),
      sha256: Sha256.nullable().describe('null when the source could not be read'),
    }),
    reason: z.string(),
    lastAnchor: AnchorSchema.describe('Where it was last found'),
    tags: z.array(Tag),
    corrections: z.array(Correction),
    created: IsoTime,
    modified: IsoTime,
  }),
);
export type ClaimsExportOrphan = z.infer<typeof ClaimsExportOrphan>;

export const ClaimsExport = lazySchema(() =>
  z.object({
    $schema: z.string().describe('The $id of this JSON Schema'),
    schemaVersion: z.literal(SCHEMA_VERSION),
    generatedAt: IsoTime,
    tool: z.object({ name: z.string(), version: z.string() }),
    claims: z.array(ClaimsExportClaim).describe('One entry per annotated claim, by source path then position'),
    outsideClaims: z.array(ClaimsExportOutsideClaim),
    orphans: z.array(ClaimsExportOrphan),
  }),
);
export type ClaimsExport = z.infer<typeof ClaimsExport>;

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), `newsmark export --format w3c`

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** An IRI (here: `file:` URIs of the workspace, and ids made from them), absolute. */
const Iri = lazySchema(() => z.string().regex(/^[a-z][a-z0-9+.-]*:[^\s]*$/i, 'must be an absolute IRI'));

/** A W3C Agent: an object with its type and name, never a bare string (which would be read as an IRI). */
const WebAgent = lazySchema(() => z.object({ type: z.enum(['Person', 'Software']), name: z.string() }).strict());

const WebTextualBody = lazySchema(() =>
  z
    .object({
      type: z.literal('TextualBody'),
      purpose: z.enum(['tagging', 'editing', 'commenting']),
      value: z.string(),
      creator: WebAgent.optional(),
      created: IsoTime.optional(),
    })
    .strict(),
);

const WebSelector = lazySchema(() =>
  z.discriminatedUnion('type', [
    z
      .object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() })
      .strict(),
    z
      .object({ type: z.literal('TextPositionSelector'), start: Offset, end: Offset })
      .strict()
      .describe('In Unicode code points, as the W3C model counts'),
  ]),
);

export const WebAnnotation = lazySchema(() =>
  z
    .object({
      id: Iri.describe("The annotation file's IRI with the annotation id as fragment"),
      type: z.literal('Annotation'),
      motivation: z.enum(['tagging', 'editing', 'highlighting']),
      created: IsoTime,
      modified: IsoTime,
      body: z.array(WebTextualBody),
      target: z
        .object({
          type: z.literal('SpecificResource'),
          source: Iri.describe('The article as an IRI (a file: URI)'),
          selector: z.array(WebSelector),
        })
        .strict(),
    })
    .strict(),
);
export type WebAnnotation = z.infer<typeof WebAnnotation>;

export const WebAnnotationExport = lazySchema(() =>
  z
    .object({
      '@context': z.literal(WEB_ANNOTATION_CONTEXT),
      id: Iri.describe('The annotations file as an IRI'),
      type: z.literal('AnnotationCollection'),
      label: z.string(),
      total: z.number().int().nonnegative(),
      generated: IsoTime,
      generator: WebAgent,
      first: z
        .object({
          id: Iri,
          type: z.literal('AnnotationPage'),
          partOf: Iri,
          startIndex: z.literal(0),
          items: z.array(WebAnnotation),
        })
        .strict(),
      last: Iri.describe('The one page: the collection is not paged further'),
    })
    .strict(),
);
export type WebAnnotationExport = z.infer<typeof WebAnnotationExport>;

export const SCHEMAS = {
  extract: ExtractOutput,
  lexicon: WorkspaceLexicon,
  annotations: AnnotationFile,
  claims: ClaimsExport,
  w3c: WebAnnotationExport,
  jsonl: ExtractLine,
  corpus: CorpusOutput,
  deals: DealsExport,
} as const;
export type SchemaName = keyof typeof SCHEMAS;

/** Each schema's version, in its `$id`. */
const VERSIONS: Record<SchemaName, number> = {
  extract: EXTRACT_SCHEMA_VERSION,
  lexicon: SCHEMA_VERSION,
  annotations: SCHEMA_VERSION,
  claims: SCHEMA_VERSION,
  w3c: SCHEMA_VERSION,
  jsonl: EXTRACT_SCHEMA_VERSION,
  corpus: CORPUS_SCHEMA_VERSION,
  deals: EXTRACT_SCHEMA_VERSION,
};

export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  buildLazySchemas(); // zod reads the descriptions of nested schemas before building them
  return { $id: schemaIdOf(name), ...z.toJSONSchema(SCHEMAS[name], { io: 'input' }) } as Record<string, unknown>;
}

/** A readable one-paragraph account of what is wrong with a value. */
export function describeIssues(error: z.ZodError): string {
  return z.prettifyError(error);
}

/** The `$id` of a published schema; the claims export names it in `$schema`. */
export function schemaIdOf(name: SchemaName): string {
  return `https://newsmark.dev/schemas/${name}.v${VERSIONS[name]}.json`;
}

/** The text of `schemas/<name>.schema.json` as committed (scripts/schemas.mjs writes it). */
export function jsonSchemaFileText(name: SchemaName): string {
  return `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`;
}
