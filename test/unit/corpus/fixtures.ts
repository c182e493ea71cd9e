/** Helpers for the corpus tests: the fixture lexicon, one-sentence articles, fixture folders as a corpus. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse, type Analysis } from '../../../src/core/analysis';
import { Corpus, type CorpusOptions } from '../../../src/core/corpus/corpus';
import { describeKey, factsOf } from '../../../src/core/facts/factKey';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { WorkspaceLexicon } from '../../../src/core/schema';

export const REPO = path.join(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'corpus');

/** The fictional companies of the fixtures (test/fixtures/corpus/lexicon.json), with the built-in lexicon. */
export const lexicon = Lexicon.withAdditions(
  WorkspaceLexicon.parse(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'lexicon.json'), 'utf8'))),
);

export function analyseText(text: string, articlePath = 'article.md'): Analysis {
  return analyse({ path: articlePath, text }, { lexicon });
}

/** "figure text → key label" for every keyed figure of a text, in order. */
export function keysOf(text: string): string[] {
  const analysis = analyseText(text);
  const figures = new Map(analysis.figures.map((f) => [f.id, f]));
  return factsOf(analysis).map((fact) => `${figures.get(fact.figureId)!.text} → ${describeKey(fact.key)}`);
}

/** The articles of a fixture folder (or any folder), by file name. */
export function articlesIn(folder: string): Array<{ path: string; text: string }> {
  return fs
    .readdirSync(folder)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => ({ path: f, text: fs.readFileSync(path.join(folder, f), 'utf8') }));
}

/** A corpus of one fixture folder (test/fixtures/corpus/<name>), or of the seeds. */
export function corpusOf(name: string, options: CorpusOptions = {}): Corpus {
  const folder = name === 'seeds' ? path.join(REPO, 'seeds') : path.join(FIXTURES, name);
  const corpus = new Corpus(options);
  for (const article of articlesIn(folder))
    corpus.update(
      article.path,
      analyse(
        { path: article.path, text: article.text },
        { lexicon: name === 'seeds' ? Lexicon.withAdditions() : lexicon },
      ),
    );
  return corpus;
}

/** The facts of a corpus as "verdict: label: path text; path text" lines, for readable assertions. */
export function factLines(corpus: Corpus): string[] {
  return corpus
    .facts()
    .map((f) => `${f.verdict}: ${f.key.label}: ${f.statements.map((s) => `${s.path} ${s.text}`).join('; ')}`);
}
