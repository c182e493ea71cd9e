import * as assert from 'node:assert/strict';
import { parseSource } from '../../../src/core/parse/source';
import { indexSentences } from '../../../src/core/parse/sentenceIndex';
import fc from 'fast-check';
import { chunksOf, latinBreaks, MAX_SEGMENTED_CHARS, ONE_SENTENCE } from '../../../src/core/parse/sentences';

const sentencesOf = (text: string, path = 'a.md') =>
  indexSentences(parseSource(path, text).blocks).sentences.map((s) => s.text);

suite('parse: sentences', () => {
  test('should not end a sentence at "U.S." before a name', () => {
    assert.deepEqual(sentencesOf('Scrutiny came from the U.S. FTC and EU regulators. They worried.'), [
      'Scrutiny came from the U.S. FTC and EU regulators.',
      'They worried.',
    ]);
  });
  test('should not end a sentence at "Mr.", "No." or "Inc." before a name or number', () => {
    assert.deepEqual(
      sentencesOf('Mr. Nadella spoke. It ranked No. 2 in cloud. Snowflake Inc. Chief Sridhar spoke.').length,
      3,
    );
  });
  test('should end a sentence at "Inc." when a new sentence starts', () => {
    assert.deepEqual(sentencesOf('The buyer is Snowflake Inc. The seller is private.'), [
      'The buyer is Snowflake Inc.',
      'The seller is private.',
    ]);
  });
  test('should keep headings and list items as their own units', () => {
    assert.deepEqual(sentencesOf('# AWS Deal\n\n- It is worth $38 billion\n- It runs to 2026\n\nBody text.'), [
      'AWS Deal',
      'It is worth $38 billion',
      'It runs to 2026',
      'Body text.',
    ]);
  });
  test('should split lines of a paragraph unless the next line continues in lower case', () => {
    assert.deepEqual(sentencesOf('Date: Shanghai\nEvent: A talk\nwith guests.'), [
      'Date: Shanghai',
      'Event: A talk\nwith guests.',
    ]);
  });
  test('should give sentence offsets into the file', () => {
    const text = 'First **bold** sentence. Second one.';
    const { sentences } = indexSentences(parseSource('a.md', text).blocks);
    assert.deepEqual(
      sentences.map((s) => text.slice(s.start, s.end)),
      ['First **bold** sentence.', 'Second one.'],
    );
  });

  test('should segment a 1 MB line in pieces of a few KB, cut after a sentence, and find every sentence', function () {
    this.timeout(120_000);
    const sentence = 'Acme Corp said it raised $5 billion from investors in 2025. ';
    const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const chunks = chunksOf(line, { start: 0, end: line.length });
    assert.ok(chunks.every((c) => c.end - c.start <= MAX_SEGMENTED_CHARS));
    assert.ok(
      chunks.every((c, i) => c.start === (i === 0 ? 0 : chunks[i - 1]!.end)) &&
        chunks[chunks.length - 1]!.end === line.length,
    );
    assert.ok(
      chunks.slice(0, -1).every((c) => line.slice(c.end - 2, c.end) === '. '),
      'every cut follows a sentence end',
    );
    const sentences = sentencesOf(line, 'a.txt');
    assert.equal(sentences.length, Math.ceil(1_000_000 / sentence.length));
    assert.ok(sentences.every((s) => s === sentence.trim()));
  });

  test('should cut a long line without sentence ends at a space, and one without spaces between surrogate pairs', () => {
    const words = 'and Acme raised money '.repeat(400);
    const cut = chunksOf(words, { start: 0, end: words.length });
    assert.ok(cut.length > 1 && cut.slice(0, -1).every((c) => words[c.end - 1] === ' '));
    const emoji = '🚀'.repeat(5_000);
    const pieces = chunksOf(emoji, { start: 0, end: emoji.length });
    assert.ok(pieces.every((c) => c.end - c.start <= MAX_SEGMENTED_CHARS && !/[\uDC00-\uDFFF]/.test(emoji[c.start]!)));
  });
});

suite('sentences: text that ICU need not be asked about', () => {
  const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
  const segments = (text: string) => [...icu.segment(text)].map((s) => s.segment);

  test('should take as one sentence only text in which ICU finds no break', () => {
    for (const text of ['Key highlights of the deal:', '- Revenue: ~$13 billion (and growing)', 'Café “Zeta” – 2026']) {
      assert.ok(ONE_SENTENCE.test(text), text);
      assert.deepEqual(segments(text), [text]);
    }
    for (const text of ['It rose. It fell', 'Why? Because', 'Wait… what', 'End\u2029Next', 'Stop。Go', 'a\u0085b', ''])
      assert.ok(!ONE_SENTENCE.test(text), JSON.stringify(text));
  });

  test('should agree with ICU on any text it takes as one sentence', () => {
    // the characters it allows, beside ones it does not (terminators, separators, other scripts)
    const alphabet = [
      ...'aZ 9,;:-()$%\'"\t',
      'é',
      'Ö',
      '\u00a0',
      '\u00b7',
      '’',
      '“',
      '–',
      '—',
      '.',
      '!',
      '?',
      '…',
      '\u2029',
      '\u0085',
      '。',
      '\u0964',
      'ж',
      '😀',
      '\u000b',
      '\u001e',
    ];
    const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        if (ONE_SENTENCE.test(text)) assert.deepEqual(segments(text), [text]);
      }),
      { numRuns: 5000 },
    );
  });
});

suite('sentences: Latin text segmented without ICU', () => {
  const icu = new Intl.Segmenter('en', { granularity: 'sentence' });
  const icuEnds = (text: string) => [...icu.segment(text)].map((s) => s.index + s.segment.length);

  test('should end sentences where ICU does, and leave other text to it', () => {
    for (const text of [
      'It rose 3.5% in the U.S. market. Then it fell! Why? “Because,” he said. (It did.) And then',
      'Mr. Nadella spoke. e.g. this one... Café Zürich. ÉTÉ. 5 p.m. Next',
      'Wait… what? Revenue rose 12% to €3.1bn → a record. “Up ‑ again.” Next',
    ])
      assert.deepEqual(latinBreaks(text), icuEnds(text), text);
    for (const text of ['End\u2029Next', 'Stop。Go', 'soft\u00adhyphen', 'Ж. Б', '中文. Next'])
      assert.equal(latinBreaks(text), undefined, JSON.stringify(text));
  });

  test('should agree with ICU on any text it segments', () => {
    const alphabet = [
      ...'aZq 9,;:-()[]{}$%&*/@#\'"\t.!?',
      '. ',
      '.” ',
      'é',
      'Ö',
      'ß',
      'ª',
      'µ',
      '×',
      '÷',
      '«',
      '»',
      '¡',
      '¿',
      '§',
      '\u00a0',
      '\u00b7',
      '’',
      '‘',
      '“',
      '”',
      '–',
      '—',
      '…',
      ...'‚„‹›‐‑‒•′″€₹₩₽₺™←↑→↓−≈≤≥',
      'ж',
      '中',
      '\u00ad',
    ];
    let segmented = 0;
    const texts = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(texts, (text) => {
        const breaks = latinBreaks(text);
        if (!breaks) return;
        segmented++;
        assert.deepEqual(breaks, icuEnds(text));
      }),
      { numRuns: 20000 },
    );
    assert.ok(segmented > 10000, `only ${segmented} texts segmented`);
  });
});
