import * as assert from 'node:assert/strict';
import { parseSource } from '../../../src/core/parse/source';
import { indexSentences } from '../../../src/core/parse/sentenceIndex';

const sentencesOf = (text: string, path = 'a.md') => indexSentences(parseSource(path, text).blocks).sentences.map((s) => s.text);

suite('parse: sentences', () => {
  test('should not end a sentence at "U.S." before a name', () => {
    assert.deepEqual(sentencesOf('Scrutiny came from the U.S. FTC and EU regulators. They worried.'), ['Scrutiny came from the U.S. FTC and EU regulators.', 'They worried.']);
  });
  test('should not end a sentence at "Mr.", "No." or "Inc." before a name or number', () => {
    assert.deepEqual(sentencesOf('Mr. Nadella spoke. It ranked No. 2 in cloud. Snowflake Inc. Chief Sridhar spoke.').length, 3);
  });
  test('should end a sentence at "Inc." when a new sentence starts', () => {
    assert.deepEqual(sentencesOf('The buyer is Snowflake Inc. The seller is private.'), ['The buyer is Snowflake Inc.', 'The seller is private.']);
  });
  test('should keep headings and list items as their own units', () => {
    assert.deepEqual(sentencesOf('# AWS Deal\n\n- It is worth $38 billion\n- It runs to 2026\n\nBody text.'), ['AWS Deal', 'It is worth $38 billion', 'It runs to 2026', 'Body text.']);
  });
  test('should split lines of a paragraph unless the next line continues in lower case', () => {
    assert.deepEqual(sentencesOf('Date: Shanghai\nEvent: A talk\nwith guests.'), ['Date: Shanghai', 'Event: A talk\nwith guests.']);
  });
  test('should give sentence offsets into the file', () => {
    const text = 'First **bold** sentence. Second one.';
    const { sentences } = indexSentences(parseSource('a.md', text).blocks);
    assert.deepEqual(sentences.map((s) => text.slice(s.start, s.end)), ['First **bold** sentence.', 'Second one.']);
  });
});
