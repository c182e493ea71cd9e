import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { markdownBlocks, markdownBlocksByTree } from '../../../src/core/parse/markdown';
import { parseSectionEvents } from '../../../src/core/parse/markdownSections';
import { markdownArticle } from './markdownArbitrary';
import { describeBlocks } from './describeBlocks';

const same = (text: string, sectionChars = 2048) =>
  assert.equal(
    describeBlocks(markdownBlocks(text, undefined, sectionChars)),
    describeBlocks(markdownBlocksByTree(text, sectionChars)),
  );

suite("parse: prose read from micromark's events is the tree's prose", () => {
  test('should give the blocks the mdast tree gives, on generated articles and small sections', () => {
    fc.assert(
      fc.property(markdownArticle, fc.constantFrom(64, 256, 2048), (text, size) => same(text, size)),
      { seed: 21, numRuns: 600 },
    );
  });

  // each case is a construct whose prose the walk must take as the tree does
  const cases: Record<string, string> = {
    'task list items (the space after the check goes)': '- [x] Nvidia shipped\n- [ ] AMD *did* not\n- [x]\n',
    'images are gaps, their alt text is not prose': 'Chart ![revenue up 12%](c.png) shows $5 billion.\n',
    'hard breaks, by backslash and by two spaces': 'Line one\\\nline two  \nline three\n',
    'setext headings, over two lines': 'Deal of\nthe year\n===\n\nSecond\n---\n',
    'a link whose text is its URL is a gap':
      'See [https://x.example/a](https://x.example/a) and [www.y.example](http://www.y.example).\n',
    'a link with a character reference in its destination': '[x.example](http://x&#46;example) [a&amp;b](u)\n',
    'a link whose label holds emphasis is prose': 'See [**the deal**](https://x.example) today.\n',
    'reference links, defined and not': '[the deal][d] and [no][nowhere] and [d].\n\n[d]: https://d.example\n',
    'footnotes defined and not': 'A claim[^1] and another[^2].\n\n[^1]: A note with $5 million.\n',
    'tables with escaped pipes and inline code': '| a | b |\n| - | - |\n| x \\| y | `c|d` |\n',
    'inline html and autolinks': 'Hi <b>there</b> <https://x.example> <a@b.co> www.z.example done\n',
    'character references and escapes': 'AT&amp;T paid &#36;5 \\*billion\\* &copy; &bogus;\n',
    'lazy lines and indented continuations': '* a\n  * b\n    c\n\n  * d\ne\n',
    'line suffixes before a line ending': 'a   \nb \nc\t\nd\n',
    'front matter then a heading': '---\ntitle: x\n---\n# Heading\n\nBody.\n',
    'CRLF line endings': 'Para one\r\nstill one\r\n\r\n- item\r\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    test(`should read ${name} as the tree does`, () => {
      same(text);
      same(text, 8);
    });
  }

  test('should not carry a definition of one document into the next (the parse context is reused)', () => {
    // the footnote is defined in the first text only; in the second "[^1]" is plain text
    markdownBlocks('A[^1].\n\n[^1]: note\n');
    const blocks = markdownBlocks('B[^1].\n');
    assert.equal(blocks[0]!.map.text, 'B[^1].');
    markdownBlocks('[r]: https://r.example\n\n[x][r]\n');
    assert.equal(markdownBlocks('[x][r]\n')[0]!.map.text, '[x][r]');
  });

  test('should leave to the tree a section whose text still holds an autolink literal', () => {
    // "a@b.co" in a link's label is text to the syntax; the tree's transform would link it
    assert.equal(parseSectionEvents('[mail a@b.co](x)\n', true, null, []), undefined);
    assert.ok(parseSectionEvents('Plain text, $5 billion.\n', true, null, []));
  });
});
