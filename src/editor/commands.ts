/**
 * Every command id in one place, checked against package.json's `contributes.commands` by a test.
 * User-facing commands appear in the palette under "Newsmark"; internal ones are hidden there
 * (`"when": "false"` in `menus.commandPalette`) and run from code actions, tree items or tests.
 * `registerCommands` takes one handler per id: a missing handler is a type error.
 */
import * as vscode from 'vscode';
import type { Log } from './log';

export const Commands = {
  // user-facing
  /** {@link registerDecorations} */
  toggleHighlights: 'newsmark.toggleHighlights',
  /** {@link registerAnnotationCommands}: (uri?, offset?, tag?) — prompts for what is missing */
  tagClaim: 'newsmark.tagClaim',
  /** {@link registerAnnotationCommands}: (uri?, offset?, tag?) */
  removeTag: 'newsmark.removeTag',
  /** {@link registerAnnotationCommands}: (uri?, offset?, {corrected, note, isApplied}?) */
  correctClaim: 'newsmark.correctClaim',
  /** {@link registerExport}: (target uri?) */
  exportClaims: 'newsmark.exportClaims',
  /** {@link registerDealsTree} */
  refreshDeals: 'newsmark.refreshDeals',
  groupDealsByKind: 'newsmark.groupDealsByKind',
  /** {@link dealsCommandHandlers}: every deal of the panel as CSV on the clipboard */
  copyDealsAsCsv: 'newsmark.copyDealsAsCsv',
  groupDealsByParty: 'newsmark.groupDealsByParty',
  showDeals: 'newsmark.showDeals',
  openAnnotationFile: 'newsmark.openAnnotationFile',
  /** {@link AnnotationStore.saveNow}: writes every pending annotation change now (retries a failed write) */
  saveAnnotations: 'newsmark.saveAnnotations',
  showLog: 'newsmark.showLog',
  /** {@link WorkspaceCorpus.reindex}: analyses every article again (resumes a cancelled indexing) */
  reindexWorkspace: 'newsmark.reindexWorkspace',
  /**
   * {@link conflictCommandHandlers}: (uri?, offset?) — tags the claim "preferred" and each
   * conflicting claim of the other sources "disputed"
   */
  preferSource: 'newsmark.preferSource',
  /** {@link lexiconCommandHandlers}: (text?, type?, uri?) — the selection or word at the cursor when no text */
  addToLexicon: 'newsmark.addToLexicon',
  /** {@link lexiconCommandHandlers}: (text?, entityName?, uri?) */
  addLexiconAlias: 'newsmark.addLexiconAlias',
  /** {@link lexiconCommandHandlers}: (text?, uri?) */
  markNotEntity: 'newsmark.markNotEntity',
  openLexiconFile: 'newsmark.openLexiconFile',
  /** {@link registerViews}: the deal map (a webview) */
  showDealMap: 'newsmark.showDealMap',
  /** {@link registerViews}: (key id | {keyId} | {path, figureId} | {uri, offset})? — the fact under the cursor, else a quick pick */
  showFactTimeline: 'newsmark.showFactTimeline',
  /** {@link openSamples}: (parent folder uri?, isOpening?) — copies the bundled samples and opens them */
  openSamples: 'newsmark.openSamples',
  /** {@link showWalkthroughOnFirstRun}: the "Get Started with Newsmark" walkthrough */
  showWalkthrough: 'newsmark.showWalkthrough',
  // internal: tree items, code actions
  revealMention: 'newsmark.revealMention',
  tagDealMention: 'newsmark.tagDealMention',
  copyDealAsJson: 'newsmark.copyDealAsJson',
  /** {@link DealsTreeProvider.showMore}: (the group's "Show more" node) */
  showMoreDeals: 'newsmark.showMoreDeals',
  revealAnnotation: 'newsmark.revealAnnotation',
  removeAnnotation: 'newsmark.removeAnnotation',
  /** {@link conflictCommandHandlers}: (uri, start, end) — opens an article at a statement */
  revealStatement: 'newsmark.revealStatement',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
export type CommandName = keyof typeof Commands;

/** Hidden from the palette: they need a target (a tree item, a claim under the cursor, an annotation). */
export const INTERNAL_COMMANDS: readonly CommandName[] = [
  'revealMention',
  'tagDealMention',
  'copyDealAsJson',
  'showMoreDeals',
  'revealAnnotation',
  'removeAnnotation',
  'revealStatement',
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;
export type CommandHandlers = { readonly [K in CommandName]: CommandHandler };

/** Registers every command; a handler that throws is logged and reported once to the user. */
export function registerCommands(handlers: CommandHandlers, log: Log): vscode.Disposable {
  const disposables = (Object.keys(Commands) as CommandName[]).map((name) =>
    vscode.commands.registerCommand(Commands[name], async (...args: unknown[]) => {
      try {
        return await handlers[name](...args);
      } catch (error) {
        log.error(`${Commands[name]} failed: ${(error as Error).stack ?? error}`);
        void vscode.window.showErrorMessage(
          `Newsmark: ${(error as Error).message}. See "Newsmark: Show Log" for details.`,
        );
        return undefined;
      }
    }),
  );
  return vscode.Disposable.from(...disposables);
}
