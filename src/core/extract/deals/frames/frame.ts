/**
 * A deal frame: one way news states a deal of one kind, with the roles its names play. Each
 * kind is one module of frames (acquisition.ts, fundingRound.ts, …); the engine (../match.ts)
 * iterates the list and knows nothing of any one kind. Templates are written in the language
 * of grammar.ts.
 */
import type { DealKind } from '../kinds';
import type { DealStatus } from '../status';

export interface DealFrame {
  /** Unique within its kind: "active", "passive", "seller", "nominal-possessive". */
  readonly id: string;
  readonly template: string;
  /**
   * The deal's parties in role order (acquirer → target, investor → investee, customer →
   * provider; a round's company, then its leads, then its investors). A role the template does
   * not fill is taken from context: the clause's subject, a list item's label, the lead-in, the
   * deal a sentence refers back to. Roles of the template not listed here ("seller") are read
   * and left out: a seller is not a party.
   */
  readonly parties: readonly string[];
  /** The kind this form states, when it is not its module's ("a controlling stake" → acquisition). */
  readonly kind?: DealKind;
  /** What the form itself says of the deal's status ("completed its acquisition of" → completed). */
  readonly status?: DealStatus;
  /** The sentence must also say this (in the clause) for the frame to count: "cloud" for a spend. */
  readonly requires?: RegExp;
  /**
   * A role whose name must be of these entity types (by default: an organisation, an unknown name
   * or an owner-less product); "government" admits an organisation whose name says it is a
   * government body ("Department", "Ministry", "Agency", "Commission"…).
   */
  readonly types?: Readonly<Record<string, readonly string[]>>;
  /**
   * Where a role the template leaves open may come from: the clause only ("the 2021 acquisition
   * of Nuvia" — its subject), or also the document (a lead-in, the round or deal referred to), or
   * the article's subject, its most named organisation ("would invest in the IPO").
   */
  readonly fillFrom?: 'clause' | 'document' | 'subject';
  /** A list role whose names each make a deal of their own ("Lockheed Martin and Northrop Grumman were selected"). */
  readonly splitBy?: string;
  /** Articles that need this frame when it is narrower than news at large (the rule of two). */
  readonly seenIn?: readonly string[];
}

/** One deal kind: its frames, most specific first, and the nouns that name it. */
export interface KindFrames {
  readonly kind: DealKind;
  readonly frames: readonly DealFrame[];
  /**
   * Nouns that name a deal of this kind ("supply agreement", "licensing deal"): when no frame
   * places the names, the parties are the clause's (nearest two, or the label and lead-in).
   */
  readonly nouns: RegExp;
}
