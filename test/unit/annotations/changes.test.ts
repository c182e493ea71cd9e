// Changes to the annotation file as replayable values: how the changes of two writers merge,
// and that replaying them (a journal after a crash) changes nothing more.
import * as assert from 'node:assert/strict';
import { describe } from '../../../src/core/anchor/index';
import {
  EMPTY_ANNOTATION_FILE,
  applyChange,
  applyChanges,
  parseAnnotationFile,
  pruneTombstones,
  serialiseAnnotationFile,
  vanishedAnnotations,
  type AnnotationChange,
  type AnnotationFile,
  type ChangeTarget,
} from '../../../src/core/annotations/index';
import { AnnotationChange as AnnotationChangeSchema } from '../../../src/core/schema';

const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-01-05T10:00:00.000Z';
const T2 = '2026-01-05T11:00:00.000Z';
const ARTICLE =
  'OpenAI and AWS unveiled a partnership valued at $38 billion. Microsoft’s stake dropped to 27%. Analysts were surprised.';
const CLAIM = 'OpenAI and AWS unveiled a partnership valued at $38 billion.';
const STAKE = 'Microsoft’s stake dropped to 27%.';

function target(quote: string, id: string, source = 'a.md'): ChangeTarget {
  const start = ARTICLE.indexOf(quote);
  return { id, source, anchor: describe(ARTICLE, start, start + quote.length) };
}

const tag = (t: ChangeTarget, value: string, time = T1): AnnotationChange => ({
  type: 'tag',
  target: t,
  tag: value,
  time,
});

suite('annotation changes: merging the changes of several writers', () => {
  test('should make one annotation when two writers tag the same untagged claim (each with its own new id)', () => {
    const file = applyChanges(EMPTY_ANNOTATION_FILE, [
      tag(target(CLAIM, 'ann-a'), 'verified'),
      tag(target(CLAIM, 'ann-b'), 'disputed'),
    ]);
    assert.equal(file.annotations.length, 1);
    assert.deepEqual(file.annotations[0]!.tags, ['verified', 'disputed']);
    assert.equal(file.annotations[0]!.id, 'ann-a', 'the first annotation of the claim keeps it');
  });

  test('should keep all of 20 tags fired at once on one claim', () => {
    const changes = Array.from({ length: 20 }, (_, i) => tag(target(CLAIM, `ann-${i}`), `tag-${i}`));
    const file = applyChanges(EMPTY_ANNOTATION_FILE, changes);
    assert.equal(file.annotations.length, 1);
    assert.equal(file.annotations[0]!.tags.length, 20);
  });

  test('should merge a tag added here with a tag another writer added to the same annotation (replay over their file)', () => {
    const base = applyChange(EMPTY_ANNOTATION_FILE, tag(target(CLAIM, 'ann-1'), 'verified', T0));
    const theirs = applyChange(base, { type: 'untag', id: 'ann-1', tag: 'verified', time: T1 }); // gone, tombstoned
    const theirsRetagged = applyChange(base, tag(target(CLAIM, 'ann-x'), 'needs-source', T1));
    const mine = [tag(target(CLAIM, 'ann-y'), 'disputed', T2)];
    assert.deepEqual(applyChanges(theirsRetagged, mine).annotations[0]!.tags, ['verified', 'needs-source', 'disputed']);
    const overRemoval = applyChanges(theirs, mine);
    assert.equal(overRemoval.annotations.length, 1, 'a tag after a removal makes the annotation again');
    assert.deepEqual(overRemoval.annotations[0]!.tags, ['disputed']);
    assert.equal(overRemoval.annotations[0]!.id, 'ann-y', 'a new annotation, under its own id');
    assert.deepEqual(
      overRemoval.removed?.map((t) => t.id),
      ['ann-1'],
      'the removal stays on record',
    );
    const sameId = applyChange(theirs, tag(target(CLAIM, 'ann-1'), 'disputed', T2));
    assert.equal(sameId.removed, undefined, 'a change that makes a removed id again clears its tombstone');
  });

  test('should remove only the tag a writer removed, keeping the one another writer added meanwhile', () => {
    const base = applyChanges(EMPTY_ANNOTATION_FILE, [
      tag(target(CLAIM, 'ann-1'), 'verified'),
      tag(target(CLAIM, 'ann-1'), 'disputed'),
    ]);
    const theirs = applyChange(base, tag(target(CLAIM, 'ann-1'), 'needs-source', T1));
    const merged = applyChange(theirs, { type: 'untag', id: 'ann-1', tag: 'verified', time: T2 });
    assert.deepEqual(merged.annotations[0]!.tags, ['disputed', 'needs-source']);
  });

  test('should record a removal as a tombstone, so the annotation is not mistaken for one lost outside Newsmark', () => {
    const base = applyChange(EMPTY_ANNOTATION_FILE, tag(target(CLAIM, 'ann-1'), 'verified', T0));
    const untagged = applyChange(base, { type: 'untag', id: 'ann-1', tag: 'verified', time: T1 });
    assert.equal(untagged.annotations.length, 0, 'its last tag gone, the annotation goes');
    assert.deepEqual(untagged.removed, [{ id: 'ann-1', time: T1 }]);
    assert.deepEqual(vanishedAnnotations(base, untagged), [], 'removed on purpose');
    assert.deepEqual(
      vanishedAnnotations(base, EMPTY_ANNOTATION_FILE).map((a) => a.id),
      ['ann-1'],
      'missing with no record: lost',
    );
    const removed = applyChange(base, { type: 'remove', id: 'ann-1', time: T2 });
    assert.deepEqual(removed.removed, [{ id: 'ann-1', time: T2 }]);
  });

  test('should write back lost annotations with "restore", joining what another writer holds and skipping removed ones', () => {
    const mine = applyChanges(EMPTY_ANNOTATION_FILE, [
      tag(target(CLAIM, 'ann-1'), 'verified'),
      tag(target(STAKE, 'ann-2'), 'disputed'),
    ]);
    const restoredIntoEmpty = applyChange(EMPTY_ANNOTATION_FILE, { type: 'restore', annotations: mine.annotations });
    assert.deepEqual(restoredIntoEmpty.annotations.map((a) => a.id).sort(), ['ann-1', 'ann-2']);
    const theirs = applyChanges(EMPTY_ANNOTATION_FILE, [
      tag(target(CLAIM, 'ann-1'), 'needs-source'),
      { type: 'remove', id: 'ann-1', time: T2 },
    ]);
    const withTheirs = applyChange(applyChange(EMPTY_ANNOTATION_FILE, tag(target(CLAIM, 'ann-1'), 'needs-source')), {
      type: 'restore',
      annotations: mine.annotations,
    });
    assert.deepEqual(withTheirs.annotations.find((a) => a.id === 'ann-1')!.tags, ['needs-source', 'verified']);
    assert.equal(
      applyChange(theirs, { type: 'restore', annotations: mine.annotations }).annotations.some((a) => a.id === 'ann-1'),
      false,
      'removed on purpose: stays removed',
    );
  });

  test('should give the same file when every change is applied twice (a journal replayed after its write)', () => {
    const changes: AnnotationChange[] = [
      tag(target(CLAIM, 'ann-1'), 'verified'),
      {
        type: 'correct',
        target: target(CLAIM, 'ann-1'),
        correction: { original: CLAIM, corrected: 'x', note: 'n', author: 'kim', time: T1, isApplied: false },
      },
      tag(target(STAKE, 'ann-2'), 'disputed'),
      { type: 'untag', id: 'ann-2', tag: 'disputed', time: T2 },
      { type: 'rename', from: 'a.md', to: 'b/a.md', isFolder: false },
    ];
    const once = applyChanges(EMPTY_ANNOTATION_FILE, changes);
    const twice = applyChanges(once, changes);
    assert.equal(serialiseAnnotationFile(twice), serialiseAnnotationFile(once));
  });

  test('should follow a folder renamed with every article in it', () => {
    const file = applyChanges(EMPTY_ANNOTATION_FILE, [
      tag(target(CLAIM, 'ann-1', 'news/2026/a.md'), 'verified'),
      tag(target(STAKE, 'ann-2', 'news/b.md'), 'verified'),
      tag(target(STAKE, 'ann-3', 'newsroom/c.md'), 'verified'),
    ]);
    const renamed = applyChange(file, { type: 'rename', from: 'news', to: 'archive/news', isFolder: true });
    assert.deepEqual(renamed.annotations.map((a) => a.source).sort(), [
      'archive/news/2026/a.md',
      'archive/news/b.md',
      'newsroom/c.md',
    ]);
  });

  test('should keep the file valid and round-trip it, tombstones and matches included', () => {
    const file: AnnotationFile = applyChanges(EMPTY_ANNOTATION_FILE, [
      tag(target(CLAIM, 'ann-1'), 'verified'),
      tag(target(STAKE, 'ann-2'), 'x'),
      { type: 'remove', id: 'ann-2', time: T2 },
    ]);
    const text = serialiseAnnotationFile(file);
    const parsed = parseAnnotationFile(text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    assert.equal(serialiseAnnotationFile(parsed.file), text);
  });

  test('should forget tombstones older than 90 days', () => {
    const file = applyChanges(EMPTY_ANNOTATION_FILE, [
      tag(target(CLAIM, 'ann-1'), 'x', T0),
      { type: 'remove', id: 'ann-1', time: T0 },
    ]);
    assert.equal(pruneTombstones(file, '2026-03-01T00:00:00.000Z').removed?.length, 1);
    assert.equal(pruneTombstones(file, '2026-06-01T00:00:00.000Z').removed, undefined);
  });

  test('should validate journal entries with the published schema (a change the store can replay)', () => {
    const change = tag(target(CLAIM, 'ann-1'), 'verified');
    assert.ok(AnnotationChangeSchema.safeParse(change).success);
    assert.equal(AnnotationChangeSchema.safeParse({ ...change, tag: 'Not A Tag' }).success, false);
    assert.equal(
      AnnotationChangeSchema.safeParse({ type: 'rename', from: '../x', to: 'y', isFolder: false }).success,
      false,
      'no path outside the workspace',
    );
  });
});
