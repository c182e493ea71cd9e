/**
 * `.newsmark/annotations.json` as text: validated parsing with a message a person can act on,
 * and a stable serialisation — fixed key order, annotations sorted by source, position and id,
 * two-space indent, a final newline — so that diffs stay small and a parsed file serialises
 * back to the same bytes. Total: bad content comes back as `{ok: false, message}`.
 */
import * as z from 'zod';
import { AnnotationFile as AnnotationFileSchema } from '../schema';
import { findJsonSyntaxError } from './jsonSyntax';
import type { Annotation, AnnotationFile, Correction } from './model';

export const ANNOTATION_FILE_VERSION = 1;
/** Where the file lives, relative to the workspace folder. */
export const ANNOTATION_FILE_PATH = '.newsmark/annotations.json';

export type AnnotationFileParse =
  { readonly ok: true; readonly file: AnnotationFile } | { readonly ok: false; readonly message: string };

export const EMPTY_ANNOTATION_FILE: AnnotationFile = { version: ANNOTATION_FILE_VERSION, annotations: [] };

export function parseAnnotationFile(text: string): AnnotationFileParse {
  const json = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (json.trim().length === 0) {
    return {
      ok: false,
      message: 'the file is empty (a file without annotations reads {"version": 1, "annotations": []})',
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${describeSyntaxError(json, error)}` };
  }
  const version = isRecord(raw) ? raw['version'] : undefined;
  if (typeof version === 'number' && version !== ANNOTATION_FILE_VERSION) {
    return {
      ok: false,
      message: `version ${version} is not supported: this Newsmark reads version ${ANNOTATION_FILE_VERSION} (a newer Newsmark may have written the file)`,
    };
  }
  const parsed = AnnotationFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `not a valid annotations file:\n${z.prettifyError(parsed.error)}` };
  return { ok: true, file: parsed.data };
}

function describeSyntaxError(json: string, error: unknown): string {
  const located = findJsonSyntaxError(json);
  if (located) return `line ${located.line}, column ${located.column}: expected ${located.expected}`;
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function serialiseAnnotationFile(file: AnnotationFile): string {
  const removed = [...(file.removed ?? [])].sort((a, b) => compareStrings(a.id, b.id));
  const ordered = {
    version: file.version,
    annotations: sortAnnotations(file.annotations).map(orderedAnnotation),
    ...(removed.length ? { removed: removed.map((t) => ({ id: t.id, time: t.time })) } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** By source path (code-unit order, the same on every machine), then start, then id. */
export function sortAnnotations(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort(
    (a, b) =>
      compareStrings(a.source, b.source) ||
      a.anchor.position.start - b.anchor.position.start ||
      compareStrings(a.id, b.id),
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys of each object in one fixed order; an absent `match` or `orphan` is left out. */
function orderedAnnotation(annotation: Annotation): Record<string, unknown> {
  const { quote, position } = annotation.anchor;
  return {
    id: annotation.id,
    source: annotation.source,
    anchor: {
      quote: orderedQuote(quote),
      position: { start: position.start, end: position.end },
    },
    ...(annotation.match
      ? { match: { quote: orderedQuote(annotation.match.quote), score: annotation.match.score } }
      : {}),
    tags: [...annotation.tags],
    corrections: annotation.corrections.map(orderedCorrection),
    created: annotation.created,
    modified: annotation.modified,
    ...(annotation.orphan ? { orphan: { reason: annotation.orphan.reason, since: annotation.orphan.since } } : {}),
  };
}

function orderedQuote(quote: { exact: string; prefix: string; suffix: string }): Record<string, unknown> {
  return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

function orderedCorrection(correction: Correction): Record<string, unknown> {
  return {
    original: correction.original,
    corrected: correction.corrected,
    note: correction.note,
    author: correction.author,
    time: correction.time,
    isApplied: correction.isApplied,
  };
}
