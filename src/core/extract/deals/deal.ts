/** The deal model shared by detection and merging. */
import type { DealKind } from './kinds';

export interface DealMention {
  /** The source, once deals of several sources are merged. */
  readonly path?: string;
  readonly sentenceIndex: number;
  /** `[start, end)` of the sentence in the file. */
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
  /** What this mention says; sources may disagree. */
  readonly value: number | null;
  readonly currency: string | null;
  readonly date: string | null;
}

export interface Deal {
  readonly id: string;
  /** Canonical entity names, in role order (acquirer→target, investor→investee, customer→provider). */
  readonly parties: readonly string[];
  readonly partyIds: readonly string[];
  readonly kind: DealKind;
  /** Headline amount: the ceiling for "up to", the high end of a range. */
  readonly value: number | null;
  readonly currency: string | null;
  readonly date: string | null;
  readonly isDateInferred: boolean;
  /** A party the sentence leaves implicit, taken from the lead-in ("Its deals include: Oracle: …"). */
  readonly isPartyInferred: boolean;
  readonly mentions: readonly DealMention[];
}

/**
 * A stable id from what the deal is, not where it was read: kind, parties, amount with its
 * currency ("1000000000EUR"), date. Deals that merging keeps apart — €1 billion and $1 billion —
 * get different ids, so a view keyed by id (the deals panel's tree) never sees one id twice.
 */
export function dealId(kind: DealKind, partyIds: readonly string[], value: number | null, currency: string | null, date: string | null): string {
  const parties = [...partyIds].map((id) => id.replace(/^entity:/, '')).sort().join('+');
  const amount = value === null ? 'na' : `${value}${currency ?? ''}`;
  return `deal:${kind}:${parties}:${amount}:${date ?? 'na'}`;
}
