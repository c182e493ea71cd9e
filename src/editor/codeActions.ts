/**
 * Quick fixes (lightbulb, Ctrl+.) on a claim, a figure or an entity in a claim: tag the claim as
 * verified / disputed / needs source, tag it with any tag, remove a tag, correct it. And on an
 * orphaned-annotation warning: remove the orphan. Every action runs a store command with its
 * target as arguments; nothing is changed while the menu is computed.
 */
import * as vscode from 'vscode';
import { ANNOTATION_FILE_PATH, BUILTIN_TAGS } from '../core/annotations/index';
import { claimAt } from './anchored';
import { ARTICLE_LANGUAGES } from './articles';
import { Commands } from './commands';
import { annotationIdOf } from './diagnostics';
import type { AnnotationStore } from './store';
import type { WorkspaceIndex } from './workspaceIndex';

export const TAG_KIND = vscode.CodeActionKind.QuickFix.append('newsmark').append('tag');
export const CORRECT_KIND = vscode.CodeActionKind.QuickFix.append('newsmark').append('correct');
export const ORPHAN_KIND = vscode.CodeActionKind.QuickFix.append('newsmark').append('orphan');

const TAG_TITLES: Readonly<Record<(typeof BUILTIN_TAGS)[number], string>> = {
  verified: 'Tag claim as verified',
  disputed: 'Tag claim as disputed',
  'needs-source': 'Tag claim as needs source',
};

export function registerCodeActions(index: WorkspaceIndex, store: AnnotationStore): vscode.Disposable {
  // the annotations file too: a detached annotation (its article gone) is reported on its entry there
  const selector: vscode.DocumentSelector = [
    ...(ARTICLE_LANGUAGES as vscode.DocumentFilter[]),
    { pattern: `**/${ANNOTATION_FILE_PATH}` },
  ];
  return vscode.languages.registerCodeActionsProvider(
    selector,
    {
      async provideCodeActions(doc, range, context, token) {
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of context.diagnostics) {
          const id = annotationIdOf(diagnostic);
          if (!id) continue;
          const action = new vscode.CodeAction('Remove the orphaned annotation', ORPHAN_KIND);
          action.command = { title: action.title, command: Commands.removeAnnotation, arguments: [doc.uri, id] };
          action.diagnostics = [diagnostic];
          actions.push(action);
        }
        const article = await index.getArticle(doc, token);
        if (!article || token.isCancellationRequested) return actions;
        const offset = doc.offsetAt(range.start);
        const claim = claimAt(article.analysis, offset);
        if (!claim || (context.only && !TAG_KIND.intersects(context.only) && !CORRECT_KIND.intersects(context.only)))
          return actions;
        const existing = await store.annotationAt(doc.uri, claim.start, claim.end);
        const tags = existing?.tags ?? [];
        const command = (title: string, kind: vscode.CodeActionKind, id: string, ...args: unknown[]) => {
          const action = new vscode.CodeAction(title, kind);
          action.command = { title, command: id, arguments: [doc.uri, offset, ...args] };
          actions.push(action);
        };
        for (const tag of BUILTIN_TAGS)
          if (!tags.includes(tag)) command(TAG_TITLES[tag], TAG_KIND, Commands.tagClaim, tag);
        command('Tag claim…', TAG_KIND, Commands.tagClaim);
        for (const tag of tags) command(`Remove tag "${tag}"`, TAG_KIND, Commands.removeTag, tag);
        command('Correct claim…', CORRECT_KIND, Commands.correctClaim);
        return actions;
      },
    },
    { providedCodeActionKinds: [TAG_KIND, CORRECT_KIND, ORPHAN_KIND] },
  );
}
