/**
 * Pure operations on annotations and the annotation file: each returns a new value and leaves
 * its input alone; an operation that changes nothing returns its input itself, so callers can
 * skip a write with `next === previous`. Times (`now`) are ISO 8601 strings from the caller.
 */
import { anchor } from '../anchor/anchor';
import { describe } from '../anchor/describe';
import type {
  AnchorMatch,
  AnchorResult,
  Annotation,
  AnnotationFile,
  Correction,
  PositionSelector,
  QuoteSelector,
} from './model';
import { normaliseTag } from './tags';

export interface NewAnnotationInput {
  readonly source: string;
  /** The article text the range is in. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly now: string;
  /** A fresh id from the caller (e.g. "ann-" + random hex): the core has no randomness. */
  readonly id: string;
}

export function newAnnotation(input: NewAnnotationInput): Annotation {
  return {
    id: input.id,
    source: input.source,
    anchor: describe(input.text, input.start, input.end),
    tags: [],
    corrections: [],
    created: input.now,
    modified: input.now,
  };
}

/** Adds a tag (normalised, see tags.ts); unchanged when the tag is empty, too long or present. */
export function withTag(annotation: Annotation, tag: string, now: string): Annotation {
  const normalised = normaliseTag(tag);
  if (normalised === null || annotation.tags.includes(normalised)) return annotation;
  return { ...annotation, tags: [...annotation.tags, normalised], modified: now };
}

export function withoutTag(annotation: Annotation, tag: string, now: string): Annotation {
  const normalised = normaliseTag(tag);
  if (normalised === null || !annotation.tags.includes(normalised)) return annotation;
  return { ...annotation, tags: annotation.tags.filter((t) => t !== normalised), modified: now };
}

export type CorrectionInput = Omit<Correction, 'time'>;

/** Appends a correction, timed `now`; earlier corrections are kept as the history. */
export function withCorrection(annotation: Annotation, correction: CorrectionInput, now: string): Annotation {
  const added: Correction = {
    original: correction.original,
    corrected: correction.corrected,
    note: correction.note,
    author: correction.author,
    time: now,
    isApplied: correction.isApplied,
  };
  return { ...annotation, corrections: [...annotation.corrections, added], modified: now };
}

/** Replaces the annotation with the same id, or adds it. */
export function upsert(file: AnnotationFile, annotation: Annotation): AnnotationFile {
  const index = file.annotations.findIndex((a) => a.id === annotation.id);
  if (index >= 0 && file.annotations[index] === annotation) return file;
  const annotations =
    index >= 0 ? file.annotations.map((a, i) => (i === index ? annotation : a)) : [...file.annotations, annotation];
  return { ...file, annotations };
}

export function remove(file: AnnotationFile, id: string): AnnotationFile {
  if (!file.annotations.some((a) => a.id === id)) return file;
  return { ...file, annotations: file.annotations.filter((a) => a.id !== id) };
}

/** The annotations of one source, by position then id (orphans included, at their last position). */
export function annotationsFor(file: AnnotationFile, source: string): Annotation[] {
  return file.annotations
    .filter((a) => a.source === source)
    .sort((a, b) => a.anchor.position.start - b.anchor.position.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The anchored annotation whose range overlaps `[start, end)` — for an empty range (a cursor),
 * the one that contains or touches it. Of several, the largest overlap, then the shortest.
 * Orphans are skipped: their position is no longer true.
 */
export function annotationAt(file: AnnotationFile, source: string, start: number, end: number): Annotation | undefined {
  let best: { annotation: Annotation; overlap: number; length: number } | undefined;
  for (const annotation of file.annotations) {
    if (annotation.source !== source || annotation.orphan) continue;
    const { start: from, end: to } = annotation.anchor.position;
    const isHit = start === end ? from <= start && start <= to : from < end && start < to;
    if (!isHit) continue;
    const overlap = Math.max(0, Math.min(to, end) - Math.max(from, start));
    const length = to - from;
    if (!best || overlap > best.overlap || (overlap === best.overlap && length < best.length))
      best = { annotation, overlap, length };
  }
  return best?.annotation;
}

export interface Reanchoring {
  readonly file: AnnotationFile;
  /** By annotation id, for the annotations of the source. */
  readonly results: Map<string, AnchorResult>;
}

/**
 * Anchors every annotation of `source` in its new `text`. An anchored one gets its new position
 * and loses its `orphan` mark; when the text found there is not its quote (an edit inside it was
 * followed), that text is recorded as its `match` — the quote itself is never rewritten. One
 * that cannot be anchored is marked orphan (since `now`, or since it first became one) and kept
 * where it was. `modified` is left alone: re-anchoring is not the researcher's edit.
 */
export function reanchorSource(file: AnnotationFile, source: string, text: string, now: string): Reanchoring {
  const results = new Map<string, AnchorResult>();
  let isChanged = false;
  const annotations = file.annotations.map((annotation) => {
    if (annotation.source !== source) return annotation;
    const result = anchor(text, annotation.anchor, { previous: annotation.match?.quote });
    results.set(annotation.id, result);
    const next = withAnchorState(annotation, anchorStateOf(annotation.id, text, result, annotation), now);
    if (next !== annotation) isChanged = true;
    return next;
  });
  return { file: isChanged ? { ...file, annotations } : file, results };
}

/** Where an annotation stands after a check: a plain value, so a store can record and replay it. */
export interface AnchorState {
  readonly id: string;
  readonly position: PositionSelector;
  /** The text found when it is not the quote; null when the quote itself was found (or orphaned). */
  readonly match: AnchorMatch | null;
  /** Why it cannot be anchored; null when it is anchored. */
  readonly orphanReason: string | null;
}

export function anchorStateOf(id: string, text: string, result: AnchorResult, annotation: Annotation): AnchorState {
  if (result.status === 'orphan')
    return { id, position: annotation.anchor.position, match: annotation.match ?? null, orphanReason: result.reason };
  const found = text.slice(result.start, result.end);
  // the quote itself: no match; the text of the last match again: that match, as recorded
  const match =
    found === annotation.anchor.quote.exact
      ? null
      : found === annotation.match?.quote.exact
        ? annotation.match
        : { quote: describe(text, result.start, result.end).quote, score: result.score };
  return { id, position: { start: result.start, end: result.end }, match, orphanReason: null };
}

/** The annotation with a check's outcome; itself when nothing changes. */
export function withAnchorState(annotation: Annotation, state: AnchorState, now: string): Annotation {
  if (state.orphanReason !== null) {
    if (annotation.orphan?.reason === state.orphanReason) return annotation;
    return { ...annotation, orphan: { reason: state.orphanReason, since: annotation.orphan?.since ?? now } };
  }
  const isSamePlace =
    annotation.anchor.position.start === state.position.start && annotation.anchor.position.end === state.position.end;
  if (!annotation.orphan && isSamePlace && isSameMatch(annotation.match, state.match ?? undefined)) return annotation;
  const { orphan: _orphan, match: _match, ...rest } = annotation;
  return {
    ...rest,
    anchor: { quote: annotation.anchor.quote, position: state.position },
    ...(state.match ? { match: state.match } : {}),
  };
}

function isSameMatch(a: AnchorMatch | undefined, b: AnchorMatch | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.score === b.score &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix
  );
}

/** The text an annotation stands on now: its last match, else its quote. */
export function currentQuote(annotation: Annotation): QuoteSelector {
  return annotation.match?.quote ?? annotation.anchor.quote;
}

/**
 * After an article is renamed or moved — or a folder holding it (`isFolder`: every source under
 * `from/`) — its annotations follow it.
 */
export function renameSource(file: AnnotationFile, from: string, to: string, isFolder = false): AnnotationFile {
  const renamed = (source: string): string | undefined => {
    if (source === from) return to;
    if (isFolder && source.startsWith(`${from}/`)) return `${to}${source.slice(from.length)}`;
    return undefined;
  };
  if (from === to || !file.annotations.some((a) => renamed(a.source) !== undefined)) return file;
  return {
    ...file,
    annotations: file.annotations.map((a) => {
      const to = renamed(a.source);
      return to === undefined ? a : { ...a, source: to };
    }),
  };
}
