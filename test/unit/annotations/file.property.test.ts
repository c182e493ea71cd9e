// The annotations file round-trips: any valid file serialises, parses back to the same value and
// serialises to the same bytes (fast-check over generated files: emoji, CJK, zero-width and
// control characters, CRLF in quotes, tombstones, matches, orphans).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  parseAnnotationFile,
  serialiseAnnotationFile,
  type Annotation,
  type AnnotationFile,
} from '../../../src/core/annotations/index';

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', ' ', '\n', '\r\n', '"', '\\', '😀', '字', '\u200b', '\u00ad', '\u0007', '$'),
    fc.string({ minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});
const time = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const quote = fc.record({ exact: text, prefix: text, suffix: text });
const position = fc.tuple(fc.nat(10_000), fc.nat(500)).map(([start, length]) => ({ start, end: start + length }));
const tag = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const source = fc.stringMatching(/^[a-z]{1,8}(\/[a-z0-9_]{1,8}){0,2}\.(md|txt)$/);

const annotation = (id: string): fc.Arbitrary<Annotation> =>
  fc
    .record({
      source,
      quote,
      position,
      tags: fc.uniqueArray(tag, { maxLength: 4 }),
      created: time,
      modified: time,
      corrections: fc.array(
        fc.record({ original: text, corrected: text, note: text, author: text, time, isApplied: fc.boolean() }),
        { maxLength: 2 },
      ),
      match: fc.option(fc.record({ quote, score: fc.double({ min: 0, max: 1, noNaN: true }) }), { nil: undefined }),
      orphan: fc.option(fc.record({ reason: text, since: time }), { nil: undefined }),
    })
    .map((a) => ({
      id,
      source: a.source,
      anchor: { quote: a.quote, position: a.position },
      tags: a.tags,
      corrections: a.corrections,
      created: a.created,
      modified: a.modified,
      ...(a.match ? { match: a.match } : {}),
      ...(a.orphan ? { orphan: a.orphan } : {}),
    }));

const file: fc.Arbitrary<AnnotationFile> = fc
  .uniqueArray(fc.stringMatching(/^ann-[0-9a-f]{4}$/), { maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      fc.tuple(...ids.map(annotation)),
      fc.array(fc.record({ id: fc.stringMatching(/^ann-[0-9a-f]{5}$/), time }), { maxLength: 3 }),
    ),
  )
  .map(([annotations, removed]) => ({
    version: 1 as const,
    annotations,
    ...(removed.length ? { removed: [...new Map(removed.map((r) => [r.id, r])).values()] } : {}),
  }));

suite('annotations file: round trip (property)', () => {
  test('should parse what it serialises, to the same value and the same bytes', () => {
    fc.assert(
      fc.property(file, (f) => {
        const text1 = serialiseAnnotationFile(f);
        const parsed = parseAnnotationFile(text1);
        assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
        assert.equal(serialiseAnnotationFile(parsed.file), text1);
        assert.equal(parsed.file.annotations.length, f.annotations.length);
      }),
      { seed: 1205, numRuns: 300 },
    );
  });
});
