/**
 * `newsmark check <workspace folder> [--strict]`: is the annotations file valid, does every
 * annotation still anchor in its source, and do the articles agree with each other? Prints one
 * line per finding ("<file>: <id>: orphan: <reason>"), one per conflict between sources
 * ("conflict: <fact>: <value> in <file>; <value> in <file> (<why>)"), one per source with its
 * counts, then a total. Re-anchors in memory only: the annotations file is never written.
 * Exit: 0 (report only), or 1 with --strict when there is any finding or conflict; 2 usage error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnchorResult, AnnotationFile } from '../core/annotations/model';
import { reanchorSource } from '../core/annotations/operations';
import { Corpus } from '../core/corpus/corpus';
import { partOf } from '../core/corpus/corpusParts';
import type { CorpusFact } from '../core/facts/index';
import { Lexicon } from '../core/extract/entities/lexicon';
import type { ParsedArgs } from './args';
import { CacheTally, openCacheOption } from './cacheOption';
import { loadAnnotationFile, oneWorkspaceFolder, readAnnotatedSources } from './export';
import { describeAnalysisFailure, extractAll, jobsOf } from './extractJobs';
import { loadLexicon } from './lexiconFile';
import { report, writeAll } from './output';
import { ProgressLine } from './progress';
import { expandInputs, isFolder, type InputFile } from './read';

/** Something a researcher should look at; `--strict` fails on any. */
interface Finding {
  readonly kind: 'invalid-file' | 'orphan';
  /** The file it is about, as printed. */
  readonly file: string;
  readonly id?: string;
  readonly message: string;
}

interface SourceSummary {
  /** The source file, as printed. */
  readonly source: string;
  readonly annotationCount: number;
  readonly anchoredCount: number;
  /** Anchored away from their stored position (text was inserted or removed before them). */
  readonly movedCount: number;
  readonly fuzzyCount: number;
  readonly orphanCount: number;
}

export async function runCheck(args: ParsedArgs): Promise<number> {
  const folder = oneWorkspaceFolder(args, 'check');
  const isStrict = args.flags.has('strict');
  if (!isFolder(folder)) {
    report(`${folder}: no such folder`);
    return 1;
  }
  const findings: Finding[] = [];
  const loaded = loadAnnotationFile(folder);
  let summaries: SourceSummary[] = [];
  if (loaded.status === 'invalid') {
    findings.push({ kind: 'invalid-file', file: loaded.path, message: `invalid: ${loaded.message}\n(left untouched)` });
  } else if (loaded.status === 'missing') {
    print(`${loaded.path}: no annotations file; nothing to check\n`);
  } else {
    const checked = checkAnchors(folder, loaded.file);
    findings.push(...checked.findings);
    summaries = checked.summaries;
  }
  const { conflicts, failedCount, articleCount } = await conflictsBetweenArticles(folder, args);
  for (const finding of findings) print(`${formatFinding(finding)}\n`);
  for (const conflict of conflicts) print(`${formatConflict(folder, conflict)}\n`);
  for (const summary of summaries) print(`${formatSummary(summary)}\n`);
  const annotationCount = summaries.reduce((n, s) => n + s.annotationCount, 0);
  const orphanCount = summaries.reduce((n, s) => n + s.orphanCount, 0);
  print(
    `${describeCheck({ folder, articleCount, annotationCount: loaded.status === 'ok' ? annotationCount : undefined, orphanCount, isInvalid: loaded.status === 'invalid', failedCount, conflictCount: conflicts.length })}\n`,
  );
  if (isStrict && findings.length + conflicts.length > 0) return 1;
  return failedCount > 0 ? 1 : 0;
}

/**
 * Every article of the folder analysed and reduced to its facts (the corpus keeps no
 * analysis): the facts two of them state differently. Articles that cannot be read or analysed
 * are reported on standard error, one line each, and left out.
 */
async function conflictsBetweenArticles(
  folder: string,
  args: ParsedArgs,
): Promise<{ conflicts: CorpusFact[]; failedCount: number; articleCount: number }> {
  const { files, problems } = expandInputs([folder]);
  let failedCount = 0;
  for (const problem of problems) {
    if (problem.path === folder && /^no articles/.test(problem.error)) continue; // nothing to compare is not a failure
    report(`${problem.path}: ${problem.error}`);
    failedCount++;
  }
  const workspaceLexicon = path.join(folder, '.newsmark', 'lexicon.json');
  const loaded = fs.existsSync(workspaceLexicon)
    ? loadLexicon(workspaceLexicon, [])
    : { lexicon: Lexicon.withAdditions(), additions: undefined, error: null };
  if (loaded.error) report(loaded.error);
  const cacheTarget = await openCacheOption(args, loaded.additions);
  const cache = cacheTarget && new CacheTally(cacheTarget);
  const corpus = new Corpus();
  let articleCount = 0;
  const sourcePathOf = (file: InputFile) => path.relative(folder, file.path).split(path.sep).join('/');
  const options = {
    lexicon: loaded.lexicon,
    additions: loaded.additions,
    jobs: jobsOf(undefined)!,
    workerScript: __filename,
    sourcePathOf,
    isFactsOnly: true,
    cache: cacheTarget,
  };
  const progress = new ProgressLine(files.length, 'article');
  try {
    await extractAll(files, options, (result) => {
      progress.tick();
      cache?.count(result, (line) => progress.report(line));
      if (result.status !== 'ok') {
        progress.report(`${result.path}: ${result.error}`);
        failedCount++;
        return;
      }
      corpus.updateFacts(partOf(result.facts, 'conflicts')); // no deal, no mention: only the conflicts are asked
      articleCount++;
    });
  } finally {
    progress.finish();
  }
  if (cache) report(cache.line());
  return { conflicts: corpus.conflicts(), failedCount, articleCount };
}

/**
 * The last line, in words: what was checked and what was found, conflicts last.
 * "Checked 5 articles and 12 annotations in ws: 1 orphan, 1 conflict between sources".
 */
export function describeCheck(c: {
  folder: string;
  articleCount: number;
  annotationCount: number | undefined;
  orphanCount: number;
  isInvalid: boolean;
  failedCount: number;
  conflictCount: number;
}): string {
  const what =
    c.annotationCount === undefined
      ? plural(c.articleCount, 'article')
      : `${plural(c.articleCount, 'article')} and ${plural(c.annotationCount, 'annotation')}`;
  const found = [
    c.isInvalid ? 'the annotations file is invalid' : '',
    c.orphanCount > 0 ? plural(c.orphanCount, 'orphan') : '',
    c.failedCount > 0
      ? `${plural(c.failedCount, 'file or folder', 'files or folders')} could not be read or analysed (listed on stderr)`
      : '',
    c.conflictCount > 0 ? `${plural(c.conflictCount, 'conflict')} between sources` : '',
  ].filter(Boolean);
  const fine = c.annotationCount
    ? 'every annotation finds its text and the sources agree'
    : c.articleCount > 1
      ? 'the sources agree'
      : 'nothing to compare';
  return `Checked ${what} in ${c.folder}: ${found.length > 0 ? found.join(', ') : fine}`;
}

/** "conflict: Microsoft → OpenAI: investment, cumulative: ~$13.5 billion in a.md; $13 billion in b.md (3.7% apart, …)". */
function formatConflict(folder: string, conflict: CorpusFact): string {
  const statements = conflict.statements.map((s) => `${s.text} in ${path.join(folder, ...s.path.split('/'))}`);
  return `conflict: ${conflict.key.label}: ${statements.join('; ')} (${conflict.reason})`;
}

/** Re-anchors every annotation in memory: orphans become findings, each source a summary. */
function checkAnchors(folder: string, file: AnnotationFile): { findings: Finding[]; summaries: SourceSummary[] } {
  const sources = readAnnotatedSources(folder, file, null);
  for (const problem of sources.problems) report(problem);
  const textByPath = new Map(sources.read.map((s) => [s.path, s.text]));
  const now = new Date().toISOString();
  const findings: Finding[] = [];
  const summaries: SourceSummary[] = [];
  for (const source of [...new Set(file.annotations.map((a) => a.source))].sort()) {
    const own = file.annotations
      .filter((a) => a.source === source)
      .sort((a, b) => a.anchor.position.start - b.anchor.position.start);
    const text = textByPath.get(source);
    const results: Map<string, AnchorResult> =
      text === undefined
        ? new Map(
            own.map((a) => [
              a.id,
              { status: 'orphan', reason: sources.unavailable.get(source) ?? 'the source file was not found' },
            ]),
          )
        : reanchorSafely(file, source, text, now, own);
    let anchoredCount = 0;
    let movedCount = 0;
    let fuzzyCount = 0;
    for (const annotation of own) {
      const result = results.get(annotation.id)!;
      if (result.status === 'orphan') {
        findings.push({
          kind: 'orphan',
          file: path.join(folder, ...source.split('/')),
          id: annotation.id,
          message: `orphan: ${result.reason}`,
        });
        continue;
      }
      anchoredCount++;
      if (result.start !== annotation.anchor.position.start) movedCount++;
      if (result.method === 'fuzzy') fuzzyCount++;
    }
    summaries.push({
      source: path.join(folder, ...source.split('/')),
      annotationCount: own.length,
      anchoredCount,
      movedCount,
      fuzzyCount,
      orphanCount: own.length - anchoredCount,
    });
  }
  return { findings, summaries };
}

/** Re-anchoring is total by contract; should it throw on some text, that source's annotations say so instead of the whole check failing. */
function reanchorSafely(
  file: AnnotationFile,
  source: string,
  text: string,
  now: string,
  own: readonly AnnotationFile['annotations'][number][],
): Map<string, AnchorResult> {
  try {
    return reanchorSource(file, source, text, now).results;
  } catch (error) {
    const reason = describeAnalysisFailure(error).replace('could not be analysed', 'could not be re-anchored');
    return new Map(own.map((a) => [a.id, { status: 'orphan', reason }]));
  }
}

function print(text: string): void {
  writeAll(1, text);
}

function formatFinding(finding: Finding): string {
  return finding.id === undefined
    ? `${finding.file}: ${finding.message}`
    : `${finding.file}: ${finding.id}: ${finding.message}`;
}

function formatSummary(summary: SourceSummary): string {
  const details = [
    summary.movedCount > 0 ? `${summary.movedCount} moved` : '',
    summary.fuzzyCount > 0 ? `${summary.fuzzyCount} after edits inside the quote` : '',
  ].filter(Boolean);
  return `${summary.source}: ${plural(summary.annotationCount, 'annotation')}, ${summary.anchoredCount} anchored${details.length > 0 ? ` (${details.join(', ')})` : ''}, ${plural(summary.orphanCount, 'orphan')}`;
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
