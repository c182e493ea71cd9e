import * as assert from 'node:assert/strict';
import { BUILTIN_TAGS, isBuiltinTag, normaliseTag } from '../../../src/core/annotations/index';

const CASES: ReadonlyArray<[raw: string, stored: string | null]> = [
  ['verified', 'verified'],
  ['  Disputed ', 'disputed'],
  ['Needs Source', 'needs-source'],
  ['needs   source', 'needs-source'],
  ['needs\tsource', 'needs-source'],
  ['Q3 Guidance', 'q3-guidance'],
  ['ÉTÉ 2025', 'été-2025'],
  ['', null],
  ['   ', null],
  ['x'.repeat(40), 'x'.repeat(40)],
  ['x'.repeat(41), null],
];

suite('tags: normalisation', () => {
  for (const [raw, stored] of CASES) {
    test(`should store ${JSON.stringify(raw)} as ${JSON.stringify(stored)}`, () => {
      assert.equal(normaliseTag(raw), stored);
    });
  }

  test('should know the built-in tags, already in stored form', () => {
    assert.deepEqual([...BUILTIN_TAGS], ['verified', 'disputed', 'needs-source']);
    for (const tag of BUILTIN_TAGS) assert.ok(isBuiltinTag(tag) && normaliseTag(tag) === tag);
    assert.ok(!isBuiltinTag('q3-guidance'));
  });
});
