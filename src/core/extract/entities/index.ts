/**
 * Entities of an article: lexicon matches, then names found by the heuristics, then aliases
 * resolved within the document — "Amazon Web Services (AWS)", "Tiger Brokers(TIGR)",
 * "(NASDAQ: CRVL)", a person's surname after the full name ("Altman"), possessives.
 */
import type { ProseBlock } from '../../parse/blocks';
import type { SentenceSpan } from '../../parse/sentences';
import type { EntityType, Lexicon, LexiconEntry } from './lexicon';
import { isGivenName, isNotName } from './names';
import { blockWork, type BlockWork } from './blockWork';
import type { AnalysisCache } from '../../analysisCache';
import type { NameToken } from './nameTokens';

export interface EntityMention {
  /** `[start, end)` in the file. */
  readonly start: number;
  readonly end: number;
  /** The file's characters at `[start, end)` once analysed (recognition gives the prose form). */
  readonly text: string;
  readonly blockIndex: number;
  /** `[proseStart, proseEnd)` in the block's prose. */
  readonly proseStart: number;
  readonly proseEnd: number;
}

export interface Entity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Other surface forms used in this document. */
  readonly aliases: readonly string[];
  readonly mentions: readonly EntityMention[];
  readonly isFromLexicon: boolean;
  /** Why the name is an entity when no lexicon knows it: "party of a deal". */
  readonly evidence?: string;
}

interface Draft {
  name: string;
  type: EntityType;
  isFromLexicon: boolean;
  mentions: EntityMention[];
  /** Recurring-only evidence: kept when seen twice or more. */
  isWeak: boolean;
}

interface BlockTokens {
  readonly block: ProseBlock;
  readonly blockIndex: number;
  readonly work: BlockWork;
  readonly tokens: readonly NameToken[];
  /** The lexicon's tokens, then those the names and aliases of this analysis claim. */
  readonly covered: Set<number>;
}

/** The per-block work, kept in the cache for a block an edit did not touch. */
function cachedWork(block: ProseBlock, sentences: readonly SentenceSpan[], lexicon: Lexicon, cache: AnalysisCache | undefined): BlockWork {
  if (!cache) return blockWork(block, sentences, lexicon);
  const entries = cache.entityWork(lexicon);
  const cached = entries.get(block.map.text);
  if (cached && cached.kind === block.kind) return cached.work;
  const work = blockWork(block, sentences, lexicon);
  entries.set(block.map.text, { kind: block.kind, work });
  return work;
}

const TICKER = /^(?:,?\s(?:Inc|Corp|Ltd|Co|AG|SA|NV|PLC|plc|SE)\.?)?\s?\((?:(?:NASDAQ|NYSE|Nasdaq|LSE|TSX|HKEX|SSE|SZSE|TYO|KRX|OTC)\s?:\s?)?([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\)/;

export function recogniseEntities(blocks: readonly ProseBlock[], sentences: readonly (readonly SentenceSpan[])[], lexicon: Lexicon, cache?: AnalysisCache): Entity[] {
  const drafts = new Map<string, Draft>();
  const prepared: BlockTokens[] = blocks.map((block, blockIndex) => {
    const work = cachedWork(block, sentences[blockIndex] ?? [], lexicon, cache);
    return { block, blockIndex, work, tokens: work.tokens, covered: new Set(work.covered) };
  });
  const mention = (b: BlockTokens, first: number, last: number): EntityMention => {
    const start = b.tokens[first]!.start;
    const end = b.tokens[last]!.end;
    const span = b.block.map.spanToFile(start, end)!;
    return { start: span.start, end: span.end, text: b.block.map.text.slice(start, end), blockIndex: b.blockIndex, proseStart: start, proseEnd: end };
  };
  const add = (name: string, type: EntityType, isFromLexicon: boolean, m: EntityMention, isWeak = false) => {
    const draft = drafts.get(name) ?? { name, type, isFromLexicon, mentions: [], isWeak };
    // stronger evidence decides the type: "Theo says" (a person) over a recurring capital (an org)
    if (draft.isWeak && !isWeak) draft.type = type;
    draft.isWeak = draft.isWeak && isWeak;
    draft.mentions.push(m);
    drafts.set(name, draft);
  };

  // 1. the lexicon
  for (const b of prepared) for (const hit of b.work.hits) add(hit.entry.name, hit.entry.type, true, mention(b, hit.first, hit.last));
  // 2. names no lexicon has: multi-word names first, so that their short forms are known
  //    ("Corvanta" after "Corvanta Labs Inc.", "Adeyemi" after "Tunde Adeyemi") before single words
  const candidates = prepared.flatMap((b) => b.work.candidates.map((c) => ({ b, c })));
  const occurrences = new Map<string, number>();
  for (const { c } of candidates) occurrences.set(c.text, (occurrences.get(c.text) ?? 0) + 1);
  const accept = ({ b, c }: (typeof candidates)[number]) => {
    const run = c.run;
    if (!run || lexicon.isNotEntity(c.text)) return;
    // a capital that recurs: one mid-sentence use, and the word used twice or more in all
    if (run.evidence === 'recurring' && (occurrences.get(c.text) ?? 0) < 2) return;
    for (let k = run.first; k <= run.last; k++) b.covered.add(k);
    const name = run.type === 'org' ? withoutLegalForm(c.text) : c.text;
    add(name, run.type, false, mention(b, run.first, run.last), run.evidence === 'recurring');
  };
  for (const candidate of candidates) if (candidate.c.last > candidate.c.first) accept(candidate);
  const aliases = aliasIndex(drafts, prepared, lexicon);
  for (const candidate of candidates) {
    const { b, c } = candidate;
    if (c.last !== c.first || b.covered.has(c.first)) continue;
    const alias = aliases.get(c.text);
    if (alias) {
      b.covered.add(c.first);
      add(alias.name, alias.type, alias.isFromLexicon, mention(b, c.first, c.first));
    } else {
      accept(candidate);
    }
  }
  // 3. the aliases, and one-word names found so far, wherever else they stand (headings, sentence starts)
  for (const draft of drafts.values()) {
    if (!draft.name.includes(' ') && !aliases.has(draft.name)) aliases.set(draft.name, { name: draft.name, type: draft.type, isFromLexicon: draft.isFromLexicon });
  }
  for (const b of prepared) {
    for (let i = 0; i < b.tokens.length; i++) {
      const alias = b.covered.has(i) ? undefined : aliases.get(b.tokens[i]!.text);
      if (!alias) continue;
      b.covered.add(i);
      add(alias.name, alias.type, alias.isFromLexicon, mention(b, i, i));
    }
  }
  return finish(drafts);
}

interface AliasTarget {
  readonly name: string;
  readonly type: EntityType;
  readonly isFromLexicon: boolean;
}

/**
 * Single words that stand for an entity found so far: tickers in parentheses ("(NYSE: HLNX)"),
 * surnames of persons ("Altman"), the first word of a multi-word organisation ("Corvanta"), and
 * surnames of lexicon persons that no other entry shares ("Musk", "Nadella").
 */
function aliasIndex(drafts: ReadonlyMap<string, Draft>, prepared: readonly BlockTokens[], lexicon: Lexicon): Map<string, AliasTarget> {
  const index = new Map<string, AliasTarget>();
  for (const [surname, name] of lexicon.uniqueSurnames()) index.set(surname, { name, type: 'person', isFromLexicon: true });
  for (const draft of drafts.values()) {
    const target = { name: draft.name, type: draft.type, isFromLexicon: draft.isFromLexicon };
    const parts = draft.name.split(' ');
    const last = parts[parts.length - 1]!;
    if (draft.type === 'person' && parts.length >= 2 && last.length >= 3 && !isNotName(last)) index.set(last, target);
    const first = parts[0]!;
    const isFirstFree = !drafts.has(first) && !lexicon.isKnownForm(first) && !isGivenName(first);
    if (draft.type === 'org' && parts.length >= 2 && first.length >= 4 && !isNotName(first) && isFirstFree) index.set(first, target);
    for (const m of draft.mentions) {
      const ticker = TICKER.exec(prepared[m.blockIndex]!.block.map.text.slice(m.proseEnd, m.proseEnd + 24))?.[1];
      if (ticker && ticker !== m.text && !drafts.has(ticker)) index.set(ticker, target);
    }
  }
  return index;
}

/** "Corvanta Labs Inc" → "Corvanta Labs": the legal form is not part of the name people use. */
function withoutLegalForm(name: string): string {
  // abbreviated forms only: "Public Benefit Corporation" is a name, "Solvane Semiconductor Corp" a name and a form
  const stripped = name.replace(/[,\s]+(?:Inc|Corp|Co|Ltd|LLC|LLP|PLC|plc|GmbH|AG|SA|SE|NV|BV)\.?$/, '');
  return stripped.includes(' ') || stripped.length >= 4 ? stripped : name;
}



function finish(drafts: Map<string, Draft>): Entity[] {
  const entities: Entity[] = [];
  for (const draft of drafts.values()) {
    if (draft.isWeak && draft.mentions.length < 2) continue;
    const mentions = [...draft.mentions].sort((a, b) => a.start - b.start);
    const aliases = [...new Set(mentions.map((m) => m.text))].filter((t) => t !== draft.name).sort();
    entities.push({ id: entityId(draft.name), name: draft.name, type: draft.type, aliases, mentions, isFromLexicon: draft.isFromLexicon });
  }
  return entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || a.name.localeCompare(b.name));
}

const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;

export function entityId(name: string): string {
  return `entity:${name.normalize('NFKC').toLowerCase().replace(NOT_LETTERS_OR_DIGITS, '-').replace(/^-|-$/g, '')}`;
}

export type { LexiconEntry, EntityType };
