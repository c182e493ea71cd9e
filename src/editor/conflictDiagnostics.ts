/**
 * Conflicts as problems: each figure whose fact another source states differently gets a
 * diagnostic on it — severity `newsmark.conflicts.severity` (Information by default; "off"
 * reports none) — naming the fact, the other sources' values and why they conflict, with each
 * conflicting statement as related information. Kept current from the corpus's updates: only
 * the sources an update concerns are recomputed. The quick fixes (conflictActions.ts) find
 * these by `CONFLICT_CODE`.
 */
import * as vscode from 'vscode';
import type { FigureConflicts } from '../core/corpus/index';
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

export function isConflictDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.code === CONFLICT_CODE;
}

/** `yieldToHost`: the platform's (platform.ts), between slices. */
export function registerConflictDiagnostics(
  sources: WorkspaceCorpus,
  config: Config,
  yieldToHost: () => Promise<void>,
): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('newsmark.conflicts');
  /** Sources that have conflict diagnostics now, by path (a removed or renamed source is still cleared). */
  const published = new Map<string, vscode.Uri>();
  /** Sources to recompute. */
  const queue = new Set<string>();
  let severity = config.settings.conflicts.severity;
  let isRunning = false;
  let isDisposed = false;
  /** Bumped by every update: the set of conflicting sources is computed again only then. */
  let updates = 0;

  /** The diagnostics of one source (undefined: none), noting what is published. */
  const diagnosticsOf = (
    path: string,
    conflicting: ReadonlySet<string>,
  ): [vscode.Uri, vscode.Diagnostic[] | undefined] | undefined => {
    const uri = sources.uriOf(path) ?? published.get(path);
    if (!uri || (!conflicting.has(path) && !published.has(path))) return undefined;
    const level = severity === 'off' ? undefined : SEVERITIES[severity];
    const diagnostics =
      level === undefined || !conflicting.has(path)
        ? []
        : sources.corpus.conflictsIn(path, MAX_RELATED).flatMap((f) => conflictDiagnostic(f, sources, level) ?? []);
    if (diagnostics.length) published.set(path, uri);
    else published.delete(path);
    return [uri, diagnostics.length ? diagnostics : undefined];
  };
  const run = async () => {
    isRunning = true;
    try {
      await sources.whenIdle(); // a pass over the workspace lands once, not file by file
      let conflicting: ReadonlySet<string> = new Set();
      let seen = -1;
      while (queue.size > 0 && !isDisposed) {
        // once per update, not once per slice: on a large workspace this walks every fact
        if (seen !== updates) {
          seen = updates;
          conflicting = sources.corpus.conflictingPaths();
        }
        const started = Date.now();
        const changes: Array<[vscode.Uri, vscode.Diagnostic[] | undefined]> = [];
        for (const path of queue) {
          queue.delete(path);
          const change = diagnosticsOf(path, conflicting);
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

  return vscode.Disposable.from(
    collection,
    {
      dispose: () => {
        isDisposed = true;
      },
    },
    sources.onDidUpdate(({ affectedPaths }) => schedule(affectedPaths)),
    config.onDidChange((settings) => {
      if (settings.conflicts.severity === severity) return;
      severity = settings.conflicts.severity;
      schedule([...published.keys(), ...sources.corpus.conflictingPaths()]);
    }),
  );
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
