/**
 * `newsmark merge`: the reduce step. Reads the JSON lines that `newsmark extract --jsonl` wrote on
 * any split of a corpus (any machine, any order) and prints the corpus document — the sources,
 * the entity index, the deals merged across sources and the conflicts — exactly as one run over
 * the whole corpus prints it. Articles and folders given beside (or instead of) shards are
 * analysed in this run, so `newsmark merge corpus/` is that one run.
 *
 * Streaming: a shard is read a line at a time and each source is reduced to the corpus's compact
 * facts at once; no source's text is held. A line that cannot be read (cut short, edited, from
 * another tool) is one line on stderr naming the file and line, and the rest is merged (exit 1).
 */
import type { ParsedArgs } from './args';
import { UsageError } from './args';
import { CorpusMerge, type AddOutcome, type Origin } from '../core/merge/corpusMerge';
import { sourceFactsOf } from '../core/merge/shardFacts';
import { toExtractConflict } from '../core/extractOutput';
import { CORPUS_SCHEMA_VERSION, ExtractSourceLine, describeIssues } from '../core/schema';
import { DEALS_LINE_START, dealsAsJson, writeConflictsArray, writeDealsArray, writeJsonArray } from './extract';
import { extractAll, jobsOf } from './extractJobs';
import { loadLexicon } from './lexiconFile';
import { forEachLine } from './lines';
import { FactsOnDisk } from './factsOnDisk';
import { SpillFile } from './spill';
import type { Corpus } from '../core/corpus/corpus';
import { withCorpus } from '../core/corpus/corpusParts';
import { openOutput, report, type Output } from './output';
import { ProgressLine } from './progress';
import { describeFsError, expandInputs, isFolder, type InputFile } from './read';
import * as fs from 'node:fs';

/** Shards are named so: anything else is an article or a folder of articles. */
export const SHARD_EXTENSIONS = ['.jsonl', '.ndjson'] as const;

export function isShardPath(arg: string): boolean {
  return arg === '-' || SHARD_EXTENSIONS.some((ext) => arg.toLowerCase().endsWith(ext));
}

export async function runMerge(args: ParsedArgs): Promise<number> {
  if (args.positionals.length === 0)
    throw new UsageError(
      'merge needs shards (.jsonl files written by newsmark extract --jsonl, or - for standard input) or articles',
    );
  const jobs = jobsOf(args.options.get('jobs'));
  if (jobs === undefined)
    throw new UsageError(`--jobs needs a whole number from 1 to 64, not '${args.options.get('jobs')}'`);
  const shardArgs = args.positionals.filter(isShardPath);
  const articleArgs = args.positionals.filter((p) => !isShardPath(p));
  if (shardArgs.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read once');
  const shards = expandInputs(shardArgs.filter((p) => p !== '-'));
  const articles = expandInputs(articleArgs);
  const loaded =
    articleArgs.length > 0 ? loadLexicon(args.options.get('lexicon'), articleArgs.filter(isFolder)) : undefined;
  const stdin: InputFile[] = shardArgs.includes('-') ? expandInputs(['-']).files : [];
  // before a byte is read: --out must be none of the inputs
  const out = openOutput(
    args.options.get('out'),
    [...shards.files, ...stdin, ...articles.files],
    loaded?.source ? [{ path: loaded.source, what: 'the lexicon' }] : [],
  );
  const isPretty = args.flags.has('pretty');
  // the sources' facts wait on disk, as in extract --jsonl; --pretty builds the whole document in memory anyway
  const onDisk = isPretty ? undefined : FactsOnDisk.open(SpillFile.open());
  const run = new MergeRun(new CorpusMerge(onDisk));
  for (const problem of [...shards.problems, ...articles.problems]) run.fail(`${problem.path}: ${problem.error}`);
  if (loaded?.error) run.fail(loaded.error);
  try {
    for (const shard of [...shards.files, ...stdin]) readShard(shard, run);
    if (articles.files.length > 0) await analyseArticles(articles.files, loaded!, jobs, args, run);
    run.finish();
    writeCorpus(out, run.merge, isPretty);
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  } finally {
    onDisk?.dispose();
  }
  return run.failed > 0 ? 1 : 0;
}

/** What one merge has read so far, and what went wrong. */
class MergeRun {
  failed = 0;
  /** Versions of newsmark that wrote the shards, with where each was first seen. */
  private readonly engines = new Map<string, Origin>();

  constructor(readonly merge: CorpusMerge) {}

  fail(message: string): void {
    report(message);
    this.failed++;
  }

  add(sha256: string, facts: Parameters<CorpusMerge['add']>[1], origin: Origin, engine?: string): void {
    if (engine !== undefined && !this.engines.has(engine)) this.engines.set(engine, origin);
    this.say(facts.path, this.merge.add(sha256, facts, origin), origin);
  }

  finish(): void {
    if (this.engines.size > 1) {
      const list = [...this.engines].map(([engine, origin]) => `${engine} (${origin})`).join(', ');
      this.fail(
        `the shards were written by different versions of newsmark: ${list}; facts may be keyed differently, so run the map step again with one version`,
      );
    }
  }

  private say(path: string, outcome: AddOutcome, origin: Origin): void {
    if (outcome.status === 'duplicate')
      report(`${origin}: ${path} was already merged from ${outcome.first} (the same content); counted once`);
    if (outcome.status === 'differing') {
      this.fail(
        `${origin}: ${path} is also in ${outcome.other} with other content (sha256 ${outcome.kept.slice(0, 12)}… and ${outcome.dropped.slice(0, 12)}…); kept the one from ${outcome.keptOrigin}, whose sha256 sorts first`,
      );
    }
  }
}

function readShard(shard: InputFile, run: MergeRun): void {
  const name = shard.isStdin ? 'standard input' : shard.path;
  let fd: number;
  try {
    fd = shard.isStdin ? 0 : fs.openSync(shard.path, 'r');
  } catch (error) {
    run.fail(`${name}: ${describeFsError(error, 'file')}; skipped`);
    return;
  }
  let sourceLines = 0;
  try {
    forEachLine(
      fd,
      (line, lineNumber) => {
        if (readShardLine(line, `${name}:${lineNumber}`, run)) sourceLines++;
      },
      (lineNumber, bytes) => run.fail(`${name}:${lineNumber}: a line of over ${bytes >> 20} MB; skipped`),
      // the shard's own deals and conflicts, made again here: 173 MB of JSON at 10,000 articles, never held
      { passOver: DEALS_LINE_START },
    );
  } catch (error) {
    run.fail(`${name}: ${describeFsError(error, 'file')}; the rest of it was not read`);
  } finally {
    if (!shard.isStdin) fs.closeSync(fd);
  }
  if (sourceLines === 0) report(`${name}: no source lines (is it the output of newsmark extract --jsonl?)`);
}

/** One line of a shard merged; true for a source line. Its last line (the shard's own deals and conflicts) is left: they are made again. */
function readShardLine(line: string, origin: Origin, run: MergeRun): boolean {
  if (line.trim() === '') return false;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    run.fail(
      `${origin}: not a complete line of JSON (${(error as Error).message}; the shard may have been cut short); skipped`,
    );
    return false;
  }
  if (isObject(raw) && !('source' in raw) && 'deals' in raw && 'conflicts' in raw) return false;
  if (isObject(raw) && 'source' in raw && !('facts' in raw)) {
    run.fail(
      `${origin}: a source without its facts (written by an older newsmark?); run newsmark extract --jsonl again; skipped`,
    );
    return false;
  }
  const parsed = ExtractSourceLine.safeParse(raw);
  if (!parsed.success) {
    run.fail(
      `${origin}: not a line of newsmark extract --jsonl; skipped: ${describeIssues(parsed.error).split('\n').slice(0, 2).join(' ')}`,
    );
    return false;
  }
  const { source, facts } = parsed.data;
  const result = sourceFactsOf(source, facts);
  if (!result.ok) {
    run.fail(`${origin}: ${source.path}: ${result.error}; skipped`);
    return false;
  }
  run.add(source.sha256, result.facts, origin, facts.engine);
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Articles given beside the shards: analysed here, as `newsmark extract` would. */
async function analyseArticles(
  files: readonly InputFile[],
  loaded: ReturnType<typeof loadLexicon>,
  jobs: number,
  args: ParsedArgs,
  run: MergeRun,
): Promise<void> {
  const progress = new ProgressLine(files.length, 'article');
  const options = {
    lexicon: loaded.lexicon,
    additions: loaded.additions,
    jobs,
    isJobsExplicit: args.options.has('jobs'),
    workerScript: __filename,
    isFactsOnly: true,
  };
  try {
    await extractAll(files, options, (result) => {
      progress.tick();
      if (result.status !== 'ok') {
        progress.report(`${result.path}: ${result.error}`);
        run.failed++;
        return;
      }
      for (const warning of result.warnings) progress.report(`${result.path}: ${warning}`);
      run.add(result.sha256, result.facts, result.path);
    });
  } finally {
    progress.finish();
  }
}

/**
 * The corpus document (`CorpusOutput`), written in pieces: the deals of a large corpus are hundreds
 * of MB of JSON. The entity index and the deals come from a corpus of the deals, the conflicts from
 * one of the statements, the first let go before the second is made (`withCorpus`).
 */
export function writeCorpus(out: Output, merge: CorpusMerge, isPretty: boolean): void {
  if (isPretty) {
    const corpus = merge.corpusOf('everything');
    const conflicts = corpus.conflicts().map(toExtractConflict);
    const deals = dealsAsJson(corpus).map((json) => JSON.parse(json) as unknown);
    const document = {
      schemaVersion: CORPUS_SCHEMA_VERSION,
      sources: merge.sourceList(),
      entities: merge.entities(corpus),
      deals,
      conflicts,
    };
    out.write(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  out.write(`{"schemaVersion":${CORPUS_SCHEMA_VERSION},"sources":`);
  writeJsonArray(
    out,
    merge.sourceList().map((s) => JSON.stringify(s)),
  );
  withCorpus(merge, 'deals', (corpus) => writeEntitiesAndDeals(out, merge, corpus));
  out.write(',"conflicts":');
  withCorpus(merge, 'conflicts', (corpus) => writeConflictsArray(out, corpus));
  out.write('}\n');
}

/** The entity index and the deals, from one corpus (a corpus of the deals names every entity too). */
function writeEntitiesAndDeals(out: Output, merge: CorpusMerge, corpus: Corpus): void {
  out.write(',"entities":');
  writeJsonArray(
    out,
    merge.entities(corpus).map((e) => JSON.stringify(e)),
  );
  out.write(',"deals":');
  writeDealsArray(out, corpus);
}
