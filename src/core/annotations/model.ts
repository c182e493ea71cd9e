/**
 * The researcher's annotations: tags and corrections on claims, anchored to the article text
 * like the W3C Web Annotation model (a TextQuoteSelector plus a TextPositionSelector), so that
 * they survive edits. Stored in `.newsmark/annotations.json` (see schema.ts, AnnotationFile).
 *
 * This file is the contract between the core (anchoring, validation, serialisation, export)
 * and the editor (store, quick fixes, hovers, panel).
 */

/** W3C TextQuoteSelector: the quoted text with up to 32 characters of context either side. */
export interface QuoteSelector {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** W3C TextPositionSelector: UTF-16 offsets, end-exclusive, into the file text. */
export interface PositionSelector {
  readonly start: number;
  readonly end: number;
}

/**
 * The quote as the researcher annotated it (never rewritten by re-anchoring; only an applied
 * correction, the researcher's own edit, replaces it) and the last known position.
 */
export interface Anchor {
  readonly quote: QuoteSelector;
  readonly position: PositionSelector;
}

/**
 * Where the annotation was last found when the text there is not its quote: an edit inside the
 * quote was followed (a fuzzy match). Kept beside the quote, so the next check can follow further
 * edits while the original text stays on record.
 */
export interface AnchorMatch {
  /** The text found at `anchor.position`, with its context then. */
  readonly quote: QuoteSelector;
  /** How well it matched the quote and its context, 0–1. */
  readonly score: number;
}

/** The result of anchoring an annotation to a (possibly edited) text. */
export type AnchorResult =
  | {
      readonly status: 'anchored';
      readonly start: number;
      readonly end: number;
      readonly score: number;
      readonly method: 'position' | 'exact' | 'fuzzy';
    }
  | { readonly status: 'orphan'; readonly reason: string };

/** Built-in tags; any other non-empty string is a custom tag. */
export const BUILTIN_TAGS = ['verified', 'disputed', 'needs-source'] as const;

export interface Correction {
  /** The claim text as it stood when corrected. */
  readonly original: string;
  readonly corrected: string;
  readonly note: string;
  readonly author: string;
  /** ISO 8601 timestamp. */
  readonly time: string;
  /** True when the correction was also applied to the article text. */
  readonly isApplied: boolean;
}

export interface Annotation {
  /** Stable id, e.g. "ann-" + random hex; never reused. */
  readonly id: string;
  /** Workspace-relative path of the article, with forward slashes. */
  readonly source: string;
  readonly anchor: Anchor;
  /** Present while the text at `anchor.position` differs from the quote (see AnchorMatch). */
  readonly match?: AnchorMatch;
  /** Tags in the order they were added; no duplicates. */
  readonly tags: readonly string[];
  readonly corrections: readonly Correction[];
  readonly created: string;
  readonly modified: string;
  /**
   * Set when the annotation could not be anchored at the last check: kept, listed and shown,
   * never dropped. Cleared when it anchors again.
   */
  readonly orphan?: { readonly reason: string; readonly since: string };
}

/**
 * An annotation removed on purpose (its last tag taken off, an orphan deleted): recorded so that
 * an annotation missing from the file without one is known to have been lost outside Newsmark
 * (the file deleted or replaced) and is written back by a store that still holds it.
 */
export interface Tombstone {
  readonly id: string;
  /** ISO 8601 time of the removal. */
  readonly time: string;
}

export interface AnnotationFile {
  readonly version: 1;
  readonly annotations: readonly Annotation[];
  /** Removals of the last 90 days; absent when there are none. */
  readonly removed?: readonly Tombstone[];
}
