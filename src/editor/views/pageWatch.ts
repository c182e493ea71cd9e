/**
 * A webview page that never reports "ready" gets a new webview. VS Code sometimes leaves a new
 * webview blank — no controls, no message — until the user closes the view and opens it again:
 * seen in code-server when the page was created while its editor area was being split (the
 * first-run walkthrough opening beside). The view's page posts `ready` as its first act, so a
 * visible page that has not within `timeoutMs` is closed and opened again in its column, as the
 * user would (`reopen`); after `maxReopens` tries the user is told, and the log says so. A hidden
 * page is not timed: VS Code loads it again when it is shown, and the watch starts over then.
 */
import type * as vscode from 'vscode';

/** What the watch needs of a WebviewPanel (a test gives a fake). */
export interface WatchedPanel {
  readonly visible: boolean;
  readonly onDidChangeViewState: vscode.Event<unknown>;
  readonly onDidDispose: vscode.Event<void>;
}

export interface PageWatchOptions {
  /** The view's name in messages ("deal map"). */
  readonly what: string;
  /** How many times this view was reopened for want of a `ready` (0 for a page the user opened). */
  readonly attempt: number;
  /** Closes the panel and opens the view again (the next PageWatch gets `attempt + 1`). */
  readonly reopen: (attempt: number) => void;
  readonly warn: (message: string) => void;
  /** Shown to the user once the reopens are spent. */
  readonly giveUp: (message: string) => void;
  readonly timeoutMs?: number;
  readonly maxReopens?: number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export class PageWatch {
  private timer: unknown;
  private isReady = false;
  private isDisposed = false;
  private readonly timeoutMs: number;
  private readonly maxReopens: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  /** Starts watching a panel whose HTML was just set for its `ready`. */
  constructor(
    private readonly panel: WatchedPanel,
    private readonly options: PageWatchOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxReopens = options.maxReopens ?? 2;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    panel.onDidDispose(() => {
      this.isDisposed = true;
      this.stop();
    });
    panel.onDidChangeViewState(() => {
      // hidden: VS Code drops the page and loads it again when shown, which then says ready again
      if (!panel.visible) {
        this.isReady = false;
        this.stop();
      } else if (!this.isReady) this.start();
    });
    this.start();
  }

  /** The page said `ready`. */
  ready(): void {
    this.isReady = true;
    this.stop();
  }

  private start(): void {
    this.stop();
    if (this.isDisposed || !this.panel.visible) return;
    this.timer = this.setTimer(() => this.expire(), this.timeoutMs);
  }

  private stop(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private expire(): void {
    this.timer = undefined;
    if (this.isDisposed || this.isReady || !this.panel.visible) return;
    const { what, attempt } = this.options;
    if (attempt >= this.maxReopens) {
      this.options.warn(`${what}: the page did not start after ${attempt + 1} tries; left as it is`);
      this.options.giveUp(
        `Newsmark: the ${what} could not start its page (VS Code's webview stayed blank). Close it and open it again.`,
      );
      return;
    }
    this.options.warn(
      `${what}: the page did not say it was ready within ${Math.round(this.timeoutMs / 1000)} s; opening it again`,
    );
    this.options.reopen(attempt + 1);
  }
}
