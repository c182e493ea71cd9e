/**
 * The browser build's platform (platform.ts): the web worker extension host of vscode.dev,
 * github.dev or any VS Code for the Web. There is no Node: every file — the annotations file,
 * the journal (in the extension's storage), exports, the lexicon — goes through
 * `vscode.workspace.fs`, which has neither a lock between windows nor an atomic rename
 * (annotationDisk.ts says what the store does instead); SHA-256 comes from Web Crypto; there are
 * no worker threads, so the index analyses files on the host, yielding between articles, and
 * persists no facts between sessions (each window analyses the workspace again); and
 * there is no operating-system user, so corrections record `newsmark.author` or "unknown".
 * Only src/extension.web.ts imports this module.
 */
import { concatBytes } from '../core/bytes';
import * as vscode from 'vscode';
import * as engine from '../core/engine';
import { WorkspaceFsJournal, workspaceFsAnnotationFile } from './annotationDisk';
import { writeWorkspaceFsText } from './files';
import { hexOf, yieldThroughMessageChannel, type Platform } from './platform';

export function webPlatform(): Platform {
  return {
    kind: 'web',
    host: describeHost(),
    annotationFile: (uri) => workspaceFsAnnotationFile(uri),
    changeJournal: (storage, folderKey) => new WorkspaceFsJournal(vscode.Uri.joinPath(storage, 'journal', folderKey)),
    writeTextFile: writeWorkspaceFsText,
    sha256: async (parts) => {
      const subtle = globalThis.crypto?.subtle;
      if (!subtle)
        throw new Error('the browser offers SHA-256 (Web Crypto) only to pages served over https or from localhost');
      return hexOf(new Uint8Array(await subtle.digest('SHA-256', concatBytes(parts))));
    },
    userName: () => undefined,
    yieldToHost: yieldThroughMessageChannel,
    // one file in the browser: the engine is in the bundle
    engine: () => engine,
    indexWorkers: undefined,
    persistedFacts: undefined,
  };
}

/** Where this bundle runs, in words for the log (the web check reads it: it must say "web worker"). */
function describeHost(): string {
  const scope = globalThis as { importScripts?: unknown; document?: unknown };
  if (typeof scope.importScripts === 'function') return 'a web worker extension host';
  if (typeof scope.document === 'object') return 'a browser page';
  return 'a JavaScript host that is not a browser';
}
