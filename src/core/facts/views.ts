/** What the corpus answers: plain, serialisable views of facts, statements, entities and changes. */
import type { EntityType } from '../extract/entities/lexicon';
import type { FigureKind, Qualifier } from '../extract/figures/figure';
import type { Verdict } from './compare';
import type { Metric } from './metric';

export interface FactKeyView {
  /** The workspace's key: `subject|metric|period`, entity ids canonical across the workspace. */
  readonly id: string;
  /** "entity:openai", "entity:microsoft>entity:openai", "deal:cloud-contract:amazon-web-services+openai". */
  readonly subject: string;
  /** "OpenAI", "Microsoft → OpenAI", "OpenAI + Amazon Web Services (cloud-contract)". */
  readonly subjectName: string;
  readonly metric: Metric;
  readonly period: string | null;
  /** "Microsoft → OpenAI: investment, cumulative". */
  readonly label: string;
}

/** One source's statement of a fact: a keyed figure. */
export interface StatementView {
  readonly path: string;
  readonly figureId: string;
  /** `[start, end)` of the figure in the file (UTF-16). */
  readonly start: number;
  readonly end: number;
  /** The figure as written. */
  readonly text: string;
  /** Its claim sentence as prose (shortened around the figure when long). */
  readonly sentence: string;
  readonly kind: FigureKind;
  readonly value: number | readonly [number, number];
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
  readonly isApprox: boolean;
}

/** A statement with what places it in time and what judging it needs (`Corpus.factStatements`). */
export interface DatedStatementView extends StatementView {
  /** The place value of the last written digit ("$13.5 billion" → 1e8); null when unknown. */
  readonly precision: number | null;
  /** For a key without a year: the article's dateline. */
  readonly asOf: string | null;
  /** For a deal's figure: the deal's date as this source states it. */
  readonly dealDate: string | null;
  /** The article's dateline. */
  readonly dateline: string | null;
}

/** Every statement of one fact across the workspace. */
export interface FactStatements {
  readonly key: FactKeyView;
  /** By path, then position. */
  readonly statements: readonly DatedStatementView[];
}

/** Another source's statement, judged against the one asked about. */
export interface ComparedStatement extends StatementView {
  readonly verdict: Verdict;
  readonly reason: string;
}

/** `statementsFor`: what other sources say about a figure's fact. */
export interface FigureFacts {
  readonly key: FactKeyView;
  readonly statement: StatementView;
  /** By path, then position; statements not comparable in time (years apart) are left out. */
  readonly others: readonly ComparedStatement[];
  /** "conflict" when any other source conflicts, else "agree" when any agrees; null when no other source states it. */
  readonly verdict: Verdict | null;
}

/** `conflictsIn`: a figure of a source that other sources contradict. */
export interface FigureConflicts {
  readonly key: FactKeyView;
  readonly statement: StatementView;
  /** The first statements that conflict with it (by path, then position), as many as were asked for. */
  readonly conflicting: readonly ComparedStatement[];
  /** How many statements of other sources conflict with it. */
  readonly conflictCount: number;
}

/** A fact stated by two sources or more, and whether they agree. */
export interface CorpusFact {
  readonly key: FactKeyView;
  readonly verdict: Verdict;
  /** Why, for the first pair of sources with this verdict: "$13 billion and ~$13.5 billion are 3.7% apart, beyond 1%; …". */
  readonly reason: string;
  /** The statements that were compared, by path then position. */
  readonly statements: readonly StatementView[];
}

export interface CorpusEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly sourceCount: number;
  readonly mentionCount: number;
}

export interface CorpusEntityMention {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface CorpusChange {
  /**
   * Sources whose cross-source facts may have changed (the changed one included), sorted: the
   * `changedPaths` and every source stating one of the `affectedKeys`. Worked out when first
   * read, from the corpus as it is then (read it before the next change, or gather the keys of
   * many changes and ask `Corpus.pathsSharing` once: a source stating a popular fact is then
   * found once, not once for every change).
   */
  readonly affectedPaths: readonly string[];
  /** Fact keys some statement was added to or removed from. */
  readonly affectedKeys: ReadonlySet<string>;
  /** The sources changed, added, removed or re-keyed themselves. */
  readonly changedPaths: ReadonlySet<string>;
}

/** How much the corpus holds, for checking that it stays compact. */
export interface RetainedCounts {
  readonly sources: number;
  readonly statements: number;
  readonly entities: number;
  readonly entityMentions: number;
  readonly deals: number;
  readonly dealMentions: number;
  /** UTF-16 code units of every retained string. */
  readonly characters: number;
  /** Index sizes: fact keys, entity ids, deal groups (all zero once every source is removed). */
  readonly keys: number;
  readonly entityIds: number;
  readonly dealGroups: number;
  /** Strings and party objects the corpus shares across sources (all zero once every source is removed). */
  readonly pooledStrings: number;
  readonly pooledParties: number;
}
