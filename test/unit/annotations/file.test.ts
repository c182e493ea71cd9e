import * as assert from 'node:assert/strict';
import {
  EMPTY_ANNOTATION_FILE,
  newAnnotation,
  parseAnnotationFile,
  serialiseAnnotationFile,
  upsert,
  withCorrection,
  withTag,
  type Annotation,
  type AnnotationFile,
} from '../../../src/core/annotations/index';

const ARTICLE =
  'On November 3, 2025, OpenAI and AWS unveiled a partnership valued at $38 billion. Microsoft’s stake dropped to 27%.';
const T0 = '2025-11-30T09:00:00.000Z';
const T1 = '2025-11-30T09:05:00.000Z';

function annotationOn(source: string, quote: string, id: string): Annotation {
  const start = ARTICLE.indexOf(quote);
  return newAnnotation({ source, text: ARTICLE, start, end: start + quote.length, now: T0, id });
}

function sampleFile(): AnnotationFile {
  let tagged = withTag(annotationOn('seeds/b.md', '$38 billion', 'ann-2'), 'verified', T1);
  tagged = withCorrection(
    tagged,
    { original: '$38 billion', corrected: '$38bn', note: 'house style', author: 'kim', isApplied: false },
    T1,
  );
  const orphan: Annotation = {
    ...annotationOn('seeds/b.md', '27%', 'ann-3'),
    orphan: { reason: 'the quoted text is no longer in the source', since: T1 },
  };
  return [
    annotationOn('seeds/b.md', 'OpenAI and AWS', 'ann-1'),
    orphan,
    tagged,
    annotationOn('seeds/a.md', '27%', 'ann-4'),
  ].reduce(upsert, EMPTY_ANNOTATION_FILE);
}

/** The same JSON with every object's keys reversed and the annotations in reverse order. */
function scrambled(file: AnnotationFile): string {
  const reverseKeys = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reverseKeys);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reverseKeys(v)]),
      );
    return value;
  };
  return JSON.stringify(reverseKeys({ ...file, annotations: [...file.annotations].reverse() }));
}

suite('annotation file: serialisation', () => {
  test('should round-trip: parse(serialise(file)) gives the file back, and serialising again the same bytes', () => {
    const text = serialiseAnnotationFile(sampleFile());
    const parsed = parseAnnotationFile(text);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    assert.equal(serialiseAnnotationFile(parsed.file), text);
    assert.deepEqual(new Set(parsed.file.annotations.map((a) => a.id)), new Set(['ann-1', 'ann-2', 'ann-3', 'ann-4']));
    assert.deepEqual(
      parsed.file.annotations.find((a) => a.id === 'ann-2'),
      sampleFile().annotations.find((a) => a.id === 'ann-2'),
    );
  });

  test('should write the same bytes whatever the key order and annotation order it read', () => {
    const parsed = parseAnnotationFile(scrambled(sampleFile()));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
    assert.equal(serialiseAnnotationFile(parsed.file), serialiseAnnotationFile(sampleFile()));
  });

  test('should sort annotations by source, then start, then id', () => {
    const ids = JSON.parse(serialiseAnnotationFile(sampleFile())).annotations.map((a: { id: string }) => a.id);
    assert.deepEqual(ids, ['ann-4', 'ann-1', 'ann-2', 'ann-3']);
  });

  test('should use a fixed key order, two-space indent and a final newline', () => {
    const text = serialiseAnnotationFile(sampleFile());
    assert.ok(
      text.startsWith(
        '{\n  "version": 1,\n  "annotations": [\n    {\n      "id": "ann-4",\n      "source": "seeds/a.md",\n      "anchor": {\n        "quote": {\n          "exact": "27%",',
      ),
    );
    assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
    const keys = Object.keys(JSON.parse(text).annotations[3]);
    assert.deepEqual(keys, ['id', 'source', 'anchor', 'tags', 'corrections', 'created', 'modified', 'orphan']);
    assert.deepEqual(Object.keys(JSON.parse(text).annotations[2].corrections[0]), [
      'original',
      'corrected',
      'note',
      'author',
      'time',
      'isApplied',
    ]);
  });

  test('should leave `orphan` out when an annotation is not one', () => {
    assert.ok(!('orphan' in JSON.parse(serialiseAnnotationFile(sampleFile())).annotations[0]));
  });

  test('should write an empty file as version 1 with no annotations', () => {
    assert.equal(serialiseAnnotationFile(EMPTY_ANNOTATION_FILE), '{\n  "version": 1,\n  "annotations": []\n}\n');
  });
});

interface InvalidCase {
  readonly name: string;
  readonly text: string;
  /** Fragments the message must contain, so that a person knows what to fix and where. */
  readonly mentions: readonly string[];
}

const valid = () => JSON.parse(serialiseAnnotationFile(sampleFile()));
const edited = (edit: (file: ReturnType<typeof valid>) => void): string => {
  const file = valid();
  edit(file);
  return JSON.stringify(file, null, 2);
};

const INVALID: readonly InvalidCase[] = [
  { name: 'an empty file', text: '  \n', mentions: ['empty'] },
  {
    name: 'a trailing comma (bad JSON), with line and column',
    text: '{\n  "version": 1,\n  "annotations": [],\n}\n',
    mentions: ['not valid JSON', 'line 4, column 1', 'trailing comma'],
  },
  {
    name: 'a missing comma (bad JSON)',
    text: '{\n  "version": 1\n  "annotations": []\n}',
    mentions: ['line 3, column 3', "','"],
  },
  {
    name: 'an unterminated string (bad JSON)',
    text: '{"version": 1, "annotations": [{"id": "ann-1',
    mentions: ['line 1', 'file ends'],
  },
  { name: 'a newer version', text: '{"version": 2, "annotations": []}', mentions: ['version 2', 'version 1'] },
  { name: 'not an object', text: '[]', mentions: ['not a valid annotations file'] },
  {
    name: 'a missing field',
    text: edited((f) => delete f.annotations[0].anchor.quote.prefix),
    mentions: ['annotations[0].anchor.quote.prefix'],
  },
  {
    name: 'annotations that are not objects',
    text: '{"version": 1, "annotations": [null, 3]}',
    mentions: ['annotations[0]', 'annotations[1]'],
  },
  { name: 'a missing list of annotations', text: '{"version": 1}', mentions: ['annotations'] },
  {
    name: 'duplicate ids',
    text: edited((f) => (f.annotations[2].id = f.annotations[0].id)),
    mentions: ['duplicate id "ann-4"', 'annotations[2].id', 'annotations[0]'],
  },
  {
    name: 'a start after the end',
    text: edited((f) => (f.annotations[0].anchor.position = { start: 9, end: 3 })),
    mentions: ['start must not be after end'],
  },
  {
    name: 'a negative offset',
    text: edited((f) => (f.annotations[0].anchor.position.start = -1)),
    mentions: ['annotations[0].anchor.position.start'],
  },
  {
    name: 'a tag that is not normalised',
    text: edited((f) => (f.annotations[0].tags = ['Needs Source'])),
    mentions: ['annotations[0].tags[0]', 'spaces'],
  },
  {
    name: 'a repeated tag',
    text: edited((f) => (f.annotations[0].tags = ['verified', 'verified'])),
    mentions: ['must not repeat a tag'],
  },
  {
    name: 'a source outside the workspace',
    text: edited((f) => (f.annotations[0].source = '../secrets.md')),
    mentions: ['annotations[0].source', 'workspace-relative'],
  },
  {
    name: 'an absolute source path',
    text: edited((f) => (f.annotations[0].source = '/etc/passwd')),
    mentions: ['workspace-relative'],
  },
  {
    name: 'a time that is not ISO 8601',
    text: edited((f) => (f.annotations[0].created = 'yesterday')),
    mentions: ['annotations[0].created'],
  },
  { name: 'an unknown key (a typo)', text: edited((f) => (f.annotations[0].tag = ['verified'])), mentions: ['tag'] },
];

suite('annotation file: validation', () => {
  for (const c of INVALID) {
    test(`should refuse ${c.name}, saying what is wrong`, () => {
      const result = parseAnnotationFile(c.text);
      assert.equal(result.ok, false);
      if (result.ok) return;
      for (const fragment of c.mentions)
        assert.ok(
          result.message.includes(fragment),
          `message should mention ${JSON.stringify(fragment)}:\n${result.message}`,
        );
    });
  }

  test('should accept a file that starts with a byte order mark', () => {
    assert.ok(parseAnnotationFile(`\ufeff${serialiseAnnotationFile(sampleFile())}`).ok);
  });

  test('should accept an empty file written by hand in any layout', () => {
    const result = parseAnnotationFile('{"annotations":[],"version":1}');
    assert.ok(result.ok);
    assert.deepEqual(result.ok && result.file, EMPTY_ANNOTATION_FILE);
  });
});
