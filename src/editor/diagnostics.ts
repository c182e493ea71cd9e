/**
 * The Problems view: each orphaned annotation as a warning on its article (at its last known
 * place), and an annotations file that fails validation as an error on that file. The orphan's
 * code links to the annotations file and carries the annotation id for the quick fix.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../core/annotations/index';
import { articlePath } from './articles';
import { shorten } from './format';
import type { AnnotationStore } from './store';
import type { WorkspaceCorpus } from './workspaceCorpus';
import type { WorkspaceIndex } from './workspaceIndex';

export const ORPHAN_CODE = 'newsmark.orphan';
export const INVALID_FILE_CODE = 'newsmark.invalidAnnotationFile';

export function annotationIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code !== 'object' || code.value !== ORPHAN_CODE) return undefined;
  return new URLSearchParams(code.target.fragment).get('annotation') ?? undefined;
}

export function registerDiagnostics(
  store: AnnotationStore,
  index: WorkspaceIndex,
  sources: WorkspaceCorpus,
): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('newsmark');

  const rangeIn = (uri: vscode.Uri, annotation: Annotation): vscode.Range => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const { start, end } = annotation.anchor.position;
    if (doc) return new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    const indexed = sources.rangeOf(articlePath(uri), start, end);
    if (indexed) return indexed;
    const text = index.latest(uri)?.text;
    if (text === undefined) return new vscode.Range(0, 0, 0, 0);
    return new vscode.Range(positionIn(text, start), positionIn(text, end));
  };

  const update = () => {
    const byUri = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, diagnostic: vscode.Diagnostic) => {
      const entry = byUri.get(uri.toString()) ?? { uri, diagnostics: [] };
      entry.diagnostics.push(diagnostic);
      byUri.set(uri.toString(), entry);
    };
    for (const orphan of store.orphans()) {
      const { annotation } = orphan;
      const tags = annotation.tags.length ? ` (tags: ${annotation.tags.join(', ')})` : '';
      // an annotation whose article is gone is shown on its entry in the annotations file
      const where = orphan.entry ?? new vscode.Location(orphan.uri, rangeIn(orphan.uri, annotation));
      const message = orphan.entry
        ? `Detached annotation${tags}: ${annotation.source}: ${annotation.orphan?.reason ?? 'cannot be anchored'} ("${shorten(annotation.anchor.quote.exact, 80)}"). It is kept here until the article comes back or you remove it.`
        : `Orphaned annotation${tags}: "${shorten(annotation.anchor.quote.exact, 80)}" is no longer in the article (${annotation.orphan?.reason ?? 'cannot be anchored'}). It is kept in .newsmark/annotations.json.`;
      const diagnostic = new vscode.Diagnostic(where.range, message, vscode.DiagnosticSeverity.Warning);
      const wf = vscode.workspace.getWorkspaceFolder(orphan.uri);
      const file = wf ? store.fileUri(wf) : orphan.uri;
      diagnostic.code = {
        value: ORPHAN_CODE,
        target: file.with({ fragment: `annotation=${encodeURIComponent(annotation.id)}` }),
      };
      diagnostic.source = 'Newsmark';
      add(where.uri, diagnostic);
    }
    for (const problem of store.problems()) {
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `This annotations file is not valid, so Newsmark leaves it untouched and annotations are read-only until it is fixed: ${problem.message}`,
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.code = INVALID_FILE_CODE;
      diagnostic.source = 'Newsmark';
      add(problem.fileUri, diagnostic);
    }
    collection.clear();
    for (const { uri, diagnostics } of byUri.values()) collection.set(uri, diagnostics);
  };

  // the corpus knows where lines start in articles no editor has open
  return vscode.Disposable.from(
    collection,
    store.onDidChange(update),
    sources.onDidUpdate(() => store.orphans().length > 0 && update()),
  );
}

/** Line and character of a UTF-16 offset in a text that is not open in an editor. */
function positionIn(text: string, offset: number): vscode.Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return new vscode.Position(line, clamped - lineStart);
}
