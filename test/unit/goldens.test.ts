import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../src/core/analysis';
import { Lexicon } from '../../src/core/extract/entities/lexicon';
import { dealsAcross, toExtractOutput, toExtractSource } from '../../src/core/extractOutput';
import { ExtractOutput } from '../../src/core/schema';

/**
 * Golden files: the CLI contract JSON for every seed and fixture article. A change in the
 * engine shows up as a reviewable diff; `UPDATE_GOLDENS=1 npm run test:unit` rewrites them.
 */
const repo = path.join(__dirname, '..', '..');
const goldenDir = path.join(repo, 'test', 'fixtures', 'goldens');
const articles = [
  ...fs.readdirSync(path.join(repo, 'seeds')).map((f) => `seeds/${f}`),
  ...fs.readdirSync(path.join(repo, 'test', 'fixtures', 'articles')).map((f) => `test/fixtures/articles/${f}`),
].sort();
const lexicon = Lexicon.withAdditions();

/** JSON with object keys sorted, so goldens compare and diff stably. */
function stableJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
          : v,
      2,
    ) + '\n'
  );
}

suite('goldens: extract output of the seeds and fixtures', () => {
  for (const article of articles) {
    test(`should extract ${article} as recorded`, () => {
      const bytes = fs.readFileSync(path.join(repo, article));
      const analysis = analyse({ path: article, text: bytes.toString('utf8') }, { lexicon });
      const output = toExtractOutput(
        [toExtractSource(analysis, createHash('sha256').update(bytes).digest('hex'))],
        dealsAcross([analysis]),
      );
      ExtractOutput.parse(output);
      const file = path.join(goldenDir, `${path.basename(article)}.expected.json`);
      const actual = stableJson(output);
      if (process.env.UPDATE_GOLDENS === '1' || !fs.existsSync(file)) {
        fs.mkdirSync(goldenDir, { recursive: true });
        fs.writeFileSync(file, actual);
      }
      assert.equal(
        actual,
        fs.readFileSync(file, 'utf8'),
        `${article} differs from its golden; review and run with UPDATE_GOLDENS=1`,
      );
    });
  }
});
