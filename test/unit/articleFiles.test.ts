import * as assert from 'node:assert/strict';
import {
  DEFAULT_ARTICLE_GLOB,
  EXCLUDED_FOLDERS,
  articleExcludeGlob,
  expandBraces,
  isArticleFileName,
  isExcludedByPatterns,
  isInExcludedFolder,
} from '../../src/core/articleFiles';

suite('articleFiles: one policy for the editor and the CLI', () => {
  test('should take .md, .markdown and .txt in any case as articles, nothing else', () => {
    for (const name of ['a.md', 'A.MD', 'notes.markdown', 'wire.txt', '.hidden.md'])
      assert.ok(isArticleFileName(name), name);
    for (const name of ['a.json', 'md', 'a.md.bak', 'README', 'a.mdx']) assert.ok(!isArticleFileName(name), name);
    assert.equal(DEFAULT_ARTICLE_GLOB, '**/*.{md,markdown,txt}');
  });

  test('should find excluded folders at any depth, but not a file of that name', () => {
    assert.ok(isInExcludedFolder('/w/node_modules/pkg/README.md'));
    assert.ok(isInExcludedFolder('.git/notes.md'));
    assert.ok(isInExcludedFolder('/w/a/.newsmark/x.md'));
    assert.ok(!isInExcludedFolder('/w/articles/node_modules.md'));
    assert.ok(!isInExcludedFolder('/w/git/notes.md'));
  });

  test('should expand nested braces, and refuse unbalanced ones', () => {
    assert.deepEqual(expandBraces('**/*.{js,map}'), ['**/*.js', '**/*.map']);
    assert.deepEqual(expandBraces('a/{b,c{d,e}}/f'), ['a/b/f', 'a/cd/f', 'a/ce/f']);
    assert.deepEqual(expandBraces('{a,b}/{c,d}'), ['a/c', 'a/d', 'b/c', 'b/d']);
    assert.deepEqual(expandBraces('plain/**'), ['plain/**']);
    assert.equal(expandBraces('a/{b,c'), undefined);
    assert.equal(expandBraces('a/b}c'), undefined);
    assert.equal(expandBraces('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}'), undefined, 'more than 64 alternatives');
  });

  test("should merge the user's files.exclude into one glob without nested braces", () => {
    const exclude = articleExcludeGlob({
      '**/.git': true,
      '**/drafts/**': true,
      '**/*.{bak,orig}': true,
      '**/kept': false,
      '**/*.js': { when: '$(basename).ts' },
      'a,b': true,
    });
    const inner = exclude.glob.slice(1, -1).split(',');
    for (const name of EXCLUDED_FOLDERS) assert.ok(inner.includes(`**/${name}/**`), name);
    for (const pattern of ['**/.git', '**/drafts/**', '**/*.bak', '**/*.orig'])
      assert.ok(inner.includes(pattern), pattern);
    assert.ok(!inner.includes('**/kept'));
    assert.deepEqual(exclude.leftOut, ['**/*.js', 'a,b']);
    assert.ok(!exclude.glob.slice(1, -1).includes('{'), 'one level of braces');
  });

  test('should give only our folders when the user excludes nothing', () => {
    assert.equal(articleExcludeGlob(undefined).glob, `{${EXCLUDED_FOLDERS.map((n) => `**/${n}/**`).join(',')}}`);
  });
});

suite("articleFiles: telling a new file's exclusion without a search", () => {
  test('should match the shapes files.exclude has: **/name, **/name/**, name/**, dir/name', () => {
    const patterns = ['**/.git', '**/drafts/**', 'archive/**', 'notes/todo.md'];
    assert.equal(isExcludedByPatterns('drafts/a.md', patterns), true);
    assert.equal(isExcludedByPatterns('x/y/drafts/a.md', patterns), true);
    assert.equal(isExcludedByPatterns('archive/2024/a.md', patterns), true);
    assert.equal(isExcludedByPatterns('x/archive/a.md', patterns), false, 'archive/** is anchored at the root');
    assert.equal(isExcludedByPatterns('notes/todo.md', patterns), true);
    assert.equal(isExcludedByPatterns('articles/drafts.md', patterns), false);
    assert.equal(isExcludedByPatterns('articles/a.md', patterns), false);
  });

  test('should not guess for a pattern with wildcards inside a name', () => {
    assert.equal(isExcludedByPatterns('a/b.md', ['**/*.bak']), undefined);
    assert.equal(isExcludedByPatterns('a/b.md', ['**/draft-?/**']), undefined);
  });
});
