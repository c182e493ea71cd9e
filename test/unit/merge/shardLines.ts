/** Helpers for the map-and-reduce tests: articles as `extract --jsonl` lines, and lines merged as `newsmark merge` merges them. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyse } from '../../../src/core/analysis';
import { summariseSource } from '../../../src/core/store/sourceFacts';
import type { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { toExtractSource } from '../../../src/core/extractOutput';
import { CorpusMerge } from '../../../src/core/merge/corpusMerge';
import { shardFactsOf, sourceFactsOf } from '../../../src/core/merge/shardFacts';
import { ExtractSourceLine } from '../../../src/core/schema';
import { articleFiles, writeCorpus } from '../../../bench/lib/corpus.mjs';

export interface Article {
  readonly path: string;
  readonly text: string;
}

/** The line `newsmark extract --jsonl` writes for an article (engine version "test"). */
export function shardLineOf(article: Article, lexicon: Lexicon): string {
  const analysis = analyse({ path: article.path, text: article.text }, { lexicon });
  const sha256 = createHash('sha256').update(article.text).digest('hex');
  return JSON.stringify({
    source: toExtractSource(analysis, sha256),
    facts: shardFactsOf(analysis, summariseSource(article.path, analysis), 'test'),
  });
}

/** Lines merged in order, as the reduce step does; the corpus document as JSON. */
export function mergeLines(lines: readonly string[]): { json: string; merge: CorpusMerge } {
  const merge = new CorpusMerge();
  lines.forEach((line, i) => {
    const { source, facts } = ExtractSourceLine.parse(JSON.parse(line));
    const result = sourceFactsOf(source, facts);
    if (!result.ok) throw new Error(result.error);
    merge.add(source.sha256, result.facts, `line ${i + 1}`);
  });
  return { json: JSON.stringify(merge.document()), merge };
}

/** The bench's generated corpus (bench/lib/corpus.mjs, its own seed) of `count` articles, read back with paths relative to its folder. */
export function generatedArticles(count: number, seed = 14): Article[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-shards-'));
  try {
    writeCorpus(root, { count, parts: 2, seed, targetBytes: 2500 });
    return articleFiles(root).map((file) => ({ path: path.relative(root, file), text: fs.readFileSync(file, 'utf8') }));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
