/**
 * The desktop build's platform (platform.ts): a Node extension host. A local folder's annotations
 * file goes through src/node — an exclusive lock shared by every window and process, temp file +
 * fsync + `rename(2)`, the old file never deleted first — and so does the journal and every
 * export; a remote or virtual folder through `vscode.workspace.fs`. The index's background pass
 * runs in worker threads (dist/indexWorker.js), which keep each file's facts in the workspace
 * storage (`persistedFacts`: <storage>/facts-index) when that is a local folder. Only
 * src/extension.ts imports this module.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import * as path from 'node:path';
import { readSnapshot, writeSnapshot } from '../node/corpusSnapshot';
import { entryFileOf, openFactCache, pruneEntries, removeEntry } from '../node/factCache';
import { Journal } from '../node/journal';
import { readTextOrMissing, removeStaleTemps, updateLocked, writeAtomically } from '../node/lockedFile';
import { WorkerPool } from '../workers/pool';
import { WorkspaceFsJournal, workspaceFsAnnotationFile } from './annotationDisk';
import { writeWorkspaceFsText } from './files';
import type { IndexJob, IndexResult } from './indexProtocol';
import type { Engine, IndexWorkers, Platform } from './platform';

export interface NodePlatformOptions {
  /** dist/indexWorker.js; without it every analysis runs on the extension host. */
  readonly indexWorkerScript?: string;
  /** dist/engine.js, required on first analysis (not at activation); without it the engine cannot be loaded. */
  readonly engineScript?: string;
}

export function nodePlatform(options: NodePlatformOptions = {}): Platform {
  const script = options.indexWorkerScript;
  let engine: Engine | undefined;
  const indexWorkers: IndexWorkers | undefined =
    script === undefined
      ? undefined
      : {
          availableCores: () =>
            typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
          createPool: ({ size, resourceLimits, onLog }) =>
            new WorkerPool<IndexJob, IndexResult>({ script, size, resourceLimits, onLog }),
        };
  return {
    kind: 'desktop',
    host: `a Node ${process.versions.node} extension host`,
    annotationFile: (uri) =>
      uri.scheme === 'file'
        ? {
            read: () => readTextOrMissing(uri.fsPath),
            update: (next) => updateLocked(uri.fsPath, next),
            cleanUp: () => removeStaleTemps(uri.fsPath),
          }
        : workspaceFsAnnotationFile(uri),
    changeJournal: (storage, folderKey) => {
      const dir = vscode.Uri.joinPath(storage, 'journal', folderKey);
      return dir.scheme === 'file' ? new Journal(dir.fsPath) : new WorkspaceFsJournal(dir);
    },
    writeTextFile: async (uri, text) => {
      if (uri.scheme !== 'file') return writeWorkspaceFsText(uri, text);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await writeAtomically(uri.fsPath, text);
    },
    sha256: async (parts) => {
      const hash = createHash('sha256');
      for (const part of parts) hash.update(part);
      return hash.digest('hex');
    },
    userName: () => os.userInfo().username,
    yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)),
    engine: () => (engine ??= loadEngine(options.engineScript)),
    indexWorkers,
    // read and written by the index's workers only: without them nothing is persisted
    persistedFacts: indexWorkers && {
      open: async (storage, build) =>
        storage.scheme === 'file'
          ? openFactCache(path.join(storage.fsPath, 'facts-index'), build)
          : { status: 'refused', error: `the workspace storage ${storage.toString()} is not a local folder` },
      prune: (dir, keep) => pruneEntries(dir, new Set(keep.map((identity) => entryFileOf(dir, identity)))),
      remove: async (dir, identity) => void (await removeEntry(entryFileOf(dir, identity))),
      readSnapshot,
      writeSnapshot,
      statFile: async (fsPath) => {
        const stat = await fs.promises.stat(fsPath).catch(() => undefined);
        return stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
      },
    },
  };
}

/**
 * dist/engine.js, by Node's own `require` at run time (esbuild leaves a require of a computed path
 * alone), so that the extension's bundle holds none of it: loading the engine's code and data took
 * most of the time VS Code waits for `activate()`.
 */
function loadEngine(script: string | undefined): Engine {
  if (script === undefined) throw new Error('no engine: this platform was made without dist/engine.js');
  return require(script) as Engine;
}
