/**
 * A webview page that never reports "ready" is loaded again. VS Code loads a webview's script
 * through a service worker; when that fails (seen in code-server on a loaded machine, with the
 * page opened while its editor group was still changing) the page stays blank — no controls, no
 * message — until the user closes and reopens the view. The view's page posts `ready` as its
 * first act, so a visible page that has not within `timeoutMs` is given its HTML again (a fresh
 * nonce makes it new HTML, which VS Code loads); after `maxReloads` tries the user is told, with
 * the log. A hidden page is not timed: VS Code loads it again when it is shown, and the watch
 * starts over then.
 */
import type * as vscode from 'vscode';

/** What the watch needs of a WebviewPanel (a test gives a fake). */
export interface WatchedPanel {
  readonly visible: boolean;
  readonly webview: { html: string };
  readonly onDidChangeViewState: vscode.Event<unknown>;
  readonly onDidDispose: vscode.Event<void>;
}

export interface PageWatchOptions {
  /** The view's name in messages ("deal map"). */
  readonly what: string;
  /** The page's HTML, made again (a fresh nonce) for each load. */
  readonly html: () => string;
  readonly warn: (message: string) => void;
  /** Shown to the user once the reloads are spent. */
  readonly giveUp: (message: string) => void;
  readonly timeoutMs?: number;
  readonly maxReloads?: number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

export class PageWatch {
  private timer: unknown;
  private isReady = false;
  private isDisposed = false;
  private reloads = 0;
  private readonly timeoutMs: number;
  private readonly maxReloads: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  /** Sets the page's HTML and starts watching for its `ready`. */
  constructor(
    private readonly panel: WatchedPanel,
    private readonly options: PageWatchOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxReloads = options.maxReloads ?? 2;
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
    panel.webview.html = options.html();
    this.start();
  }

  /** The page said `ready`. */
  ready(): void {
    this.isReady = true;
    this.reloads = 0;
    this.stop();
  }

  /** How many times the page was loaded again since it was last ready. */
  get reloadCount(): number {
    return this.reloads;
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
    const seconds = Math.round(this.timeoutMs / 1000);
    if (this.reloads >= this.maxReloads) {
      this.options.warn(`${this.options.what}: the page did not load after ${this.reloads + 1} tries; left as it is`);
      this.options.giveUp(
        `Newsmark: the ${this.options.what} could not load its page (VS Code's webview did not start). Close it and open it again.`,
      );
      return;
    }
    this.reloads++;
    this.options.warn(`${this.options.what}: the page did not say it was ready within ${seconds} s; loading it again`);
    this.panel.webview.html = this.options.html();
    this.start();
  }
}
