import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blocksOfTree, markdownBlocks } from '../../../src/core/parse/markdown';
import { AnalysisCache } from '../../../src/core/analysisCache';
import { markdownArticle } from './markdownArbitrary';
import { describeBlocks } from './describeBlocks';
import { frontMatterEnd } from '../../../src/core/parse/markdownSyntax';

/**
 * The whole file through the full remark pipeline: remark-parse + remark-gfm, + front matter
 * when the file opens with closed front matter (see parseMarkdownTree for why not otherwise).
 */
const withFrontMatter = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const withoutFrontMatter = unified().use(remarkParse).use(remarkGfm).freeze();
const wholeFileBlocks = (text: string) =>
  blocksOfTree((frontMatterEnd(text) > 0 ? withFrontMatter : withoutFrontMatter).parse(text), text, 0);

const RUNS = 400;

suite('parse: markdown read in sections is the whole file read at once', () => {
  for (const sectionChars of [8, 64, 300]) {
    test(`should give the whole file's blocks when sections are cut every ${sectionChars} characters or more`, () => {
      fc.assert(
        fc.property(markdownArticle, (text) => {
          assert.equal(
            describeBlocks(markdownBlocks(text, undefined, sectionChars)),
            describeBlocks(wholeFileBlocks(text)),
          );
        }),
        { seed: 11, numRuns: RUNS },
      );
    });
  }

  test("should give the whole file's blocks through an AnalysisCache, after edits", () => {
    fc.assert(
      fc.property(
        markdownArticle,
        fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom('', '\n', '\n\n', '-->', '```', '    ', '> ', 'x')), {
          maxLength: 4,
        }),
        (text, edits) => {
          const cache = new AnalysisCache();
          assert.equal(describeBlocks(markdownBlocks(text, cache, 32)), describeBlocks(wholeFileBlocks(text)));
          for (const [at, removed, inserted] of edits) {
            const start = at % (text.length + 1);
            text = text.slice(0, start) + inserted + text.slice(start + removed);
            assert.equal(describeBlocks(markdownBlocks(text, cache, 32)), describeBlocks(wholeFileBlocks(text)));
          }
        },
      ),
      { seed: 12, numRuns: RUNS / 2 },
    );
  });
});
