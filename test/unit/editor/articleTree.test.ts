import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ArticleTree } from '../../../src/editor/articleTree';

/** A uri-like item: its key is its string, its path the part after the authority. */
function item(path: string): { toString(): string; path: string } {
  return { path, toString: () => `file://${path}` };
}
const key = (path: string) => `file://${path}`;
const paths = (items: readonly { path: string }[]) => items.map((i) => i.path).sort();

suite('editor: the article list, kept by folder', () => {
  test('should list its articles by path, with each added once, and forget one removed', () => {
    const tree = new ArticleTree([item('/w/b.md'), item('/w/a/z.md'), item('/w/a.md')]);
    tree.add(item('/w/a.md'));
    assert.equal(tree.size, 3);
    assert.deepEqual(
      tree.list().map((i) => i.path),
      ['/w/a.md', '/w/a/z.md', '/w/b.md'],
    );
    assert.equal(tree.remove(key('/w/a.md'))?.path, '/w/a.md');
    assert.equal(tree.remove(key('/w/a.md')), undefined);
    assert.ok(!tree.has(key('/w/a.md')));
    assert.deepEqual(
      tree.list().map((i) => i.path),
      ['/w/a/z.md', '/w/b.md'],
    );
  });

  test('should give the articles under a folder at any depth, and none for a file, a sibling or an unknown path', () => {
    const tree = new ArticleTree(
      ['/w/news/a.md', '/w/news/2025/b.md', '/w/news/2025/q4/c.txt', '/w/newsroom/d.md', '/w/e.md'].map(item),
    );
    assert.deepEqual(paths(tree.under(key('/w/news'))), ['/w/news/2025/b.md', '/w/news/2025/q4/c.txt', '/w/news/a.md']);
    assert.deepEqual(paths(tree.under(`${key('/w/news/2025')}/`)), ['/w/news/2025/b.md', '/w/news/2025/q4/c.txt']);
    assert.deepEqual(tree.under(key('/w/news/a.md')), [], 'a file holds no articles');
    assert.deepEqual(tree.under(key('/w/new')), [], 'a prefix of a folder name is not the folder');
    assert.deepEqual(tree.under(key('/elsewhere')), []);
    assert.equal(tree.under(key('/w')).length, 5);
  });

  test('should forget a folder whose last article goes, and keep the folders that still hold some', () => {
    const tree = new ArticleTree(['/w/x/y/only.md', '/w/x/other.md'].map(item));
    tree.remove(key('/w/x/y/only.md'));
    assert.deepEqual(tree.under(key('/w/x/y')), []);
    assert.deepEqual(paths(tree.under(key('/w/x'))), ['/w/x/other.md']);
    tree.remove(key('/w/x/other.md'));
    assert.deepEqual(tree.under(key('/w')), []);
    tree.add(item('/w/x/y/back.md'));
    assert.deepEqual(paths(tree.under(key('/w'))), ['/w/x/y/back.md']);
  });

  test('should answer as filtering the whole list would, after any adds and removes', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'c d');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => `/w/${s.join('/')}.md`);
    const op = fc.record({ isAdd: fc.boolean(), path });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const tree = new ArticleTree<ReturnType<typeof item>>();
        const model = new Set<string>();
        for (const { isAdd, path: p } of ops) {
          if (isAdd) {
            tree.add(item(p));
            model.add(p);
          } else {
            assert.equal(tree.remove(key(p)) !== undefined, model.delete(p));
          }
          assert.deepEqual(
            tree.list().map((i) => i.path),
            [...model].sort((x, y) => x.localeCompare(y)),
          );
          const folders = new Set(
            [...model].flatMap((m) =>
              m
                .split('/')
                .slice(1, -1)
                .map((_, i, s) => `/${s.slice(0, i + 1).join('/')}`),
            ),
          );
          for (const folder of [...folders, '/w/a', '/w/zz']) {
            const expected = [...model].filter((m) => m.startsWith(`${folder}/`)).sort();
            assert.deepEqual(paths(tree.under(key(folder))), expected, folder);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
