import * as assert from 'node:assert/strict';
import {
  EMPTY_ANNOTATION_FILE,
  annotationAt,
  annotationsFor,
  newAnnotation,
  reanchorSource,
  remove,
  renameSource,
  upsert,
  withCorrection,
  withTag,
  withoutTag,
  type AnchorResult,
  type Annotation,
  type AnnotationFile,
} from '../../../src/core/annotations/index';

const T0 = '2025-11-30T09:00:00.000Z';
const T1 = '2025-11-30T10:00:00.000Z';
const T2 = '2025-11-30T11:00:00.000Z';
const ARTICLE =
  'OpenAI and AWS unveiled a partnership valued at $38 billion. Microsoft’s stake dropped to 27%. Analysts were surprised.';

function on(quote: string, id: string, source = 'seeds/a.md', text = ARTICLE): Annotation {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return newAnnotation({ source, text, start, end: start + quote.length, now: T0, id });
}

function methodOf(result: AnchorResult | undefined): string | undefined {
  return result?.status === 'anchored' ? result.method : result?.status;
}

function fileOf(...annotations: Annotation[]): AnnotationFile {
  return annotations.reduce(upsert, EMPTY_ANNOTATION_FILE);
}

suite('annotations: creating and editing', () => {
  test('should create an annotation anchored to its range, with no tags or corrections', () => {
    const a = on('$38 billion', 'ann-1');
    assert.deepEqual(a, {
      id: 'ann-1',
      source: 'seeds/a.md',
      anchor: {
        quote: {
          exact: '$38 billion',
          prefix: 'nveiled a partnership valued at ',
          suffix: '. Microsoft’s stake dropped to 2',
        },
        position: { start: 48, end: 59 },
      },
      tags: [],
      corrections: [],
      created: T0,
      modified: T0,
    });
  });

  test('should add a tag in stored form, once, and bump `modified`', () => {
    const tagged = withTag(withTag(on('$38 billion', 'ann-1'), 'Needs Source', T1), 'verified', T2);
    assert.deepEqual(tagged.tags, ['needs-source', 'verified']);
    assert.equal(tagged.modified, T2);
    assert.equal(
      withTag(tagged, 'needs source', '2099-01-01T00:00:00.000Z'),
      tagged,
      'a tag already there changes nothing',
    );
    assert.equal(withTag(tagged, '   ', T2), tagged, 'an empty tag changes nothing');
  });

  test('should remove a tag given in any form, and leave an absent one alone', () => {
    const tagged = withTag(withTag(on('$38 billion', 'ann-1'), 'verified', T1), 'disputed', T1);
    const untagged = withoutTag(tagged, ' Verified ', T2);
    assert.deepEqual(untagged.tags, ['disputed']);
    assert.equal(untagged.modified, T2);
    assert.equal(withoutTag(untagged, 'verified', T2), untagged);
  });

  test('should append corrections, timed, keeping the earlier ones', () => {
    const first = withCorrection(
      on('$38 billion', 'ann-1'),
      { original: '$38 billion', corrected: '$38bn', note: '', author: 'kim', isApplied: false },
      T1,
    );
    const second = withCorrection(
      first,
      { original: '$38bn', corrected: '$39 billion', note: 'per the filing', author: 'lee', isApplied: true },
      T2,
    );
    assert.deepEqual(
      second.corrections.map((c) => [c.corrected, c.time, c.isApplied]),
      [
        ['$38bn', T1, false],
        ['$39 billion', T2, true],
      ],
    );
    assert.equal(second.modified, T2);
  });

  test('should never change the annotation it is given', () => {
    const a = Object.freeze(on('$38 billion', 'ann-1'));
    assert.doesNotThrow(() =>
      withCorrection(
        withoutTag(withTag(a, 'verified', T1), 'verified', T1),
        { original: '', corrected: '', note: '', author: '', isApplied: false },
        T1,
      ),
    );
    assert.deepEqual(a.tags, []);
  });
});

suite('annotations: the file', () => {
  test('should add a new annotation and replace one with the same id', () => {
    const file = fileOf(on('$38 billion', 'ann-1'), on('27%', 'ann-2'));
    const replaced = upsert(file, withTag(file.annotations[0]!, 'verified', T1));
    assert.deepEqual(
      replaced.annotations.map((a) => [a.id, a.tags]),
      [
        ['ann-1', ['verified']],
        ['ann-2', []],
      ],
    );
    assert.equal(upsert(replaced, replaced.annotations[1]!), replaced, 'the same annotation again changes nothing');
  });

  test('should remove by id, and leave the file alone for an unknown id', () => {
    const file = fileOf(on('$38 billion', 'ann-1'), on('27%', 'ann-2'));
    assert.deepEqual(
      remove(file, 'ann-1').annotations.map((a) => a.id),
      ['ann-2'],
    );
    assert.equal(remove(file, 'ann-9'), file);
  });

  test('should list the annotations of one source by position', () => {
    const file = fileOf(on('27%', 'ann-2'), on('Analysts', 'ann-3', 'seeds/b.md'), on('$38 billion', 'ann-1'));
    assert.deepEqual(
      annotationsFor(file, 'seeds/a.md').map((a) => a.id),
      ['ann-1', 'ann-2'],
    );
    assert.deepEqual(annotationsFor(file, 'seeds/none.md'), []);
  });

  test('should find the annotation at a range or a cursor, preferring the best overlap and skipping orphans', () => {
    const sentence = on('OpenAI and AWS unveiled a partnership valued at $38 billion.', 'ann-sentence');
    const figure = on('$38 billion', 'ann-figure');
    const orphan: Annotation = { ...on('27%', 'ann-orphan'), orphan: { reason: 'gone', since: T1 } };
    const file = fileOf(sentence, figure, orphan);
    const at = (start: number, end: number, source = 'seeds/a.md') => annotationAt(file, source, start, end)?.id;
    assert.equal(at(50, 50), 'ann-figure', 'a cursor inside the figure: the innermost');
    assert.equal(at(5, 5), 'ann-sentence');
    assert.equal(at(59, 59), 'ann-figure', 'a cursor just after the figure still touches it');
    assert.equal(at(0, 60), 'ann-sentence', 'a selection of the sentence: the largest overlap');
    assert.equal(
      at(ARTICLE.indexOf('27%'), ARTICLE.indexOf('27%') + 3),
      undefined,
      'an orphan is not at its old position',
    );
    assert.equal(at(50, 52, 'seeds/b.md'), undefined);
  });

  test('should move the annotations of a renamed source', () => {
    const file = fileOf(on('27%', 'ann-1'), on('Analysts', 'ann-2', 'seeds/b.md'));
    assert.deepEqual(
      renameSource(file, 'seeds/a.md', 'archive/a.md').annotations.map((a) => a.source),
      ['archive/a.md', 'seeds/b.md'],
    );
    assert.equal(renameSource(file, 'seeds/none.md', 'x.md'), file);
  });
});

suite('annotations: re-anchoring a source', () => {
  const edited = `Update. ${ARTICLE.replace('27%', '26%').replace(' Analysts were surprised.', '')}`;

  test('should follow moved text, mark lost text orphan, and leave other sources alone', () => {
    const other = on('Analysts', 'ann-other', 'seeds/b.md');
    const file = fileOf(on('$38 billion', 'ann-moved'), on('Analysts were surprised.', 'ann-lost'), other);
    const { file: next, results } = reanchorSource(file, 'seeds/a.md', edited, T1);
    const moved = next.annotations.find((a) => a.id === 'ann-moved')!;
    assert.deepEqual(moved.anchor.position, {
      start: edited.indexOf('$38 billion'),
      end: edited.indexOf('$38 billion') + 11,
    });
    assert.equal(moved.anchor.quote.prefix, 'nveiled a partnership valued at ');
    assert.equal(moved.anchor.quote.suffix, '. Microsoft’s stake dropped to 2');
    assert.equal(moved.modified, T0, 're-anchoring is not an edit by the researcher');
    assert.deepEqual(next.annotations.find((a) => a.id === 'ann-lost')!.orphan, {
      reason: (results.get('ann-lost') as { reason: string }).reason,
      since: T1,
    });
    assert.equal(
      next.annotations.find((a) => a.id === 'ann-other'),
      other,
    );
    assert.deepEqual([...results.keys()].sort(), ['ann-lost', 'ann-moved']);
    assert.equal(results.get('ann-moved')?.status, 'anchored');
  });

  test('should keep the quote as annotated after a fuzzy match and record the edited text beside it', () => {
    const file = fileOf(on('stake dropped to 27%.', 'ann-1'));
    const changed = `Update. ${ARTICLE.replace('27%', '26%')}`;
    const { file: next, results } = reanchorSource(file, 'seeds/a.md', changed, T1);
    assert.equal(methodOf(results.get('ann-1')), 'fuzzy');
    const [annotation] = next.annotations;
    assert.equal(annotation!.anchor.quote.exact, 'stake dropped to 27%.', 'the quote is never rewritten');
    assert.equal(annotation!.match?.quote.exact, 'stake dropped to 26%.', 'the text found now, beside it');
    assert.deepEqual(annotation!.anchor.position, {
      start: changed.indexOf('stake dropped'),
      end: changed.indexOf('stake dropped') + 21,
    });
    const again = reanchorSource(next, 'seeds/a.md', changed, T2);
    assert.equal(methodOf(again.results.get('ann-1')), 'position', 'found by its last match at its place');
    assert.equal(again.file, next, 'nothing changes the second time');
    const reverted = reanchorSource(next, 'seeds/a.md', ARTICLE, T2).file;
    assert.equal(reverted.annotations[0]!.match, undefined, 'the original text back: no match recorded');
    assert.deepEqual(reverted.annotations[0], file.annotations[0]);
  });

  test('should orphan an edited quote whose neighbouring sentence went too: nothing vouches for the match', () => {
    const file = fileOf(on('stake dropped to 27%.', 'ann-1'));
    assert.equal(methodOf(reanchorSource(file, 'seeds/a.md', edited, T1).results.get('ann-1')), 'orphan');
  });

  test('should keep an orphan, with the time it first became one, and clear the mark when its text is back', () => {
    const file = fileOf(on('Analysts were surprised.', 'ann-1'));
    const lost = reanchorSource(file, 'seeds/a.md', edited, T1).file;
    const stillLost = reanchorSource(lost, 'seeds/a.md', `${edited} More.`, T2).file;
    assert.equal(stillLost.annotations.length, 1);
    assert.equal(stillLost.annotations[0]!.orphan?.since, T1);
    const back = reanchorSource(stillLost, 'seeds/a.md', ARTICLE, T2).file;
    assert.equal(back.annotations[0]!.orphan, undefined);
    assert.ok(!('orphan' in back.annotations[0]!));
    assert.deepEqual(back.annotations[0], file.annotations[0]);
  });

  test('should return the same file when nothing moved', () => {
    const file = fileOf(on('$38 billion', 'ann-1'), on('27%', 'ann-2'));
    assert.equal(reanchorSource(file, 'seeds/a.md', ARTICLE, T1).file, file);
  });
});
