/**
 * The copy of a source's facts the corpus stores: every string shared through the corpus's
 * pool (or, for the sentences, which only this source has, detached from the article), and
 * each fact key shared by every statement of it. `releaseFacts` gives back what `internFacts`
 * took, field for field.
 */
import type { FactKey, Party, Subject } from '../facts/index';
import { mapStrings } from './packedDeals';
import { detach, NO_ALIASES, type SourceEntity, type SourceFacts, type StoredStatement } from './sourceFacts';
import { StringPool } from './stringPool';

/** Shares one key object per key (`FactIndex.share`); `intern` makes the stored copy of a key seen first. */
export type KeyShare = (key: FactKey, intern: (key: FactKey) => FactKey) => FactKey;

/**
 * `isDetached`: the facts' strings share no memory with the article (they were posted from a
 * worker thread or parsed from JSON), so they are kept as they are, not copied first.
 */
export function internFacts(facts: SourceFacts, pool: StringPool, shareKey: KeyShare, isDetached = false): SourceFacts {
  const sentences = new Map<string, string>();
  const keep = isDetached ? (text: string) => text : detach;
  const sentence = (text: string) => sentences.get(text) ?? sentences.set(text, keep(text)).get(text)!;
  const intern = (text: string) => pool.intern(text, isDetached);
  const internNullable = <T extends string | null>(text: T) => pool.internNullable(text, isDetached);
  const statements = facts.statements.map((s): StoredStatement => ({
    key: shareKey(s.key, (key) => internKey(key, pool, isDetached)),
    start: s.start,
    end: s.end,
    text: intern(s.text),
    sentence: sentence(s.sentence),
    kind: intern(s.kind) as StoredStatement['kind'],
    value: typeof s.value === 'number' ? s.value : [s.value[0], s.value[1]],
    unit: internNullable(s.unit),
    qualifier: internNullable(s.qualifier),
    isApprox: s.isApprox,
    precision: s.precision,
    asOf: internNullable(s.asOf),
    dealDate: internNullable(s.dealDate),
  }));
  const entities = facts.entities.map((e): SourceEntity => ({
    id: intern(e.id),
    name: intern(e.name),
    type: intern(e.type) as SourceEntity['type'],
    aliases: e.aliases.length === 0 ? NO_ALIASES : e.aliases.map((a) => intern(a)),
    first: e.first,
    count: e.count,
  }));
  const deals = mapStrings(facts.deals, (text, isSentence) => (isSentence ? sentence(text) : intern(text)));
  return {
    path: facts.path,
    dateline: internNullable(facts.dateline),
    statements,
    entities,
    mentions: facts.mentions,
    forms: facts.forms.map((f) => intern(f)),
    deals,
  };
}

/**
 * The facts with every string copied apart from the article (`detach`): what a worker thread posts,
 * so that the thread that keeps them can take them as they come (`Corpus.updateFacts`'s
 * `isDetached`). The copies are also as compact as their characters allow: a slice of an article
 * with a single curly quote anywhere holds two bytes a character, its copy one where it can.
 */
export function detachedFacts(facts: SourceFacts): SourceFacts {
  return internFacts(facts, new StringPool(), (key, store) => store(key));
}

/** Gives back to the pool every string `internFacts` took for these facts (not the keys': `releaseKey`). */
export function releaseFacts(facts: SourceFacts, pool: StringPool): void {
  for (const s of facts.statements)
    [s.text, s.kind, s.unit, s.qualifier, s.asOf, s.dealDate].forEach((t) => pool.release(t));
  for (const e of facts.entities) [e.id, e.name, e.type, ...e.aliases].forEach((t) => pool.release(t));
  mapStrings(facts.deals, (text, isSentence) => {
    if (!isSentence) pool.release(text);
    return text;
  });
  [facts.dateline, ...facts.forms].forEach((t) => pool.release(t));
}

function internKey(key: FactKey, pool: StringPool, isDetached: boolean): FactKey {
  const parties = key.subject.parties.map((p): Party => pool.internParty(p, isDetached));
  const subject = { ...key.subject, parties } as Subject;
  if (subject.shape === 'deal') (subject as { dealKind: string }).dealKind = pool.intern(subject.dealKind, isDetached);
  return {
    id: pool.intern(key.id, isDetached),
    subject,
    metric: pool.intern(key.metric, isDetached) as FactKey['metric'],
    period: pool.internNullable(key.period, isDetached),
  };
}

/** Gives back the strings of a key no statement uses any more. */
export function releaseKey(key: FactKey, pool: StringPool): void {
  for (const p of key.subject.parties) pool.releaseParty(p);
  if (key.subject.shape === 'deal') pool.release(key.subject.dealKind);
  [key.id, key.metric, key.period].forEach((t) => pool.release(t));
}
