/**
 * Entities of an article: lexicon matches, then names found by the heuristics, then aliases
 * resolved within the document — "Amazon Web Services (AWS)", "Tiger Brokers(TIGR)",
 * "(NASDAQ: CRVL)", a person's surname after the full name ("Altman"), possessives.
 */
import type { ProseBlock } from '../../parse/blocks';
import type { SentenceSpan } from '../../parse/sentences';
import type { EntityType, Lexicon, LexiconEntry } from './lexicon';
import { capitalisedRuns, classifyRun, isNotName, isTitleCase, type NameRun } from './names';
import { nameTokens, type NameToken } from './nameTokens';

export interface EntityMention {
  /** `[start, end)` in the file. */
  readonly start: number;
  readonly end: number;
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
  readonly tokens: readonly NameToken[];
  readonly covered: Set<number>;
  readonly sentenceStarts: ReadonlySet<number>;
}

const TICKER = /^\s?\((?:(?:NASDAQ|NYSE|Nasdaq|LSE|TSX|HKEX|SSE|SZSE|TYO|KRX|OTC)\s?:\s?)?([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\)/;

export function recogniseEntities(blocks: readonly ProseBlock[], sentences: readonly (readonly SentenceSpan[])[], lexicon: Lexicon): Entity[] {
  const drafts = new Map<string, Draft>();
  const prepared = blocks.map((block, blockIndex) => prepareBlock(block, blockIndex, sentences[blockIndex] ?? []));
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
  for (const b of prepared) {
    for (let i = 0; i < b.tokens.length; i++) {
      const match = lexicon.matchAt(b.tokens, i);
      if (!match) continue;
      if (match.isAmbiguous && (b.sentenceStarts.has(i) || b.block.kind === 'heading')) continue;
      const m = mention(b, match.first, match.last);
      if (lexicon.isNotEntity(m.text)) continue;
      for (let k = match.first; k <= match.last; k++) b.covered.add(k);
      add(match.entry.name, match.entry.type, true, m);
      i = match.last;
    }
  }
  // 2. names no lexicon has; a lone surname of a known person is that person ("Altman", "Musk")
  const surnames = surnameIndex(drafts, lexicon);
  const runs: Array<{ b: BlockTokens; run: NameRun }> = [];
  for (const b of prepared) {
    const isHeading = b.block.kind === 'heading' || isTitleCase(b.block.map.text);
    const ctx = { text: b.block.map.text, tokens: b.tokens, covered: b.covered, sentenceStarts: b.sentenceStarts, isHeading };
    for (const candidate of capitalisedRuns(ctx)) {
      const person = candidate.first === candidate.last ? surnames.get(b.tokens[candidate.first]!.text) : undefined;
      if (person) {
        b.covered.add(candidate.first);
        add(person.name, 'person', person.isFromLexicon, mention(b, candidate.first, candidate.first));
        continue;
      }
      const run = classifyRun(ctx, candidate);
      if (run) runs.push({ b, run });
    }
  }
  const recurring = new Map<string, number>();
  for (const { b, run } of runs) if (run.evidence === 'recurring') recurring.set(runText(b, run), (recurring.get(runText(b, run)) ?? 0) + 1);
  for (const { b, run } of runs) {
    const text = runText(b, run);
    if (lexicon.isNotEntity(text)) continue;
    if (run.evidence === 'recurring' && (recurring.get(text) ?? 0) < 2) continue;
    for (let k = run.first; k <= run.last; k++) b.covered.add(k);
    add(text, run.type, false, mention(b, run.first, run.last), run.evidence === 'recurring');
  }
  // 3. aliases: tickers and acronyms in parentheses, surnames
  const aliasOf = new Map<string, string>();
  for (const draft of drafts.values()) {
    for (const m of draft.mentions) {
      const b = prepared[m.blockIndex]!;
      const ticker = TICKER.exec(b.block.map.text.slice(m.proseEnd, m.proseEnd + 24))?.[1];
      if (ticker && ticker !== m.text && !drafts.has(ticker)) aliasOf.set(ticker, draft.name);
    }
    if (draft.type === 'person') {
      const parts = draft.name.split(' ');
      const surname = parts[parts.length - 1]!;
      if (parts.length >= 2 && surname.length >= 3 && !isNotName(surname) && !drafts.has(surname)) aliasOf.set(surname, draft.name);
    }
  }
  for (const b of prepared) {
    for (let i = 0; i < b.tokens.length; i++) {
      if (b.covered.has(i)) continue;
      const canonical = aliasOf.get(b.tokens[i]!.text);
      if (!canonical) continue;
      b.covered.add(i);
      drafts.get(canonical)!.mentions.push(mention(b, i, i));
    }
  }
  return finish(drafts);
}

/**
 * Surnames that stand for a person: those of the persons found in this document, then those
 * of lexicon persons whose surname no other lexicon person shares ("Musk", "Nadella").
 */
function surnameIndex(drafts: ReadonlyMap<string, Draft>, lexicon: Lexicon): Map<string, { name: string; isFromLexicon: boolean }> {
  const index = new Map<string, { name: string; isFromLexicon: boolean }>();
  for (const [surname, name] of lexicon.uniqueSurnames()) index.set(surname, { name, isFromLexicon: true });
  for (const draft of drafts.values()) {
    if (draft.type !== 'person') continue;
    const parts = draft.name.split(' ');
    if (parts.length >= 2) index.set(parts[parts.length - 1]!, { name: draft.name, isFromLexicon: draft.isFromLexicon });
  }
  return index;
}

function prepareBlock(block: ProseBlock, blockIndex: number, sentences: readonly SentenceSpan[]): BlockTokens {
  const tokens = nameTokens(block.map.text);
  const sentenceStarts = new Set<number>();
  let s = 0;
  tokens.forEach((token, i) => {
    while (s < sentences.length && sentences[s]!.end <= token.start) s++;
    const sentence = sentences[s];
    const previous = tokens[i - 1];
    const opensSentence = !sentence || !previous || previous.end <= sentence.start;
    // a label opening a list item or line, "Vision: Nadella saw…", starts a clause
    const opensClause = i <= 3 && token.before.endsWith(': ');
    if (opensSentence || opensClause) sentenceStarts.add(i);
  });
  return { block, blockIndex, tokens, covered: new Set(), sentenceStarts };
}

function runText(b: BlockTokens, run: { first: number; last: number }): string {
  return b.block.map.text.slice(b.tokens[run.first]!.start, b.tokens[run.last]!.end);
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

export function entityId(name: string): string {
  return `entity:${name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`;
}

export type { LexiconEntry, EntityType };
