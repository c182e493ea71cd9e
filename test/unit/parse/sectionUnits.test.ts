import * as assert from 'node:assert/strict';
import { sectionUnits } from '../../../src/core/parse/sectionUnits';
import { blocksOfSpan, markdownBlocks, sectionsOf } from '../../../src/core/parse/markdown';
import { seededRandom } from '../seededRandom';
import { AnalysisCache } from '../../../src/core/analysisCache';

const paragraph = (n: number) => `Paragraph ${n} says Microsoft invested **$${n} billion** in OpenAI, and more.\n`;
const whole = (text: string) => ({ start: 0, end: text.length });
const cuts = (text: string, size: number) => sectionUnits(text, whole(text), size).map((u) => text.slice(u.start, u.end));

suite('parse: units of a section that parse exactly as the whole section', () => {
  test('should cut before an ATX heading and after a thematic break at column 0', () => {
    const text = `${paragraph(1)}---\n${paragraph(2)}# Heading\n${paragraph(3)}`;
    assert.deepEqual(cuts(text, 10), [`${paragraph(1)}---\n`, paragraph(2), `# Heading\n${paragraph(3)}`]);
  });

  test('should keep a setext underline with its heading text', () => {
    const text = `${paragraph(1)}Title\n---\n${paragraph(2)}`;
    assert.deepEqual(cuts(text, 10), [`${paragraph(1)}Title\n---\n`, paragraph(2)]);
  });

  test('should not cut at an indented heading or break, which may belong to a list item', () => {
    const text = `- ${paragraph(1)}  # Heading\n  ---\n${paragraph(2)}`;
    assert.deepEqual(cuts(text, 10), [text]);
  });

  for (const [name, extra] of [['fenced code', '```\n---\n```\n'], ['HTML', '<!--\n---\n-->\n'], ['a table', '| a |\n| - |\n'], ['a definition', '[x]: https://x.y\n']]) {
    test(`should not cut a section holding ${name}`, () => {
      const text = `${paragraph(1)}---\n${extra}${paragraph(2)}# Heading\n${paragraph(3)}`;
      assert.deepEqual(cuts(text, 10), [text]);
    });
  }

  test('should not cut through front matter at the start of the file', () => {
    const text = `---\ntitle: x\n---\n${paragraph(1)}---\n${paragraph(2)}`;
    assert.deepEqual(cuts(text, 10), [text]);
  });

  test('should give the blocks of each random section, parsed in units, as parsed whole', () => {
    const random = seededRandom(6);
    const lines = ['---', '***', '___', '# Heading', '## Sub', '#', '- item', '  continued', '    code', '> quote', '===', '', '1. first', 'Title', paragraph(7).trim()];
    const describe = (blocks: ReturnType<typeof markdownBlocks>) => JSON.stringify(blocks.map((b) => [b.kind, b.depth, b.map.text, b.map.spanToFile(0, b.map.text.length)]));
    let cut = 0;
    for (let i = 0; i < 60; i++) {
      const text = Array.from({ length: 200 }, () => lines[Math.floor(random() * lines.length)]).join('\n');
      const sections = sectionsOf(text, 2048);
      cut += sections.filter((s) => sectionUnits(text, s, 1024).length > 1).length;
      // with a cache, markdownBlocks parses long sections in units; here each section is parsed whole
      assert.equal(describe(markdownBlocks(text, new AnalysisCache())), describe(sections.flatMap((s) => blocksOfSpan(text, s))), `text ${i}`);
    }
    assert.ok(cut > 30, `${cut} sections were cut`);
  });
});
