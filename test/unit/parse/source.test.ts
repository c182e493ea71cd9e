import * as assert from 'node:assert/strict';
import { detectFormat, parseSource } from '../../../src/core/parse/source';
import { parseSection, sectionTrees } from '../../../src/core/parse/markdownSections';
import { analyse } from '../../../src/core/analysis';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';

const lexicon = Lexicon.withAdditions();
/** Every figure's [start, end) must cut exactly its text out of the file. */
function figureTexts(path: string, text: string): string[] {
  return analyse({ path, text }, { lexicon }).figures.map((f) => {
    assert.equal(text.slice(f.start, f.end), f.text, `offsets of ${f.text}`);
    return f.text;
  });
}

suite('parse: markdown prose and file offsets', () => {
  test('should find "$38 billion" inside **bold** at its real place in the file', () => {
    const text = 'The deal is valued at **$38 billion**.';
    const [figure] = analyse({ path: 'a.md', text }, { lexicon }).figures;
    assert.equal(text.slice(figure!.start, figure!.end), '$38 billion');
    assert.equal(figure!.start, text.indexOf('$38'));
  });

  test('should skip code blocks, inline code, HTML, comments, images, URLs and front matter', () => {
    const text = [
      '---',
      'budget: $9 billion',
      '---',
      '',
      'Prose with $1 billion and `$2 billion` inline.',
      '',
      '```',
      'cost = "$3 billion"',
      '```',
      '',
      '<div>$4 billion</div>',
      '',
      '<!-- $5 billion -->',
      '',
      '![chart with $6 billion](img.png) and https://example.com/7-billion and [a $8 billion link](https://x.test/99)',
    ].join('\n');
    assert.deepEqual(figureTexts('a.md', text), ['$1 billion', '$8 billion']);
  });

  test('should read table cells and block quotes as prose', () => {
    const text = '| Item | Value |\n|---|---|\n| Capex | $2 billion |\n\n> Revenue rose 12%.';
    assert.deepEqual(figureTexts('a.md', text), ['$2 billion', '12%']);
  });

  test('should keep offsets exact with CRLF line ends', () => {
    assert.deepEqual(figureTexts('a.md', '# Title\r\n\r\nIt raised $5 million.\r\nRevenue grew 9%.\r\n'), [
      '$5 million',
      '9%',
    ]);
  });

  test('should keep offsets exact after emoji, CJK text and non-breaking spaces', () => {
    assert.deepEqual(figureTexts('a.txt', '💔 阿里云 said revenue rose 34% to $75\u00a0billion in mid‑2026.'), [
      '34%',
      '$75\u00a0billion',
      'mid‑2026',
    ]);
  });

  test('should keep offsets exact with backslash escapes and entities in markdown', () => {
    assert.deepEqual(figureTexts('a.md', 'A \\*starred\\* deal &amp; $3 billion.'), ['$3 billion']);
  });

  test('should not throw on malformed markdown', () => {
    const text = '**unclosed bold $1 billion\n\n```\nunclosed fence\n\n[broken](link\n\n<div>\n| a |\n|-';
    assert.doesNotThrow(() => analyse({ path: 'a.md', text }, { lexicon }));
  });

  test('should read a .txt written in markdown as markdown, and plain copy as text', () => {
    assert.equal(detectFormat('a.txt', '# Title\n\n**Bold** and [a link](https://x.test)\n- one\n- two'), 'markdown');
    assert.equal(detectFormat('a.txt', 'Plain paragraph one.\nPlain paragraph two.'), 'text');
    assert.equal(detectFormat('a.md', 'anything'), 'markdown');
  });

  test('should treat each plain-text line as a block and drop bullet markers', () => {
    const parsed = parseSource('a.txt', '• First point.\n2. Second point.\nA normal paragraph.');
    assert.deepEqual(
      parsed.blocks.map((b) => [b.kind, b.map.text]),
      [
        ['listItem', 'First point.'],
        ['listItem', 'Second point.'],
        ['paragraph', 'A normal paragraph.'],
      ],
    );
  });

  test('should cut large markdown into sections at blank lines outside fenced code', () => {
    const text = `${'para\n\n'.repeat(10)}\`\`\`\ncode\n\ncode\n\`\`\`\n\n${'para\n\n'.repeat(10)}`;
    const sections = sectionTrees(text, 8, parseSection).map((s) => s.span);
    assert.equal(sections[0]!.start, 0);
    assert.equal(sections[sections.length - 1]!.end, text.length);
    const fenceOpen = text.indexOf('```');
    const fenceClose = text.lastIndexOf('```');
    for (const s of sections)
      assert.ok(s.end <= fenceOpen || s.end > fenceClose, `section ends inside the fence at ${s.end}`);
  });

  test('should read a "---" that opens a later section as a thematic break, not as front matter', () => {
    const text = `${'A long paragraph of prose about nothing in particular.\n\n'.repeat(120)}---\n## Reading\n- Apple spends $7B a year\n---\nEnd.`;
    assert.deepEqual(figureTexts('a.md', text), ['$7B']);
  });

  test('should give the same figures parsed whole or in sections', () => {
    const article = 'OpenAI signed a $38 billion deal on November 3, 2025.\n\n'.repeat(2000);
    const figures = analyse({ path: 'a.md', text: article }, { lexicon }).figures;
    assert.equal(figures.length, 4000);
    assert.ok(figures.every((f) => article.slice(f.start, f.end) === f.text));
  });
});
