/**
 * `newsmark extract`: analyse articles, print the contract JSON (or JSON lines): the sources,
 * the deals merged across them, and the facts two sources state differently (`conflicts`).
 * Both come from the corpus, which keeps only each article's compact facts: with --jsonl
 * nothing else of an article stays in memory once its line is written.
 * A file that cannot be read or analysed is one line on stderr and left out; the rest is written.
 * At a terminal (and with --summary) a person gets a readable summary instead (summary.ts).
 */
import { Corpus } from '../core/corpus/corpus';
import { byText } from '../core/facts/index';
import { toExtractConflict, toExtractDeal, toExtractOutput } from '../core/extractOutput';
import type { ExtractSource } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';
import { CacheTally, openCacheOption } from './cacheOption';
import { extractAll, jobsOf, type ExtractResult } from './extractJobs';
import { loadLexicon } from './lexiconFile';
import { OutputError, openOutput, report, type Output } from './output';
import { ProgressLine } from './progress';
import { SpillError, SpillFile } from './spill';
import { FactsOnDisk } from './factsOnDisk';
import { FactsInMemory, withCorpus, type FactStore } from '../core/corpus/corpusParts';
import type { SourceFacts } from '../core/store/sourceFacts';
import { expandInputs, isFolder } from './read';
import { readRunLine, RunKey, RunLineWriter } from '../node/runLines';
import { countsOf, formatSummary, type ArticleCounts } from './summary';

declare const VERSION: string;

/** What a command that reads articles (extract, deals) has before it reads one: inputs, lexicon, output. */
export interface ArticleRun {
  readonly files: ReturnType<typeof expandInputs>['files'];
  readonly jobs: number;
  readonly loaded: ReturnType<typeof loadLexicon>;
  readonly out: Output;
  /** Inputs already known to be unreadable (each reported), and a lexicon that could not be read. */
  readonly failed: number;
}

/** The inputs expanded, the lexicon loaded and --out opened, refused before a byte is read if it is an input (or the lexicon). */
export function startArticleRun(command: string, args: ParsedArgs): ArticleRun {
  if (args.positionals.length === 0)
    throw new UsageError(`${command} needs at least one file or folder (or - for standard input)`);
  const jobs = jobsOf(args.options.get('jobs'));
  if (jobs === undefined)
    throw new UsageError(`--jobs needs a whole number from 1 to 64, not '${args.options.get('jobs')}'`);
  const { files, problems } = expandInputs(args.positionals);
  const folders = args.positionals.filter((p) => p !== '-' && isFolder(p));
  const loaded = loadLexicon(args.options.get('lexicon'), folders);
  const out = openOutput(
    args.options.get('out'),
    files,
    loaded.source ? [{ path: loaded.source, what: 'the lexicon' }] : [],
  );
  for (const problem of problems) report(`${problem.path}: ${problem.error}`);
  if (loaded.error) report(loaded.error);
  return { files, jobs, loaded, out, failed: problems.length + (loaded.error ? 1 : 0) };
}

export async function runExtract(args: ParsedArgs): Promise<number> {
  const isSummary = isSummaryWanted(args);
  const { files, jobs, loaded, out, failed: unread } = startArticleRun('extract', args);
  const cache = await openCacheOption(args, loaded.additions).catch((error: unknown) => {
    out.abort(); // --cache names a folder that is no cache: nothing was read or written
    throw error;
  });
  let failed = unread;
  const progress = new ProgressLine(files.length, 'article');
  try {
    failed += await writeExtract(out, files, args, {
      jobs,
      loaded,
      isSummary,
      progress,
      cache: cache ? new CacheTally(cache) : undefined,
    });
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
async function writeExtract(
  out: Output,
  files: ReturnType<typeof expandInputs>['files'],
  args: ParsedArgs,
  run: ExtractRun,
): Promise<number> {
  // cross-source facts: each article reduced to its compact facts as it is read; with --jsonl
  // they wait on disk, and the deals and the conflicts are each made from a corpus of what they need
  const onDisk = args.flags.has('jsonl') ? FactsOnDisk.open(SpillFile.open()) : undefined;
  try {
    return await analyseAndWrite(out, files, args, run, onDisk ?? new FactsInMemory());
  } finally {
    onDisk?.dispose();
  }
}

/** `writeExtract` with where the facts are kept until the deals and conflicts are made. */
async function analyseAndWrite(
  out: Output,
  files: ReturnType<typeof expandInputs>['files'],
  args: ParsedArgs,
  run: ExtractRun,
  facts: FactStore,
): Promise<number> {
  const isJsonLines = args.flags.has('jsonl');
  const indent = args.flags.has('pretty') ? 2 : undefined;
  const sources: ExtractSource[] = [];
  const counts: ArticleCounts[] = [];
  let failed = 0;
  const options = {
    lexicon: run.loaded.lexicon,
    additions: run.loaded.additions,
    jobs: run.jobs,
    isJobsExplicit: args.options.has('jobs'),
    workerScript: __filename,
    // the map step of map and reduce: each line carries what `newsmark merge` needs of its source
    shardEngine: isJsonLines ? VERSION : undefined,
    cache: run.cache?.target,
  };
  // what the last line of --jsonl is made of, to find it kept in the cache (runLines.ts)
  const runKey = run.cache && isJsonLines ? new RunKey(run.cache.target.engine) : undefined;
  // with --jsonl, a line read from the cache keeps its facts as bytes until the deals need them
  const kept = facts instanceof FactsOnDisk ? facts : undefined;
  await extractAll(files, { ...options, isFactsDeferred: kept !== undefined }, (result) => {
    run.cache?.count(result, (line) => run.progress.report(line));
    if (result.status === 'cachedLine') {
      run.progress.tick();
      for (const warning of result.warnings) run.progress.report(`${result.path}: ${warning}`);
      kept!.addKept(result);
      runKey?.add(result.factsPath, result.sha256);
      out.write(result.line);
      return;
    }
    if (!intoCorpus(result, (f) => facts.add(f), run.progress)) {
      failed++;
      return;
    }
    runKey?.add(result.facts.path, result.sha256);
    if (run.isSummary) counts.push(countsOf(JSON.parse(result.sourceJson) as ExtractSource));
    else if (isJsonLines) out.write(`{"source":${result.sourceJson},"facts":${result.factsJson}}\n`);
    else sources.push(JSON.parse(result.sourceJson) as ExtractSource);
  });
  run.progress.finish();
  if (run.cache && !isJsonLines) report(run.cache.line());
  if (run.isSummary) {
    const corpus = facts.corpusOf('everything');
    const isStyled = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'] && process.env['TERM'] !== 'dumb';
    out.write(
      formatSummary(counts, corpus.deals(DEAL_MERGE).map(toExtractDeal), corpus.conflicts().map(toExtractConflict), {
        isStyled,
      }),
    );
  } else if (isJsonLines) {
    const kept = run.cache && runKey ? { dir: run.cache.target.dir, key: runKey.digest() } : undefined;
    const lastLine = writeLastLine(out, facts, kept);
    if (run.cache) report(run.cache.line(lastLine));
  } else {
    const corpus = facts.corpusOf('everything');
    const conflicts = corpus.conflicts().map(toExtractConflict);
    out.write(
      `${JSON.stringify({ ...toExtractOutput(sources, corpus.deals(DEAL_MERGE)), conflicts }, null, indent)}\n`,
    );
  }
  return failed;
}

/**
 * The last line of `--jsonl`: the same line as JSON.stringify({ deals, conflicts }), written in
 * pieces, as it can be hundreds of MB. Each deal waits for the sort in a spill file, and each
 * conflict is written as it is judged. The deals and the conflicts each come from a corpus of what
 * they need (`FactsOnDisk`), and the first is let go before the second is made (`withCorpus`).
 */
export function writeDealsAndConflictsLine(out: Output, facts: FactStore): void {
  out.write(DEALS_LINE_START);
  withCorpus(facts, 'deals', (corpus) => writeDealsArray(out, corpus));
  out.write(',"conflicts":');
  withCorpus(facts, 'conflicts', (corpus) => writeConflictsArray(out, corpus));
  out.write('}\n');
}

/**
 * The last line of --jsonl, read from the cache when a run over the same sources kept it
 * (`kept`: the cache folder and the run's key), else made (`writeDealsAndConflictsLine`) and kept
 * there as it is written. What became of it, for the cache's line on stderr.
 */
function writeLastLine(
  out: Output,
  facts: FactStore,
  kept: { readonly dir: string; readonly key: string } | undefined,
): string | undefined {
  if (!kept) {
    writeDealsAndConflictsLine(out, facts);
    return undefined;
  }
  // an output that can take it back is given the line as it is checked (one pass), else once it was
  const mark = out.rewind?.mark();
  const found = readRunLine(
    kept.dir,
    kept.key,
    isDealsAndConflictsLine,
    mark === undefined ? undefined : (bytes) => out.write(bytes),
  );
  if (found.status === 'hit') {
    // checked whole a moment ago: a member that no longer reads back is the disk's fault
    if (found.writeTo && !found.writeTo((bytes) => out.write(bytes)))
      throw new OutputError(
        'the deals and conflicts kept in the cache changed while they were read; the output is incomplete',
      );
    return 'the deals and conflicts read from it';
  }
  if (mark !== undefined) out.rewind!.to(mark);
  const writer = new RunLineWriter(kept.dir, kept.key);
  const tee: Output = {
    write: (text) => {
      out.write(text);
      if (typeof text === 'string') writer.add(text);
    },
    commit: () => out.commit(),
    abort: () => out.abort(),
  };
  try {
    writeDealsAndConflictsLine(tee, facts);
  } catch (error) {
    writer.abort();
    throw error;
  }
  const error = writer.commit();
  const made =
    found.why === 'corrupt'
      ? `the deals and conflicts it kept were damaged (${found.detail}) and made again`
      : 'the deals and conflicts made';
  return error === undefined ? `${made} and kept` : `${made}; ${error}, the next run makes them again`;
}

/** A kept line's own shape, from its first and last bytes: the deals line's start, and its end. */
function isDealsAndConflictsLine(first: Buffer, last: Buffer): boolean {
  const start = Buffer.from(DEALS_LINE_START);
  return first.subarray(0, start.length).equals(start) && last.subarray(-2).toString('latin1') === '}\n';
}

/**
 * One analysed file, as every command that reads articles takes it: counted on the progress line,
 * its failure or warnings reported there, its facts into the corpus. False when it failed.
 */
export function intoCorpus(
  result: ExtractResult,
  keep: (facts: SourceFacts) => void,
  progress: ProgressLine,
): result is Extract<ExtractResult, { status: 'ok' }> {
  progress.tick();
  if (result.status !== 'ok') {
    progress.report(`${result.path}: ${result.error}`);
    return false;
  }
  for (const warning of result.warnings) progress.report(`${result.path}: ${warning}`);
  keep(result.facts);
  return true;
}

/** Merged across sources as the engine merges an article's deals; entity ids canonical across the workspace. */
const DEAL_MERGE = 'same-value';
/**
 * How the last line of `--jsonl` (the deals and conflicts across the run's sources) starts: what
 * `newsmark merge` reads past unparsed (it makes them again), as no source line starts so.
 */
export const DEALS_LINE_START = '{"deals":';
/**
 * A JSON array is written when this many items, or this many characters, wait. A conflict can be
 * large (a fact stated by hundreds of sources, every statement with its sentence), and a thousand
 * of them are joined, then encoded, at once: at 10,000 synthetic articles the largest write was
 * 4.0 M characters and held 15.5 MB of heap over the corpus (1.1 M and 5.7 MB with the bound). A
 * corpus of larger facts would have no bound at all, up to V8's longest string.
 */
const ITEMS_PER_WRITE = 1000;
export const CHARACTERS_PER_WRITE = 1 << 20;

/** Where the deals' JSON waits for the sort: a spill file, or memory. */
interface DealItems {
  add(item: string): number;
  read(index: number): string;
}

/**
 * Every deal's JSON into `items`, and the indexes of the items in the order of `corpus.deals()`
 * (`byFirstMention`). Each deal keeps only where its first mention is: its id, which decides only
 * between deals whose first mentions are at one place, is read back from its JSON when needed.
 */
function sortedDeals(corpus: Corpus, items: DealItems): number[] {
  const paths: string[] = [];
  const starts: number[] = [];
  corpus.forEachDeal(DEAL_MERGE, (deal) => {
    const first = deal.mentions[0];
    paths.push(first?.path ?? '');
    starts.push(first?.start ?? 0);
    items.add(JSON.stringify(toExtractDeal(deal)));
  });
  const ids = new Map<number, string>();
  const idOf = (i: number): string => {
    let id = ids.get(i);
    if (id === undefined) ids.set(i, (id = (JSON.parse(items.read(i)) as { id: string }).id));
    return id;
  };
  return Array.from(paths, (_, i) => i).sort(
    (a, b) => byText(paths[a]!, paths[b]!) || starts[a]! - starts[b]! || byText(idOf(a), idOf(b)),
  );
}

/** Each deal as its JSON, in the order of `corpus.deals()`. */
export function dealsAsJson(corpus: Corpus): string[] {
  const json: string[] = [];
  const items = { add: (item: string) => json.push(item) - 1, read: (index: number) => json[index]! };
  return sortedDeals(corpus, items).map(items.read);
}

/**
 * The JSON array of `dealsAsJson`, the same bytes, with each deal's JSON held in a spill file
 * rather than the heap until the deals are sorted. Without a temp file, or when the temp file
 * fills the disk before a byte of the array is written, the deals are held in memory instead (one
 * line on stderr says why). A temp file that cannot be read back once the array is being written
 * is an OutputError: the output is incomplete.
 */
export function writeDealsArray(out: Output, corpus: Corpus, spill = SpillFile.open()): void {
  if (!spill) return writeJsonArray(out, dealsAsJson(corpus));
  let order: number[];
  try {
    order = sortedDeals(corpus, spill);
    spill.flush();
  } catch (error) {
    spill.dispose();
    if (!(error instanceof SpillError)) throw error;
    report(`${error.message}; the deals are held in memory instead`);
    return writeJsonArray(out, dealsAsJson(corpus));
  }
  try {
    writeJsonArray(
      out,
      (function* () {
        for (const item of order) yield spill.read(item);
      })(),
    );
  } catch (error) {
    if (error instanceof SpillError) throw new OutputError(`${error.message}; the output is incomplete`);
    throw error;
  } finally {
    spill.dispose();
  }
}

/** The JSON array of `corpus.conflicts()`, written as each is judged: none is kept once written. */
export function writeConflictsArray(out: Output, corpus: Corpus): void {
  const array = new JsonArrayWriter(out);
  corpus.forEachConflict((conflict) => array.push(JSON.stringify(toExtractConflict(conflict))));
  array.end();
}

/** A JSON array of items already in JSON, written a thousand at a time as they come. */
export function writeJsonArray(out: Output, items: Iterable<string>): void {
  const array = new JsonArrayWriter(out);
  for (const item of items) array.push(item);
  array.end();
}

/** A JSON array written in pieces: `[`, then items a thousand (or a million characters) at a time, then `]` at `end`. */
class JsonArrayWriter {
  private chunk: string[] = [];
  private characters = 0;
  private isFirst = true;

  constructor(private readonly out: Output) {
    out.write('[');
  }

  push(item: string): void {
    this.chunk.push(item);
    this.characters += item.length;
    if (this.chunk.length === ITEMS_PER_WRITE || this.characters >= CHARACTERS_PER_WRITE) this.flush();
  }

  end(): void {
    this.flush();
    this.out.write(']');
  }

  private flush(): void {
    if (this.chunk.length === 0) return;
    this.out.write(`${this.isFirst ? '' : ','}${this.chunk.join(',')}`);
    this.isFirst = false;
    this.chunk = [];
    this.characters = 0;
  }
}
