/**
 * `newsmark extract`: analyse articles, print the contract JSON (or JSON lines): the sources,
 * the deals merged across them, and the facts two sources state differently (`conflicts`).
 * Both come from the corpus, which keeps only each article's compact facts: with --jsonl
 * nothing else of an article stays in memory once its line is written.
 * A file that cannot be read or analysed is one line on stderr and left out; the rest is written.
 * At a terminal (and with --summary) a person gets a readable summary instead (summary.ts).
 */
import { Corpus } from '../core/corpus/corpus';
import { byFirstMention, type DealOrder } from '../core/corpus/deals';
import { toExtractConflict, toExtractDeal, toExtractOutput } from '../core/extractOutput';
import type { ExtractSource } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';
import { CacheTally, openCacheOption } from './cacheOption';
import { extractAll, jobsOf } from './extractJobs';
import { loadLexicon } from './lexiconFile';
import { openOutput, report, type Output } from './output';
import { ProgressLine } from './progress';
import { expandInputs, isFolder } from './read';
import { countsOf, formatSummary, type ArticleCounts } from './summary';

export async function runExtract(args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0) throw new UsageError('extract needs at least one file or folder (or - for standard input)');
  const jobs = jobsOf(args.options.get('jobs'));
  if (jobs === undefined) throw new UsageError(`--jobs needs a whole number from 1 to 64, not '${args.options.get('jobs')}'`);
  const isSummary = isSummaryWanted(args);
  const { files, problems } = expandInputs(args.positionals);
  const folders = args.positionals.filter((p) => p !== '-' && isFolder(p));
  const loaded = loadLexicon(args.options.get('lexicon'), folders);
  // before a byte is read: --out must not be an input (nor the lexicon)
  const out = openOutput(args.options.get('out'), files, loaded.source ? [{ path: loaded.source, what: 'the lexicon' }] : []);
  const cache = await openCacheOption(args, loaded.additions).catch((error: unknown) => {
    out.abort();
    throw error;
  });
  let failed = problems.length;
  for (const problem of problems) report(`${problem.path}: ${problem.error}`);
  if (loaded.error) {
    report(loaded.error);
    failed++;
  }
  const progress = new ProgressLine(files.length, 'article');
  try {
    failed += await writeExtract(out, files, args, { jobs, loaded, isSummary, progress, cache: cache && new CacheTally(cache) });
    progress.finish();
    out.commit();
  } catch (error) {
    progress.finish();
    out.abort();
    throw error;
  }
  return failed > 0 ? 1 : 0;
}

/**
 * The readable summary at a terminal, JSON anywhere else; --summary and --json choose, and
 * anything that only JSON has (--jsonl, --pretty, --out) means JSON.
 */
function isSummaryWanted(args: ParsedArgs): boolean {
  const jsonOnly = ['json', 'jsonl', 'pretty'].filter((f) => args.flags.has(f)).map((f) => `--${f}`);
  if (args.options.has('out')) jsonOnly.push('--out');
  if (args.flags.has('summary')) {
    if (jsonOnly.length > 0) throw new UsageError(`--summary is for reading, not with ${jsonOnly.join(', ')}`);
    return true;
  }
  return jsonOnly.length === 0 && Boolean(process.stdout.isTTY);
}

interface ExtractRun {
  readonly jobs: number;
  readonly loaded: ReturnType<typeof loadLexicon>;
  readonly isSummary: boolean;
  readonly progress: ProgressLine;
  readonly cache: CacheTally | undefined;
}

/** Analyses and writes; the number of files that could not be read or analysed. */
async function writeExtract(out: Output, files: ReturnType<typeof expandInputs>['files'], args: ParsedArgs, run: ExtractRun): Promise<number> {
  const isJsonLines = args.flags.has('jsonl');
  const indent = args.flags.has('pretty') ? 2 : undefined;
  const sources: ExtractSource[] = [];
  const counts: ArticleCounts[] = [];
  let failed = 0;
  // cross-source facts: each article reduced to its compact facts as it is read
  const corpus = new Corpus();
  const options = { lexicon: run.loaded.lexicon, additions: run.loaded.additions, jobs: run.jobs, isJobsExplicit: args.options.has('jobs'), workerScript: __filename, cache: run.cache?.target };
  await extractAll(files, options, (result) => {
    run.progress.tick();
    run.cache?.count(result, (line) => run.progress.report(line));
    if (result.status !== 'ok') {
      run.progress.report(`${result.path}: ${result.error}`);
      failed++;
      return;
    }
    for (const warning of result.warnings) run.progress.report(`${result.path}: ${warning}`);
    corpus.updateFacts(result.facts);
    if (run.isSummary) counts.push(countsOf(JSON.parse(result.sourceJson) as ExtractSource));
    else if (isJsonLines) out.write(`{"source":${result.sourceJson}}\n`);
    else sources.push(JSON.parse(result.sourceJson) as ExtractSource);
  });
  run.progress.finish();
  if (run.cache) report(run.cache.line());
  if (run.isSummary) {
    const isStyled = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
    out.write(formatSummary(counts, corpus.deals(DEAL_MERGE).map(toExtractDeal), corpus.conflicts().map(toExtractConflict), { isStyled }));
  } else if (isJsonLines) {
    // the same line as JSON.stringify({ deals, conflicts }), written in pieces: it can be hundreds of
    // MB, and each deal is kept only as its JSON until all are sorted
    out.write('{"deals":');
    writeJsonArray(out, dealsAsJson(corpus));
    out.write(',"conflicts":');
    writeJsonArray(out, corpus.conflicts().map((c) => JSON.stringify(toExtractConflict(c))));
    out.write('}\n');
  } else {
    const conflicts = corpus.conflicts().map(toExtractConflict);
    out.write(`${JSON.stringify({ ...toExtractOutput(sources, corpus.deals(DEAL_MERGE)), conflicts }, null, indent)}\n`);
  }
  return failed;
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
function writeJsonArray(out: Output, items: readonly string[]): void {
  out.write('[');
  for (let i = 0; i < items.length; i += ITEMS_PER_WRITE) {
    const chunk = items.slice(i, i + ITEMS_PER_WRITE).join(',');
    out.write(i === 0 ? chunk : `,${chunk}`);
  }
  out.write(']');
}
