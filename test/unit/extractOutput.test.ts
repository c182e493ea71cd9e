import * as assert from 'node:assert/strict';
import { analyse } from '../../src/core/analysis';
import { Lexicon } from '../../src/core/extract/entities/lexicon';
import { dealsAcross, toExtractOutput, toExtractSource } from '../../src/core/extractOutput';
import { EXTRACT_SCHEMA_VERSION, ExtractOutput } from '../../src/core/schema';

const lexicon = Lexicon.withAdditions();
const SHA = '0'.repeat(64);

function extract(text: string, path = 'a.md'): ExtractOutput {
  const analysis = analyse({ path, text }, { lexicon });
  return ExtractOutput.parse(toExtractOutput([toExtractSource(analysis, SHA)], dealsAcross([analysis])));
}

suite('extract output: the CLI contract, version 2', () => {
  test("should name each figure's claim by index, whose text is the figure's sentence", () => {
    const output = extract(
      '# Deals\n\nMicrosoft invested **$13 billion** in OpenAI in 2023. Nothing else.\n\nRevenue rose 12% to $4 billion.\n',
    );
    assert.equal(output.schemaVersion, EXTRACT_SCHEMA_VERSION);
    const [source] = output.sources;
    assert.deepEqual(
      source!.figures.map((f) => [f.text, source!.claims[f.claim!]!.text]),
      [
        ['$13 billion', 'Microsoft invested $13 billion in OpenAI in 2023.'],
        ['2023', 'Microsoft invested $13 billion in OpenAI in 2023.'],
        ['12%', 'Revenue rose 12% to $4 billion.'],
        ['$4 billion', 'Revenue rose 12% to $4 billion.'],
      ],
    );
  });

  test('should grow linearly with a sentence full of figures', () => {
    const size = (n: number) => JSON.stringify(extract(`Acme paid ${'$1 billion, '.repeat(n)}in all.\n`)).length;
    const [small, large] = [size(1_000), size(2_000)];
    assert.ok(large / small < 2.1, `doubling the figures grew the output ${(large / small).toFixed(2)}×`);
  });
});
