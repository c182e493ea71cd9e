import * as assert from 'node:assert/strict';
import { listWithMore } from '../../../src/editor/format';

suite('editor: lists in messages', () => {
  test('should list every item when all are shown, and count the rest when not', () => {
    assert.equal(listWithMore(['$38 billion in a.md'], 1), '$38 billion in a.md');
    assert.equal(listWithMore(['a', 'b', 'c'], 3, 'other sources'), 'a, b, c');
    assert.equal(listWithMore(['a', 'b', 'c'], 3000, 'other sources'), 'a, b, c and 2997 other sources');
    assert.equal(listWithMore([], 0), '');
  });
});
