/**
 * Quick fixes on a conflict (a `newsmark.conflict` diagnostic): open the other source at its
 * statement; tag this claim as disputed; prefer this source. "Prefer this source" records the
 * researcher's choice in the annotation store, where tags already live: this claim is tagged
 * `preferred` and each conflicting claim in the other sources is tagged `disputed` (both show
 * as claim marks and in the export; "Remove tag" undoes either). The conflict itself stays
 * reported: it is a fact about the sources, as `newsmark check` reports it.
 */
import * as vscode from 'vscode';
import type { Figure } from '../core/analysis';
import type { ComparedStatement } from '../core/corpus/index';
import { claimAt } from './anchored';
import { ARTICLE_LANGUAGES, revealSpan } from './articles';
import { Commands } from './commands';
import { isConflictDiagnostic } from './conflictDiagnostics';
import { figureAt } from './hover';
import type { WorkspaceCorpus } from './workspaceCorpus';
import type { AnalysedArticle, WorkspaceIndex } from './workspaceIndex';

export const CONFLICT_KIND = vscode.CodeActionKind.QuickFix.append('newsmark').append('conflict');
/** The tag "Prefer this source" puts on the preferred claim. */
export const PREFERRED_TAG = 'preferred';
const DISPUTED_TAG = 'disputed';

type TagClaim = (uri: vscode.Uri, offset: number, tag?: string) => Promise<unknown>;

export function registerConflictActions(index: WorkspaceIndex, sources: WorkspaceCorpus): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    ARTICLE_LANGUAGES,
    {
      async provideCodeActions(doc, _range, context, token) {
        const diagnostics = context.diagnostics.filter(isConflictDiagnostic);
        if (!diagnostics.length || (context.only && !CONFLICT_KIND.intersects(context.only))) return [];
        const article = await index.getArticle(doc, token);
        if (!article || token.isCancellationRequested) return [];
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of diagnostics) {
          const figure = figureAt(article.analysis, doc.offsetAt(diagnostic.range.start));
          const conflicting = figure ? conflictsOf(sources, article, figure) : [];
          const add = (title: string, command: string, args: unknown[], isPreferred = false) => {
            const action = new vscode.CodeAction(title, CONFLICT_KIND);
            action.command = { title, command, arguments: args };
            action.diagnostics = [diagnostic];
            action.isPreferred = isPreferred;
            actions.push(action);
          };
          conflicting.forEach((other, i) => {
            const uri = sources.uriOf(other.path);
            if (uri)
              add(
                `Open the other source at the statement: ${other.path} ("${other.text}")`,
                Commands.revealStatement,
                [uri, other.start, other.end],
                i === 0,
              );
          });
          if (!figure || !conflicting.length) continue;
          add('Tag this claim as disputed', Commands.tagClaim, [doc.uri, figure.start, DISPUTED_TAG]);
          const others =
            conflicting.length === 1 ? 'the conflicting claim' : `the ${conflicting.length} conflicting claims`;
          add(
            `Prefer this source: tag this claim "${PREFERRED_TAG}", ${others} "${DISPUTED_TAG}"`,
            Commands.preferSource,
            [doc.uri, figure.start],
          );
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [CONFLICT_KIND] },
  );
}

/** The statements of other sources that conflict with a figure (none when it states no shared fact). */
function conflictsOf(sources: WorkspaceCorpus, article: AnalysedArticle, figure: Figure): ComparedStatement[] {
  return sources.corpus.statementsFor(article.path, figure.id)?.others.filter((o) => o.verdict === 'conflict') ?? [];
}

export interface PreferredSource {
  readonly preferred: { readonly uri: vscode.Uri; readonly offset: number };
  readonly disputed: ReadonlyArray<{ readonly uri: vscode.Uri; readonly offset: number }>;
}

/** The handlers of `preferSource` and `revealStatement`. */
export function conflictCommandHandlers(index: WorkspaceIndex, sources: WorkspaceCorpus, tagClaim: TagClaim) {
  return {
    /** (uri?, offset?) — default: the cursor. A figure at the offset, else the first conflicting figure of the claim there. */
    preferSource: async (uri?: vscode.Uri, offset?: number): Promise<PreferredSource | undefined> => {
      const editor = vscode.window.activeTextEditor;
      const target = uri ?? editor?.document.uri;
      const at =
        offset ??
        (editor && target && editor.document.uri.toString() === target.toString()
          ? editor.document.offsetAt(editor.selection.active)
          : undefined);
      const article = target && (await index.getUri(target));
      if (!target || !article || at === undefined) {
        void vscode.window.showInformationMessage(
          'Newsmark: put the cursor on a figure that another source states differently.',
        );
        return undefined;
      }
      const claim = claimAt(article.analysis, at);
      const candidates = [
        figureAt(article.analysis, at),
        ...article.analysis.figures.filter((f) => claim && f.start >= claim.start && f.end <= claim.end),
      ];
      const figure = candidates.find((f): f is Figure => !!f && conflictsOf(sources, article, f).length > 0);
      if (!figure) {
        void vscode.window.showInformationMessage(
          'Newsmark: no other source in the workspace conflicts with this claim.',
        );
        return undefined;
      }
      const disputed = conflictsOf(sources, article, figure).flatMap((o) => {
        const otherUri = sources.uriOf(o.path);
        return otherUri ? [{ uri: otherUri, offset: o.start }] : [];
      });
      await tagClaim(target, figure.start, PREFERRED_TAG);
      for (const other of disputed) await tagClaim(other.uri, other.offset, DISPUTED_TAG);
      vscode.window.setStatusBarMessage(
        `$(pass) Newsmark: this source preferred; ${disputed.length} conflicting claim(s) tagged disputed`,
        4000,
      );
      return { preferred: { uri: target, offset: figure.start }, disputed };
    },
    /** (uri, start, end) */
    revealStatement: (uri: vscode.Uri, start: number, end: number) => revealSpan(uri, start, end),
  };
}
