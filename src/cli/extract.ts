/**
 * `newsmark extract`: analyse articles, print the contract JSON (or JSON lines): the sources,
 * the deals merged across them, and the facts two sources state differently (`conflicts`).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { analyse, type Analysis } from '../core/analysis';
import { Corpus } from '../core/corpus/corpus';
import { dealsAcross, toExtractConflict, toExtractDeal, toExtractOutput, toExtractSource } from '../core/extractOutput';
import type { ExtractSource } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';
import { loadLexicon } from './lexiconFile';
import { expandInputs, readArticle } from './read';

export async function runExtract(args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('extract needs at least one file or folder (or - for standard input)');
  const { files, failures } = expandInputs(args.positionals);
  let failed = failures.length;
  for (const failure of failures) if (!failure.ok) process.stderr.write(`newsmark: ${failure.path}: ${failure.error}\n`);
  const folders = args.positionals.filter((p) => p !== '-' && isFolder(p));
  const { lexicon, error } = loadLexicon(args.options.get('--lexicon'), folders);
  if (error) {
    process.stderr.write(`newsmark: ${error}\n`);
    failed++;
  }
  const out = args.options.has('--out') ? fs.openSync(args.options.get('--out')!, 'w') : 1;
  const isJsonLines = args.flags.has('--jsonl');
  const indent = args.flags.has('--pretty') ? 2 : undefined;
  const sources: ExtractSource[] = [];
  const analyses: Analysis[] = [];
  // cross-source facts: each article reduced to its compact facts as it is read
  const corpus = new Corpus();
  for (const file of files) {
    const read = readArticle(file);
    if (!read.ok) {
      process.stderr.write(`newsmark: ${read.path}: ${read.error}\n`);
      failed++;
      continue;
    }
    for (const warning of read.warnings) process.stderr.write(`newsmark: ${read.path}: ${warning}\n`);
    const analysis = analyse({ path: read.path, text: read.text }, { lexicon });
    const source = toExtractSource(analysis, createHash('sha256').update(read.bytes).digest('hex'));
    corpus.update(read.path, analysis);
    // keep only what the cross-source deal merge needs
    analyses.push({ ...analysis, sentences: [], figures: [], entities: [], claims: [] });
    if (isJsonLines) fs.writeSync(out, `${JSON.stringify({ source })}\n`);
    else sources.push(source);
  }
  const deals = dealsAcross(analyses);
  const conflicts = corpus.conflicts().map(toExtractConflict);
  if (isJsonLines) fs.writeSync(out, `${JSON.stringify({ deals: deals.map(toExtractDeal), conflicts })}\n`);
  else fs.writeSync(out, `${JSON.stringify({ ...toExtractOutput(sources, deals), conflicts }, null, indent)}\n`);
  if (out !== 1) fs.closeSync(out);
  return failed > 0 ? 1 : 0;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
