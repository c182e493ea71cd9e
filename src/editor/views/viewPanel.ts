/** A Newsmark webview panel: made in a column, its page loaded and watched until it starts (pageWatch.ts). */
import * as vscode from 'vscode';
import type { Log } from '../log';
import { PageWatch } from './pageWatch';
import { webviewHtml, webviewOptions } from './webviewHtml';

export interface ViewPanelSpec {
  readonly viewType: string;
  /** The tab's title. */
  readonly title: string;
  /** The page: its HTML title, script and stylesheet in dist/webview. */
  readonly page: { readonly title: string; readonly script: string; readonly style: string };
  /** The view's name in messages ("deal map"). */
  readonly what: string;
}

/**
 * Makes the panel in `column`, loads its page and hands both to `wire` (the view keeps the panel,
 * listens to it, and tells the watch when the page says ready). A page that never starts is closed
 * and made again in its column with its current title — `attempt` counts those — so `wire` is
 * called again with the new panel.
 */
export function openViewPanel(
  spec: ViewPanelSpec,
  extensionUri: vscode.Uri,
  log: Log,
  column: vscode.ViewColumn,
  attempt: number,
  wire: (panel: vscode.WebviewPanel, page: PageWatch) => void,
): void {
  const panel = vscode.window.createWebviewPanel(
    spec.viewType,
    spec.title,
    { viewColumn: column, preserveFocus: attempt > 0 },
    webviewOptions(extensionUri),
  );
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'newsmark.svg');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, spec.page);
  const page = new PageWatch(panel, {
    what: spec.what,
    attempt,
    reopen: (next) => {
      const again = { ...spec, title: panel.title };
      const where = panel.viewColumn ?? vscode.ViewColumn.Active;
      panel.dispose();
      openViewPanel(again, extensionUri, log, where, next, wire);
    },
    warn: (message) => log.warn(message),
    giveUp: (message) => void vscode.window.showWarningMessage(message),
  });
  wire(panel, page);
}
