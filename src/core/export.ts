/**
 * The exports of the researcher's work, from the annotations and the analyses of their sources:
 *   exportClaims         → ClaimsExport: one entry per annotated claim, with its figures
 *                          (normalised), entities, attribution, tags and corrections; the
 *                          annotations that overlap no claim, and the orphans, listed apart;
 *   exportWebAnnotations → W3C Web Annotation JSON-LD (an AnnotationCollection).
 * Annotations are re-anchored to the given texts first (in memory); an annotation whose source
 * is not given is an orphan. Pure and total; the output is sorted and stable.
 */
import type { Analysis, Claim } from './analysis';
import type { AnchorResult, Annotation } from './annotations/model';
import { currentQuote, reanchorSource, sortAnnotations } from './annotations/index';
import {
  SCHEMA_VERSION,
  WEB_ANNOTATION_CONTEXT,
  schemaIdOf,
  type ClaimsExport,
  type ClaimsExportClaim,
  type ClaimsExportOrphan,
  type ClaimsExportOutsideClaim,
  type WebAnnotation,
  type WebAnnotationExport,
} from './schema';

export interface ExportSource {
  /** Workspace-relative, as in the annotations. */
  readonly path: string;
  readonly sha256: string;
  readonly text: string;
  readonly analysis: Analysis;
}

export interface ExportInput {
  readonly sources: readonly ExportSource[];
  readonly annotations: readonly Annotation[];
  /** ISO 8601; also the `since` of annotations found orphaned now. */
  readonly generatedAt: string;
  readonly tool: { readonly name: string; readonly version: string };
  /** Why a source is not among `sources`, by path (default: "the source file was not found"). */
  readonly unavailable?: ReadonlyMap<string, string>;
}

const SOURCE_NOT_FOUND = 'the source file was not found';

/** An annotation after re-anchoring: where it stands now, or why it stands nowhere. */
interface Placed {
  readonly annotation: Annotation;
  readonly source: ExportSource | undefined;
  readonly result: AnchorResult;
}

function placeAnnotations(input: ExportInput): Placed[] {
  const sourceByPath = new Map(input.sources.map((s) => [s.path, s]));
  const placed: Placed[] = [];
  for (const path of [...new Set(input.annotations.map((a) => a.source))].sort()) {
    const own = input.annotations.filter((a) => a.source === path);
    const source = sourceByPath.get(path);
    if (!source) {
      const reason = input.unavailable?.get(path) ?? SOURCE_NOT_FOUND;
      for (const annotation of sortAnnotations(own))
        placed.push({ annotation, source, result: { status: 'orphan', reason } });
      continue;
    }
    const { file, results } = reanchorSource({ version: 1, annotations: own }, path, source.text, input.generatedAt);
    for (const annotation of sortAnnotations(file.annotations))
      placed.push({ annotation, source, result: results.get(annotation.id)! });
  }
  return placed;
}

export function exportClaims(input: ExportInput): ClaimsExport {
  const claimEntries = new Map<
    string,
    {
      source: ExportSource;
      claim: Claim;
      annotations: Array<{ annotation: Annotation; result: AnchorResult & { status: 'anchored' } }>;
    }
  >();
  const outsideClaims: ClaimsExportOutsideClaim[] = [];
  const orphans: ClaimsExportOrphan[] = [];
  for (const { annotation, source, result } of placeAnnotations(input)) {
    if (result.status === 'orphan' || !source) {
      orphans.push(orphanEntry(annotation, source, result.status === 'orphan' ? result.reason : SOURCE_NOT_FOUND));
      continue;
    }
    const claims = source.analysis.claims.filter((c) => c.start < result.end && result.start < c.end);
    if (claims.length === 0) outsideClaims.push(outsideClaimEntry(annotation, source, result));
    for (const claim of claims) {
      const key = `${source.path}\u0000${claim.start}`;
      const entry = claimEntries.get(key) ?? { source, claim, annotations: [] };
      entry.annotations.push({ annotation, result });
      claimEntries.set(key, entry);
    }
  }
  const claims = [...claimEntries.values()]
    .sort((a, b) => compareStrings(a.source.path, b.source.path) || a.claim.start - b.claim.start)
    .map((entry) => claimEntry(entry.source, entry.claim, entry.annotations));
  return {
    $schema: schemaIdOf('claims'),
    schemaVersion: SCHEMA_VERSION,
    generatedAt: input.generatedAt,
    tool: { name: input.tool.name, version: input.tool.version },
    claims,
    outsideClaims,
    orphans,
  };
}

function claimEntry(
  source: ExportSource,
  claim: Claim,
  annotations: ReadonlyArray<{ annotation: Annotation; result: AnchorResult & { status: 'anchored' } }>,
): ClaimsExportClaim {
  const figureById = new Map(source.analysis.figures.map((f) => [f.id, f]));
  const entityById = new Map(source.analysis.entities.map((e) => [e.id, e]));
  const corrections = annotations
    .flatMap(({ annotation }) => annotation.corrections.map((c) => ({ ...c, annotationId: annotation.id })))
    .sort((a, b) => compareTimes(a.time, b.time));
  return {
    source: { path: source.path, sha256: source.sha256 },
    claimId: claim.id,
    text: claim.text,
    span: { start: claim.start, end: claim.end },
    figures: claim.figureIds.flatMap((id) => {
      const f = figureById.get(id);
      return f
        ? [
            {
              id: f.id,
              text: f.text,
              kind: f.kind,
              value: f.value,
              unit: f.unit,
              qualifier: f.qualifier,
              approx: f.isApprox,
              start: f.start,
              end: f.end,
            },
          ]
        : [];
    }),
    entities: claim.entityIds.flatMap((id) => {
      const e = entityById.get(id);
      return e ? [{ id: e.id, name: e.name, type: e.type }] : [];
    }),
    attribution: claim.attribution && {
      text: claim.attribution.text,
      entityId: claim.attribution.entityId,
      kind: claim.attribution.kind,
    },
    tags: [...new Set(annotations.flatMap(({ annotation }) => annotation.tags))],
    corrections,
    annotations: annotations.map(({ annotation, result }) => ({
      id: annotation.id,
      anchor: annotation.anchor,
      anchoredBy: result.method,
      score: result.score,
      tags: [...annotation.tags],
      created: annotation.created,
      modified: annotation.modified,
    })),
  };
}

function outsideClaimEntry(
  annotation: Annotation,
  source: ExportSource,
  result: AnchorResult & { status: 'anchored' },
): ClaimsExportOutsideClaim {
  return {
    id: annotation.id,
    source: { path: source.path, sha256: source.sha256 },
    text: source.text.slice(result.start, result.end),
    anchor: annotation.anchor,
    anchoredBy: result.method,
    score: result.score,
    tags: [...annotation.tags],
    corrections: [...annotation.corrections],
    created: annotation.created,
    modified: annotation.modified,
  };
}

function orphanEntry(annotation: Annotation, source: ExportSource | undefined, reason: string): ClaimsExportOrphan {
  return {
    id: annotation.id,
    source: { path: annotation.source, sha256: source?.sha256 ?? null },
    reason,
    lastAnchor: annotation.anchor,
    tags: [...annotation.tags],
    corrections: [...annotation.corrections],
    created: annotation.created,
    modified: annotation.modified,
  };
}

/**
 * The annotations as a W3C AnnotationCollection (Web Annotation Data Model): every MUST met —
 * ids (IRIs) on the collection, its one page and each annotation, made from `base`, the workspace
 * folder's IRI (`fileIri`); each target a SpecificResource whose source is the article's IRI;
 * agents as objects; times as xsd:dateTime with their zone. Tags become `tagging` bodies,
 * corrections `editing` bodies (their notes `commenting` ones), each by its author as a Person.
 * Targets carry a TextQuoteSelector and, when anchored, a TextPositionSelector in Unicode code
 * points (the W3C unit, not UTF-16).
 */
export function exportWebAnnotations(input: ExportInput, base: string): WebAnnotationExport {
  const folder = base.endsWith('/') ? base : `${base}/`;
  const collectionId = `${folder}.newsmark/annotations.json`;
  const pageId = `${collectionId}#page-1`;
  const items = placeAnnotations(input).map(({ annotation, source, result }) =>
    webAnnotation(annotation, source, result, folder, collectionId),
  );
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'Newsmark annotations',
    total: items.length,
    generated: input.generatedAt,
    generator: { type: 'Software', name: `${input.tool.name} ${input.tool.version}` },
    first: { id: pageId, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
    last: pageId,
  };
}

/**
 * The `file:` IRI of an absolute path, the same on every platform and for the editor and the
 * CLI: each segment percent-encoded as RFC 3986 asks (a Windows path keeps its drive letter).
 */
export function fileIri(absolutePath: string): string {
  const slashed = absolutePath.replace(/\\/g, '/');
  const withRoot = /^[A-Za-z]:/.test(slashed) ? `/${slashed}` : slashed;
  return `file://${withRoot
    .split('/')
    .map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodePathSegment(segment)))
    .join('/')}`;
}

function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function webAnnotation(
  annotation: Annotation,
  source: ExportSource | undefined,
  result: AnchorResult,
  folder: string,
  collectionId: string,
): WebAnnotation {
  // anchored: the text it stands on in the source now (an edit inside it may have been followed); else the quote as annotated
  const quote = result.status === 'anchored' ? currentQuote(annotation) : annotation.anchor.quote;
  const { position } = annotation.anchor;
  const selector: WebAnnotation['target']['selector'] = [
    { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
  ];
  if (result.status === 'anchored' && source) {
    const start = codePointOffset(source.text, position.start);
    selector.push({
      type: 'TextPositionSelector',
      start,
      end: start + codePointOffset(quote.exact, quote.exact.length),
    });
  }
  const body: WebAnnotation['body'] = annotation.tags.map((value) => ({
    type: 'TextualBody',
    purpose: 'tagging',
    value,
  }));
  for (const c of annotation.corrections) {
    const creator = { type: 'Person' as const, name: c.author };
    body.push({ type: 'TextualBody', purpose: 'editing', value: c.corrected, creator, created: c.time });
    if (c.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: c.note, creator, created: c.time });
  }
  return {
    id: `${collectionId}#${encodePathSegment(annotation.id)}`,
    type: 'Annotation',
    motivation: annotation.corrections.length > 0 ? 'editing' : annotation.tags.length > 0 ? 'tagging' : 'highlighting',
    created: annotation.created,
    modified: annotation.modified,
    body,
    target: {
      type: 'SpecificResource',
      source: `${folder}${annotation.source.split('/').map(encodePathSegment).join('/')}`,
      selector,
    },
  };
}

/** The number of Unicode code points in `text` before the UTF-16 offset. */
function codePointOffset(text: string, offset: number): number {
  let count = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isPairStart =
      code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (isPairStart && i + 1 < offset) i++;
    count++;
  }
  return count;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO times by the instant they name (offsets may differ); unparseable ones last, by text. */
function compareTimes(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb))
    return Number.isNaN(ta) === Number.isNaN(tb) ? compareStrings(a, b) : Number.isNaN(ta) ? 1 : -1;
  return ta - tb || compareStrings(a, b);
}
