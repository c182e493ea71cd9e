/**
 * "newsmark: analysing article 12 of 40… 3 s" on standard error, for a run that lasts over a
 * second at a terminal; nothing otherwise (not in a pipe, a file or CI logs). One line rewritten
 * in place and cleared at the end; a message printed meanwhile goes above it. Hand-written:
 * progress libraries (cli-progress, ora and their dependencies) bring bars, spinners, themes and
 * ~30–100 KB to the bundle for what is one `\r` line here.
 */
import { report, writeAll } from './output';

/** Shown only after this long: a quick run prints nothing. */
const DELAY_MS = 1000;
/** Redrawn at most this often. */
const REDRAW_MS = 100;

export class ProgressLine {
  private done = 0;
  private readonly startedAt = Date.now();
  private lastDrawAt = 0;
  private isShown = false;
  private readonly timer: ReturnType<typeof setInterval> | undefined;

  /** `isEnabled`: whether standard error is a terminal (tests pass it). */
  constructor(
    private readonly total: number,
    private readonly noun: string,
    private readonly isEnabled = Boolean(process.stderr.isTTY),
  ) {
    // while one large file is analysed in a worker this thread is free: keep the seconds moving
    this.timer = isEnabled ? setInterval(() => this.draw(false), 250) : undefined;
    this.timer?.unref();
  }

  /** One more article done. */
  tick(): void {
    this.done++;
    this.draw(false);
  }

  /** A line for standard error, above the progress line. */
  report(message: string): void {
    this.clear();
    report(message);
    this.draw(true);
  }

  /** The run is over: the line is cleared. */
  finish(): void {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }

  private draw(isForced: boolean): void {
    if (!this.isEnabled || this.done >= this.total) return;
    const now = Date.now();
    if (now - this.startedAt < DELAY_MS || (!isForced && now - this.lastDrawAt < REDRAW_MS)) return;
    this.lastDrawAt = now;
    this.isShown = true;
    writeAll(
      2,
      `\r\x1b[Knewsmark: analysing ${this.noun} ${Math.min(this.done + 1, this.total)} of ${this.total}… ${Math.round((now - this.startedAt) / 1000)} s`,
    );
  }

  private clear(): void {
    if (!this.isShown) return;
    writeAll(2, '\r\x1b[K');
    this.isShown = false;
  }
}
