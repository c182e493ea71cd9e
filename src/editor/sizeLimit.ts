/**
 * Articles left out for their size (`newsmark.analysis.maxFileSizeKB`): which, how large, and
 * whether an open document is over the limit — told from its length without copying its text in
 * the usual case. Each is logged once; the status bar lists them (statusBar.ts). Owned by the
 * workspace index, which asks before it analyses anything.
 */
import * as vscode from 'vscode';
import { utf8ByteLength } from '../core/utf8';
import { articlePath } from './articles';
import type { Config } from './config';
import type { Log } from './log';

/** An article left out for its size: not analysed, open or on disk. */
export interface SkippedArticle {
  readonly uri: vscode.Uri;
  readonly path: string;
  readonly bytes: number;
  readonly limitBytes: number;
  /** The editor's version when it is an open document (checked again only when that changes). */
  readonly version: number | undefined;
}

export class SizeLimit implements vscode.Disposable {
  private readonly byUri = new Map<string, SkippedArticle>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an article was left out for its size, or is no longer. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly config: Config,
    private readonly log: Log,
  ) {}

  /** Larger articles are not analysed. */
  get maxBytes(): number {
    return this.config.settings.analysis.maxFileSizeKB * 1024;
  }

  get(uri: vscode.Uri): SkippedArticle | undefined {
    return this.byUri.get(uri.toString());
  }

  /** Every article left out, by path. */
  all(): SkippedArticle[] {
    return [...this.byUri.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  skip(uri: vscode.Uri, bytes: number, version: number | undefined): void {
    const key = uri.toString();
    const previous = this.byUri.get(key);
    const limitBytes = this.maxBytes;
    this.byUri.set(key, { uri, path: articlePath(uri), bytes, limitBytes, version });
    if (previous?.bytes === bytes && previous.limitBytes === limitBytes) return;
    this.log.warn(
      `index: ${articlePath(uri)} is ${formatSize(bytes)}, over newsmark.analysis.maxFileSizeKB (${formatSize(limitBytes)}): not analysed`,
    );
    this.changed.fire();
  }

  unskip(uri: vscode.Uri): void {
    if (this.byUri.delete(uri.toString())) this.changed.fire();
  }

  /** Everything is checked again (the limit or the workspace changed). */
  clear(): void {
    if (this.byUri.size === 0) return;
    this.byUri.clear();
    this.changed.fire();
  }

  /** The UTF-8 size of an open document if it is over the limit, else undefined: n UTF-16 units are n to 3n bytes. */
  documentBytesOver(doc: vscode.TextDocument): number | undefined {
    const limit = this.maxBytes;
    const skipped = this.byUri.get(doc.uri.toString());
    if (skipped && skipped.version === doc.version && skipped.limitBytes === limit) return skipped.bytes;
    const units = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
    if (units * 3 <= limit) return undefined;
    const bytes = utf8ByteLength(doc.getText());
    return bytes > limit ? bytes : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** "2.5 MB", "640 KB", "1.2 GB". */
export function formatSize(bytes: number): string {
  if (bytes >= 1 << 30) return `${(bytes / (1 << 30)).toFixed(1)} GB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
