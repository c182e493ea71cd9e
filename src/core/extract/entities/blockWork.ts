/**
 * The part of entity recognition that depends on one block alone — its name tokens, which
 * tokens open a sentence, the lexicon matches, and the capitalised runs with their evidence —
 * so that an editor can keep it for blocks an edit did not touch (see AnalysisCache).
 */
import type { ProseBlock } from '../../parse/blocks';
import type { SentenceSpan } from '../../parse/sentences';
import type { EntityType, Lexicon, LexiconEntry } from './lexicon';
import { capitalisedRuns, isGivenName, isTitleCase, type NameRun, type RunContext } from './names';
import { classifyRun } from './rules/classify';
import { longerNames } from './longerNames';
import { nameTokens, type NameToken } from './nameTokens';

export interface LexiconHit {
  readonly entry: LexiconEntry;
  readonly first: number;
  readonly last: number;
}

export interface Candidate {
  readonly first: number;
  readonly last: number;
  readonly text: string;
  /** The evidence for the run, when there is any. */
  readonly run: NameRun | undefined;
}

export interface BlockWork {
  readonly tokens: readonly NameToken[];
  readonly sentenceStarts: ReadonlySet<number>;
  readonly hits: readonly LexiconHit[];
  /** Tokens the lexicon claimed. */
  readonly covered: ReadonlySet<number>;
  readonly candidates: readonly Candidate[];
}

export function blockWork(block: ProseBlock, sentences: readonly SentenceSpan[], lexicon: Lexicon): BlockWork {
  const text = block.map.text;
  const tokens = nameTokens(text);
  const sentenceStarts = sentenceStartsOf(tokens, sentences);
  const found: LexiconHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = lexicon.matchAt(tokens, i);
    if (!match) continue;
    if (match.isAmbiguous && (sentenceStarts.has(i) || block.kind === 'heading')) continue;
    if (lexicon.isNotEntity(text.slice(tokens[match.first]!.start, tokens[match.last]!.end))) continue;
    // a surname that is also a company: "Jeff Shell", "Ana Apple" (a person's name, not the company)
    const previous = tokens[i - 1];
    const isSurname =
      match.first === match.last &&
      match.entry.type !== 'person' &&
      !!previous &&
      tokens[i]!.before === ' ' &&
      isGivenName(previous.text) &&
      // hits end in increasing order: one ending just before this token is the last found
      found[found.length - 1]?.last !== i - 1;
    if (isSurname) continue;
    found.push({ entry: match.entry, first: match.first, last: match.last });
    i = match.last;
  }
  const hits = longerNames(text, tokens, found, sentenceStarts);
  const covered = new Set<number>();
  const types = new Map<number, EntityType>();
  for (const hit of hits) {
    for (let k = hit.first; k <= hit.last; k++) {
      covered.add(k);
      types.set(k, hit.entry.type);
    }
  }
  const isHeading = block.kind === 'heading' || isTitleCase(text);
  const ctx: RunContext = {
    text,
    tokens,
    covered,
    typeAt: (k) => types.get(k),
    sentenceStarts,
    isHeading,
    gazetteer: lexicon.places,
  };
  const candidates = capitalisedRuns(ctx).map((span) => {
    const run = classifyRun(ctx, span);
    const named = run ?? span;
    return {
      first: named.first,
      last: named.last,
      text: text.slice(tokens[named.first]!.start, tokens[named.last]!.end),
      run,
    };
  });
  return { tokens, sentenceStarts, hits, covered, candidates };
}

/** Tokens that open a sentence, or a clause after a label ("Vision: Nadella saw…"). */
function sentenceStartsOf(tokens: readonly NameToken[], sentences: readonly SentenceSpan[]): Set<number> {
  const starts = new Set<number>();
  let s = 0;
  tokens.forEach((token, i) => {
    while (s < sentences.length && sentences[s]!.end <= token.start) s++;
    const sentence = sentences[s];
    const previous = tokens[i - 1];
    const opensSentence = !sentence || !previous || previous.end <= sentence.start;
    const opensClause = i <= 3 && token.before.endsWith(': ');
    if (opensSentence || opensClause) starts.add(i);
  });
  return starts;
}
