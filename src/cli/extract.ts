/**
 * `newsmark extract`: analyse articles, print the contract JSON (or JSON lines): the sources,
 * the deals merged across them, and the facts two sources state differently (`conflicts`).
 * Both come from the corpus, which keeps only each article's compact facts: with --jsonl
 * nothing else of an article stays in memory once its line is written.
 */
import * as fs from 'node:fs';
import { Corpus } from '../core/corpus/corpus';
import { byFirstMention, type DealOrder } from '../core/corpus/deals';
import { toExtractConflict, toExtractDeal, toExtractOutput } from '../core/extractOutput';
import type { ExtractSource } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';
import { loadLexicon } from './lexiconFile';
import { extractAll, jobsOf } from './extractJobs';
import { writeAll } from './output';
import { expandInputs } from './read';

export async function runExtract(args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('extract needs at least one file or folder (or - for standard input)');
  const { files, failures } = expandInputs(args.positionals);
  let failed = failures.length;
  for (const failure of failures) if (!failure.ok) process.stderr.write(`newsmark: ${failure.path}: ${failure.error}\n`);
  const folders = args.positionals.filter((p) => p !== '-' && isFolder(p));
  const jobs = jobsOf(args.options.get('--jobs'));
  if (jobs === undefined) throw new UsageError(`--jobs needs a whole number from 1 to 64, not '${args.options.get('--jobs')}'`);
  const { lexicon, additions, error } = loadLexicon(args.options.get('--lexicon'), folders);
  if (error) {
    process.stderr.write(`newsmark: ${error}\n`);
    failed++;
  }
  const out = args.options.has('--out') ? fs.openSync(args.options.get('--out')!, 'w') : 1;
  const isJsonLines = args.flags.has('--jsonl');
  const indent = args.flags.has('--pretty') ? 2 : undefined;
  const sources: ExtractSource[] = [];
  // cross-source facts: each article reduced to its compact facts as it is read
  const corpus = new Corpus();
  await extractAll(files, { lexicon, additions, jobs, workerScript: __filename }, (result) => {
    if (result.status === 'unreadable') {
      process.stderr.write(`newsmark: ${result.path}: ${result.error}\n`);
      failed++;
      return;
    }
    for (const warning of result.warnings) process.stderr.write(`newsmark: ${result.path}: ${warning}\n`);
    corpus.updateFacts(result.facts);
    if (isJsonLines) writeAll(out, `{"source":${result.sourceJson}}\n`);
    else sources.push(JSON.parse(result.sourceJson) as ExtractSource);
  });
  if (isJsonLines) {
    // the same line as JSON.stringify({ deals, conflicts }), written in pieces: it can be hundreds of
    // MB, and each deal is kept only as its JSON until all are sorted
    writeAll(out, '{"deals":');
    writeJsonArray(out, dealsAsJson(corpus));
    writeAll(out, ',"conflicts":');
    writeJsonArray(out, corpus.conflicts().map((c) => JSON.stringify(toExtractConflict(c))));
    writeAll(out, '}\n');
  } else {
    const conflicts = corpus.conflicts().map(toExtractConflict);
    writeAll(out, `${JSON.stringify({ ...toExtractOutput(sources, corpus.deals(DEAL_MERGE)), conflicts }, null, indent)}\n`);
  }
  if (out !== 1) fs.closeSync(out);
  return failed > 0 ? 1 : 0;
}

/** Merged across sources as the engine merges an article's deals; entity ids canonical across the workspace. */
const DEAL_MERGE = 'same-value';
const ITEMS_PER_WRITE = 1000;

/** Each deal as its JSON, in the order of `corpus.deals()`. */
function dealsAsJson(corpus: Corpus): string[] {
  const deals: Array<DealOrder & { readonly json: string }> = [];
  corpus.forEachDeal(DEAL_MERGE, (deal) => {
    const first = deal.mentions[0];
    deals.push({ id: deal.id, mentions: first ? [{ path: first.path, start: first.start }] : [], json: JSON.stringify(toExtractDeal(deal)) });
  });
  return deals.sort(byFirstMention).map((d) => d.json);
}

/** A JSON array of items already in JSON, written a thousand at a time. */
function writeJsonArray(out: number, items: readonly string[]): void {
  writeAll(out, '[');
  for (let i = 0; i < items.length; i += ITEMS_PER_WRITE) {
    const chunk = items.slice(i, i + ITEMS_PER_WRITE).join(',');
    writeAll(out, i === 0 ? chunk : `,${chunk}`);
  }
  writeAll(out, ']');
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
