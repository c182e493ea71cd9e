import * as vscode from 'vscode';

/** What the extension exports to other extensions and to the integration tests. */
export interface NewsmarkApi {
  readonly version: string;
}

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  const log = vscode.window.createOutputChannel('Newsmark', { log: true });
  context.subscriptions.push(log);
  log.info('Newsmark activated');
  return { version: String(context.extension.packageJSON.version) };
}

export function deactivate(): void {}
