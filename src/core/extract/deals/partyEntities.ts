/**
 * Every name that takes part in a deal is an entity: a capitalised name no lexicon knows that a
 * frame gives a role ("acquire server maker Kestrel Orbital") becomes an organisation with the
 * evidence rule "deal-party", mentioned wherever the article writes it — so a deal never loses a
 * party for want of an entity, and the name is highlighted like any other.
 */
import type { ProseBlock } from '../../parse/blocks';
import type { Sentence } from '../../parse/sentenceIndex';
import { phraseOf } from '../entities/evidence';
import type { Entity, EntityMention } from '../entities/index';
import type { Deal } from './deal';

export function partyEntities(
  deals: readonly Deal[],
  entities: readonly Entity[],
  sentences: readonly Sentence[],
  blocks: readonly ProseBlock[] | undefined,
): Entity[] {
  if (!blocks) return [];
  const known = new Set(entities.map((e) => e.id));
  const names = new Map<string, string>();
  const where = new Map<string, Deal>();
  for (const deal of deals)
    deal.partyIds.forEach((id, i) => {
      if (known.has(id) || names.has(id)) return;
      names.set(id, deal.parties[i]!);
      where.set(id, deal);
    });
  if (names.size === 0) return [];
  const taken = takenSpans(entities);
  const out: Entity[] = [];
  for (const [id, name] of names) {
    const mentions = mentionsOf(name, sentences, blocks, taken);
    if (mentions.length === 0) continue;
    const aliases = [...new Set(mentions.map((m) => m.text))].filter((t) => t !== name).sort();
    out.push({
      id,
      name,
      type: 'org',
      aliases,
      mentions,
      isFromLexicon: false,
      evidence: { rule: 'deal-party', phrase: evidencePhrase(name, where.get(id)!, sentences) },
    });
  }
  return out;
}

/** File spans already some entity's, by block: a new name never overlaps them. */
function takenSpans(entities: readonly Entity[]): Map<number, Array<[number, number]>> {
  const out = new Map<number, Array<[number, number]>>();
  for (const e of entities)
    for (const m of e.mentions) {
      const list = out.get(m.blockIndex) ?? [];
      list.push([m.proseStart, m.proseEnd]);
      out.set(m.blockIndex, list);
    }
  return out;
}

function mentionsOf(
  name: string,
  sentences: readonly Sentence[],
  blocks: readonly ProseBlock[],
  taken: Map<number, Array<[number, number]>>,
): EntityMention[] {
  const out: EntityMention[] = [];
  for (const sentence of sentences) {
    let at = sentence.text.indexOf(name);
    while (at >= 0) {
      const end = at + name.length;
      const isWord =
        !/[\p{L}\p{N}]/u.test(sentence.text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(sentence.text[end] ?? '');
      const proseStart = sentence.proseStart + at;
      const proseEnd = sentence.proseStart + end;
      const block = blocks[sentence.blockIndex];
      const overlaps = (taken.get(sentence.blockIndex) ?? []).some(([s, e]) => proseStart < e && s < proseEnd);
      const span = isWord && !overlaps ? block?.map.spanToFile(proseStart, proseEnd) : undefined;
      if (span)
        out.push({
          start: span.start,
          end: span.end,
          text: block!.map.text.slice(proseStart, proseEnd),
          blockIndex: sentence.blockIndex,
          proseStart,
          proseEnd,
        });
      at = sentence.text.indexOf(name, end);
    }
  }
  return out;
}

/** The words of the deal's first mention around the name ("… agreed to buy Kestrel Orbital for …"). */
function evidencePhrase(name: string, deal: Deal, sentences: readonly Sentence[]): string {
  for (const mention of deal.mentions) {
    const sentence = sentences[mention.sentenceIndex];
    const at = sentence?.text.indexOf(name) ?? -1;
    if (sentence && at >= 0)
      return phraseOf(sentence.text, wordStart(sentence.text, at - 40), wordEnd(sentence.text, at + name.length + 30));
  }
  return name;
}

/** The start of the word at `at` (0 at most), so that a phrase never opens mid-word. */
function wordStart(text: string, at: number): number {
  let i = Math.max(0, at);
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  return i;
}

/** The end of the word at `at` (the text's end at most), so that a phrase never stops mid-word. */
function wordEnd(text: string, at: number): number {
  let i = Math.min(text.length, at);
  while (i < text.length && !/\s/.test(text[i]!)) i++;
  return i;
}
