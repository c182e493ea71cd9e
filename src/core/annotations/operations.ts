/**
 * Pure operations on annotations and the annotation file: each returns a new value and leaves
 * its input alone; an operation that changes nothing returns its input itself, so callers can
 * skip a write with `next === previous`. Times (`now`) are ISO 8601 strings from the caller.
 */
import { anchor } from '../anchor/anchor';
import { describe } from '../anchor/describe';
import type { Anchor, AnchorResult, Annotation, AnnotationFile, Correction } from './model';
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
  const annotations = index >= 0 ? file.annotations.map((a, i) => (i === index ? annotation : a)) : [...file.annotations, annotation];
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
    if (!best || overlap > best.overlap || (overlap === best.overlap && length < best.length)) best = { annotation, overlap, length };
  }
  return best?.annotation;
}

export interface Reanchoring {
  readonly file: AnnotationFile;
  /** By annotation id, for the annotations of the source. */
  readonly results: Map<string, AnchorResult>;
}

/**
 * Anchors every annotation of `source` in its new `text`. An anchored one gets the selectors
 * of where it now stands (quote, context and position: after a fuzzy match the quote follows
 * the edited text, so the next check finds it by position again) and loses its `orphan` mark;
 * one that cannot be anchored is marked orphan (since `now`, or since it first became one) and
 * kept. `modified` is left alone: re-anchoring is not the researcher's edit.
 */
export function reanchorSource(file: AnnotationFile, source: string, text: string, now: string): Reanchoring {
  const results = new Map<string, AnchorResult>();
  let isChanged = false;
  const annotations = file.annotations.map((annotation) => {
    if (annotation.source !== source) return annotation;
    const result = anchor(text, annotation.anchor);
    results.set(annotation.id, result);
    const next = result.status === 'anchored' ? anchoredAt(annotation, describe(text, result.start, result.end)) : orphaned(annotation, result.reason, now);
    if (next !== annotation) isChanged = true;
    return next;
  });
  return { file: isChanged ? { ...file, annotations } : file, results };
}

function anchoredAt(annotation: Annotation, described: Anchor): Annotation {
  if (!annotation.orphan && isSameAnchor(annotation.anchor, described)) return annotation;
  return {
    id: annotation.id,
    source: annotation.source,
    anchor: described,
    tags: annotation.tags,
    corrections: annotation.corrections,
    created: annotation.created,
    modified: annotation.modified,
  };
}

function orphaned(annotation: Annotation, reason: string, now: string): Annotation {
  if (annotation.orphan?.reason === reason) return annotation;
  return { ...annotation, orphan: { reason, since: annotation.orphan?.since ?? now } };
}

function isSameAnchor(a: Anchor, b: Anchor): boolean {
  return a.position.start === b.position.start && a.position.end === b.position.end
    && a.quote.exact === b.quote.exact && a.quote.prefix === b.quote.prefix && a.quote.suffix === b.quote.suffix;
}

/** After an article is renamed or moved: its annotations follow it. */
export function renameSource(file: AnnotationFile, from: string, to: string): AnnotationFile {
  if (from === to || !file.annotations.some((a) => a.source === from)) return file;
  return { ...file, annotations: file.annotations.map((a) => (a.source === from ? { ...a, source: to } : a)) };
}
