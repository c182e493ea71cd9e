/**
 * Changes to the annotation file as plain, replayable values: what a store records in its
 * write-ahead journal and applies, in order, over the file as it is on disk at the moment it
 * writes. Each change is about one annotation (never "replace the whole annotation"), so the
 * changes of two writers merge instead of overwriting each other:
 *   - tags are a set: a tag added here and another added elsewhere are both kept, and a removal
 *     (the recorded `untag`) removes only its own tag;
 *   - a tag on a claim that another writer annotated meanwhile joins that annotation instead of
 *     making a second one for the same claim;
 *   - corrections are appended once;
 *   - applying a change twice gives the same file (a journal replayed after a crash that came
 *     after the write it was waiting for).
 * Pure: every function returns a new file, or the same file when nothing changes.
 */
import type { Anchor, Annotation, AnnotationFile, Correction, Tombstone } from './model';
import { renameSource, withAnchorState, type AnchorState } from './operations';
import { normaliseTag } from './tags';

/** The claim a change is about: the id it gets if no annotation holds it yet. */
export interface ChangeTarget {
  readonly id: string;
  readonly source: string;
  readonly anchor: Anchor;
}

export type AnnotationChange =
  | { readonly type: 'tag'; readonly target: ChangeTarget; readonly tag: string; readonly time: string }
  | { readonly type: 'untag'; readonly id: string; readonly tag: string; readonly time: string }
  | {
      readonly type: 'correct';
      readonly target: ChangeTarget;
      readonly correction: Correction;
      /** Set when the correction was applied to the article: the annotation now quotes the corrected text. */
      readonly appliedAnchor?: Anchor;
    }
  | { readonly type: 'remove'; readonly id: string; readonly time: string }
  | { readonly type: 'rename'; readonly from: string; readonly to: string; readonly isFolder: boolean }
  | { readonly type: 'anchor'; readonly source: string; readonly states: readonly AnchorState[]; readonly time: string }
  /** Annotations held in memory written back (the file or its folder was deleted): merged by id. */
  | { readonly type: 'restore'; readonly annotations: readonly Annotation[] };

export function applyChanges(file: AnnotationFile, changes: readonly AnnotationChange[]): AnnotationFile {
  return changes.reduce(applyChange, file);
}

export function applyChange(file: AnnotationFile, change: AnnotationChange): AnnotationFile {
  switch (change.type) {
    case 'tag':
      return tag(file, change.target, change.tag, change.time);
    case 'untag':
      return untag(file, change.id, change.tag, change.time);
    case 'correct':
      return correct(file, change.target, change.correction, change.appliedAnchor);
    case 'remove':
      return removeAnnotation(file, change.id, change.time);
    case 'rename':
      return renameSource(file, change.from, change.to, change.isFolder);
    case 'anchor':
      return anchorStates(file, change.source, change.states, change.time);
    case 'restore':
      return change.annotations.reduce(restore, file);
  }
}

/**
 * The annotation a change on `target` is about: the one with its id, else an anchored one of
 * the same source that stands on the same text and overlaps the same place (another writer's
 * annotation of the same claim), else undefined (the change creates it).
 */
export function findTarget(file: AnnotationFile, target: ChangeTarget): Annotation | undefined {
  const byId = file.annotations.find((a) => a.id === target.id);
  if (byId) return byId;
  const { start, end } = target.anchor.position;
  let best: { annotation: Annotation; overlap: number } | undefined;
  for (const annotation of file.annotations) {
    if (annotation.source !== target.source || annotation.orphan) continue;
    const text = annotation.match?.quote.exact ?? annotation.anchor.quote.exact;
    if (text !== target.anchor.quote.exact) continue;
    const overlap = Math.min(end, annotation.anchor.position.end) - Math.max(start, annotation.anchor.position.start);
    if (overlap <= 0) continue;
    if (!best || overlap > best.overlap) best = { annotation, overlap };
  }
  return best?.annotation;
}

function created(target: ChangeTarget, time: string): Annotation {
  return {
    id: target.id,
    source: target.source,
    anchor: target.anchor,
    tags: [],
    corrections: [],
    created: time,
    modified: time,
  };
}

function replaced(file: AnnotationFile, before: Annotation | undefined, after: Annotation): AnnotationFile {
  if (before === after) return file;
  if (!before) return withoutTombstone({ ...file, annotations: [...file.annotations, after] }, after.id);
  return { ...file, annotations: file.annotations.map((a) => (a === before ? after : a)) };
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function tag(file: AnnotationFile, target: ChangeTarget, raw: string, time: string): AnnotationFile {
  const normalised = normaliseTag(raw);
  if (normalised === null) return file;
  const existing = findTarget(file, target);
  const annotation = existing ?? created(target, time);
  if (annotation.tags.includes(normalised)) return existing ? file : replaced(file, undefined, annotation);
  return replaced(file, existing, {
    ...annotation,
    tags: [...annotation.tags, normalised],
    modified: later(annotation.modified, time),
  });
}

/** Removes one tag; an annotation left with no tag and no correction goes with it. */
function untag(file: AnnotationFile, id: string, raw: string, time: string): AnnotationFile {
  const normalised = normaliseTag(raw);
  const existing = file.annotations.find((a) => a.id === id);
  if (normalised === null || !existing || !existing.tags.includes(normalised)) return file;
  const tags = existing.tags.filter((t) => t !== normalised);
  if (tags.length === 0 && existing.corrections.length === 0) return removeAnnotation(file, id, time);
  return replaced(file, existing, { ...existing, tags, modified: later(existing.modified, time) });
}

function isSameCorrection(a: Correction, b: Correction): boolean {
  return (
    a.time === b.time &&
    a.original === b.original &&
    a.corrected === b.corrected &&
    a.note === b.note &&
    a.author === b.author
  );
}

function correct(
  file: AnnotationFile,
  target: ChangeTarget,
  correction: Correction,
  appliedAnchor: Anchor | undefined,
): AnnotationFile {
  const existing = findTarget(file, target);
  const annotation = existing ?? created(target, correction.time);
  if (annotation.corrections.some((c) => isSameCorrection(c, correction))) return file;
  let next: Annotation = {
    ...annotation,
    corrections: [...annotation.corrections, correction],
    modified: later(annotation.modified, correction.time),
  };
  if (appliedAnchor) {
    const { match: _match, orphan: _orphan, ...rest } = next;
    next = { ...rest, anchor: appliedAnchor };
  }
  return replaced(file, existing, next);
}

function anchorStates(
  file: AnnotationFile,
  source: string,
  states: readonly AnchorState[],
  time: string,
): AnnotationFile {
  const byId = new Map(states.map((s) => [s.id, s]));
  let isChanged = false;
  const annotations = file.annotations.map((annotation) => {
    const state = annotation.source === source ? byId.get(annotation.id) : undefined;
    if (!state) return annotation;
    const next = withAnchorState(annotation, state, time);
    if (next !== annotation) isChanged = true;
    return next;
  });
  return isChanged ? { ...file, annotations } : file;
}

/**
 * An annotation written back: added when absent (unless it was removed on purpose since), else
 * its tags and corrections joined to what is there.
 */
function restore(file: AnnotationFile, annotation: Annotation): AnnotationFile {
  const existing = file.annotations.find((a) => a.id === annotation.id);
  if (!existing)
    return isRemoved(file, annotation.id) ? file : { ...file, annotations: [...file.annotations, annotation] };
  const tags = [...existing.tags, ...annotation.tags.filter((t) => !existing.tags.includes(t))];
  const corrections = [
    ...existing.corrections,
    ...annotation.corrections.filter((c) => !existing.corrections.some((e) => isSameCorrection(e, c))),
  ];
  if (tags.length === existing.tags.length && corrections.length === existing.corrections.length) return file;
  return replaced(file, existing, {
    ...existing,
    tags,
    corrections,
    modified: later(existing.modified, annotation.modified),
  });
}

/** Drops the annotation and records its removal (a tombstone), so no store writes it back. */
function removeAnnotation(file: AnnotationFile, id: string, time: string): AnnotationFile {
  if (!file.annotations.some((a) => a.id === id)) return file;
  const removed: Tombstone[] = [...(file.removed ?? []).filter((t) => t.id !== id), { id, time }];
  return { ...file, annotations: file.annotations.filter((a) => a.id !== id), removed };
}

function withoutTombstone(file: AnnotationFile, id: string): AnnotationFile {
  if (!isRemoved(file, id)) return file;
  const removed = file.removed!.filter((t) => t.id !== id);
  if (removed.length > 0) return { ...file, removed };
  const { removed: _removed, ...rest } = file;
  return rest;
}

export function isRemoved(file: AnnotationFile, id: string): boolean {
  return (file.removed ?? []).some((t) => t.id === id);
}

/**
 * The annotations of `before` that `after` lacks with no record of their removal: lost outside
 * Newsmark (the file or its folder deleted, or replaced by an older copy).
 */
export function vanishedAnnotations(before: AnnotationFile, after: AnnotationFile): Annotation[] {
  const present = new Set(after.annotations.map((a) => a.id));
  const removed = new Set((after.removed ?? []).map((t) => t.id));
  return before.annotations.filter((a) => !present.has(a.id) && !removed.has(a.id));
}

/** Removals older than `maxAgeMs` before `now` are forgotten (the file does not grow for ever). */
export function pruneTombstones(file: AnnotationFile, now: string, maxAgeMs = 90 * 24 * 3600 * 1000): AnnotationFile {
  if (!file.removed?.length) return file;
  const cutoff = Date.parse(now) - maxAgeMs;
  const removed = file.removed.filter((t) => Date.parse(t.time) >= cutoff);
  if (removed.length === file.removed.length) return file;
  if (removed.length > 0) return { ...file, removed };
  const { removed: _removed, ...rest } = file;
  return rest;
}
