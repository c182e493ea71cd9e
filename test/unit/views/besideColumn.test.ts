import * as assert from 'node:assert/strict';
import { besideColumn } from '../../../src/editor/views/besideColumn';

suite('views: where an article opened from the map or the timeline goes', () => {
  const a = 'file:///w/a.md';
  const b = 'file:///w/b.md';

  test('should prefer a group beside the view that already shows the article', () => {
    assert.equal(
      besideColumn(
        2,
        [
          { column: 3, uri: b },
          { column: 1, uri: a },
        ],
        a,
      ),
      1,
    );
  });

  test('should otherwise use the first group beside the view that shows an article (the active one comes first)', () => {
    assert.equal(
      besideColumn(
        2,
        [
          { column: 3, uri: b },
          { column: 1, uri: b },
        ],
        a,
      ),
      3,
    );
  });

  test("should never choose the view's own group, even when the article is shown there", () => {
    assert.equal(besideColumn(1, [{ column: 1, uri: a }], a), 2);
    assert.equal(
      besideColumn(
        2,
        [
          { column: 2, uri: a },
          { column: undefined, uri: a },
        ],
        a,
      ),
      3,
    );
  });

  test('should open left of a view in the last column, and fall back to Beside when the view has no column', () => {
    assert.equal(besideColumn(9, [], a), 8);
    assert.equal(besideColumn(undefined, [{ column: 1, uri: a }], a), 'beside');
  });
});
