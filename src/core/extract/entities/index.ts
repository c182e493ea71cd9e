/**
 * Entities of an article: lexicon matches, then names found by the heuristics, then aliases
 * resolved within the document — "Amazon Web Services (AWS)", "Tiger Brokers(TIGR)",
 * "(NASDAQ: CRVL)", a person's surname after the full name ("Altman"), possessives.
 */
import type { ProseBlock } from '../../parse/blocks';
import type { SentenceSpan } from '../../parse/sentences';
import type { EntityType, Lexicon, LexiconEntry } from './lexicon';
import { entityId } from './entityId';
import { isGivenName, isNotName } from './names';
import { blockWork, type BlockWork } from './blockWork';
import { isStronger, type Evidence } from './evidence';
import { listEvidence, type TypedSpan } from './listEvidence';
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
  /** Why it is an entity of this type: the strongest evidence among its mentions. */
  readonly evidence: Evidence;
}

interface Draft {
  name: string;
  type: EntityType;
  isFromLexicon: boolean;
  mentions: EntityMention[];
  evidence: Evidence;
}

interface BlockTokens {
  readonly block: ProseBlock;
  readonly blockIndex: number;
  readonly work: BlockWork;
  readonly tokens: readonly NameToken[];
  /** The lexicon's tokens, then those the names and aliases of this analysis claim. */
  readonly covered: Set<number>;
  /** The entities placed in this block so far, with their types (for lists). */
  readonly spans: TypedSpan[];
}

/** The per-block work, kept in the cache for a block an edit did not touch. */
function cachedWork(
  block: ProseBlock,
  sentences: readonly SentenceSpan[],
  lexicon: Lexicon,
  cache: AnalysisCache | undefined,
): BlockWork {
  if (!cache) return blockWork(block, sentences, lexicon);
  const entries = cache.entityWork(lexicon);
  const cached = entries.get(block.map.text);
  if (cached && cached.kind === block.kind) return cached.work;
  const work = blockWork(block, sentences, lexicon);
  entries.set(block.map.text, { kind: block.kind, work });
  return work;
}

const TICKER =
  /^(?:,?\s(?:Inc|Corp|Ltd|Co|AG|SA|NV|PLC|plc|SE)\.?)?\s?\((?:(?:NASDAQ|NYSE|Nasdaq|LSE|TSX|HKEX|SSE|SZSE|TYO|KRX|OTC)\s?:\s?)?([A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?)\)/;

export function recogniseEntities(
  blocks: readonly ProseBlock[],
  sentences: readonly (readonly SentenceSpan[])[],
  lexicon: Lexicon,
  cache?: AnalysisCache,
): Entity[] {
  const drafts = new Map<string, Draft>();
  const prepared: BlockTokens[] = blocks.map((block, blockIndex) => {
    const work = cachedWork(block, sentences[blockIndex] ?? [], lexicon, cache);
    return { block, blockIndex, work, tokens: work.tokens, covered: new Set(work.covered), spans: [] };
  });
  const mention = (b: BlockTokens, first: number, last: number): EntityMention => {
    const start = b.tokens[first]!.start;
    const end = b.tokens[last]!.end;
    const span = b.block.map.spanToFile(start, end)!;
    return {
      start: span.start,
      end: span.end,
      text: b.block.map.text.slice(start, end),
      blockIndex: b.blockIndex,
      proseStart: start,
      proseEnd: end,
    };
  };
  const add = (
    name: string,
    type: EntityType,
    isFromLexicon: boolean,
    b: BlockTokens,
    first: number,
    last: number,
    evidence: Evidence,
  ) => {
    const draft = drafts.get(name) ?? { name, type, isFromLexicon, mentions: [], evidence };
    // stronger evidence decides the type: "Theo says" (a person) over a recurring capital (an org)
    if (isStronger(evidence.rule, draft.evidence.rule)) {
      draft.type = type;
      draft.evidence = evidence;
    }
    draft.mentions.push(mention(b, first, last));
    b.spans.push({ first, last, type: draft.type });
    drafts.set(name, draft);
  };

  // 1. the lexicon
  for (const b of prepared) {
    for (const hit of b.work.hits) {
      const text = b.block.map.text.slice(b.tokens[hit.first]!.start, b.tokens[hit.last]!.end);
      add(hit.entry.name, hit.entry.type, true, b, hit.first, hit.last, { rule: 'lexicon', phrase: text });
    }
  }
  // 2. names no lexicon has: multi-word names first, so that their short forms are known
  //    ("Corvanta" after "Corvanta Labs Inc.", "Adeyemi" after "Tunde Adeyemi") before single words
  const candidates = prepared.flatMap((b) => b.work.candidates.map((c) => ({ b, c })));
  const occurrences = new Map<string, number>();
  for (const { c } of candidates) occurrences.set(c.text, (occurrences.get(c.text) ?? 0) + 1);
  const accepted = new Set<(typeof candidates)[number]>();
  const isFree = ({ b, c }: (typeof candidates)[number]) => {
    for (let k = c.first; k <= c.last; k++) if (b.covered.has(k)) return false;
    return true;
  };
  const place = (candidate: (typeof candidates)[number], type: EntityType, evidence: Evidence) => {
    const { b, c } = candidate;
    for (let k = c.first; k <= c.last; k++) b.covered.add(k);
    accepted.add(candidate);
    // a lexicon form the lexicon did not trust here ("NVIDIA" opening a sentence), now with evidence
    const known = lexicon.entryOfForm(c.text);
    if (known) add(known.name, known.type, true, b, c.first, c.last, { rule: 'lexicon', phrase: c.text });
    else add(type === 'org' ? withoutLegalForm(c.text) : c.text, type, false, b, c.first, c.last, evidence);
  };
  // "Named Hyperion, the campus …" at a sentence start: when the rest of the run is a name of
  // its own elsewhere in the article, the first word was capitalised only by its position (a
  // person's name is left whole: "Tarvo Solvang said …" and later "Solvang")
  const isOpenedByAWord = ({ b, c }: (typeof candidates)[number]) => {
    if (c.last === c.first || !b.work.sentenceStarts.has(c.first) || c.run?.type === 'person') return false;
    const rest = b.block.map.text.slice(b.tokens[c.first + 1]!.start, b.tokens[c.last]!.end);
    return occurrences.has(rest) || drafts.has(rest);
  };
  const accept = (candidate: (typeof candidates)[number]) => {
    const { c } = candidate;
    const run = c.run;
    if (!run || lexicon.isNotEntity(c.text) || !isFree(candidate) || isOpenedByAWord(candidate)) return;
    // a capital that recurs: one mid-sentence use, and the word used twice or more in all
    if (run.evidence.rule === 'recurring' && (occurrences.get(c.text) ?? 0) < 2) return;
    place(candidate, run.type, run.evidence);
  };
  for (const candidate of candidates)
    if (candidate.c.last > candidate.c.first && candidate.c.run?.evidence.rule !== 'recurring') accept(candidate);
  for (const candidate of candidates) if (candidate.c.last > candidate.c.first) accept(candidate);
  const aliases = aliasIndex(drafts, prepared, lexicon);
  for (const candidate of candidates) {
    const { b, c } = candidate;
    if (c.last !== c.first || b.covered.has(c.first)) continue;
    const alias = aliases.get(c.text);
    if (alias) {
      b.covered.add(c.first);
      add(alias.name, alias.type, alias.isFromLexicon, b, c.first, c.first, alias.evidence);
    } else {
      accept(candidate);
    }
  }
  // 3. names listed with organisations ("backers including Sequoia, Zeta and Accel"), against
  //    what each block held before this step
  const sortedSpans = new Map(prepared.map((b) => [b, [...b.spans].sort((x, y) => x.first - y.first)]));
  for (const candidate of candidates) {
    const { b, c } = candidate;
    if (accepted.has(candidate) || !isFree(candidate) || lexicon.isNotEntity(c.text) || c.text.length < 2) continue;
    const listed = listEvidence(b.block.map.text, b.tokens, sortedSpans.get(b)!, c.first, c.last);
    if (listed) place(candidate, listed.type, listed.evidence);
  }
  // 4. the aliases, and one-word names found so far, wherever else they stand (headings, sentence starts)
  for (const draft of drafts.values()) {
    if (!draft.name.includes(' ') && !aliases.has(draft.name))
      aliases.set(draft.name, {
        name: draft.name,
        type: draft.type,
        isFromLexicon: draft.isFromLexicon,
        evidence: draft.evidence,
      });
  }
  // names of several words found by their evidence, wherever else they are written in full ("Polaris Relay flies …")
  const fullNames = new Map<string, Draft>();
  const lengthsByFirstWord = new Map<string, Set<number>>();
  for (const draft of drafts.values()) {
    const words = draft.name.split(' ');
    if (draft.isFromLexicon || words.length < 2) continue;
    fullNames.set(draft.name, draft);
    lengthsByFirstWord.set(words[0]!, (lengthsByFirstWord.get(words[0]!) ?? new Set()).add(words.length));
  }
  const fullNameAt = (b: BlockTokens, i: number): { draft: Draft; last: number } | undefined => {
    const lengths = lengthsByFirstWord.get(b.tokens[i]!.text);
    if (!lengths) return undefined;
    for (const length of lengths) {
      const last = i + length - 1;
      if (last >= b.tokens.length) continue;
      let name = b.tokens[i]!.text;
      let isFree = true;
      for (let k = i + 1; k <= last && isFree; k++) {
        isFree = !b.covered.has(k) && b.tokens[k]!.before === ' ';
        name += ` ${b.tokens[k]!.text}`;
      }
      const draft = isFree ? fullNames.get(name) : undefined;
      if (draft) return { draft, last };
    }
    return undefined;
  };
  for (const b of prepared) {
    for (let i = 0; i < b.tokens.length; i++) {
      if (b.covered.has(i)) continue;
      const full = fullNameAt(b, i);
      if (full) {
        for (let k = i; k <= full.last; k++) b.covered.add(k);
        add(full.draft.name, full.draft.type, false, b, i, full.last, full.draft.evidence);
        i = full.last;
        continue;
      }
      const alias = aliases.get(b.tokens[i]!.text);
      if (!alias) continue;
      b.covered.add(i);
      add(alias.name, alias.type, alias.isFromLexicon, b, i, i, alias.evidence);
    }
  }
  return finish(drafts);
}

interface AliasTarget {
  readonly name: string;
  readonly type: EntityType;
  readonly isFromLexicon: boolean;
  readonly evidence: Evidence;
}

/**
 * Single words that stand for an entity found so far: tickers in parentheses ("(NYSE: HLNX)"),
 * surnames of persons ("Altman"), the first word of a multi-word organisation ("Corvanta"), and
 * surnames of lexicon persons that no other entry shares ("Musk", "Nadella").
 */
function aliasIndex(
  drafts: ReadonlyMap<string, Draft>,
  prepared: readonly BlockTokens[],
  lexicon: Lexicon,
): Map<string, AliasTarget> {
  const index = new Map<string, AliasTarget>();
  for (const [surname, name] of lexicon.uniqueSurnames())
    index.set(surname, {
      name,
      type: 'person',
      isFromLexicon: true,
      evidence: { rule: 'alias', phrase: `${surname} → ${name}` },
    });
  for (const draft of drafts.values()) {
    const target = { name: draft.name, type: draft.type, isFromLexicon: draft.isFromLexicon, evidence: draft.evidence };
    const parts = draft.name.split(' ');
    const last = parts[parts.length - 1]!;
    // the surname of a person named in full in this article, however short ("Su" after "Lisa Su")
    if (draft.type === 'person' && parts.length >= 2 && last.length >= 2 && !isNotName(last)) index.set(last, target);
    const first = parts[0]!;
    const isFirstFree = !drafts.has(first) && !lexicon.isKnownForm(first) && !isGivenName(first);
    // the first word of an organisation's name: "Corvanta" for "Corvanta Labs" (the first name found keeps it)
    if (
      draft.type === 'org' &&
      parts.length >= 2 &&
      first.length >= 4 &&
      !isNotName(first) &&
      isFirstFree &&
      !index.has(first)
    )
      index.set(first, target);
    for (const m of draft.mentions) {
      const ticker = TICKER.exec(prepared[m.blockIndex]!.block.map.text.slice(m.proseEnd, m.proseEnd + 24))?.[1];
      if (ticker && ticker !== m.text && !drafts.has(ticker)) index.set(ticker, target);
    }
  }
  return index;
}

/** "Corvanta Labs Inc" → "Corvanta Labs": the legal form is not part of the name people use. */
export function withoutLegalForm(name: string): string {
  // abbreviated forms only: "Public Benefit Corporation" is a name, "Solvane Semiconductor Corp" a name and a form;
  // "& Co" is part of a name ("Rud Pedersen & Co")
  const stripped = name.replace(
    /(?<!&)[,\s]+(?:Inc|Corp|Co|Ltd|Limited|LLC|LLP|PLC|plc|GmbH|AG|SA|SE|NV|BV|ASA|AB|Oyj|SpA|KK|Pty|Pte)\.?$/,
    '',
  );
  return stripped.includes(' ') || stripped.length >= 4 ? stripped : name;
}

function finish(drafts: Map<string, Draft>): Entity[] {
  const entities: Entity[] = [];
  for (const draft of drafts.values()) {
    if (draft.evidence.rule === 'recurring' && draft.mentions.length < 2) continue;
    const mentions = [...draft.mentions].sort((a, b) => a.start - b.start);
    const aliases = [...new Set(mentions.map((m) => m.text))].filter((t) => t !== draft.name).sort();
    entities.push({
      id: entityId(draft.name),
      name: draft.name,
      type: draft.type,
      aliases,
      mentions,
      isFromLexicon: draft.isFromLexicon,
      evidence: draft.evidence,
    });
  }
  return entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || a.name.localeCompare(b.name));
}

export type { LexiconEntry, EntityType };
export { entityId };
