/**
 * What one article says about its entities beyond a single sentence: the entities of each
 * sentence, which organisation is named with which most often (Microsoft with OpenAI), and the
 * subject of each section (the one organisation of "OpenAI Plan" or "## Azure's Saturation",
 * the nearest title above; a title naming none or several gives none).
 */
import type { Analysis } from '../analysis';
import { sentenceAt, type Sentence } from '../parse/sentenceIndex';
import type { DocumentContext, MentionSpan, Party } from './subject';
import { byText } from './order';

/** Entity types that can own a figure. */
const SUBJECT_TYPES = new Set(['org', 'product', 'initiative']);
const TITLE_MAX_WORDS = 8;
const SECTION_LOOK_BACK_SENTENCES = 30;

/** The entities named in each sentence (by sentence index), sentence-relative, in reading order. */
export function mentionsBySentence(analysis: Analysis): MentionSpan[][] {
  const out: MentionSpan[][] = analysis.sentences.map(() => []);
  for (const entity of analysis.entities) {
    for (const m of entity.mentions) {
      const sentence = sentenceAt(analysis.sentences, m.blockIndex, m.proseStart);
      if (!sentence) continue;
      out[sentence.index]!.push({
        entityId: entity.id,
        name: entity.name,
        type: entity.type,
        start: m.proseStart - sentence.proseStart,
        end: m.proseEnd - sentence.proseStart,
      });
    }
  }
  for (const list of out) list.sort((a, b) => a.start - b.start);
  return out;
}

export function isSubjectType(type: string): boolean {
  return SUBJECT_TYPES.has(type);
}

export function documentContextOf(analysis: Analysis, mentions: readonly (readonly MentionSpan[])[]): DocumentContext {
  const partners = dominantPartners(mentions);
  return {
    dominantPartner: (id) => partners.get(id),
    sectionSubject: (index) => sectionSubject(analysis.sentences, mentions, index),
  };
}

function dominantPartners(mentions: readonly (readonly MentionSpan[])[]): Map<string, Party> {
  const counts = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  for (const sentence of mentions) {
    const orgs = [
      ...new Set(
        sentence
          .filter((m) => m.type === 'org')
          .map((m) => {
            names.set(m.entityId, m.name);
            return m.entityId;
          }),
      ),
    ];
    for (const a of orgs) {
      for (const b of orgs) {
        if (a === b) continue;
        const row = counts.get(a) ?? new Map<string, number>();
        row.set(b, (row.get(b) ?? 0) + 1);
        counts.set(a, row);
      }
    }
  }
  const out = new Map<string, Party>();
  for (const [id, row] of counts) {
    const ranked = [...row].sort((x, y) => y[1] - x[1] || byText(x[0], y[0]));
    const [best, second] = ranked;
    if (best && best[1] >= 2 && (!second || best[1] > second[1]))
      out.set(id, { id: best[0], name: names.get(best[0])! });
  }
  return out;
}

/** A heading, or a short line without closing punctuation ("OpenAI Plan", "Key Features"). */
export function isTitle(sentence: Sentence): boolean {
  if (sentence.blockKind === 'heading') return true;
  const text = sentence.text.trim();
  return (
    sentence.blockKind === 'paragraph' && !/[.!?:;,]["”’)]*$/.test(text) && text.split(/\s+/).length <= TITLE_MAX_WORDS
  );
}

/** The title of the sentence's section names exactly one organisation, product or initiative. */
function sectionSubject(
  sentences: readonly Sentence[],
  mentions: readonly (readonly MentionSpan[])[],
  index: number,
): Party | undefined {
  for (let k = index - 1; k >= 0 && k >= index - SECTION_LOOK_BACK_SENTENCES; k--) {
    if (!isTitle(sentences[k]!)) continue;
    const subjects = new Map((mentions[k] ?? []).filter((m) => isSubjectType(m.type)).map((m) => [m.entityId, m.name]));
    if (subjects.size !== 1) return undefined;
    const [id, name] = [...subjects][0]!;
    return { id, name };
  }
  return undefined;
}
