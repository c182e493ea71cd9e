/**
 * Wiring: services, one module per feature, the API the integration tests drive — the same for
 * both builds: src/extension.ts (desktop, Node) and src/extension.web.ts (vscode.dev, github.dev)
 * each build their platform (src/editor/platform.ts) and call `activateNewsmark`. Cheap: nothing
 * here reads a file or analyses an article; the modules start their work on the next tick or
 * when a view or a document asks (the workspace corpus indexes every article in the background).
 * A failure is shown once ("Cannot activate Newsmark: …") and rethrown.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import type { Analysis } from './core/analysis';
import type { DealRow } from './core/corpus/index';
import type { ExportFormat } from './core/exportFormats';
import { AnnotationCommands } from './editor/annotationCommands';
import { registerCodeActions } from './editor/codeActions';
import { Commands, registerCommands } from './editor/commands';
import { Config } from './editor/config';
import { conflictCommandHandlers, registerConflictActions } from './editor/conflictActions';
import { registerConflictDiagnostics, type ConflictProblems } from './editor/conflictDiagnostics';
import { registerDecorations, type Highlights } from './editor/decorations';
import { DealsTreeProvider, dealsCommandHandlers, registerDealsTree } from './editor/dealsTree';
import { registerDiagnostics } from './editor/diagnostics';
import { exportTaggedClaims } from './editor/exportClaims';
import { registerHover } from './editor/hover';
import { lexiconCommandHandlers, registerLexiconActions } from './editor/lexiconActions';
import { LexiconSource } from './editor/lexiconSource';
import { createLog } from './editor/log';
import type { Platform } from './editor/platform';
import { registerReferences } from './editor/references';
import { registerSaveStatus } from './editor/saveStatus';
import { registerStatusBar } from './editor/statusBar';
import { AnnotationStore } from './editor/store';
import { registerViews, type NewsmarkViews } from './editor/views/index';
import { WorkspaceCorpus, type CorpusUpdate } from './editor/workspaceCorpus';
import {
  STEP_CONTEXTS,
  WALKTHROUGH_ID,
  completeStep,
  openSamples,
  showWalkthroughOnFirstRun,
} from './editor/walkthrough';
import { WorkspaceIndex, type AnalysedArticle } from './editor/workspaceIndex';

/** The longest a view waits for the first-run walkthrough to open before making its webview. */
const LAYOUT_WAIT_MS = 5_000;

// zod compiles each schema into a parser (new Function) on its first use: 10–40 ms of activation
// for the settings alone, measured in code-server. The extension's parses are small; interpret them.
z.config({ jitless: true });

/** What the extension exports to other extensions and to the integration tests. */
export interface NewsmarkApi {
  readonly version: string;
  /** The analysis of an article's current text (its open document, else the file). */
  analysisOf(uri: vscode.Uri): Promise<Analysis | undefined>;
  /** Fires when an analysis lands: after open, after an edit (debounced), while the workspace is indexed. */
  readonly onDidAnalyse: vscode.Event<AnalysedArticle>;
  /** The deals of every article in the workspace, merged across sources, as the panel lists them (rows: `corpus.dealDetails` gives one whole), once indexed. */
  deals(): Promise<readonly DealRow[]>;
  /** Every article's facts across the workspace: `corpus.corpus` answers, `whenIdle()` waits for indexing. */
  readonly corpus: WorkspaceCorpus;
  /** Fires after the corpus changed, with the sources concerned. */
  readonly onDidUpdateCorpus: vscode.Event<CorpusUpdate>;
  readonly index: WorkspaceIndex;
  readonly store: AnnotationStore;
  readonly dealsTree: DealsTreeProvider;
  readonly highlights: Highlights;
  readonly commands: typeof Commands;
  /** The deal map and the fact timeline (webviews), driven by the integration tests. */
  readonly views: NewsmarkViews;
  /** Which articles' conflicts the Problems view lists (`newsmark.conflicts.maxArticles`). */
  readonly conflictProblems: Pick<ConflictProblems, 'scope'>;
  /** Milliseconds from entering `activate()` to its return (the bench reads it in a real VS Code). */
  readonly activationMs: number;
  /** Resolves once the first-run check is done: true when this activation opened the walkthrough. */
  readonly firstRun: Promise<boolean>;
  /** Which build runs, and where: `{ kind: 'web', host: 'a web worker extension host' }` in vscode.dev. */
  readonly platform: { readonly kind: Platform['kind']; readonly host: string };
}

export function activateNewsmark(context: vscode.ExtensionContext, platform: Platform): NewsmarkApi {
  const started = performance.now();
  const log = createLog();
  context.subscriptions.push(log);
  try {
    const version = String(context.extension.packageJSON.version);
    const config = new Config(log);
    const lexicons = new LexiconSource(log, platform);
    const index = new WorkspaceIndex(config, lexicons, log, platform, context.storageUri);
    const corpus = new WorkspaceCorpus(index, log);
    const store = new AnnotationStore(index, config, log, platform, context.storageUri ?? context.globalStorageUri);
    corpus.setTextNeeded((uri) => store.hasAnnotationsIn(uri));
    stopping = () => store.flush();
    const dealsTree = new DealsTreeProvider(corpus, store, context.workspaceState, log);
    const annotate = new AnnotationCommands(index, store);
    const tagClaim = (uri: vscode.Uri, offset: number, tag?: string) => annotate.tagClaim(uri, offset, tag);
    const highlights = registerDecorations(index, store, config);
    // the first-run walkthrough splits the editor area as it opens; a webview made meanwhile may stay blank
    let settleLayout: () => void = () => {};
    const layoutSettled = new Promise<void>((resolve) => (settleLayout = resolve));
    const views = registerViews(
      corpus,
      index,
      context.extensionUri,
      log,
      (uri, data) => platform.writeTextFile(uri, data),
      () => Promise.race([layoutSettled, new Promise((resolve) => setTimeout(resolve, LAYOUT_WAIT_MS))]),
    );
    const conflictProblems = registerConflictDiagnostics(corpus, config, () => platform.yieldToHost());
    context.subscriptions.push(
      config,
      lexicons,
      index,
      corpus,
      store,
      dealsTree,
      highlights,
      registerHover(index, store, corpus),
      registerReferences(index, corpus),
      registerCodeActions(index, store),
      registerConflictActions(index, corpus),
      registerLexiconActions(index),
      registerDealsTree(dealsTree),
      registerDiagnostics(store, index, corpus),
      conflictProblems,
      registerStatusBar(index, store, config),
      registerSaveStatus(store),
      views.disposable,
      registerCommands(
        {
          toggleHighlights: () => highlights.toggle(),
          tagClaim: async (uri?: vscode.Uri, offset?: number, tag?: string) => {
            const tagged = await annotate.tagClaim(uri, offset, tag);
            if (tagged) completeStep(STEP_CONTEXTS.tagged);
            return tagged;
          },
          removeTag: (uri?: vscode.Uri, offset?: number, tag?: string) => annotate.removeTag(uri, offset, tag),
          correctClaim: (
            uri?: vscode.Uri,
            offset?: number,
            answers?: Parameters<AnnotationCommands['correctClaim']>[2],
          ) => annotate.correctClaim(uri, offset, answers),
          exportClaims: async (target?: vscode.Uri, format?: ExportFormat) => {
            const exported = await exportTaggedClaims(
              { index, store, log, platform, version },
              target instanceof vscode.Uri ? target : undefined,
              typeof format === 'string' ? format : undefined,
            );
            if (exported) completeStep(STEP_CONTEXTS.exported);
            return exported;
          },
          ...dealsCommandHandlers(dealsTree, tagClaim),
          removeAnnotation: (target: unknown, id?: string, isConfirmed?: boolean) =>
            annotate.removeAnnotation(target, id, isConfirmed),
          openAnnotationFile: () => annotate.openAnnotationFile(),
          saveAnnotations: () => store.saveNow(),
          openSamples: (parent?: vscode.Uri, isOpening?: boolean) =>
            openSamples(
              context.extensionUri,
              log,
              parent instanceof vscode.Uri ? parent : undefined,
              isOpening !== false,
            ),
          showWalkthrough: () =>
            vscode.commands.executeCommand(
              'workbench.action.openWalkthrough',
              `${context.extension.id}#${WALKTHROUGH_ID}`,
              false,
            ),
          showLog: () => log.show(),
          reindexWorkspace: () => corpus.reindex(),
          ...conflictCommandHandlers(index, corpus, tagClaim),
          ...lexiconCommandHandlers(index, lexicons),
          ...views.handlers,
        },
        log,
      ),
    );
    setTimeout(() => void store.ready(), 0); // read the annotations off the activation path
    const firstRun = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(showWalkthroughOnFirstRun(context, log)), 0),
    );
    void firstRun.finally(settleLayout);
    const activationMs = performance.now() - started;
    log.info(
      `Newsmark ${version} (${platform.kind} build) activated in ${activationMs.toFixed(1)} ms in ${platform.host}`,
    );
    return {
      version,
      index,
      store,
      dealsTree,
      highlights,
      corpus,
      commands: Commands,
      activationMs,
      firstRun,
      views: views.views,
      conflictProblems,
      platform: { kind: platform.kind, host: platform.host },
      analysisOf: async (uri) => (await index.getUri(uri))?.analysis,
      onDidAnalyse: index.onDidAnalyse,
      onDidUpdateCorpus: corpus.onDidUpdate,
      deals: async () => (await dealsTree.deals()).deals,
    };
  } catch (error) {
    log.error(`activation failed: ${(error as Error).stack ?? error}`);
    void vscode.window
      .showErrorMessage(`Cannot activate Newsmark: ${(error as Error).message}`, 'Show Log')
      .then((c) => c && log.show());
    throw error;
  }
}

/** Set by `activateNewsmark`: what `deactivateNewsmark` waits for (VS Code awaits it before the window goes). */
let stopping: (() => Promise<unknown>) | undefined;

/** Every annotation change still in memory goes to its file before the window closes. */
export async function deactivateNewsmark(): Promise<void> {
  const flush = stopping;
  stopping = undefined;
  await flush?.().catch(() => undefined); // a failure was shown and logged; the journal keeps the changes
}
