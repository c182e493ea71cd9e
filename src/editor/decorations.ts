/**
 * Inline highlights: one decoration type per entity type and figure kind, and marks on tagged or
 * corrected claims, all created once. Colours are theme colour ids (contributes.colors).
 * Decorations change only when the analysis of the editor's current version lands, so the old
 * ones (moved along by the editor as the text changes) stay until then.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../core/analysis';
import { ENTITY_TYPES, type EntityType } from '../core/extract/entities/entityTypes';
import { FIGURE_KINDS, type FigureKind } from '../core/extract/figures/figure';
import { claimOfSpan, type AnnotationView } from './anchored';
import { rangeOf } from './articles';
import type { Config } from './config';
import type { WorkspaceIndex } from './workspaceIndex';

export const entityColour = (type: EntityType) => `newsmark.entity.${type}`;
export const figureColour = (kind: FigureKind) => `newsmark.figure.${kind}`;
export const CLAIM_MARKS = ['verified', 'disputed', 'flagged'] as const;
type ClaimMark = (typeof CLAIM_MARKS)[number];
export const claimColour = (mark: ClaimMark) => `newsmark.claim.${mark}`;

interface Styles {
  readonly entities: ReadonlyMap<EntityType, vscode.TextEditorDecorationType>;
  readonly figures: ReadonlyMap<FigureKind, vscode.TextEditorDecorationType>;
  readonly claims: ReadonlyMap<ClaimMark, vscode.TextEditorDecorationType>;
}

function createStyles(): Styles {
  const entities = new Map(
    ENTITY_TYPES.map(
      (type) =>
        [
          type,
          vscode.window.createTextEditorDecorationType({
            borderStyle: 'none none solid none',
            borderWidth: '0 0 2px 0',
            borderColor: new vscode.ThemeColor(entityColour(type)),
          }),
        ] as const,
    ),
  );
  const figures = new Map(
    FIGURE_KINDS.map(
      (kind) =>
        [
          kind,
          vscode.window.createTextEditorDecorationType({
            backgroundColor: new vscode.ThemeColor(figureColour(kind)),
            borderRadius: '3px',
          }),
        ] as const,
    ),
  );
  const claims = new Map(
    CLAIM_MARKS.map(
      (mark) =>
        [
          mark,
          vscode.window.createTextEditorDecorationType({
            borderStyle: 'none none dotted none',
            borderWidth: '0 0 1px 0',
            borderColor: new vscode.ThemeColor(claimColour(mark)),
            overviewRulerColor: new vscode.ThemeColor(claimColour(mark)),
            overviewRulerLane: vscode.OverviewRulerLane.Right,
            after: { color: new vscode.ThemeColor(claimColour(mark)), margin: '0 0 0 0.6em', fontStyle: 'italic' },
          }),
        ] as const,
    ),
  );
  return { entities, figures, claims };
}

export interface Highlights extends vscode.Disposable {
  readonly isEnabled: boolean;
  toggle(): boolean;
  /** Fires after an editor's highlights were drawn, with its document's uri. */
  readonly onDidRender: vscode.Event<vscode.Uri>;
  /** The entity underlines last drawn in a document's editors, by type (what a person sees; for tests). */
  entityHighlights(uri: vscode.Uri): ReadonlyMap<EntityType, readonly vscode.Range[]> | undefined;
}

export function registerDecorations(index: WorkspaceIndex, annotations: AnnotationView, config: Config): Highlights {
  const styles = createStyles();
  let isEnabled = true;
  const rendered = new vscode.EventEmitter<vscode.Uri>();
  const drawnEntities = new Map<string, Map<EntityType, vscode.Range[]>>();

  const clear = (editor: vscode.TextEditor) => {
    for (const t of [...styles.entities.values(), ...styles.figures.values(), ...styles.claims.values()])
      editor.setDecorations(t, []);
    drawnEntities.delete(editor.document.uri.toString());
  };

  const render = (editor: vscode.TextEditor, analysis: Analysis) => {
    const doc = editor.document;
    const { entityTypes, figureKinds } = config.settings.highlight;
    const drawn = new Map<EntityType, vscode.Range[]>();
    for (const [type, style] of styles.entities) {
      const mentions = entityTypes.includes(type)
        ? analysis.entities.filter((e) => e.type === type).flatMap((e) => e.mentions)
        : [];
      drawn.set(
        type,
        mentions.map((m) => rangeOf(doc, m)),
      );
      editor.setDecorations(style, drawn.get(type)!);
    }
    drawnEntities.set(doc.uri.toString(), drawn);
    for (const [kind, style] of styles.figures) {
      const figures = figureKinds.includes(kind) ? analysis.figures.filter((f) => f.kind === kind) : [];
      editor.setDecorations(
        style,
        figures.map((f) => rangeOf(doc, f)),
      );
    }
    const marks = new Map<ClaimMark, vscode.DecorationOptions[]>(CLAIM_MARKS.map((m) => [m, []]));
    const byClaim = new Map<string, { tags: Set<string>; corrections: number; end: number; start: number }>();
    for (const a of annotations.anchoredIn(doc.uri)) {
      if (!a.span) continue;
      const claim = claimOfSpan(analysis, a.span) ?? { id: `span:${a.span.start}`, ...a.span };
      const mark = byClaim.get(claim.id) ?? {
        tags: new Set<string>(),
        corrections: 0,
        start: claim.start,
        end: claim.end,
      };
      for (const tag of a.annotation.tags) mark.tags.add(tag);
      mark.corrections += a.annotation.corrections.length;
      byClaim.set(claim.id, mark);
    }
    for (const mark of byClaim.values()) {
      if (mark.tags.size === 0 && mark.corrections === 0) continue;
      const kind: ClaimMark = mark.tags.has('disputed')
        ? 'disputed'
        : mark.tags.size === 1 && mark.tags.has('verified') && !mark.corrections
          ? 'verified'
          : 'flagged';
      const label = [...mark.tags].map((t) => (t === 'verified' ? '✓ verified' : `# ${t}`));
      if (mark.corrections) label.push(`✎ corrected${mark.corrections > 1 ? ` ×${mark.corrections}` : ''}`);
      marks.get(kind)!.push({ range: rangeOf(doc, mark), renderOptions: { after: { contentText: label.join('  ') } } });
    }
    for (const [mark, style] of styles.claims) editor.setDecorations(style, marks.get(mark)!);
    rendered.fire(doc.uri);
  };

  /** Render what is known for the editor's current version, or ask for it (its landing re-renders). */
  const refresh = (editor: vscode.TextEditor) => {
    if (!isEnabled || !index.isArticle(editor.document)) return clear(editor);
    const latest = index.latest(editor.document.uri);
    if (latest && latest.version === editor.document.version) render(editor, latest.analysis);
    else void index.get(editor.document);
  };
  const refreshAll = () => vscode.window.visibleTextEditors.forEach(refresh);

  const disposables = [
    rendered,
    index.onDidAnalyse((article) => {
      if (!isEnabled) return;
      for (const editor of vscode.window.visibleTextEditors) {
        if (editor.document.uri.toString() === article.uri.toString() && editor.document.version === article.version)
          render(editor, article.analysis);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(refreshAll),
    vscode.workspace.onDidCloseTextDocument((doc) => drawnEntities.delete(doc.uri.toString())),
    annotations.onDidChange(refreshAll),
    config.onDidChange(refreshAll),
    ...styles.entities.values(),
    ...styles.figures.values(),
    ...styles.claims.values(),
  ];
  setTimeout(refreshAll, 0); // not on activation's critical path

  return {
    get isEnabled() {
      return isEnabled;
    },
    toggle() {
      isEnabled = !isEnabled;
      refreshAll();
      return isEnabled;
    },
    onDidRender: rendered.event,
    entityHighlights: (uri) => drawnEntities.get(uri.toString()),
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
