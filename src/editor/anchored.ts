/**
 * How the editor sees annotations: each with its current span in the open text (or none: an
 * orphan), and which claim of an analysis it belongs to (the claim holding its midpoint).
 */
import type * as vscode from 'vscode';
import type { Analysis, Claim } from '../core/analysis';
import type { Annotation } from '../core/annotations/model';
import type { Span } from '../core/document';

export interface AnchoredAnnotation {
  readonly annotation: Annotation;
  readonly uri: vscode.Uri;
  /** Where it stands in the current text; undefined for an orphan. */
  readonly span: Span | undefined;
  /**
   * For an annotation whose article is gone (detached): its entry in the annotations file, where
   * Problems and the panel take the user, since the article cannot be opened.
   */
  readonly entry?: vscode.Location;
}

/** What the features read of the annotation store. */
export interface AnnotationView {
  readonly onDidChange: vscode.Event<void>;
  anchoredIn(uri: vscode.Uri): readonly AnchoredAnnotation[];
}

export function claimAt(analysis: Analysis, offset: number): Claim | undefined {
  return (
    analysis.claims.find((c) => c.start <= offset && offset < c.end) ??
    analysis.claims.find((c) => c.start <= offset && offset === c.end)
  );
}

export function claimOfSpan(analysis: Analysis, span: Span): Claim | undefined {
  return claimAt(analysis, Math.floor((span.start + span.end) / 2));
}

export function annotationsOfClaim(
  anchored: readonly AnchoredAnnotation[],
  analysis: Analysis,
  claim: Claim,
): AnchoredAnnotation[] {
  return anchored.filter((a) => a.span && claimOfSpan(analysis, a.span)?.id === claim.id);
}

/** The tags of a claim across its annotations, in order, without duplicates. */
export function tagsOf(annotations: readonly AnchoredAnnotation[]): string[] {
  return [...new Set(annotations.flatMap((a) => a.annotation.tags))];
}
