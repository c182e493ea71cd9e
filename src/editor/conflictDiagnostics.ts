/**
 * Conflicts as problems: each figure whose fact another source states differently gets a
 * diagnostic on it — severity `newsmark.conflicts.severity` (Information by default; "off"
 * reports none) — naming the fact, the other sources' values and why they conflict, with each
 * conflicting statement as related information. Kept current from the corpus's updates: only
 * the sources an update concerns are recomputed. The quick fixes (conflictActions.ts) find
 * these by `CONFLICT_CODE`.
 *
 * Listed for the open articles and at most `newsmark.conflicts.maxArticles` others
 * (core/views/problemsScope.ts); when that leaves some out, a status bar item says how many and
 * opens the setting.
 */
import * as vscode from 'vscode';
import { gatherInSlices } from '../core/collections';
import type { FigureConflicts } from '../core/corpus/index';
import { isLimited, problemsScope, type ProblemsScope } from '../core/views/problemsScope';
import { articlePath } from './articles';
import type { Config, ConflictSeverity } from './config';
import { listWithMore, shorten } from './format';
import type { WorkspaceCorpus } from './workspaceCorpus';

export const CONFLICT_CODE = 'newsmark.conflict';
/** Work done before yielding to the host (hovers, typing) while problems are recomputed. */
const SLICE_MS = 15;
/**
 * Other sources named in a conflict's message, and given as related information. A fact that
 * thousands of sources state differently would otherwise give each of them a message and a
 * list with all the others: the problems of the workspace would grow with the square of it.
 * The related information is what the message names, no more: at 10,000 articles the problems
 * are 165,000 diagnostics in 10,000 files, and ten related statements each (a location and a
 * reason apiece) held 0.64 GB of the extension host's heap.
 */
const OTHERS_IN_MESSAGE = 3;
const MAX_RELATED = OTHERS_IN_MESSAGE;

const SEVERITIES: Readonly<Record<Exclude<ConflictSeverity, 'off'>, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const LIMIT_SETTING = 'newsmark.conflicts.maxArticles';

export interface ConflictProblems extends vscode.Disposable {
  /** Which articles' conflicts Problems lists now (updated once the queue has run). */
  scope(): ProblemsScope;
}

/** The status bar item's words when some articles' conflicts are not listed. */
export function limitedStatus(scope: ProblemsScope): { text: string; tooltip: string } {
  const left = scope.withConflicts - scope.listed.size;
  const count = (n: number) => n.toLocaleString('en-US');
  return {
    text: `$(info) Conflicts: ${count(scope.listed.size)} of ${count(scope.withConflicts)} articles in Problems`,
    tooltip:
      `${count(scope.withConflicts)} articles have conflicts with other sources. Problems lists those of the open ` +
      `articles and of the first ${count(scope.limit)} by path (${LIMIT_SETTING}); ${count(left)} are not listed. ` +
      `Open an article to list its conflicts; the hover shows a figure's conflicts in any article. Click to change the setting.`,
  };
}

export function isConflictDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.code === CONFLICT_CODE;
}

/** `yieldToHost`: the platform's (platform.ts), between slices. */
export function registerConflictDiagnostics(
  sources: WorkspaceCorpus,
  config: Config,
  yieldToHost: () => Promise<void>,
): ConflictProblems {
  const collection = vscode.languages.createDiagnosticCollection('newsmark.conflicts');
  const limitItem = vscode.window.createStatusBarItem('newsmark.conflictsLimited', vscode.StatusBarAlignment.Right, 98);
  limitItem.name = 'Newsmark: conflicts not in Problems';
  limitItem.command = {
    title: 'Change the limit',
    command: 'workbench.action.openSettings',
    arguments: [LIMIT_SETTING],
  };
  /** Sources that have conflict diagnostics now, by path (a removed or renamed source is still cleared). */
  const published = new Map<string, vscode.Uri>();
  /** Sources to recompute. */
  const queue = new Set<string>();
  let { severity, maxArticles } = config.settings.conflicts;
  let isRunning = false;
  let isDisposed = false;
  /** Bumped by every update: the set of conflicting sources is computed again only then. */
  let updates = 0;
  /** Bumped when the open articles or the limit change: the scope is computed again only then. */
  let scopeChanges = 0;
  let scope: ProblemsScope = problemsScope(new Set(), [], maxArticles);

  /** The diagnostics of one source (undefined: none), noting what is published. */
  const diagnosticsOf = (path: string): [vscode.Uri, vscode.Diagnostic[] | undefined] | undefined => {
    const uri = sources.uriOf(path) ?? published.get(path);
    const isListed = scope.listed.has(path);
    if (!uri || (!isListed && !published.has(path))) return undefined;
    const level = severity === 'off' ? undefined : SEVERITIES[severity];
    const diagnostics =
      level === undefined || !isListed
        ? []
        : sources.corpus.conflictsIn(path, MAX_RELATED).flatMap((f) => conflictDiagnostic(f, sources, level) ?? []);
    if (diagnostics.length) published.set(path, uri);
    else published.delete(path);
    return [uri, diagnostics.length ? diagnostics : undefined];
  };
  /** A new scope: the articles it adds or drops are recomputed, with the status bar item. */
  const rescope = (conflicting: ReadonlySet<string>) => {
    const before = scope.listed;
    scope = problemsScope(conflicting, openArticlePaths(), maxArticles);
    for (const path of scope.listed) if (!before.has(path)) queue.add(path);
    for (const path of before) if (!scope.listed.has(path)) queue.add(path);
    for (const path of published.keys()) if (!scope.listed.has(path)) queue.add(path);
    if (isLimited(scope)) {
      const status = limitedStatus(scope);
      limitItem.text = status.text;
      limitItem.tooltip = status.tooltip;
      limitItem.show();
    } else limitItem.hide();
  };
  const run = async () => {
    isRunning = true;
    try {
      await sources.whenIdle(); // a pass over the workspace lands once, not file by file
      let conflicting: ReadonlySet<string> = new Set();
      let seen = -1;
      let seenScope = -1;
      while ((queue.size > 0 || seenScope !== scopeChanges) && !isDisposed) {
        // once per update, not once per slice: on a large workspace this walks every fact, and
        // the first walk judges them all (seconds at 10,000 articles), so it too runs in slices
        if (seen !== updates) {
          seen = updates;
          const steps = sources.corpus.conflictingPathsInSteps();
          conflicting = new Set(await gatherInSlices(steps, yieldToHost, SLICE_MS));
          if (seen !== updates) continue; // the corpus changed meanwhile: walk again
          seenScope = -1;
        }
        if (seenScope !== scopeChanges) {
          seenScope = scopeChanges;
          rescope(conflicting);
        }
        const started = Date.now();
        const changes: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = [];
        for (const path of queue) {
          queue.delete(path);
          const change = diagnosticsOf(path);
          if (change) changes.push(change);
          if (Date.now() - started > SLICE_MS) break;
        }
        if (changes.length) collection.set(changes); // replaces each source's diagnostics, in one message a slice
        await yieldToHost();
      }
    } finally {
      isRunning = false;
    }
  };
  const schedule = (paths: Iterable<string>) => {
    updates++;
    for (const path of paths) queue.add(path);
    if (!isRunning) void run();
  };
  /** The open articles or the limit changed: only the articles that enter or leave the scope are recomputed. */
  const scheduleScope = () => {
    scopeChanges++;
    if (!isRunning) void run();
  };

  const disposable = vscode.Disposable.from(
    collection,
    limitItem,
    {
      dispose: () => {
        isDisposed = true;
      },
    },
    sources.onDidUpdate(({ affectedPaths }) => schedule(affectedPaths)),
    vscode.window.tabGroups.onDidChangeTabs(({ opened, closed }) => {
      if (opened.length || closed.length) scheduleScope();
    }),
    config.onDidChange((settings) => {
      const next = settings.conflicts;
      if (next.maxArticles !== maxArticles) {
        maxArticles = next.maxArticles;
        scheduleScope();
      }
      if (next.severity === severity) return;
      severity = next.severity;
      schedule([...published.keys(), ...scope.listed]);
    }),
  );
  return { scope: () => scope, dispose: () => disposable.dispose() };
}

/** The articles open in an editor tab, by their corpus paths (a tab of another scheme names no article). */
function openArticlePaths(): string[] {
  const paths: string[] = [];
  for (const group of vscode.window.tabGroups.all)
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) paths.push(articlePath(tab.input.uri));
  return paths;
}

function conflictDiagnostic(
  facts: FigureConflicts,
  sources: WorkspaceCorpus,
  severity: vscode.DiagnosticSeverity,
): vscode.Diagnostic | undefined {
  const { statement, conflicting, conflictCount } = facts;
  const range = sources.rangeOf(statement.path, statement.start, statement.end);
  if (!range || !conflicting.length) return undefined;
  const others = conflicting.slice(0, OTHERS_IN_MESSAGE).map((o) => `${shorten(o.text, 40)} in ${o.path}`);
  const diagnostic = new vscode.Diagnostic(
    range,
    `${facts.key.label}: ${shorten(statement.text, 40)} here conflicts with ${listWithMore(others, conflictCount, 'other sources')} (${conflicting[0]!.reason}).`,
    severity,
  );
  diagnostic.code = CONFLICT_CODE;
  diagnostic.source = 'Newsmark';
  diagnostic.relatedInformation = conflicting.slice(0, MAX_RELATED).flatMap((o) => {
    const location = sources.location(o.path, o.start, o.end);
    return location ? [new vscode.DiagnosticRelatedInformation(location, `${shorten(o.text, 40)}: ${o.reason}`)] : [];
  });
  return diagnostic;
}
