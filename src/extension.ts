/**
 * The desktop build (`main`: dist/extension.js), in a Node extension host: annotation files under a
 * lock shared by every window, written atomically, a journal through Node fs, worker threads for
 * the index (src/editor/nodePlatform.ts). The wiring is shared with the browser build
 * (src/extension.web.ts): src/activation.ts.
 */
import type * as vscode from 'vscode';
import { activateNewsmark, deactivateNewsmark, type NewsmarkApi } from './activation';
import { nodePlatform } from './editor/nodePlatform';

export type { NewsmarkApi } from './activation';

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  return activateNewsmark(
    context,
    nodePlatform({
      indexWorkerScript: context.asAbsolutePath('dist/indexWorker.js'),
      // the engine is required on first analysis, not now: activation does not load its code and data
      engineScript: context.asAbsolutePath('dist/engine.js'),
    }),
  );
}

/** Every annotation change still in memory goes to its file before the window closes. */
export function deactivate(): Promise<void> {
  return deactivateNewsmark();
}
