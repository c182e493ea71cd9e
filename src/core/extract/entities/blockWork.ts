/**
 * The part of entity recognition that depends on one block alone — its name tokens, which
 * tokens open a sentence, the lexicon matches, and the capitalised runs with their evidence —
 * so that an editor can keep it for blocks an edit did not touch (see AnalysisCache).
 */
import type { ProseBlock } from '../../parse/blocks';
import type { SentenceSpan } from '../../parse/sentences';
import type { Lexicon, LexiconEntry } from './lexicon';
import { capitalisedRuns, classifyRun, isTitleCase, type NameRun, type RunContext } from './names';
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
  const covered = new Set<number>();
  const hits: LexiconHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = lexicon.matchAt(tokens, i);
    if (!match) continue;
    if (match.isAmbiguous && (sentenceStarts.has(i) || block.kind === 'heading')) continue;
    if (lexicon.isNotEntity(text.slice(tokens[match.first]!.start, tokens[match.last]!.end))) continue;
    for (let k = match.first; k <= match.last; k++) covered.add(k);
    hits.push({ entry: match.entry, first: match.first, last: match.last });
    i = match.last;
  }
  const isHeading = block.kind === 'heading' || isTitleCase(text);
  const ctx: RunContext = { text, tokens, covered, sentenceStarts, isHeading };
  const candidates = capitalisedRuns(ctx).map((run) => ({
    first: run.first, last: run.last, text: text.slice(tokens[run.first]!.start, tokens[run.last]!.end), run: classifyRun(ctx, run),
  }));
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
