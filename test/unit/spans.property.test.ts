import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse, type Analysis } from '../../src/core/analysis';
import { Lexicon } from '../../src/core/extract/entities/lexicon';
import { markdownArticle } from './parse/markdownArbitrary';

const lexicon = Lexicon.withAdditions();

/** Every span the analysis reports is the file's own characters. */
function assertHonestSpans(text: string, analysis: Analysis): void {
  for (const f of analysis.figures) assert.equal(text.slice(f.start, f.end), f.text, `figure ${f.id}`);
  for (const e of analysis.entities)
    for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, `mention of ${e.name}`);
  const sentenceAt = new Map(analysis.sentences.map((s) => [`${s.start}-${s.end}`, s]));
  for (const c of analysis.claims) assert.equal(sentenceAt.get(`${c.start}-${c.end}`)?.text, c.text, `claim ${c.id}`);
  for (const d of analysis.deals) {
    for (const m of d.mentions)
      assert.equal(sentenceAt.get(`${m.start}-${m.end}`)?.text, m.sentence, `deal ${d.id}: a mention is its sentence`);
  }
  for (const s of analysis.sentences) {
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `sentence ${s.index} in the file`);
    // a sentence starts at its first character, or at the reference or escape that stands for it
    if (s.text.length)
      assert.ok(
        text[s.start] === s.text[0] || '&\\'.includes(text[s.start]!),
        `sentence ${s.index} starts at its first character`,
      );
  }
}

/** Plain-text copy: the same hostile words, lines and bullets, no markdown. */
const plainArticle = fc
  .array(
    fc
      .array(
        fc.constantFrom(
          'Sam Altman',
          'OpenAI',
          'raised',
          '$4\u200B0 bil\u00ADlion',
          '12%',
          '🚀',
          '数据中心',
          'in 2025.',
          'Nvidia',
          '• ',
          'said',
          '٤٠ million dollars',
          'Microsoft invested $13 billion in OpenAI.',
        ),
        { minLength: 1, maxLength: 10 },
      )
      .map((w) => w.join(' ')),
    { minLength: 1, maxLength: 20 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

suite("spans: every reported span is the file's own characters", () => {
  test("should report a mention across link markup as the file's characters, with the entity's name as prose", () => {
    const text = 'Sam [Altman](https://example.com/sam) leads OpenAI.';
    const analysis = analyse({ path: 'a.md', text }, { lexicon });
    const altman = analysis.entities.find((e) => e.name === 'Sam Altman')!;
    assert.deepEqual(
      altman.mentions.map((m) => [m.text, text.slice(m.start, m.end)]),
      [['Sam [Altman', 'Sam [Altman']],
    );
  });

  test('should map text that GFM splits around an e-mail address after parsing (it has no position)', () => {
    // the old code mapped none of this list item: its entity mention had no span and analyse threw
    const text = '- Microsoft [the dea[ref1] paid $5 billion a@b.c\n';
    const analysis = analyse({ path: 'a.md', text }, { lexicon });
    assert.deepEqual(
      analysis.figures.map((f) => f.text),
      ['$5 billion'],
    );
    assert.deepEqual(
      analysis.entities.flatMap((e) => e.mentions.map((m) => [m.text, text.slice(m.start, m.end)])),
      [['Microsoft', 'Microsoft']],
    );
  });

  test('should give a figure written with a character reference the whole reference', () => {
    const text = 'Acme raised &#36;5 million and AT&amp;T paid &#x24;2 billion.';
    const figures = analyse({ path: 'a.md', text }, { lexicon }).figures;
    assert.deepEqual(
      figures.map((f) => [f.text, f.value]),
      [
        ['&#36;5 million', 5e6],
        ['&#x24;2 billion', 2e9],
      ],
    );
  });

  test('should hold for generated markdown with markup, emoji, CJK, CRLF, zero-width characters and soft hyphens', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(markdownArticle, (text) => assertHonestSpans(text, analyse({ path: 'a.md', text }, { lexicon }))),
      { seed: 21, numRuns: 300 },
    );
  });

  test('should hold for generated plain text', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(plainArticle, (text) => assertHonestSpans(text, analyse({ path: 'a.txt', text }, { lexicon }))),
      { seed: 22, numRuns: 300 },
    );
  });
});
