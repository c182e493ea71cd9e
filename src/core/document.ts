/**
 * What the core reads and reports, free of any editor or file-system type.
 * `vscode.TextDocument` satisfies `TextSource` structurally (uri → path is mapped by the editor).
 */

/** One article: its path (workspace-relative or absolute, as the caller names it) and its text. */
export interface TextSource {
  readonly path: string;
  readonly text: string;
  /** Editor version of the text, when there is one; used only for caching. */
  readonly version?: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem with the content, never thrown: returned next to the results. */
export interface ContentDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly severity: Severity;
}

/** Satisfied by `vscode.CancellationToken`. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** Satisfied by `vscode.LogOutputChannel` and by `console`. */
export interface Logger {
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

export const neverCancelled: Cancellation = Object.freeze({ isCancellationRequested: false });

/** A `[start, end)` range in UTF-16 code units of the file text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}
