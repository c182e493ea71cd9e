import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { summariseSource } from '../../../src/core/store/sourceFacts';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { toExtractSource } from '../../../src/core/extractOutput';
import { shardFactsOf, sourceFactsOf } from '../../../src/core/merge/shardFacts';
import { ExtractLine, ExtractSourceLine } from '../../../src/core/schema';
import { FIXTURES, REPO, articlesIn, lexicon as fixtureLexicon } from '../corpus/fixtures';
import { generatedArticles, type Article } from './shardLines';

const builtIn = Lexicon.withAdditions();
const SHA = 'a'.repeat(64);

/** An article's line as it crosses the wire (JSON text), parsed back. */
function wireLine(article: Article, lexicon: Lexicon) {
  const analysis = analyse(article, { lexicon });
  const facts = summariseSource(article.path, analysis);
  const line = JSON.parse(
    JSON.stringify({ source: toExtractSource(analysis, SHA), facts: shardFactsOf(analysis, facts, '0.0.0-test') }),
  ) as unknown;
  return { facts, line: ExtractSourceLine.parse(line) };
}

function corpusArticles(): Array<{ article: Article; lexicon: Lexicon }> {
  const out: Array<{ article: Article; lexicon: Lexicon }> = [];
  for (const folder of fs.readdirSync(FIXTURES).filter((f) => fs.statSync(path.join(FIXTURES, f)).isDirectory())) {
    for (const a of articlesIn(path.join(FIXTURES, folder)))
      out.push({ article: { path: `${folder}/${a.path}`, text: a.text }, lexicon: fixtureLexicon });
  }
  for (const folder of ['seeds', 'test/fixtures/articles']) {
    for (const a of articlesIn(path.join(REPO, folder)))
      out.push({ article: { path: `${folder}/${a.path}`, text: a.text }, lexicon: builtIn });
  }
  for (const article of generatedArticles(40)) out.push({ article, lexicon: builtIn });
  return out;
}

suite('shard facts: the facts of a source line of extract --jsonl', () => {
  test('should give back, after JSON, exactly the facts the corpus keeps of every fixture, seed and generated article', () => {
    let statements = 0;
    let deals = 0;
    for (const { article, lexicon } of corpusArticles()) {
      const { facts, line } = wireLine(article, lexicon);
      const back = sourceFactsOf(line.source, line.facts);
      assert.ok(back.ok, `${article.path}: ${back.ok ? '' : back.error}`);
      assert.deepStrictEqual(back.facts, facts, article.path);
      statements += facts.statements.length;
      deals += facts.deals.count;
    }
    // the round trip covered keyed figures and deals, not empty records
    assert.ok(statements > 300 && deals > 100, `${statements} statements, ${deals} deals`);
  });

  test("should cut a long sentence around each figure as the corpus does, from the figure's offset in its claim", () => {
    const filler = 'after a long stretch of negotiation that several people described at length, '.repeat(4);
    const text = `Quarry Capital has invested a total of $2.4 billion in Nimbrel AI ${filler}and Nimbrel AI reported revenue of $310 million in 2024 ${filler}while Vantor Cloud holds a 12% stake in Nimbrel AI.\n`;
    const { facts, line } = wireLine({ path: 'long.md', text }, fixtureLexicon);
    assert.ok(facts.statements.length >= 2, 'the long sentence has keyed figures');
    assert.ok(facts.statements.every((s) => s.sentence.includes('…') && s.sentence.includes(s.text)));
    const back = sourceFactsOf(line.source, line.facts);
    assert.ok(back.ok);
    assert.deepStrictEqual(
      back.facts.statements.map((s) => s.sentence),
      facts.statements.map((s) => s.sentence),
    );
  });

  test('should be valid against the published schema of a line (jsonl)', () => {
    const { line } = wireLine(
      { path: 'a.md', text: 'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI.\n' },
      fixtureLexicon,
    );
    assert.ok(ExtractLine.safeParse(line).success);
    assert.equal(line.facts.statements[0]?.key.id, 'entity:quarry-capital>entity:nimbrel-ai|investment|cumulative');
  });

  test('should say what is wrong with a line edited by hand, never throw', () => {
    const { line } = wireLine(
      {
        path: 'a.md',
        text: 'Quarry Capital has invested a total of $2.4 billion in Nimbrel AI, which signed a $12 billion cloud contract with Vantor Cloud.\n',
      },
      fixtureLexicon,
    );
    assert.ok(line.facts.deals.length > 0, 'the sentence has a deal');
    const cases: Array<[string, typeof line]> = [
      [
        'names figure 99',
        { ...line, facts: { ...line.facts, statements: [{ ...line.facts.statements[0]!, figure: 99 }] } },
      ],
      [
        'has no claim',
        { ...line, source: { ...line.source, figures: line.source.figures.map((f) => ({ ...f, claim: null })) } },
      ],
      [
        'is not a number',
        { ...line, source: { ...line.source, figures: line.source.figures.map((f) => ({ ...f, value: '2025-11' })) } },
      ],
      [
        'names claim 7',
        {
          ...line,
          facts: {
            ...line.facts,
            deals: [{ ...line.facts.deals[0]!, mentions: [{ ...line.facts.deals[0]!.mentions[0]!, claim: 7 }] }],
          },
        },
      ],
      ['party ids', { ...line, facts: { ...line.facts, deals: [{ ...line.facts.deals[0]!, partyIds: [] }] } }],
    ];
    for (const [expected, edited] of cases) {
      const result = sourceFactsOf(edited.source, edited.facts);
      assert.equal(result.ok, false, expected);
      assert.match(result.ok ? '' : result.error, new RegExp(expected));
    }
  });
});
