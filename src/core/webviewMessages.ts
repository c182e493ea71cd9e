/**
 * The messages between the extension and its two webviews — the deal map and the fact
 * timeline — as zod schemas, both ways. The extension validates every message a webview posts
 * (a webview shows article text, so it is treated as untrusted); a webview validates what it
 * receives before drawing it. Strings from articles are data: they are bounded here and
 * rendered as text, never as HTML. Pure: no `vscode`, no DOM.
 */
import * as z from 'zod';
import { lazySchema } from './lazySchema';
import { DEAL_KINDS } from './extract/deals/kinds';
import { ENTITY_TYPES } from './extract/entities/lexicon';
// metric.ts itself, not facts/index: the webview bundles would carry the fact-key code with it
import { METRICS } from './facts/metric';

/** Names and sentences longer than this are cut before they are posted (a hostile article may hold a 10,000-character name). */
export const MAX_NAME_LENGTH = 200;
export const MAX_SENTENCE_LENGTH = 600;
/** An exported picture larger than this is refused (a 2,000-deal map as SVG is ~2 MB). */
export const MAX_PICTURE_BYTES = 64 * 1024 * 1024;

const Name = lazySchema(() => z.string().max(MAX_NAME_LENGTH));
const Id = lazySchema(() => z.string().min(1).max(100_000));
/** "2025", "2025-11", "2025-11-03". */
export const PartialDate = lazySchema(() =>
  z
    .string()
    .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD'),
);
const Amount = lazySchema(() => z.number().finite());

export const DEAL_STATUSES = ['announced', 'completed', 'pending', 'rumoured', 'terminated'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

// ------------------------------------------------------------------------------ the deal map

export const DealMapFilter = lazySchema(() =>
  z
    .object({
      /** Deal kinds to show; empty: every kind. */
      kinds: z.array(z.enum(DEAL_KINDS)).max(DEAL_KINDS.length).default([]),
      /** Deals dated in `[from, to]` (a deal dated "2025" overlaps "2025-03"); undated deals are left out while either is set. */
      from: PartialDate.nullable().default(null),
      to: PartialDate.nullable().default(null),
      /** Deals of at least this amount (in their own currency); unvalued deals are left out while it is set. */
      minValue: z.number().finite().nonnegative().nullable().default(null),
      /** A party's id: only its deals and the deals among its neighbours. */
      party: Id.nullable().default(null),
    })
    .strict(),
);
export type DealMapFilter = z.infer<typeof DealMapFilter>;
export const NO_FILTER: DealMapFilter = { kinds: [], from: null, to: null, minValue: null, party: null };

export const MapNodeType = lazySchema(() => z.enum([...ENTITY_TYPES, 'unknown', 'cluster']));
export type MapNodeType = z.infer<typeof MapNodeType>;

export const CurrencyTotal = lazySchema(() =>
  z.object({ currency: z.string().max(10).nullable(), value: Amount }).strict(),
);

export const MapNode = lazySchema(() =>
  z
    .object({
      id: Id,
      name: Name,
      type: MapNodeType,
      /** The sum of its drawn deals' amounts, as stated (currencies are not converted): the node's size. */
      total: Amount.nonnegative(),
      totals: z.array(CurrencyTotal).max(20),
      dealCount: z.number().int().nonnegative(),
      /** A cluster node: how many parties it folds. */
      memberCount: z.number().int().nonnegative().optional(),
    })
    .strict(),
);
export type MapNode = z.infer<typeof MapNode>;

export const MapEdge = lazySchema(() =>
  z
    .object({
      id: Id,
      /** The deal drawn (a cluster edge: its first deal). */
      dealId: Id,
      from: Id,
      to: Id,
      kind: z.enum([...DEAL_KINDS, 'mixed']),
      value: Amount.nullable(),
      currency: z.string().max(10).nullable(),
      date: PartialDate.nullable(),
      isDateInferred: z.boolean(),
      status: z.enum(DEAL_STATUSES).nullable(),
      sourceCount: z.number().int().nonnegative(),
      mentionCount: z.number().int().nonnegative(),
      /** "values differ", "dates differ"…: the sources disagree about this deal. */
      conflict: z.string().max(100).nullable(),
      /** Index among the edges between the same two parties (drawn as arcs side by side). */
      lane: z.number().int(),
      /** A cluster edge: how many deals it stands for. */
      dealCount: z.number().int().positive(),
    })
    .strict(),
);
export type MapEdge = z.infer<typeof MapEdge>;

export const DealGraph = lazySchema(() =>
  z
    .object({
      nodes: z.array(MapNode),
      edges: z.array(MapEdge),
      /** Deals in the workspace, deals that pass the filter, deals drawn as edges. */
      dealCount: z.number().int().nonnegative(),
      matchingCount: z.number().int().nonnegative(),
      /** Deals that pass the filter but name fewer than two parties: not drawn. */
      unlinkedCount: z.number().int().nonnegative(),
      /** What the filter left out for want of a date or an amount. */
      undatedHidden: z.number().int().nonnegative(),
      unvaluedHidden: z.number().int().nonnegative(),
      /** Set when the matching deals are too many to draw one by one: how the map was clustered. */
      clustered: z.string().max(400).nullable(),
      kinds: z.array(z.enum(DEAL_KINDS)),
      dateRange: z.tuple([PartialDate, PartialDate]).nullable(),
      maxValue: Amount.nullable(),
      /** Every party of the workspace's deals, for the party filter: id and name, by name. */
      parties: z.array(z.object({ id: Id, name: Name }).strict()),
    })
    .strict(),
);
export type DealGraph = z.infer<typeof DealGraph>;

export const DealMention = lazySchema(() =>
  z
    .object({
      path: z.string().max(4096),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      sentence: z.string().max(MAX_SENTENCE_LENGTH + 1),
      /** What this source states of the deal: "$13B · 2025-11-03". */
      stated: z.string().max(200),
    })
    .strict(),
);
export type DealMention = z.infer<typeof DealMention>;

export const DealDetails = lazySchema(() =>
  z
    .object({
      dealId: Id,
      title: z.string().max(2 * MAX_NAME_LENGTH + 100),
      mentions: z.array(DealMention).max(500),
      /** Mentions beyond the 500 sent. */
      moreCount: z.number().int().nonnegative(),
      /** Facts about the deal's parties stated by two sources or more (for "Show timeline"). */
      facts: z
        .array(
          z
            .object({ keyId: Id, label: z.string().max(600), verdict: z.enum(['agree', 'conflict', 'incomparable']) })
            .strict(),
        )
        .max(50),
    })
    .strict(),
);
export type DealDetails = z.infer<typeof DealDetails>;

/** The extension → the deal map. */
export const ToDealMap = lazySchema(() =>
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('graph'),
        seq: z.number().int(),
        graph: DealGraph,
        filter: DealMapFilter,
        isIndexing: z.boolean(),
      })
      .strict(),
    z.object({ type: z.literal('details'), details: DealDetails }).strict(),
    z.object({ type: z.literal('nodeFacts'), partyId: Id, facts: DealDetails.shape.facts }).strict(),
    /** Driven by the extension (the API, tests): do what a user would. */
    z
      .object({
        type: z.literal('act'),
        seq: z.number().int(),
        action: z.enum(['hoverEdge', 'clickEdge', 'clickMention', 'focusNode', 'clickNode', 'export', 'search']),
        id: z.string().max(100_000).optional(),
        index: z.number().int().nonnegative().optional(),
        format: z.enum(['svg', 'png']).optional(),
        text: z.string().max(200).optional(),
      })
      .strict(),
  ]),
);
export type ToDealMap = z.infer<typeof ToDealMap>;

/** What the map shows now, reported after each draw and each action (the tests read it). */
export const DealMapState = lazySchema(() =>
  z
    .object({
      /** The last message of the extension this state answers (its `seq`). */
      seq: z.number().int(),
      nodeCount: z.number().int().nonnegative(),
      edgeCount: z.number().int().nonnegative(),
      legendKinds: z.array(z.string().max(40)),
      /** The hover card's text, when one is shown. */
      card: z.string().max(20_000).nullable(),
      /** The mentions listed for the selected edge. */
      mentions: z.array(z.string().max(MAX_SENTENCE_LENGTH + 300)),
      /** The facts listed beside the selected edge or party ("≠ " before a conflict, "= " before an agreement). */
      facts: z.array(z.string().max(700)),
      focused: z.string().max(100_000).nullable(),
      notice: z.string().max(1000).nullable(),
      layoutMs: z.number().nonnegative(),
    })
    .strict(),
);
export type DealMapState = z.infer<typeof DealMapState>;

/** A picture posted for saving: an SVG document, or a PNG as a base64 data URL. */
export const Picture = lazySchema(() =>
  z.discriminatedUnion('format', [
    z
      .object({
        format: z.literal('svg'),
        data: z
          .string()
          .max(MAX_PICTURE_BYTES)
          .refine(isInertSvg, 'an SVG document without scripts, event handlers, links or embedded content'),
      })
      .strict(),
    z
      .object({
        format: z.literal('png'),
        data: z
          .string()
          .max(Math.ceil((MAX_PICTURE_BYTES * 4) / 3) + 32)
          .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'a PNG data URL'),
      })
      .strict(),
  ]),
);
export type Picture = z.infer<typeof Picture>;

/** The deal map → the extension. */
export const FromDealMap = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('ready') }).strict(),
    z.object({ type: z.literal('setFilter'), filter: DealMapFilter }).strict(),
    z.object({ type: z.literal('details'), dealId: Id }).strict(),
    z.object({ type: z.literal('nodeFacts'), partyId: Id }).strict(),
    z.object({ type: z.literal('reveal'), dealId: Id, index: z.number().int().nonnegative() }).strict(),
    z.object({ type: z.literal('showTimeline'), keyId: Id }).strict(),
    z.object({ type: z.literal('export'), picture: Picture }).strict(),
    z.object({ type: z.literal('state'), state: DealMapState }).strict(),
  ]),
);
export type FromDealMap = z.infer<typeof FromDealMap>;

// ------------------------------------------------------------------------------ the fact timeline

export const TimelineShape = lazySchema(() => z.enum(['point', 'range', 'ceiling', 'floor']));
export type TimelineShape = z.infer<typeof TimelineShape>;
export const TimelineVerdict = lazySchema(() => z.enum(['agree', 'conflict', 'incomparable', 'alone']));
export type TimelineVerdict = z.infer<typeof TimelineVerdict>;

export const TimelinePoint = lazySchema(() =>
  z
    .object({
      /** `path#figureId`. */
      id: Id,
      path: z.string().max(4096),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      /** The figure as written, and its sentence. */
      text: z.string().max(MAX_NAME_LENGTH),
      sentence: z.string().max(MAX_SENTENCE_LENGTH + 1),
      /** Where it sits in time: the date the statement gives, else its article's dateline; null when neither. */
      date: PartialDate.nullable(),
      dateSource: z.enum(['stated', 'period', 'dateline', 'none']),
      /** The value drawn: low and high ends (equal for a point; one end open for "up to" / "more than"). */
      low: Amount.nullable(),
      high: Amount.nullable(),
      shape: TimelineShape,
      unit: z.string().max(20).nullable(),
      /** "38,000,000,000 USD", "6 to 7 percent": the normalised value in words. */
      valueText: z.string().max(200),
      verdict: TimelineVerdict,
      /** Why: the first conflicting (or agreeing) statement and the reason. */
      reason: z.string().max(1000).nullable(),
    })
    .strict(),
);
export type TimelinePoint = z.infer<typeof TimelinePoint>;

export const FactTimeline = lazySchema(() =>
  z
    .object({
      keyId: Id,
      label: z.string().max(600),
      metric: z.enum(METRICS),
      unit: z.string().max(20).nullable(),
      points: z.array(TimelinePoint),
      verdict: z.enum(['agree', 'conflict', 'incomparable']).nullable(),
    })
    .strict(),
);
export type FactTimeline = z.infer<typeof FactTimeline>;

export const ToTimeline = lazySchema(() =>
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('timeline'),
        seq: z.number().int(),
        timeline: FactTimeline.nullable(),
        message: z.string().max(400).nullable(),
      })
      .strict(),
    z
      .object({
        type: z.literal('act'),
        seq: z.number().int(),
        action: z.enum(['clickPoint', 'export']),
        id: z.string().max(5000).optional(),
        format: z.enum(['svg', 'png']).optional(),
      })
      .strict(),
  ]),
);
export type ToTimeline = z.infer<typeof ToTimeline>;

export const TimelineState = lazySchema(() =>
  z
    .object({
      seq: z.number().int(),
      pointCount: z.number().int().nonnegative(),
      conflictCount: z.number().int().nonnegative(),
      /** The text of the drawn points' labels, in x order. */
      labels: z.array(z.string().max(MAX_NAME_LENGTH + 100)),
      notice: z.string().max(1000).nullable(),
    })
    .strict(),
);
export type TimelineState = z.infer<typeof TimelineState>;

export const FromTimeline = lazySchema(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('ready') }).strict(),
    z
      .object({
        type: z.literal('reveal'),
        path: z.string().max(4096),
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
      })
      .strict(),
    z.object({ type: z.literal('export'), picture: Picture }).strict(),
    z.object({ type: z.literal('state'), state: TimelineState }).strict(),
  ]),
);
export type FromTimeline = z.infer<typeof FromTimeline>;

/** Cuts article text to `max` characters (with an ellipsis, never inside a surrogate pair) before it is posted. */
export function bounded(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/**
 * An SVG document that can do nothing when opened: no script, no event handler, no link or
 * reference out of the file, no embedded HTML. Article text is escaped in the serialised SVG
 * (`&lt;script&gt;`), so every `<` here starts a real tag: only tags and attributes are looked at.
 */
export function isInertSvg(svg: string): boolean {
  if (!/^\s*(?:<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg)) return false;
  for (const tag of svg.matchAll(/<[^>]*>/g)) {
    const text = tag[0];
    if (
      /^<\s*\/?\s*(?:script|foreignObject|iframe|object|embed|image|use|a|animate\w*|set|handler|feImage)\b/i.test(text)
    )
      return false;
    if (/\s(?:on[a-z]+|(?:xlink:)?href|src)\s*=/i.test(text)) return false;
    if (/javascript:|url\(\s*['"]?\s*(?!#)/i.test(text)) return false;
  }
  return true;
}
