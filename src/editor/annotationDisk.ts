/**
 * Where the annotation store reads and writes: the annotations file and the write-ahead journal.
 * A local folder (`file:`) goes through Node (src/node): an exclusive lock between windows and
 * processes, temp file + fsync + `rename(2)` — atomic, the old file never deleted first (VS Code's
 * `workspace.fs.rename(…, {overwrite})` deletes the target before renaming). Any other scheme
 * (a remote or virtual workspace) goes through `vscode.workspace.fs`, writing the file in one
 * call and leaving atomicity to its file-system provider.
 */
import * as vscode from 'vscode';
import { Journal, type JournalFile } from '../node/journal';
import { readTextOrMissing, removeStaleTemps, updateLocked, type LockedUpdate } from '../node/lockedFile';

export interface AnnotationFileAccess {
  /** The file's text; undefined when there is no file. Other failures are thrown. */
  read(): Promise<string | undefined>;
  /** Reads the file and writes what `next` makes of it, with no other writer in between where the platform allows. */
  update(next: (current: string | undefined) => string | undefined): Promise<LockedUpdate>;
  /** Removes temp files left by a crash. */
  cleanUp(): Promise<number>;
}

export interface ChangeJournal {
  append(values: readonly unknown[]): Promise<void>;
  rewrite(values: readonly unknown[]): Promise<void>;
  readAll(): Promise<JournalFile[]>;
  removeFiles(paths: readonly string[]): Promise<void>;
}

export function annotationFileAccess(uri: vscode.Uri): AnnotationFileAccess {
  if (uri.scheme === 'file') {
    return {
      read: () => readTextOrMissing(uri.fsPath),
      update: (next) => updateLocked(uri.fsPath, next),
      cleanUp: () => removeStaleTemps(uri.fsPath),
    };
  }
  return {
    read: () => readVscodeText(uri),
    update: async (next) => {
      const before = await readVscodeText(uri);
      const after = next(before);
      if (after === undefined || after === before) return { before, after: before, isWritten: false };
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(after));
      return { before, after, isWritten: true };
    },
    cleanUp: async () => 0,
  };
}

/** The journal of one workspace folder's changes, in the extension's storage. */
export function changeJournal(storage: vscode.Uri, folderKey: string): ChangeJournal {
  const dir = vscode.Uri.joinPath(storage, 'journal', folderKey);
  if (dir.scheme === 'file') return new Journal(dir.fsPath);
  return new WorkspaceFsJournal(dir);
}

async function readVscodeText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/** The journal through `vscode.workspace.fs` (no append there: the session's file is rewritten whole; it stays small). */
class WorkspaceFsJournal implements ChangeJournal {
  private readonly file: vscode.Uri;
  private lines: string[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly dir: vscode.Uri) {
    this.file = vscode.Uri.joinPath(dir, `${Date.now().toString(36)}-${globalThis.crypto.randomUUID().slice(0, 8)}.jsonl`);
  }

  append(values: readonly unknown[]): Promise<void> {
    return this.enqueue(() => {
      this.lines.push(...values.map((v) => JSON.stringify(v)));
      return this.save();
    });
  }

  rewrite(values: readonly unknown[]): Promise<void> {
    return this.enqueue(() => {
      this.lines = values.map((v) => JSON.stringify(v));
      return this.save();
    });
  }

  async readAll(): Promise<JournalFile[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.dir);
    } catch {
      return [];
    }
    const files: JournalFile[] = [];
    for (const [name] of entries.filter(([n, type]) => n.endsWith('.jsonl') && type === vscode.FileType.File).sort()) {
      const uri = vscode.Uri.joinPath(this.dir, name);
      const text = (await readVscodeText(uri).catch(() => undefined)) ?? '';
      const lines: unknown[] = [];
      let badLines = 0;
      for (const line of text.split('\n').filter((l) => l.trim())) {
        try {
          lines.push(JSON.parse(line));
        } catch {
          badLines++;
        }
      }
      files.push({ path: uri.toString(), lines, badLines });
    }
    return files;
  }

  async removeFiles(paths: readonly string[]): Promise<void> {
    for (const p of paths) {
      if (p !== this.file.toString()) await vscode.workspace.fs.delete(vscode.Uri.parse(p)).then(undefined, () => undefined);
    }
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async save(): Promise<void> {
    if (this.lines.length === 0) {
      await vscode.workspace.fs.delete(this.file).then(undefined, () => undefined);
      return;
    }
    await vscode.workspace.fs.createDirectory(this.dir);
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(`${this.lines.join('\n')}\n`));
  }
}
