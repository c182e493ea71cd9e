/**
 * The browser build (`browser`: dist/web/extension.js), in the web worker extension host of
 * vscode.dev, github.dev or any VS Code for the Web: no Node, every file through
 * `vscode.workspace.fs`, the index on the host in slices (src/editor/webPlatform.ts). The wiring
 * is shared with the desktop build (src/extension.ts): src/activation.ts.
 */
import type * as vscode from 'vscode';
import { activateNewsmark, deactivateNewsmark, type NewsmarkApi } from './activation';
import { webPlatform } from './editor/webPlatform';

export type { NewsmarkApi } from './activation';

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  return activateNewsmark(context, webPlatform());
}

/** Every annotation change still in memory goes to its file before the window closes. */
export function deactivate(): Promise<void> {
  return deactivateNewsmark();
}
