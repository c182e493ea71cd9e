/**
 * `newsmark export <workspace folder> [--out FILE] [--format claims|w3c] [--lexicon FILE]`:
 * reads `.newsmark/annotations.json` (validated; never written), analyses each annotated
 * source, re-anchors the annotations in memory and prints the claims export (or W3C Web
 * Annotation JSON-LD), validated against its schema first.
 * Exit: 0 written (missing sources only make orphans), 1 something could not be read or the
 * annotations file is invalid, 2 usage error, 70 the export failed its own schema (a bug).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';
import { analyse } from '../core/analysis';
import { ANNOTATION_FILE_PATH, parseAnnotationFile } from '../core/annotations/file';
import type { AnnotationFile } from '../core/annotations/model';
import type { Lexicon } from '../core/extract/entities/lexicon';
import { exportClaims, exportWebAnnotations, fileIri, type ExportSource } from '../core/export';
import { ClaimsExport, WebAnnotationExport } from '../core/schema';
import { UsageError, type ParsedArgs } from './args';
import { loadLexicon } from './lexiconFile';
import { readArticle } from './read';

declare const VERSION: string;

export const EXPORT_FORMATS = ['claims', 'w3c'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function runExport(args: ParsedArgs): Promise<number> {
  const folder = oneWorkspaceFolder(args, 'export');
  const format = (args.options.get('--format') ?? 'claims') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}' (known: ${EXPORT_FORMATS.join(', ')})`);
  const report = (message: string) => process.stderr.write(`newsmark: ${message}\n`);
  if (!isFolder(folder)) {
    report(`${folder}: no such folder`);
    return 1;
  }
  const loaded = loadAnnotationFile(folder);
  if (loaded.status === 'invalid') {
    report(`${loaded.path}: ${loaded.message}\nThe file was left untouched; fix it and run the export again.`);
    return 1;
  }
  if (loaded.status === 'missing') report(`${loaded.path}: no annotations file; the export is empty`);
  let failed = 0;
  const workspaceLexicon = path.join(folder, '.newsmark', 'lexicon.json');
  const { lexicon, error } = loadLexicon(args.options.get('--lexicon') ?? (fs.existsSync(workspaceLexicon) ? workspaceLexicon : undefined), [folder]);
  if (error) {
    report(error);
    failed++;
  }
  const sources = readAnnotatedSources(folder, loaded.file, lexicon);
  for (const problem of sources.problems) report(problem);
  failed += sources.unreadableCount;
  const input = { sources: sources.read, annotations: loaded.file.annotations, unavailable: sources.unavailable, generatedAt: generatedAt(), tool: { name: 'newsmark', version: VERSION } };
  const output = format === 'claims' ? exportClaims(input) : exportWebAnnotations(input, fileIri(fs.realpathSync(folder)));
  const schema: z.ZodType = format === 'claims' ? ClaimsExport : WebAnnotationExport;
  const checked = schema.safeParse(output);
  if (!checked.success) {
    report(`internal error: the ${format} export does not match its schema; nothing was written\n${z.prettifyError(checked.error)}`);
    return 70;
  }
  const text = `${JSON.stringify(output, null, 2)}\n`;
  const out = args.options.get('--out');
  if (out === undefined) {
    process.stdout.write(text);
  } else {
    const written = writeAtomically(out, text);
    if (written !== null) {
      report(`${out}: ${written}`);
      return 1;
    }
  }
  return failed > 0 ? 1 : 0;
}

/** The single workspace folder a command works on. */
export function oneWorkspaceFolder(args: ParsedArgs, command: string): string {
  if (args.positionals.length !== 1) throw new UsageError(`${command} needs exactly one workspace folder (got ${args.positionals.length})`);
  return args.positionals[0]!;
}

export function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export type AnnotationFileLoad =
  | { readonly status: 'ok' | 'missing'; readonly path: string; readonly file: AnnotationFile }
  | { readonly status: 'invalid'; readonly path: string; readonly message: string };

/** `<folder>/.newsmark/annotations.json`, read and validated; a missing file reads as empty. */
export function loadAnnotationFile(folder: string): AnnotationFileLoad {
  const filePath = path.join(folder, ...ANNOTATION_FILE_PATH.split('/'));
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'missing', path: filePath, file: { version: 1, annotations: [] } };
    return { status: 'invalid', path: filePath, message: `cannot be read (${code ?? String(error)})` };
  }
  const parsed = parseAnnotationFile(text);
  return parsed.ok ? { status: 'ok', path: filePath, file: parsed.file } : { status: 'invalid', path: filePath, message: parsed.message };
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
    const analysis = lexicon ? analyse({ path: source, text: article.text }, { lexicon }) : emptyAnalysis(source);
    read.push({ path: source, sha256: createHash('sha256').update(article.bytes).digest('hex'), text: article.text, analysis });
  }
  return { read, unavailable, unreadableCount, problems };
}

/** For callers that only anchor (check): the analysis is not needed. */
function emptyAnalysis(source: string): ExportSource['analysis'] {
  return { path: source, format: 'text', sentences: [], figures: [], entities: [], claims: [], deals: [], dateline: null, diagnostics: [] };
}

/** The export's time: now, or SOURCE_DATE_EPOCH (seconds) for reproducible output. */
function generatedAt(): string {
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  const seconds = epoch === undefined ? Number.NaN : Number(epoch);
  return Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : new Date().toISOString();
}

/** Writes through a temporary file and a rename; returns the problem, or null when written. */
function writeAtomically(target: string, text: string): string | null {
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, target);
    return null;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    return `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
}
