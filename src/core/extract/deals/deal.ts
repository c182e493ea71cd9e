/** The deal model shared by detection and merging. */
import type { DealKind } from './kinds';
import type { DealStatus } from './status';

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
  /** What this mention says of the deal's status ("in talks", "agreed", "completed"…). */
  readonly status: DealStatus;
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
  /**
   * Where the deal stands, by the latest news its mentions give: rumoured (talks, reports),
   * announced (agreed), pending (awaiting approval or closing), completed, terminated (called
   * off, blocked, abandoned).
   */
  readonly status: DealStatus;
  readonly mentions: readonly DealMention[];
  /**
   * The frames that read it ("acquisition/active", "noun/partnership" for a kind noun read by
   * its clause): why the engine sees a deal. Not kept across sources.
   */
  readonly frames?: readonly string[];
}

/**
 * A stable id from what the deal is, not where it was read: kind, parties, amount with its
 * currency ("1000000000EUR"), date. Deals that merging keeps apart — €1 billion and $1 billion —
 * get different ids, so a view keyed by id (the deals panel's tree) never sees one id twice.
 */
export function dealId(
  kind: DealKind,
  partyIds: readonly string[],
  value: number | null,
  currency: string | null,
  date: string | null,
): string {
  const parties = partyNames(partyIds);
  const amount = value === null ? 'na' : `${value}${currency ?? ''}`;
  // joined, not concatenated: one flat string, where a concatenation keeps a tree of pieces (the
  // deals panel keeps an id for every deal of the workspace)
  return ['deal', kind, parties, amount, date ?? 'na'].join(':');
}

/** "anthropic+google": the ids without their "entity:", in order (two ordered by hand: most deals have two, and every merge makes ids). */
function partyNames(partyIds: readonly string[]): string {
  const bare = (id: string) => (id.startsWith('entity:') ? id.slice(7) : id);
  if (partyIds.length === 2) {
    const a = bare(partyIds[0]!);
    const b = bare(partyIds[1]!);
    return a <= b ? `${a}+${b}` : `${b}+${a}`;
  }
  return partyIds.map(bare).sort().join('+');
}
