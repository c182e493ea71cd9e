/**
 * `newsmark export <workspace folder> [--out FILE] [--format claims|w3c|csv] [--lexicon FILE]`:
 * reads `.newsmark/annotations.json` (validated; never written), analyses each annotated
 * source, re-anchors the annotations in memory and prints the claims export (or W3C Web
 * Annotation JSON-LD, or CSV: core/exportFormats.ts, the same bytes as the editor writes),
 * validated against its schema first.
 * Exit: 0 written (missing sources only make orphans), 1 something could not be read or the
 * annotations file is invalid, 2 usage error, 70 the export failed its own schema (a bug).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../core/analysis';
import { ANNOTATION_FILE_PATH, parseAnnotationFile } from '../core/annotations/file';
import type { AnnotationFile } from '../core/annotations/model';
import type { Lexicon } from '../core/extract/entities/lexicon';
import { fileIri, type ExportSource } from '../core/export';
import { EXPORT_FORMATS, renderExport, type ExportFormat } from '../core/exportFormats';
import { UsageError, type ParsedArgs } from './args';
import { describeAnalysisFailure } from './extractJobs';
import { injectFault } from './faults';
import { loadLexicon } from './lexiconFile';
import { openOutput, report } from './output';
import { existingFile, isFolder, readArticle } from './read';

declare const VERSION: string;

export { EXPORT_FORMATS } from '../core/exportFormats';

export async function runExport(args: ParsedArgs): Promise<number> {
  const folder = oneWorkspaceFolder(args, 'export');
  const format = (args.options.get('format') ?? 'claims') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new UsageError(`unknown format '${format}' (known: ${EXPORT_FORMATS.join(', ')})`);
  if (!isFolder(folder)) {
    report(`${folder}: no such folder`);
    return 1;
  }
  const loaded = loadAnnotationFile(folder);
  if (loaded.status === 'invalid') {
    report(`${loaded.path}: ${loaded.message}\nThe file was left untouched; fix it and run the export again.`);
    return 1;
  }
  const workspaceLexicon = path.join(folder, '.newsmark', 'lexicon.json');
  const lexiconPath = args.options.get('lexicon') ?? (fs.existsSync(workspaceLexicon) ? workspaceLexicon : undefined);
  // before anything is analysed or written: --out is none of the files the export reads
  const sourceFiles = sourcePathsOf(folder, loaded.file).flatMap((p) => existingFile(p) ?? []);
  const out = openOutput(args.options.get('out'), sourceFiles, [
    { path: loaded.path, what: 'the annotations file' },
    ...(lexiconPath ? [{ path: lexiconPath, what: 'the lexicon' }] : []),
  ]);
  if (loaded.status === 'missing') report(`${loaded.path}: no annotations file; the export is empty`);
  let failed = 0;
  const { lexicon, error } = loadLexicon(lexiconPath, [folder]);
  if (error) {
    report(error);
    failed++;
  }
  const sources = readAnnotatedSources(folder, loaded.file, lexicon);
  for (const problem of sources.problems) report(problem);
  failed += sources.unreadableCount;
  const input = {
    sources: sources.read,
    annotations: loaded.file.annotations,
    unavailable: sources.unavailable,
    generatedAt: generatedAt(),
    tool: { name: 'newsmark', version: VERSION },
  };
  // the folder's IRI as VS Code names it (the path given, made absolute; links not resolved)
  const rendered = renderExport(format, input, fileIri(path.resolve(folder)));
  if (!rendered.ok) {
    out.abort();
    report(`internal error: the ${format} export does not match its schema; nothing was written\n${rendered.message}`);
    return 70;
  }
  try {
    out.write(rendered.text);
    out.commit();
  } catch (writeError) {
    out.abort();
    throw writeError;
  }
  return failed > 0 ? 1 : 0;
}

/** The files the annotations name, as paths (they may not exist). */
function sourcePathsOf(folder: string, file: AnnotationFile): string[] {
  return [...new Set(file.annotations.map((a) => a.source))]
    .sort()
    .map((source) => path.join(folder, ...source.split('/')));
}

/** The single workspace folder a command works on. */
export function oneWorkspaceFolder(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1)
    throw new UsageError(`${command} needs exactly one workspace folder (got ${args.positionals.length})`);
  return args.positionals[0]!;
}

export type AnnotationFileLoad =
  | { readonly status: 'ok' | 'missing'; readonly path: string; readonly file: AnnotationFile }
  | { readonly status: 'invalid'; readonly path: string; readonly message: string };

/** `<folder>/.newsmark/annotations.json`, read and validated; a missing file reads as empty. */
export function loadAnnotationFile(folder: string): AnnotationFileLoad {
  const filePath = path.join(folder, ...ANNOTATION_FILE_PATH.split('/'));
  if (!fs.existsSync(filePath) && !isSymbolicLink(filePath))
    return { status: 'missing', path: filePath, file: { version: 1, annotations: [] } };
  const read = readArticle({ path: filePath }); // never waits on a pipe; refuses a binary file
  if (!read.ok) return { status: 'invalid', path: filePath, message: `cannot be read: ${read.error}` };
  const parsed = parseAnnotationFile(read.text);
  return parsed.ok
    ? { status: 'ok', path: filePath, file: parsed.file }
    : { status: 'invalid', path: filePath, message: parsed.message };
}

export interface AnnotatedSources {
  readonly read: ExportSource[];
  /** Sources that are not there or could not be read, with why: their annotations are orphans. */
  readonly unavailable: Map<string, string>;
  /** Those that exist but could not be read (an exit status of 1). */
  readonly unreadableCount: number;
  /** One line each, for standard error. */
  readonly problems: string[];
}

/** Reads and analyses (unless `lexicon` is null) every source the annotations name, in path order. */
export function readAnnotatedSources(folder: string, file: AnnotationFile, lexicon: Lexicon | null): AnnotatedSources {
  const read: ExportSource[] = [];
  const unavailable = new Map<string, string>();
  const problems: string[] = [];
  let unreadableCount = 0;
  for (const source of [...new Set(file.annotations.map((a) => a.source))].sort()) {
    const filePath = path.join(folder, ...source.split('/'));
    if (!fs.existsSync(filePath)) {
      unavailable.set(source, 'the source file was not found');
      continue;
    }
    const article = readArticle({ path: filePath });
    if (!article.ok) {
      unavailable.set(source, `the source file could not be read: ${article.error}`);
      problems.push(`${filePath}: ${article.error}`);
      unreadableCount++;
      continue;
    }
    for (const warning of article.warnings) problems.push(`${filePath}: ${warning}`);
    let analysis: ExportSource['analysis'];
    try {
      injectFault(filePath);
      analysis = lexicon ? analyse({ path: source, text: article.text }, { lexicon }) : emptyAnalysis(source);
    } catch (error) {
      // one article's failure is that article's: its annotations become orphans that say why
      const message = describeAnalysisFailure(error);
      unavailable.set(source, `the source file ${message.split(';')[0]}`);
      problems.push(`${filePath}: ${message}`);
      unreadableCount++;
      continue;
    }
    read.push({
      path: source,
      sha256: createHash('sha256').update(article.bytes).digest('hex'),
      text: article.text,
      analysis,
    });
  }
  return { read, unavailable, unreadableCount, problems };
}

/** For callers that only anchor (check): the analysis is not needed. */
function emptyAnalysis(source: string): ExportSource['analysis'] {
  return {
    path: source,
    format: 'text',
    sentences: [],
    figures: [],
    entities: [],
    claims: [],
    deals: [],
    dateline: null,
    diagnostics: [],
  };
}

/** The export's time: now, or SOURCE_DATE_EPOCH (seconds) for reproducible output. */
function generatedAt(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  const seconds = epoch === undefined ? Number.NaN : Number(epoch);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : new Date().toISOString();
}

function isSymbolicLink(filePath: string): boolean {
  try {
    return fs.lstatSync(filePath).isSymbolicLink();
  } catch {
    return false;
  }
}
