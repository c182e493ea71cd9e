/**
 * `newsmark check <workspace folder> [--strict]`: is the annotations file valid, and does every
 * annotation still anchor in its source? Prints one line per finding ("<file>: <id>: orphan:
 * <reason>") and one per source with its counts, then a total. Re-anchors in memory only: the
 * annotations file is never written.
 * Exit: 0 (report only), or 1 with --strict when there is any finding; 2 usage error.
 */
import * as path from 'node:path';
import type { AnchorResult, AnnotationFile } from '../core/annotations/model';
import { reanchorSource } from '../core/annotations/operations';
import type { ParsedArgs } from './args';
import { isFolder, loadAnnotationFile, oneWorkspaceFolder, readAnnotatedSources } from './export';

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

export function runCheck(args: ParsedArgs): number {
  const folder = oneWorkspaceFolder(args, 'check');
  const isStrict = args.flags.has('--strict');
  if (!isFolder(folder)) {
    process.stderr.write(`newsmark: ${folder}: no such folder\n`);
    return 1;
  }
  const findings: Finding[] = [];
  const loaded = loadAnnotationFile(folder);
  let summaries: SourceSummary[] = [];
  if (loaded.status === 'invalid') {
    findings.push({ kind: 'invalid-file', file: loaded.path, message: `invalid: ${loaded.message}\n(left untouched)` });
  } else if (loaded.status === 'missing') {
    process.stdout.write(`${loaded.path}: no annotations file; nothing to check\n`);
  } else {
    const checked = checkAnchors(folder, loaded.file);
    findings.push(...checked.findings);
    summaries = checked.summaries;
  }
  // Cross-source conflicts (the same fact stated differently by two sources, src/core/corpus)
  // will be added here as findings of their own kind.
  for (const finding of findings) process.stdout.write(`${formatFinding(finding)}\n`);
  for (const summary of summaries) process.stdout.write(`${formatSummary(summary)}\n`);
  const annotationCount = summaries.reduce((n, s) => n + s.annotationCount, 0);
  const orphanCount = summaries.reduce((n, s) => n + s.orphanCount, 0);
  process.stdout.write(`${plural(summaries.length, 'source')}, ${plural(annotationCount, 'annotation')}, ${plural(orphanCount, 'orphan')}${loaded.status === 'invalid' ? ', invalid annotations file' : ''}\n`);
  return isStrict && findings.length > 0 ? 1 : 0;
}

/** Re-anchors every annotation in memory: orphans become findings, each source a summary. */
function checkAnchors(folder: string, file: AnnotationFile): { findings: Finding[]; summaries: SourceSummary[] } {
  const sources = readAnnotatedSources(folder, file, null);
  for (const problem of sources.problems) process.stderr.write(`newsmark: ${problem}\n`);
  const textByPath = new Map(sources.read.map((s) => [s.path, s.text]));
  const now = new Date().toISOString();
  const findings: Finding[] = [];
  const summaries: SourceSummary[] = [];
  for (const source of [...new Set(file.annotations.map((a) => a.source))].sort()) {
    const own = file.annotations.filter((a) => a.source === source).sort((a, b) => a.anchor.position.start - b.anchor.position.start);
    const text = textByPath.get(source);
    const results: Map<string, AnchorResult> = text === undefined
      ? new Map(own.map((a) => [a.id, { status: 'orphan', reason: sources.unavailable.get(source) ?? 'the source file was not found' }]))
      : reanchorSource(file, source, text, now).results;
    let anchoredCount = 0;
    let movedCount = 0;
    let fuzzyCount = 0;
    for (const annotation of own) {
      const result = results.get(annotation.id)!;
      if (result.status === 'orphan') {
        findings.push({ kind: 'orphan', file: path.join(folder, ...source.split('/')), id: annotation.id, message: `orphan: ${result.reason}` });
        continue;
      }
      anchoredCount++;
      if (result.start !== annotation.anchor.position.start) movedCount++;
      if (result.method === 'fuzzy') fuzzyCount++;
    }
    summaries.push({ source: path.join(folder, ...source.split('/')), annotationCount: own.length, anchoredCount, movedCount, fuzzyCount, orphanCount: own.length - anchoredCount });
  }
  return { findings, summaries };
}

function formatFinding(finding: Finding): string {
  return finding.id === undefined ? `${finding.file}: ${finding.message}` : `${finding.file}: ${finding.id}: ${finding.message}`;
}

function formatSummary(summary: SourceSummary): string {
  const details = [
    summary.movedCount > 0 ? `${summary.movedCount} moved` : '',
    summary.fuzzyCount > 0 ? `${summary.fuzzyCount} after edits inside the quote` : '',
  ].filter(Boolean);
  return `${summary.source}: ${plural(summary.annotationCount, 'annotation')}, ${summary.anchoredCount} anchored${details.length > 0 ? ` (${details.join(', ')})` : ''}, ${plural(summary.orphanCount, 'orphan')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
