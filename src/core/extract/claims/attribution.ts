/**
 * Who states a claim: "according to The Information", "Reuters reported", "said Satya
 * Nadella", "Theo argues", "the company said", or a quote introduced as "Nadella: “…”".
 */
import speech from '../entities/nameCues.json';
import { matchesOf, pattern, words } from '../../regexParts';

export interface Attribution {
  /** The source as written: "The Information", "Satya Nadella", "the company". */
  readonly text: string;
  /** The canonical entity when the source is one. */
  readonly entityId: string | null;
  readonly kind: 'according-to' | 'speech' | 'quote';
  /** `[start, end)` in the sentence's prose. */
  readonly start: number;
  readonly end: number;
}

/** An entity mention inside the sentence, in sentence-relative prose offsets. */
export interface MentionInSentence {
  readonly entityId: string;
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const SPEECH_VERBS = new Set<string>(speech.speechVerbs);
/** "the company", "analysts", "people familiar with the matter": a source, but no named one. */
const GENERIC_SOURCES = pattern(
  [
    '^',
    words([
      `the ${words(['company', 'companies', 'firm', 'group', 'startup', 'report', 'filing', 'statement', 'spokesperson', 'spokesman', 'spokeswoman', 'ceo', 'analysts?'])}`,
      'analysts',
      'executives',
      'officials',
      `people familiar with the ${words(['matter', 'plans', 'talks', 'deal'])}`,
      'sources',
      'insiders',
    ]),
    '$',
  ],
  'i',
);
const ACCORDING = /\baccording to\s+/gi;
const WORD = /[\p{L}’']+/gu;
/** "Nadella: “…”": a name, a colon and an opening quote. */
const QUOTE_LEAD = /^([\p{Lu}][\p{L}.’' -]{1,40}):\s*[“"]/u;

export function attributionOf(sentence: string, mentions: readonly MentionInSentence[]): Attribution | null {
  for (const match of matchesOf(ACCORDING, sentence)) {
    const start = match.index + match[0].length;
    const entity = mentions.find(
      (m) =>
        m.start === start ||
        (m.start > start && m.start <= start + 4 && /^the\s+$/i.test(sentence.slice(start, m.start))),
    );
    if (entity)
      return {
        text: sentence.slice(start, entity.end),
        entityId: entity.entityId,
        kind: 'according-to',
        start,
        end: entity.end,
      };
    const phrase = /^[^,.;:—–]+/.exec(sentence.slice(start))?.[0].trim();
    if (phrase) return { text: phrase, entityId: null, kind: 'according-to', start, end: start + phrase.length };
  }
  const quote = QUOTE_LEAD.exec(sentence);
  if (quote) {
    const entity = mentions.find((m) => m.start === 0);
    return {
      text: quote[1]!.trim(),
      entityId: entity?.entityId ?? null,
      kind: 'quote',
      start: 0,
      end: quote[1]!.trim().length,
    };
  }
  for (const verb of matchesOf(WORD, sentence)) {
    if (!SPEECH_VERBS.has(verb[0].toLowerCase())) continue;
    const verbStart = verb.index;
    const verbEnd = verbStart + verb[0].length;
    // "X said" / "X, the CEO, said"
    const before = [...mentions]
      .reverse()
      .find(
        (m) =>
          m.end <= verbStart &&
          /^(?:['’]s)?(?:,[^,]{0,60},)?\s+(?:has\s+|had\s+|also\s+|publicly\s+|reportedly\s+)?$/.test(
            sentence.slice(m.end, verbStart),
          ),
      );
    if (before)
      return {
        text: sentence.slice(before.start, before.end),
        entityId: before.entityId,
        kind: 'speech',
        start: before.start,
        end: before.end,
      };
    // "said X"
    const after = mentions.find((m) => m.start >= verbEnd && /^\s+$/.test(sentence.slice(verbEnd, m.start)));
    if (after)
      return {
        text: sentence.slice(after.start, after.end),
        entityId: after.entityId,
        kind: 'speech',
        start: after.start,
        end: after.end,
      };
    // "the company said"
    const generic =
      /((?:the|The) [a-z]+(?: [a-z]+){0,4}|[Aa]nalysts|[Ee]xecutives|[Oo]fficials|[Ss]ources)\s*,?\s*$/.exec(
        sentence.slice(Math.max(0, verbStart - 45), verbStart),
      );
    if (generic && GENERIC_SOURCES.test(generic[1]!.trim())) {
      const start = verbStart - (sentence.slice(Math.max(0, verbStart - 45), verbStart).length - generic.index);
      const text = generic[1]!.trim();
      return { text, entityId: null, kind: 'speech', start, end: start + text.length };
    }
  }
  return null;
}
