import * as assert from 'node:assert/strict';
import { analyse } from '../../../src/core/analysis';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { limitNesting, MAX_MARKER_COLUMN } from '../../../src/core/parse/markdownDepth';
import { markdownBlocks } from '../../../src/core/parse/markdown';

const lexicon = Lexicon.withAdditions();
const SENTENCE = 'Acme raised $5 billion in 2025.';

function analysed(text: string) {
  const analysis = analyse({ path: 'deep.md', text }, { lexicon });
  for (const f of analysis.figures) assert.equal(text.slice(f.start, f.end), f.text);
  return analysis;
}

suite('parse: nesting too deep to parse is read as plain text, with a diagnostic', () => {
  test('should analyse 20,000 nested block quotes without overflowing the stack', () => {
    const text = `${'>'.repeat(20_000)} ${SENTENCE}\n`;
    const analysis = analysed(text);
    assert.deepEqual(
      analysis.figures.map((f) => [f.text, f.value]),
      [
        ['$5 billion', 5e9],
        ['2025', '2025'],
      ],
    );
    assert.deepEqual(
      analysis.diagnostics.map((d) => [d.code, d.start]),
      [['deep-nesting', MAX_MARKER_COLUMN]],
    );
  });

  test('should analyse lists nested 2,000 deep on one line, and 300 deep by indentation', () => {
    const inline = analysed(`${'- '.repeat(2_000)}${SENTENCE}\n`);
    assert.deepEqual(
      inline.figures.map((f) => f.text),
      ['$5 billion', '2025'],
    );
    assert.equal(inline.diagnostics[0]?.code, 'deep-nesting');
    const indented = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- Item ${i}: ${SENTENCE}`).join('\n');
    const analysis = analysed(indented);
    assert.equal(analysis.diagnostics[0]?.code, 'deep-nesting');
    // the first 32 levels are list items; deeper lines continue the last item's paragraph
    assert.ok(analysis.figures.filter((f) => f.text === '$5 billion').length >= 32);
  });

  test('should overflow nothing with "1. " repeated 4,000 times, which overflows micromark itself', () => {
    assert.equal(analysed(`${'1. '.repeat(4_000)}${SENTENCE}\n`).diagnostics[0]?.code, 'deep-nesting');
  });

  test("should show the file's own characters in the prose of a neutralised line, at their offsets", () => {
    const text = `${'> '.repeat(40)}${SENTENCE}\n`;
    const [block] = markdownBlocks(text);
    assert.ok(block);
    assert.ok(block.map.text.startsWith('> > '), block.map.text);
    assert.ok(block.map.text.endsWith(SENTENCE));
    for (let i = 0; i < block.map.text.length; i++) assert.equal(text[block.map.toFile(i)!], block.map.text[i]);
  });

  test('should leave nesting within the limit, and long thematic breaks, untouched', () => {
    const within = `${'> '.repeat(20)}${SENTENCE}\n\n${Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n\n${'- '.repeat(80)}\n`;
    assert.deepEqual(limitNesting(within), { text: within, firstDeep: -1 });
    assert.deepEqual(analysed(within).diagnostics, []);
  });

  test('should keep offsets: only marker characters change, one for one', () => {
    const text = `x\n${' '.repeat(70)}> > - 1. 2) + * deep\n`;
    const limited = limitNesting(text);
    assert.equal(limited.text.length, text.length);
    assert.equal(limited.text, `x\n${' '.repeat(70)}% % % 1% 2% % % deep\n`);
  });
});
