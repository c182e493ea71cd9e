import * as assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseMarkdownTree } from '../../../src/core/parse/markdownSyntax';
import { seededRandom } from '../seededRandom';

const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const gfmOnly = unified().use(remarkParse).use(remarkGfm);
const sameTree = (text: string, isFileStart: boolean) =>
  assert.deepEqual(
    parseMarkdownTree(text, isFileStart),
    (isFileStart ? withFrontMatter : gfmOnly).parse(text),
    JSON.stringify(text),
  );

suite('parse: only the GFM extensions a section can use, with the tree remark-gfm gives', () => {
  const cases: Array<[string, string]> = [
    ['plain prose', 'Microsoft invested **$1 billion** in OpenAI.\n\n- one\n- two'],
    ['a bare URL', 'See https://example.com/a_b and www.Example.org today.'],
    ['a URL only as a link destination', 'Read [the post](https://example.com/post) here.'],
    ['an e-mail address', 'Pitch it to info@impactnews-wire.com and mailto:a@b.co now.'],
    ['a handle, which is no e-mail', '@TigerStars  @Tiger_comments'],
    ['an e-mail written with a character reference', 'Write to a&#64;b.co or a&commat;b.co.'],
    ['a URL written with character references', 'Go to https&#58;//x.co or &#119;ww.x.co.'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['a one-column table without a pipe', 'a\n:-\nb'],
    ['a table aligned right', 'a\n-:'],
    ['strikethrough', 'It was ~~$10~~ $12 billion, ~approx~.'],
    ['a footnote', 'A claim[^1].\n\n[^1]: The source.'],
    ['a task list', '- [ ] open\n- [x] done'],
    ['front matter', '---\ntitle: x\n---\n# Heading'],
  ];
  for (const [name, text] of cases) {
    test(`should parse ${name} as remark-gfm does`, () => {
      sameTree(text, true);
      sameTree(text, false);
    });
  }

  test('should parse random markdown as remark-gfm does', () => {
    const random = seededRandom(6);
    const atoms = [
      'word',
      ' ',
      '\n',
      '\n\n',
      '|',
      '-',
      ':',
      '~',
      '*',
      '_',
      '[',
      ']',
      '^',
      '(',
      ')',
      '@',
      'a@b.co',
      'https://x.y',
      'www.',
      '&#64;',
      '`',
      '#',
      '> ',
      '- ',
      '[ ] ',
      '---',
    ];
    for (let i = 0; i < 600; i++) {
      let text = '';
      for (let k = Math.floor(random() * 30); k > 0; k--) text += atoms[Math.floor(random() * atoms.length)];
      sameTree(text, random() < 0.5);
    }
  });
});
