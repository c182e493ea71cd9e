import * as assert from 'node:assert/strict';
import { isLimited, problemsScope } from '../../../src/core/views/problemsScope';

suite('problemsScope', () => {
  const conflicting = new Set(['c.md', 'a.md', 'e.md', 'b.md', 'd.md']);

  test('lists every article with conflicts when they fit the limit', () => {
    const scope = problemsScope(conflicting, [], 5);
    assert.deepEqual([...scope.listed].sort(), ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
    assert.equal(scope.withConflicts, 5);
    assert.equal(isLimited(scope), false);
  });

  test('past the limit, lists the first by path and every open article that has conflicts', () => {
    const scope = problemsScope(conflicting, ['e.md', 'z.md', 'b.md'], 2);
    assert.deepEqual([...scope.listed].sort(), ['a.md', 'b.md', 'e.md'], 'a and b first by path, e open; z has none');
    assert.equal(scope.withConflicts, 5);
    assert.equal(scope.limit, 2);
    assert.equal(isLimited(scope), true);
  });

  test('a limit of 0 lists the open articles only; a fractional or negative limit is bounded', () => {
    assert.deepEqual([...problemsScope(conflicting, ['d.md'], 0).listed], ['d.md']);
    assert.deepEqual([...problemsScope(conflicting, [], -3).listed], []);
    assert.deepEqual([...problemsScope(conflicting, [], 1.9).listed], ['a.md']);
  });

  test('orders paths by code unit, as the CLI does, not by locale', () => {
    const scope = problemsScope(new Set(['b.md', 'B.md', 'a.md', 'Z.md']), [], 2);
    assert.deepEqual([...scope.listed].sort(), ['B.md', 'Z.md']);
  });
});
